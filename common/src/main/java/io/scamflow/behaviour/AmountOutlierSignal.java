package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Amount outlier: today's largest payment is far above what the account usually pays (robust
 * z-score against its own median and MAD); an account with too little history is measured against
 * its peer group instead, with the group's upper-tail spread (peers pay rent and invoices too: a
 * new account's first large payment is unusual only beyond what the group's own accounts pay), and
 * its score counts cold-evidence-weight. A victim's "top-up" many times its usual bill payment is
 * the case.
 */
public final class AmountOutlierSignal implements Detector {
  @Override
  public String typology() {
    return "amount_outlier";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf conf = BehaviourFrame.conf(context);
    BehaviourConf.Signal signal = conf.signal("amount-outlier");
    double minZ = signal.decimal("min-z");
    double minUsd = signal.decimal("min-usd");
    Column own = conf.ownAmounts();
    Column median = functions.when(own, col("b_amount_median")).otherwise(col("p_amount_median"));
    Column mad = functions.when(own, col("b_amount_mad")).otherwise(col("p_amount_mad"));
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .where(own.or(col("peers_ok")))
            .withColumn("basis", BehaviourFrame.basis(own))
            .withColumn("ref_median", median)
            .withColumn(
                "ref_mad",
                functions
                    .when(own, conf.flooredMad(mad, median))
                    .otherwise(
                        conf.peerSpread(
                            col("p_amount_mad"), col("p_amount_median"), col("p_amount_p95"))))
            .withColumn(
                "z", BehaviourConf.robustZ(col("t.out_max_usd"), col("ref_median"), col("ref_mad")))
            .where(col("t.out_max_usd").geq(minUsd).and(col("z").geq(minZ)))
            .withColumn("limit_usd", col("ref_median").plus(col("ref_mad").multiply(minZ / 0.6745)))
            .withColumn(
                "hits",
                functions.filter(
                    BehaviourFrame.outs(), x -> x.getField("usd").geq(col("limit_usd"))));
    String rule =
        String.format(
            "amount outlier: a payment >= %.0f USD with robust z >= %.1f against the account's own"
                + " median/MAD (when it has little history: its peer group's median, spread the"
                + " larger of the group's MAD and its upper tail, (p95 - median) / 1.645 sd)",
            minUsd, minZ);
    return BehaviourFrame.alerts(
        found,
        typology(),
        expr("transform(hits, x -> x.cp)"),
        expr("transform(hits, x -> x.transfer_id)"),
        expr("aggregate(hits, 0D, (a, x) -> a + x.usd)"),
        conf.scaledForCold(col("z").divide(2 * minZ), functions.not(own)),
        rule,
        struct(
            col("basis"),
            col("t.out_max_usd").as("today_max_usd"),
            col("ref_median").as("median_usd"),
            col("ref_mad").as("mad_usd"),
            functions.round(col("z"), 2).as("z"),
            col("b_amount_n").as("own_samples"),
            col("peer_group"),
            functions.when(functions.not(own), col("cold_start")).as("cold_start")));
  }
}
