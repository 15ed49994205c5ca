package io.scamflow.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import io.scamflow.transfers.SilverTransfers;
import io.scamflow.transfers.TransferEdges;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Small shared pieces of the detectors: the transfer view they start from, the alert shape. */
final class Detections {
  private Detections() {}

  /**
   * The window's transfers with a time on every row and both accounts known. {@code ts} is the
   * earliest the transfer can have happened and {@code ts_late} the latest: the same instant when
   * the source states a time; the start and the last second of the value date when it states only
   * the date (SWIFT MT103's :32A:). Time-ordered rules ask "can B have come after A" ({@code
   * B.ts_late > A.ts}) and "can B have come within H hours of A" ({@code B.ts <= A.ts_late + H}),
   * so a date-only hop is neither put before the money reached it nor dropped. Both columns are
   * {@link TransferEdges#earliest()} and {@link TransferEdges#latest()}, as in
   * silver.transfer_edges.
   */
  static Dataset<Row> edges(Dataset<Row> transfers) {
    return transfers
        .where(col("from_account").isNotNull().and(col("to_account").isNotNull()))
        .select(
            col("transfer_id"),
            col("from_account"),
            col("to_account"),
            TransferEdges.earliest().as("ts"),
            TransferEdges.latest().as("ts_late"),
            col("amount"),
            col("currency"),
            col("amount_usd"));
  }

  /** The detector output row; {@code evidence} is a struct rendered as JSON. */
  static Dataset<Row> alerts(
      Dataset<Row> found,
      String typology,
      Column anchor,
      Column members,
      Column transferIds,
      Column amountUsd,
      Column windowStart,
      Column windowEnd,
      Column score,
      String rule,
      Column evidence) {
    return alerts(
        found,
        typology,
        anchor,
        members,
        transferIds,
        amountUsd,
        windowStart,
        windowEnd,
        score,
        rule,
        evidence,
        lit(null).cast("string"));
  }

  /** As above, for list rules: {@code listVersion} names the sanctions list version that hit. */
  static Dataset<Row> alerts(
      Dataset<Row> found,
      String typology,
      Column anchor,
      Column members,
      Column transferIds,
      Column amountUsd,
      Column windowStart,
      Column windowEnd,
      Column score,
      String rule,
      Column evidence,
      Column listVersion) {
    return found.select(
        lit(typology).as("typology"),
        anchor.as("anchor"),
        functions.array_sort(functions.array_distinct(members)).as("members"),
        functions.array_sort(functions.array_distinct(transferIds)).as("transfer_ids"),
        amountUsd.cast(SilverTransfers.USD).as("amount_usd"),
        windowStart.as("window_start"),
        windowEnd.as("window_end"),
        functions.round(score, 3).cast("double").as("score"),
        lit(rule).as("rule"),
        to_json(evidence).as("evidence"),
        listVersion.cast("string").as("list_version"));
  }

  /**
   * The found patterns whose anchor does little else in the window: the pattern's transfers that
   * the anchor sent or received are at least {@code minShare} of every transfer it sent or received
   * in the window ({@code window}: {@link #edges} of the whole look-back, before any amount floor).
   * A mule account exists for the scheme and carries little besides; a business, or a person whose
   * ordinary traffic happens to hold the shape (a supplier paid out of the day's takings, rent paid
   * the day the salary came), moves much else. Adds {@code account_transfers} (the anchor's
   * transfers in the window) and {@code account_share} (0..1) for the evidence. {@code minShare <=
   * 0} keeps every row whose anchor sent or received one of its transfers (every rule's anchor
   * does) and still adds both columns.
   */
  static Dataset<Row> dedicated(
      Dataset<Row> found, Dataset<Row> window, Column anchor, Column ids, double minShare) {
    Dataset<Row> keyed =
        found
            .withColumn("_anchor", anchor)
            .withColumn(
                "_key",
                functions.concat_ws(
                    "|",
                    col("_anchor"),
                    functions.array_join(
                        functions.array_sort(functions.array_distinct(ids)), ",")));
    Dataset<Row> anchors = keyed.select(col("_anchor").as("account")).distinct();
    Dataset<Row> sides =
        window
            .select(col("transfer_id"), col("from_account").as("account"))
            .union(window.select(col("transfer_id"), col("to_account").as("account")))
            .join(anchors, "account")
            .distinct();
    Dataset<Row> activity =
        sides.groupBy("account").agg(functions.count("transfer_id").as("account_transfers"));
    Dataset<Row> touched =
        keyed
            .select(
                col("_key"),
                col("_anchor").as("account"),
                functions.explode(functions.array_distinct(ids)).as("transfer_id"))
            .join(sides, new String[] {"account", "transfer_id"})
            .groupBy("_key", "account")
            .agg(functions.count("transfer_id").as("touched"))
            .join(activity, "account")
            .select(
                col("_key"),
                col("account_transfers"),
                functions
                    .round(col("touched").divide(col("account_transfers")), 3)
                    .as("account_share"));
    return keyed
        .join(touched, "_key")
        .where(col("account_share").geq(minShare))
        .drop("_key", "_anchor");
  }

  /** The rule's words for {@link #dedicated}. */
  static String dedicatedRule(double minShare) {
    return minShare <= 0
        ? ""
        : String.format(
            "; these transfers are >= %.0f%% of the account's own transfers in the window",
            minShare * 100);
  }

  static Column hours(int h) {
    return functions.expr("INTERVAL " + h + " HOURS");
  }
}
