package io.scamflow.detect;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;

import io.scamflow.transfers.SilverTransfers;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Small shared pieces of the detectors: the transfer view they start from, the alert shape. */
final class Detections {
  private Detections() {}

  /** The window's transfers with a time on every row and both accounts known. */
  static Dataset<Row> edges(Dataset<Row> transfers) {
    return transfers
        .where(col("from_account").isNotNull().and(col("to_account").isNotNull()))
        .select(
            col("transfer_id"),
            col("from_account"),
            col("to_account"),
            coalesce(col("value_ts"), col("value_date").cast("timestamp")).as("ts"),
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

  static Column hours(int h) {
    return functions.expr("INTERVAL " + h + " HOURS");
  }
}
