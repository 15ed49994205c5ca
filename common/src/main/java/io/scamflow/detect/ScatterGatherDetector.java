package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scatter-gather: one account pays several intermediaries, and each passes (nearly) the same amount
 * on to one common sink within hours: 1 → n → 1. Customers of many shops do not meet again at one
 * sink with the amounts they paid, which is what the per-branch amount match checks.
 */
public final class ScatterGatherDetector implements Detector {
  @Override
  public String typology() {
    return "scatter_gather";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minBranches = context.integer("scatter-gather.min-branches");
    int forwardHours = context.integer("scatter-gather.forward-hours");
    double minUsd = context.decimal("scatter-gather.min-branch-usd");
    double minRatio = context.decimal("scatter-gather.min-forward-ratio");
    Dataset<Row> e = Detections.edges(context.transfers()).where(col("amount_usd").geq(minUsd));

    Dataset<Row> branches =
        e.as("a")
            .join(
                e.as("b"),
                col("b.from_account")
                    .equalTo(col("a.to_account"))
                    .and(col("b.ts_late").gt(col("a.ts")))
                    .and(col("b.ts").leq(col("a.ts_late").plus(Detections.hours(forwardHours))))
                    .and(col("b.to_account").notEqual(col("a.from_account")))
                    .and(col("b.amount_usd").geq(col("a.amount_usd").multiply(minRatio)))
                    .and(col("b.amount_usd").leq(col("a.amount_usd"))))
            .select(
                col("a.from_account").as("source"),
                col("a.to_account").as("mid"),
                col("b.to_account").as("sink"),
                col("a.transfer_id").as("out_id"),
                col("b.transfer_id").as("in_id"),
                col("a.amount_usd").as("usd"),
                col("b.amount_usd").as("gathered_usd"),
                col("a.ts").as("out_ts"),
                col("b.ts").as("in_ts"));
    Dataset<Row> found =
        branches
            .groupBy("source", "sink")
            .agg(
                countDistinct("mid").as("branches"),
                collect_set("mid").as("mids"),
                sum("usd").as("scattered_usd"),
                sum("gathered_usd").as("gathered_usd"),
                min("out_ts").as("first_ts"),
                max("in_ts").as("last_ts"),
                collect_list(array(col("out_id"), col("in_id"))).as("ids"))
            .where(col("branches").geq(minBranches));
    String rule =
        String.format(
            "scatter-gather: one account pays >= %d intermediaries (>= %.0f USD each), each"
                + " passing %.0f-100%% of it to one common sink within %d h",
            minBranches, minUsd, minRatio * 100, forwardHours);
    return Detections.alerts(
        found,
        typology(),
        col("source"),
        concat(array(col("source"), col("sink")), col("mids")),
        flatten(col("ids")),
        col("scattered_usd"),
        col("first_ts"),
        col("last_ts"),
        least(lit(1.0), lit(0.5).plus(col("branches").divide(2.0 * minBranches))),
        rule,
        struct(
            col("branches"), col("sink"), col("mids"), col("scattered_usd"), col("gathered_usd")));
  }
}
