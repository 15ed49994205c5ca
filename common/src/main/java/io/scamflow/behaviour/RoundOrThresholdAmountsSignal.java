package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Round or threshold amounts: several payments today that are whole thousands of their currency or
 * just below its reporting threshold (scamflow.detect.structuring), more than the account made in
 * its whole window.
 */
public final class RoundOrThresholdAmountsSignal implements Detector {
  @Override
  public String typology() {
    return "round_or_threshold_amounts";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf.Signal signal = BehaviourFrame.conf(context).signal("round-or-threshold");
    double minCount = signal.decimal("min-count");
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .withColumn("hits", expr("filter(outs, x -> x IS NOT NULL AND x.unusual_amount)"))
            .where(
                col("t.round_n")
                    .geq(minCount)
                    .and(col("t.round_n").gt(functions.coalesce(col("b_round_n"), lit(0L)))));
    String rule =
        String.format(
            "round or threshold amounts: >= %.0f payments today that are whole multiples of the"
                + " round unit or just below the currency's reporting threshold, more than in the"
                + " account's window",
            minCount);
    return BehaviourFrame.alerts(
        found,
        typology(),
        expr("transform(hits, x -> x.cp)"),
        expr("transform(hits, x -> x.transfer_id)"),
        expr("aggregate(hits, 0D, (a, x) -> a + coalesce(x.usd, 0D))"),
        lit(0.3).plus(col("t.round_n").divide(4 * minCount)),
        rule,
        struct(
            col("t.round_n").as("today_round_n"),
            col("t.out_n").as("today_out_n"),
            col("b_round_n").as("window_round_n"),
            col("b_active_days").as("window_active_days")));
  }
}
