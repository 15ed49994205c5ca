package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The pig-butchering victim (FinCEN FIN-2023-Alert005): a person starts paying a new payee with a
 * small amount, gets a small "return" from another account within hours (trust building), then pays
 * the same payee again and again, each time more. The victim is the anchor; the payee and the
 * account that paid the return are members. A customer topping up an exchange pays varying amounts
 * but receives no small return from a stranger just after the first payment, and one operation's
 * returns account pays such returns to several victims, which no honest refunder does.
 */
public final class VictimPatternDetector implements Detector {
  @Override
  public String typology() {
    return "victim_pattern";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minPayments = context.integer("victim.min-payments");
    double firstMaxUsd = context.decimal("victim.first-max-usd");
    double step = context.decimal("victim.min-step");
    double growth = context.decimal("victim.min-growth");
    int returnHours = context.integer("victim.return-hours");
    double returnMin = context.decimal("victim.return-min-ratio");
    double returnMax = context.decimal("victim.return-max-ratio");
    int minShared = context.integer("victim.min-victims-per-returner");
    Dataset<Row> e = Detections.edges(context.transfers());

    // each (payer, payee) series in time order
    Dataset<Row> series =
        e.groupBy(col("from_account").as("victim"), col("to_account").as("payee"))
            .agg(
                array_sort(
                        collect_list(
                            struct(
                                col("ts").as("ts"),
                                col("amount_usd").cast("double").as("usd"),
                                col("transfer_id").as("id"))))
                    .as("p"))
            .where(size(col("p")).geq(minPayments))
            .withColumn("first_usd", element_at(col("p"), 1).getField("usd"))
            .withColumn("first_ts", element_at(col("p"), 1).getField("ts"))
            .withColumn("last_usd", element_at(col("p"), -1).getField("usd"))
            .withColumn(
                "rises",
                expr(
                    "size(filter(sequence(2, size(p)), i -> p[i - 1].usd >= p[i - 2].usd * "
                        + step
                        + "))"))
            .where(
                col("first_usd")
                    .leq(firstMaxUsd)
                    .and(col("last_usd").geq(col("first_usd").multiply(growth)))
                    .and(col("rises").geq(size(col("p")).minus(1).multiply(2).divide(3))));
    // the small "return" from a third account soon after the first payment
    Dataset<Row> withReturn =
        series
            .as("s")
            .join(
                e.as("r"),
                col("r.to_account")
                    .equalTo(col("s.victim"))
                    .and(col("r.from_account").notEqual(col("s.payee")))
                    .and(col("r.ts_late").gt(col("s.first_ts")))
                    .and(col("r.ts").leq(col("s.first_ts").plus(Detections.hours(returnHours))))
                    .and(col("r.amount_usd").geq(col("s.first_usd").multiply(returnMin)))
                    .and(col("r.amount_usd").leq(col("s.first_usd").multiply(returnMax))))
            .groupBy(
                col("s.victim"),
                col("s.payee"),
                col("s.p"),
                col("s.first_usd"),
                col("s.last_usd"),
                col("s.first_ts"),
                col("s.rises"))
            .agg(
                min_by(col("r.transfer_id"), col("r.ts")).as("return_id"),
                min_by(col("r.from_account"), col("r.ts")).as("returner"),
                min_by(col("r.amount_usd"), col("r.ts")).as("return_usd"),
                max(col("r.ts")).as("return_ts"));
    // the same account paid "returns" to several such victims: one operation's returns account
    Dataset<Row> shared =
        withReturn
            .groupBy("returner")
            .agg(countDistinct("victim").as("victims_of_returner"))
            .where(col("victims_of_returner").geq(minShared));
    // every payment from that account to the victim in the window is a return (some get two)
    Dataset<Row> returns =
        e.groupBy(col("from_account").as("returner"), col("to_account").as("victim"))
            .agg(collect_list("transfer_id").as("return_ids"));
    Dataset<Row> found =
        withReturn.join(shared, "returner").join(returns, new String[] {"returner", "victim"});
    Column ids = expr("transform(p, x -> x.id)");
    String rule =
        String.format(
            "pig-butchering victim: >= %d payments to one payee, the first <= %.0f USD and"
                + " followed within %d h by a %.0f-%.0f%% return from another account, then"
                + " rising (x%.1f per step on most steps, x%.1f overall); the returning account"
                + " did the same for >= %d such payers",
            minPayments,
            firstMaxUsd,
            returnHours,
            returnMin * 100,
            returnMax * 100,
            step,
            growth,
            minShared);
    return Detections.alerts(
        found,
        typology(),
        col("victim"),
        array(col("victim"), col("payee"), col("returner")),
        org.apache.spark.sql.functions.concat(ids, col("return_ids")),
        expr("aggregate(p, 0D, (acc, x) -> acc + x.usd)"),
        col("first_ts"),
        element_at(col("p"), -1).getField("ts"),
        least(lit(1.0), lit(0.5).plus(size(col("p")).divide(12.0))),
        rule,
        struct(
            size(col("p")).as("payments"),
            col("payee"),
            col("first_usd"),
            col("last_usd"),
            col("returner"),
            col("return_usd"),
            col("victims_of_returner"),
            expr("transform(p, x -> round(x.usd, 2))").as("amounts")));
  }
}
