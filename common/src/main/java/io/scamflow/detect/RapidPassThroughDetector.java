package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rapid pass-through (a mule): money comes in and a similar amount (a small cut taken) goes out
 * within a few hours. One alert per account, with every in/out pair it matched.
 */
public final class RapidPassThroughDetector implements Detector {
  @Override
  public String typology() {
    return "rapid_pass_through";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int maxHours = context.integer("pass-through.max-hours");
    double minKept = context.decimal("pass-through.min-out-ratio");
    double maxKept = context.decimal("pass-through.max-out-ratio");
    double minUsd = context.decimal("pass-through.min-usd");
    double minShare = context.decimal("pass-through.min-account-share");
    Dataset<Row> window = Detections.edges(context.transfers());
    Dataset<Row> e = window.where(col("amount_usd").geq(minUsd));

    Dataset<Row> pairs =
        e.as("i")
            .join(
                e.as("o"),
                col("o.from_account")
                    .equalTo(col("i.to_account"))
                    .and(col("o.ts_late").gt(col("i.ts")))
                    .and(col("o.ts").leq(col("i.ts_late").plus(Detections.hours(maxHours))))
                    .and(col("o.to_account").notEqual(col("i.from_account")))
                    .and(col("o.amount_usd").geq(col("i.amount_usd").multiply(minKept)))
                    .and(col("o.amount_usd").leq(col("i.amount_usd").multiply(maxKept))))
            .select(
                col("i.to_account").as("account"),
                col("i.from_account").as("source"),
                col("o.to_account").as("target"),
                col("i.transfer_id").as("in_id"),
                col("o.transfer_id").as("out_id"),
                col("i.amount_usd").as("in_usd"),
                col("i.ts").as("in_ts"),
                col("o.ts").as("out_ts"),
                // 0 when a date-only side leaves the order open
                org.apache
                    .spark
                    .sql
                    .functions
                    .greatest(
                        lit(0.0),
                        unix_timestamp(col("o.ts"))
                            .minus(unix_timestamp(col("i.ts")))
                            .divide(3600.0))
                    .as("gap_hours"))
            // one pair per inflow: its first qualifying outflow (dropDuplicates would keep
            // whichever row a partition met first, so another partitioning gave another alert)
            .withColumn(
                "pick",
                org.apache
                    .spark
                    .sql
                    .functions
                    .row_number()
                    .over(
                        org.apache.spark.sql.expressions.Window.partitionBy("in_id")
                            .orderBy(col("out_ts"), col("out_id"))))
            .where(col("pick").equalTo(1))
            .drop("pick");

    Dataset<Row> perAccount =
        pairs
            .groupBy("account")
            .agg(
                count("in_id").as("pairs"),
                sum("in_usd").as("usd"),
                min("in_ts").as("first_ts"),
                max("out_ts").as("last_ts"),
                min("gap_hours").as("min_gap_hours"),
                collect_list(array(col("in_id"), col("out_id"))).as("ids"),
                collect_list(array(col("source"), col("target"))).as("neighbours"));
    perAccount =
        Detections.dedicated(perAccount, window, col("account"), flatten(col("ids")), minShare);

    String rule =
        String.format(
                "rapid pass-through: money in, then %.0f-%.0f%% of it out to another account within"
                    + " %d h (>= %.0f USD)",
                minKept * 100, maxKept * 100, maxHours, minUsd)
            + Detections.dedicatedRule(minShare);
    return Detections.alerts(
        perAccount,
        typology(),
        col("account"),
        org.apache.spark.sql.functions.concat(array(col("account")), flatten(col("neighbours"))),
        flatten(col("ids")),
        col("usd"),
        col("first_ts"),
        col("last_ts"),
        lit(1.0).minus(col("min_gap_hours").divide(2.0 * maxHours)),
        rule,
        struct(col("pairs"), col("usd"), col("min_gap_hours"), col("account_share")));
  }
}
