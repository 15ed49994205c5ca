package io.scamflow.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fan-in to a collection account: several distinct senders pay one account within a short span, and
 * the account passes most of it on soon after. The forwarding is what separates a mule aggregator
 * from a merchant, who also receives from many but keeps the money; counting only material payments
 * separates it from shop takings, forwarding no more than came in from a trading business paying
 * suppliers out of its balance, and forwarding to few accounts from a gather-scatter hub.
 */
public final class FanInDetector implements Detector {
  @Override
  public String typology() {
    return "fan_in";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minSenders = context.integer("fan-in.min-senders");
    int spanHours = context.integer("fan-in.span-hours");
    int forwardHours = context.integer("fan-in.forward-hours");
    double minForward = context.decimal("fan-in.min-forward-ratio");
    double maxForward = context.decimal("fan-in.max-forward-ratio");
    double minUsd = context.decimal("fan-in.min-total-usd");
    double minInflowUsd = context.decimal("fan-in.min-inflow-usd");
    int maxNextHops = context.integer("fan-in.max-next-hops");
    double minShare = context.decimal("fan-in.min-account-share");
    Dataset<Row> e = Detections.edges(context.transfers());

    // Only material payments make a fan-in: shop takings and small transfers beside one large
    // invoice are not several payers funding one account.
    Dataset<Row> inflow =
        e.where(col("amount_usd").geq(minInflowUsd))
            .groupBy(col("to_account").as("account"))
            .agg(
                countDistinct("from_account").as("senders"),
                sum("amount_usd").as("in_usd"),
                org.apache.spark.sql.functions.count("transfer_id").as("in_count"),
                min("ts").as("first_in"),
                max("ts").as("last_in"),
                max("ts_late").as("last_in_late"),
                collect_list("transfer_id").as("in_ids"),
                collect_list("from_account").as("senders_list"))
            .where(
                col("senders")
                    .geq(minSenders)
                    .and(col("in_usd").geq(minUsd))
                    .and(col("last_in").leq(col("first_in").plus(Detections.hours(spanHours)))));

    Dataset<Row> out = e.as("o");
    Dataset<Row> forwarded =
        inflow
            .as("i")
            .join(
                out,
                col("o.from_account")
                    .equalTo(col("i.account"))
                    .and(col("o.ts_late").geq(col("i.first_in")))
                    .and(
                        col("o.ts")
                            .leq(col("i.last_in_late").plus(Detections.hours(forwardHours)))))
            .groupBy(
                col("i.account"),
                col("i.senders"),
                col("i.in_usd"),
                col("i.first_in"),
                col("i.last_in"),
                col("i.in_ids"),
                col("i.senders_list"))
            .agg(
                sum("o.amount_usd").as("out_usd"),
                max("o.ts").as("last_out"),
                collect_list("o.transfer_id").as("out_ids"),
                collect_list("o.to_account").as("next_hops"))
            .withColumn("forward_ratio", col("out_usd").divide(col("in_usd")))
            // paying on more than came in is paying out of a standing balance (a trading business),
            // not passing the gathered money on
            .where(
                col("forward_ratio")
                    .between(minForward, maxForward)
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .size(org.apache.spark.sql.functions.array_distinct(col("next_hops")))
                            .leq(maxNextHops)));
    forwarded =
        Detections.dedicated(
            forwarded, e, col("account"), concat(col("in_ids"), col("out_ids")), minShare);

    String rule =
        String.format(
                "fan-in: >= %d distinct senders of >= %.0f USD each to one account within %d h (>= %.0f"
                    + " USD in total), of which %.0f-%.0f%% is paid on within %d h to <= %d accounts",
                minSenders,
                minInflowUsd,
                spanHours,
                minUsd,
                minForward * 100,
                maxForward * 100,
                forwardHours,
                maxNextHops)
            + Detections.dedicatedRule(minShare);
    return Detections.alerts(
        forwarded,
        typology(),
        col("account"),
        concat(org.apache.spark.sql.functions.array(col("account")), col("senders_list")),
        concat(col("in_ids"), col("out_ids")),
        col("in_usd"),
        col("first_in"),
        greatest(col("last_in"), col("last_out")),
        lit(0.5)
            .multiply(least(lit(1.0), col("forward_ratio")))
            .plus(lit(0.5).multiply(least(lit(1.0), col("senders").divide(2.0 * minSenders)))),
        rule,
        struct(
            col("senders"),
            col("in_usd"),
            col("out_usd"),
            col("forward_ratio"),
            col("next_hops"),
            col("account_share")));
  }
}
