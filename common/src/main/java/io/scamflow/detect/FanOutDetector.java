package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fan-out to layering accounts: one account pays several distinct receivers within a short span,
 * money it had itself received just before. The prior inflow separates layering from payroll and
 * supplier runs, which a business pays out of its standing balance; that the money came from one or
 * two large payments separates it from a merchant paying wages out of many customers' takings, and
 * that it pays out most of that money from a business settling a few invoices out of a much larger
 * receipt.
 */
public final class FanOutDetector implements Detector {
  @Override
  public String typology() {
    return "fan_out";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minReceivers = context.integer("fan-out.min-receivers");
    int spanHours = context.integer("fan-out.span-hours");
    int fundingHours = context.integer("fan-out.funding-hours");
    double minFunded = context.decimal("fan-out.min-funded-ratio");
    double maxFunded = context.decimal("fan-out.max-funded-ratio");
    double minUsd = context.decimal("fan-out.min-total-usd");
    double minAvgUsd = context.decimal("fan-out.min-avg-usd");
    int maxFunders = context.integer("fan-out.max-funders");
    double minShare = context.decimal("fan-out.min-account-share");
    Dataset<Row> e = Detections.edges(context.transfers());

    Dataset<Row> outflow =
        e.groupBy(col("from_account").as("account"))
            .agg(
                countDistinct("to_account").as("receivers"),
                sum("amount_usd").as("out_usd"),
                org.apache.spark.sql.functions.count("transfer_id").as("out_count"),
                min("ts").as("first_out"),
                min("ts_late").as("first_out_late"),
                max("ts").as("last_out"),
                collect_list("transfer_id").as("out_ids"),
                collect_list("to_account").as("receivers_list"))
            .where(
                col("receivers")
                    .geq(minReceivers)
                    .and(col("out_usd").geq(minUsd))
                    .and(col("out_usd").geq(col("out_count").multiply(minAvgUsd)))
                    .and(col("last_out").leq(col("first_out").plus(Detections.hours(spanHours)))));

    Dataset<Row> funded =
        outflow
            .as("f")
            .join(
                e.as("i"),
                col("i.to_account")
                    .equalTo(col("f.account"))
                    .and(col("i.ts").leq(col("f.first_out_late")))
                    .and(
                        col("i.ts_late")
                            .geq(col("f.first_out").minus(Detections.hours(fundingHours)))))
            .groupBy(
                col("f.account"),
                col("f.receivers"),
                col("f.out_usd"),
                col("f.first_out"),
                col("f.last_out"),
                col("f.out_ids"),
                col("f.receivers_list"))
            .agg(
                sum("i.amount_usd").as("in_usd"),
                min("i.ts").as("first_in"),
                collect_list("i.transfer_id").as("in_ids"),
                collect_list("i.from_account").as("funders"))
            .withColumn("funded_ratio", col("in_usd").divide(col("out_usd")))
            // a layering account empties what it was just given; a business that pays a few
            // suppliers out of a much larger receipt keeps the rest
            .where(
                col("funded_ratio")
                    .between(minFunded, maxFunded)
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .size(org.apache.spark.sql.functions.array_distinct(col("funders")))
                            .leq(maxFunders)));
    funded =
        Detections.dedicated(
            funded, e, col("account"), concat(col("out_ids"), col("in_ids")), minShare);

    String rule =
        String.format(
                "fan-out: >= %d distinct receivers paid by one account within %d h (>= %.0f USD,"
                    + " >= %.0f USD on average), funded %.0f-%.0f%% by money received from <= %d"
                    + " accounts in the %d h before",
                minReceivers,
                spanHours,
                minUsd,
                minAvgUsd,
                minFunded * 100,
                maxFunded * 100,
                maxFunders,
                fundingHours)
            + Detections.dedicatedRule(minShare);
    return Detections.alerts(
        funded,
        typology(),
        col("account"),
        concat(array(col("account")), col("receivers_list"), col("funders")),
        concat(col("out_ids"), col("in_ids")),
        col("out_usd"),
        col("first_in"),
        col("last_out"),
        lit(0.5)
            .multiply(least(lit(1.0), col("funded_ratio")))
            .plus(lit(0.5).multiply(least(lit(1.0), col("receivers").divide(2.0 * minReceivers)))),
        rule,
        struct(
            col("receivers"),
            col("out_usd"),
            col("in_usd"),
            col("funded_ratio"),
            col("funders"),
            col("account_share")));
  }
}
