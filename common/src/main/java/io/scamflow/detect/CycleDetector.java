package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cycles: money leaves an account and comes back to it through 1 to 5 other accounts, each hop
 * later than the one before (time-ordered), within a span, with most of the amount kept on every
 * hop (a loan that "comes back" through mules). Family money going round is small, so a minimum
 * amount per hop keeps it out.
 */
public final class CycleDetector implements Detector {
  @Override
  public String typology() {
    return "cycle";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int maxLength = context.integer("cycle.max-length");
    int spanHours = context.integer("cycle.span-hours");
    double minUsd = context.decimal("cycle.min-usd");
    double minRatio = context.decimal("cycle.min-hop-ratio");
    double maxRatio = context.decimal("cycle.max-hop-ratio");
    double minShare = context.decimal("cycle.min-account-share");
    Dataset<Row> window = Detections.edges(context.transfers());
    Dataset<Row> e =
        window
            .where(
                col("amount_usd").geq(minUsd).and(col("from_account").notEqual(col("to_account"))))
            .select("transfer_id", "from_account", "to_account", "ts", "ts_late", "amount_usd")
            .cache();

    Dataset<Row> steps =
        e.select(
                col("from_account").as("s_from"),
                col("to_account").as("s_to"),
                col("ts").as("s_ts"),
                col("ts_late").as("s_ts_late"),
                col("amount_usd").as("s_usd"),
                array(col("transfer_id")).as("s_ids"),
                array().cast("array<string>").as("s_side"))
            .cache();
    // open paths: start .. cur, with the accounts and transfers so far
    Dataset<Row> open = Paths.first(steps);
    Dataset<Row> cycles = null;
    for (int length = 2; length <= maxLength; length++) {
      Dataset<Row> step =
          Paths.extend(
              open,
              steps,
              col("n.s_ts_late")
                  .gt(col("p.last_ts"))
                  .and(col("n.s_ts").leq(col("p.first_ts_late").plus(Detections.hours(spanHours))))
                  .and(col("n.s_usd").geq(col("p.last_usd").multiply(minRatio)))
                  .and(col("n.s_usd").leq(col("p.last_usd").multiply(maxRatio))));
      Dataset<Row> closed = step.where(col("cur").equalTo(col("start")));
      cycles = cycles == null ? closed : cycles.unionByName(closed);
      open = step.where(col("cur").notEqual(col("start")).and(isSimple()));
    }
    // one alert per set of transfers (the same cycle is found once per time-ordered start only)
    Dataset<Row> found =
        cycles
            .withColumn("length", size(col("ids")))
            .withColumn("key", org.apache.spark.sql.functions.array_sort(col("ids")))
            .dropDuplicates("key")
            .withColumn("kept", col("last_usd").divide(col("first_usd")));
    found = Detections.dedicated(found, window, col("start"), col("ids"), minShare);
    String rule =
        String.format(
                "cycle: money returns to its sender through 2-%d time-ordered hops within %d h, each"
                    + " hop >= %.0f USD and %.0f-%.0f%% of the previous",
                maxLength, spanHours, minUsd, minRatio * 100, maxRatio * 100)
            + Detections.dedicatedRule(minShare);
    return Detections.alerts(
        found,
        typology(),
        col("start"),
        col("path"),
        col("ids"),
        col("first_usd"),
        col("first_ts"),
        col("last_ts"),
        lit(0.6)
            .plus(lit(0.4).multiply(org.apache.spark.sql.functions.least(lit(1.0), col("kept")))),
        rule,
        struct(
            col("length"),
            col("path"),
            col("first_usd"),
            col("last_usd"),
            col("kept"),
            col("account_share")));
  }

  /** The path's last account appears only once (no inner loop before it closes). */
  private static org.apache.spark.sql.Column isSimple() {
    return size(org.apache.spark.sql.functions.array_distinct(col("path")))
        .equalTo(size(col("path")));
  }
}
