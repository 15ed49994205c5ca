package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gather-scatter: a hub receives from several senders within a span, then pays most of it on to
 * several other receivers soon after (n → hub → m). A merchant gathers but does not scatter the
 * same money within hours; a payroll account scatters without having just gathered it.
 */
public final class GatherScatterDetector implements Detector {
  @Override
  public String typology() {
    return "gather_scatter";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minSources = context.integer("gather-scatter.min-sources");
    int minDestinations = context.integer("gather-scatter.min-destinations");
    int spanHours = context.integer("gather-scatter.span-hours");
    int forwardHours = context.integer("gather-scatter.forward-hours");
    double minUsd = context.decimal("gather-scatter.min-usd");
    double minRatio = context.decimal("gather-scatter.min-forward-ratio");
    double maxRatio = context.decimal("gather-scatter.max-forward-ratio");
    double minShare = context.decimal("gather-scatter.min-account-share");
    Dataset<Row> window = Detections.edges(context.transfers());
    Dataset<Row> e = window.where(col("amount_usd").geq(minUsd));

    Dataset<Row> gathered =
        e.groupBy(col("to_account").as("hub"))
            .agg(
                collect_set("from_account").as("sources"),
                sum("amount_usd").as("in_usd"),
                min("ts").as("first_in"),
                max("ts").as("last_in"),
                max("ts_late").as("last_in_late"),
                collect_list("transfer_id").as("in_ids"))
            .where(
                size(col("sources"))
                    .geq(minSources)
                    .and(col("last_in").leq(col("first_in").plus(Detections.hours(spanHours)))));
    Dataset<Row> found =
        gathered
            .as("g")
            .join(
                e.as("o"),
                col("o.from_account")
                    .equalTo(col("g.hub"))
                    .and(col("o.ts_late").gt(col("g.first_in")))
                    .and(
                        col("o.ts")
                            .leq(col("g.last_in_late").plus(Detections.hours(forwardHours)))))
            .groupBy(
                col("g.hub"), col("g.sources"), col("g.in_usd"), col("g.first_in"), col("g.in_ids"))
            .agg(
                collect_set("o.to_account").as("destinations"),
                sum("o.amount_usd").as("out_usd"),
                max("o.ts").as("last_out"),
                collect_list("o.transfer_id").as("out_ids"))
            .withColumn("forward_ratio", col("out_usd").divide(col("in_usd")))
            .where(
                size(col("destinations"))
                    .geq(minDestinations)
                    .and(col("forward_ratio").between(minRatio, maxRatio))
                    .and(size(array_intersect(col("sources"), col("destinations"))).equalTo(0)));
    found =
        Detections.dedicated(
            found, window, col("hub"), concat(col("in_ids"), col("out_ids")), minShare);
    String rule =
        String.format(
                "gather-scatter: >= %d senders pay one hub within %d h (>= %.0f USD each), and the hub"
                    + " pays %.0f-%.0f%% of it to >= %d other accounts within %d h",
                minSources,
                spanHours,
                minUsd,
                minRatio * 100,
                maxRatio * 100,
                minDestinations,
                forwardHours)
            + Detections.dedicatedRule(minShare);
    return Detections.alerts(
        found,
        typology(),
        col("hub"),
        concat(array(col("hub")), col("sources"), col("destinations")),
        concat(col("in_ids"), col("out_ids")),
        col("in_usd"),
        col("first_in"),
        col("last_out"),
        lit(0.5)
            .multiply(least(lit(1.0), col("forward_ratio")))
            .plus(
                lit(0.5)
                    .multiply(
                        least(lit(1.0), size(col("destinations")).divide(2.0 * minDestinations)))),
        rule,
        struct(
            size(col("sources")).as("sources"),
            col("destinations"),
            col("in_usd"),
            col("out_usd"),
            col("forward_ratio"),
            col("account_share")));
  }
}
