package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Paths through the window's money, grown one step per join (cycles, peel chains). A step is a move
 * of money from one account to the next: {@code s_from}, {@code s_to}, {@code s_ts} and {@code
 * s_ts_late} (earliest and latest time, see {@link Detections#edges}), {@code s_usd}, the transfer
 * ids it consists of ({@code s_ids}) and the accounts it touches on the side ({@code s_side}, e.g.
 * where a peel went). A path is {@code start}, {@code cur} (where it ends now), first and last time
 * and USD, the accounts in order ({@code path}), every transfer id ({@code ids}) and the side
 * accounts ({@code side}).
 */
final class Paths {
  private Paths() {}

  /** One path per step: the step alone. */
  static Dataset<Row> first(Dataset<Row> steps) {
    return steps.select(
        col("s_from").as("start"),
        col("s_to").as("cur"),
        col("s_ts").as("first_ts"),
        col("s_ts").as("last_ts"),
        col("s_ts_late").as("first_ts_late"),
        col("s_ts_late").as("last_ts_late"),
        col("s_usd").as("first_usd"),
        col("s_usd").as("last_usd"),
        array(col("s_from"), col("s_to")).as("path"),
        col("s_ids").as("ids"),
        col("s_side").as("side"));
  }

  /**
   * Every path extended by every step leaving its last account for which {@code when} holds; {@code
   * when} refers to the path as {@code p.*} and to the step as {@code n.*}.
   */
  static Dataset<Row> extend(Dataset<Row> paths, Dataset<Row> steps, Column when) {
    return paths
        .as("p")
        .join(steps.as("n"), col("n.s_from").equalTo(col("p.cur")).and(when))
        .select(
            col("p.start"),
            col("n.s_to").as("cur"),
            col("p.first_ts"),
            col("n.s_ts").as("last_ts"),
            col("p.first_ts_late"),
            col("n.s_ts_late").as("last_ts_late"),
            col("p.first_usd"),
            col("n.s_usd").as("last_usd"),
            concat(col("p.path"), array(col("n.s_to"))).as("path"),
            concat(col("p.ids"), col("n.s_ids")).as("ids"),
            concat(col("p.side"), col("n.s_side")).as("side"));
  }
}
