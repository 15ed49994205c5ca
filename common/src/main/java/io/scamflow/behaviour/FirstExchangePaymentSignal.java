package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * First exchange payment: the account pays a known exchange or OTC desk (silver.address_tags,
 * silver.vasp_links) for the first time, for a sizeable amount; stronger when the amount is many
 * times its usual payment (its peers' when cold) or follows money just received ("liquidated
 * savings": the classic pig-butchering top-up).
 */
public final class FirstExchangePaymentSignal implements Detector {
  @Override
  public String typology() {
    return "first_exchange_payment";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf conf = BehaviourFrame.conf(context);
    BehaviourConf.Signal signal = conf.signal("first-exchange-payment");
    double minUsd = signal.decimal("min-usd");
    double multiple = signal.decimal("savings-multiple");
    Column own = conf.ownAmounts();
    Column median = functions.when(own, col("b_amount_median")).otherwise(col("p_amount_median"));
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .where(
                col("t.vasp_usd")
                    .geq(minUsd)
                    .and(col("b_first_exchange_payment").isNull())
                    .and(col("account_kind").notEqual("vasp")))
            .withColumn("basis", BehaviourFrame.basis(own))
            .withColumn("ref_median", median)
            .withColumn(
                "multiple_of_median",
                col("t.vasp_usd").divide(functions.greatest(median, lit(1.0))))
            .withColumn(
                "liquidated_savings",
                functions
                    .coalesce(col("multiple_of_median").geq(multiple), lit(false))
                    .or(col("t.in_usd").geq(col("t.vasp_usd").multiply(0.8))))
            .withColumn("hits", expr("filter(outs, x -> x IS NOT NULL AND x.cp_vasp)"));
    String rule =
        String.format(
            "first exchange payment: >= %.0f USD to a known exchange or OTC desk by an account"
                + " that never paid one before; stronger after liquidated savings (>= %.0fx its"
                + " usual payment, or paid on from money received the same day)",
            minUsd, multiple);
    return BehaviourFrame.alerts(
        found,
        typology(),
        expr("transform(hits, x -> x.cp)"),
        expr("transform(hits, x -> x.transfer_id)"),
        col("t.vasp_usd"),
        lit(0.4)
            .plus(functions.when(col("cold"), lit(0.0)).otherwise(lit(0.2)))
            .plus(functions.when(col("liquidated_savings"), lit(0.3)).otherwise(lit(0.0))),
        rule,
        struct(
            col("basis"),
            col("t.vasp_n").as("exchange_payments"),
            col("t.vasp_usd").as("exchange_usd"),
            col("ref_median").as("median_usd"),
            functions.round(col("multiple_of_median"), 2).as("multiple_of_median"),
            col("t.in_usd").as("received_today_usd"),
            col("liquidated_savings"),
            col("b_first_seen").as("history_since"),
            col("b_active_days").as("window_active_days"),
            functions.when(functions.not(own), col("cold_start")).as("cold_start")));
  }
}
