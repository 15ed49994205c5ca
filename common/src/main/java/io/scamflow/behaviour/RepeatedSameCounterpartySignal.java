package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Repeated same counterparty: several payments to one payee on one day, more than the account has
 * ever made to one payee on one day in its window (splitting to stay under limits, or a victim
 * paying again and again). Peer-free: a cold account's own habit counts as zero.
 */
public final class RepeatedSameCounterpartySignal implements Detector {
  @Override
  public String typology() {
    return "repeated_same_counterparty";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf.Signal signal = BehaviourFrame.conf(context).signal("repeated-same-counterparty");
    double minCount = signal.decimal("min-count");
    double minUsd = signal.decimal("min-usd");
    Dataset<Row> frame = BehaviourFrame.of(context);
    Dataset<Row> perPayee =
        frame
            .select(
                col("account"),
                functions.explode(BehaviourFrame.outs()).as("o"),
                col("b_max_same_payee"),
                col("first_ts"),
                col("last_ts"))
            .groupBy(col("account"), col("o.cp").as("payee"), col("b_max_same_payee"))
            .agg(
                functions.count("*").as("n"),
                functions.sum("o.usd").as("usd"),
                functions.collect_list("o.transfer_id").as("payee_ids"),
                functions.min("o.ts").as("first_ts"),
                functions.max("o.ts").as("last_ts"))
            .where(
                col("n")
                    .geq(minCount)
                    .and(col("usd").geq(minUsd))
                    .and(col("n").gt(functions.coalesce(col("b_max_same_payee"), lit(0L)))));
    String rule =
        String.format(
            "repeated same counterparty: >= %.0f payments to one payee on one day (>= %.0f USD),"
                + " more than the account's most to one payee on any day of its window",
            minCount, minUsd);
    return BehaviourFrame.alerts(
        perPayee,
        typology(),
        functions.array(col("payee")),
        col("payee_ids"),
        col("usd"),
        col("n").divide(2 * minCount),
        rule,
        struct(
            col("payee"),
            col("n").as("payments_today"),
            col("usd").as("usd_today"),
            col("b_max_same_payee").as("window_max_same_payee")));
  }
}
