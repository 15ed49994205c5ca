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
 * New counterparties burst: on one day the account pays several payees it has never paid or been
 * paid by in its window, and they are most of its payees. Only for a warm account: a cold one has
 * no past its payees could be new against (all are), and its many payees are velocity_spike's
 * evidence, judged against its peers there.
 */
public final class NewCounterpartiesBurstSignal implements Detector {
  @Override
  public String typology() {
    return "new_counterparties_burst";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf.Signal signal = BehaviourFrame.conf(context).signal("new-counterparties-burst");
    double minNew = signal.decimal("min-new");
    double minShare = signal.decimal("min-share");
    double minUsd = signal.decimal("min-usd");
    Column own = BehaviourConf.ownHistory();
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .withColumn("basis", BehaviourFrame.basis(own))
            .withColumn(
                "payees",
                expr("array_distinct(transform(filter(outs, x -> x IS NOT NULL), x -> x.cp))"))
            .withColumn(
                "new_payees",
                expr(
                    "filter(payees, p -> NOT array_contains(coalesce(b_counterparties,"
                        + " array()), p))"))
            .withColumn(
                "new_share",
                functions
                    .size(col("new_payees"))
                    .divide(functions.greatest(functions.size(col("payees")), lit(1))))
            .where(col("t.out_usd").geq(minUsd).and(functions.size(col("new_payees")).geq(minNew)))
            // own history only: with none (or fewer than cold-start-min-active-days active days)
            // every payee is "new", so a cold account's new payees are just its payees, the count
            // velocity_spike already judges against its peers; firing here too would count one
            // fact twice (on the 2-day generated world both flagged the same accounts).
            .where(own.and(col("new_share").geq(minShare)));
    String rule =
        String.format(
            "new counterparties burst: >= %.0f payees today not seen in the account's window"
                + " (>= %.0f%% of its payees, >= %.0f USD); only for an account with history of"
                + " its own (a new account's payees are all new)",
            minNew, minShare * 100, minUsd);
    return BehaviourFrame.alerts(
        found,
        typology(),
        col("new_payees"),
        expr(
            "transform(filter(outs, x -> x IS NOT NULL AND array_contains(new_payees, x.cp)), x ->"
                + " x.transfer_id)"),
        expr(
            "aggregate(filter(outs, x -> x IS NOT NULL AND array_contains(new_payees, x.cp)), 0D,"
                + " (a, x) -> a + coalesce(x.usd, 0D))"),
        functions.size(col("new_payees")).divide(2 * minNew),
        rule,
        struct(
            col("basis"),
            functions.size(col("new_payees")).as("new_payees"),
            functions.size(col("payees")).as("payees_today"),
            functions.round(col("new_share"), 2).as("new_share"),
            col("b_counterparty_n").as("window_counterparties"),
            col("b_active_days").as("window_active_days")));
  }
}
