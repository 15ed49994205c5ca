package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Peel chain (Bitcoin or USDT): an address sends a small slice (a few percent) to one address and
 * the rest to a fresh address within minutes, and that address does the same, hop after hop. Each
 * peeling address makes exactly two payments in the window, which keeps exchange hot wallets and
 * busy personal wallets (many payments) out.
 */
public final class PeelChainDetector implements Detector {
  @Override
  public String typology() {
    return "peel_chain";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minHops = context.integer("peel-chain.min-hops");
    int maxHops = context.integer("peel-chain.max-hops");
    int pairMinutes = context.integer("peel-chain.pair-minutes");
    int hopHours = context.integer("peel-chain.hop-hours");
    double minPeel = context.decimal("peel-chain.min-peel-ratio");
    double maxPeel = context.decimal("peel-chain.max-peel-ratio");
    double minUsd = context.decimal("peel-chain.min-usd");
    Dataset<Row> e =
        Detections.edges(context.transfers())
            .where(col("amount_usd").isNotNull())
            .withColumn("outs", count("*").over(Window.partitionBy("from_account")));
    Dataset<Row> twoOuts = e.where(col("outs").equalTo(2));
    // one peel step: the small payment and the remainder leaving the same address close together
    Dataset<Row> steps =
        twoOuts
            .as("s")
            .join(
                twoOuts.as("r"),
                col("r.from_account")
                    .equalTo(col("s.from_account"))
                    .and(col("r.transfer_id").notEqual(col("s.transfer_id")))
                    .and(col("r.amount_usd").geq(minUsd))
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .abs(
                                org.apache
                                    .spark
                                    .sql
                                    .functions
                                    .unix_timestamp(col("r.ts"))
                                    .minus(
                                        org.apache.spark.sql.functions.unix_timestamp(col("s.ts"))))
                            .leq(pairMinutes * 60L))
                    .and(
                        col("s.amount_usd")
                            .between(
                                col("r.amount_usd").plus(col("s.amount_usd")).multiply(minPeel),
                                col("r.amount_usd").plus(col("s.amount_usd")).multiply(maxPeel))))
            .select(
                col("s.from_account").as("hop"),
                col("r.to_account").as("next"),
                col("s.to_account").as("peeled_to"),
                col("s.transfer_id").as("peel_id"),
                col("r.transfer_id").as("rest_id"),
                col("s.amount_usd").plus(col("r.amount_usd")).as("usd"),
                col("r.ts").as("ts"))
            .cache();

    Dataset<Row> moves =
        steps.select(
            col("hop").as("s_from"),
            col("next").as("s_to"),
            col("ts").as("s_ts"),
            col("ts").as("s_ts_late"), // chain hops: block times, exact
            col("usd").as("s_usd"),
            array(col("peel_id"), col("rest_id")).as("s_ids"),
            array(col("peeled_to")).as("s_side"));
    Dataset<Row> chains = Paths.first(moves);
    Dataset<Row> found = null;
    for (int hops = 2; hops <= maxHops; hops++) {
      chains =
          Paths.extend(
              chains,
              moves,
              col("n.s_ts")
                  .geq(col("p.last_ts"))
                  .and(col("n.s_ts").leq(col("p.last_ts").plus(Detections.hours(hopHours))))
                  .and(col("n.s_usd").leq(col("p.last_usd"))));
      if (hops >= minHops) {
        found = found == null ? chains : found.unionByName(chains);
      }
    }
    found = found.withColumnRenamed("side", "peeled");
    // keep the longest chain from each start; sub-chains starting mid-way are dropped too
    Dataset<Row> longest =
        found
            .withColumn(
                "rank",
                org.apache
                    .spark
                    .sql
                    .functions
                    .row_number()
                    .over(Window.partitionBy("start").orderBy(size(col("path")).desc())))
            .where(col("rank").equalTo(1))
            .drop("rank");
    Dataset<Row> heads =
        longest
            .as("a")
            .join(
                steps.select(col("next").as("fed")).distinct().as("f"),
                col("f.fed").equalTo(col("a.start")),
                "left_anti");
    String rule =
        String.format(
            "peel chain: >= %d hops where an address pays %.0f-%.0f%% to one address and the rest"
                + " (>= %.0f USD) to the next within %d min, the next hop within %d h",
            minHops, minPeel * 100, maxPeel * 100, minUsd, pairMinutes, hopHours);
    return Detections.alerts(
        heads,
        typology(),
        col("start"),
        concat(col("path"), col("peeled")),
        col("ids"),
        col("first_usd"),
        col("first_ts"),
        col("last_ts"),
        least(lit(1.0), lit(0.4).plus(size(col("peeled")).divide(10.0))),
        rule,
        struct(
            size(col("peeled")).as("hops"),
            col("path"),
            col("peeled"),
            col("first_usd"),
            col("last_usd")));
  }
}
