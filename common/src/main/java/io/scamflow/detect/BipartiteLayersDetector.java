package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
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
 * Stacked bipartite layering: every account of a layer A pays every account of a layer B (a
 * complete bipartite block), and every account of B in turn pays every account of a layer C, later
 * and within a span. One block can happen by chance (two siblings paying the same two landlords);
 * two stacked blocks of the same accounts, each payment above a floor, do not. The account that fed
 * several of layer A's accounts just before is part of the pattern.
 */
public final class BipartiteLayersDetector implements Detector {
  @Override
  public String typology() {
    return "bipartite_layers";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minWidth = context.integer("bipartite.min-width");
    int spanHours = context.integer("bipartite.span-hours");
    double minUsd = context.decimal("bipartite.min-usd");
    Dataset<Row> e =
        Detections.edges(context.transfers())
            .where(
                col("amount_usd").geq(minUsd).and(col("from_account").notEqual(col("to_account"))));

    // each payer's set of payees (the whole set: a layer account pays only its next layer)
    Dataset<Row> payers =
        e.groupBy(col("from_account").as("payer"))
            .agg(
                array_sort(collect_set("to_account")).as("payees"),
                collect_list("transfer_id").as("ids"),
                sum("amount_usd").as("usd"),
                min("ts").as("first_ts"),
                min("ts_late").as("first_ts_late"),
                max("ts").as("last_ts"))
            .where(size(col("payees")).geq(minWidth));
    // complete blocks: payers sharing exactly the same payee set
    Dataset<Row> blocks =
        payers
            .groupBy("payees")
            .agg(
                array_sort(collect_list("payer")).as("payers"),
                flatten(collect_list("ids")).as("ids"),
                sum("usd").as("usd"),
                min("first_ts").as("first_ts"),
                min("first_ts_late").as("first_ts_late"),
                max("last_ts").as("last_ts"))
            .where(size(col("payers")).geq(minWidth))
            .cache();
    Dataset<Row> stacked =
        blocks
            .as("ab")
            .join(
                blocks.as("bc"),
                col("bc.payers")
                    .equalTo(col("ab.payees"))
                    .and(col("bc.first_ts_late").geq(col("ab.first_ts")))
                    .and(
                        col("bc.last_ts")
                            .leq(col("ab.first_ts").plus(Detections.hours(spanHours)))))
            .select(
                col("ab.payers").as("layer_a"),
                col("ab.payees").as("layer_b"),
                col("bc.payees").as("layer_c"),
                concat(col("ab.ids"), col("bc.ids")).as("ids"),
                col("ab.usd").as("usd"),
                col("bc.usd").as("onward_usd"),
                col("ab.first_ts").as("first_ts"),
                col("ab.first_ts_late").as("first_ts_late"),
                greatest(col("ab.last_ts"), col("bc.last_ts")).as("last_ts"));
    // the account that fed layer A: one source paying several of its accounts shortly before
    Dataset<Row> feeds =
        stacked
            .select(
                col("layer_a"),
                col("layer_b"),
                col("first_ts").as("fts"),
                col("first_ts_late").as("fts_late"),
                explode(col("layer_a")).as("a"))
            .join(
                e.as("f"),
                col("f.to_account")
                    .equalTo(col("a"))
                    .and(col("f.ts").leq(col("fts_late")))
                    .and(col("f.ts_late").geq(col("fts").minus(Detections.hours(spanHours)))))
            .groupBy(col("layer_a"), col("layer_b"), col("f.from_account").as("feeder"))
            .agg(countDistinct("a").as("fed"), collect_list("f.transfer_id").as("feed_ids"))
            .where(col("fed").geq(minWidth))
            .groupBy("layer_a", "layer_b")
            .agg(
                collect_list("feeder").as("feeders"),
                flatten(collect_list("feed_ids")).as("feed_ids"));
    Dataset<Row> withFeeders =
        stacked
            .join(feeds, new String[] {"layer_a", "layer_b"}, "left")
            .withColumn("feeders", coalesce(col("feeders"), array().cast("array<string>")))
            .withColumn(
                "ids",
                concat(col("ids"), coalesce(col("feed_ids"), array().cast("array<string>"))));
    String rule =
        String.format(
            "stacked bipartite layering: >= %d accounts each pay the same >= %d accounts (>= %.0f"
                + " USD each), which in turn all pay the same next layer, within %d h",
            minWidth, minWidth, minUsd, spanHours);
    return Detections.alerts(
        withFeeders,
        typology(),
        col("layer_a").getItem(0),
        concat(col("feeders"), col("layer_a"), col("layer_b"), col("layer_c")),
        col("ids"),
        col("usd"),
        col("first_ts"),
        col("last_ts"),
        least(lit(1.0), lit(0.6).plus(size(col("ids")).divide(40.0))),
        rule,
        struct(col("layer_a"), col("layer_b"), col("layer_c"), col("usd"), col("onward_usd")));
  }
}
