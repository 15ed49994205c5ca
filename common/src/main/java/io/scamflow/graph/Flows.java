package io.scamflow.graph;

import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.SilverTransfers;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Flow tracing with proportional taint, by iterative joins (one join per hop, nothing on the
 * driver). FORWARD from victims' payments: a parcel of the victim's money that arrived at a node at
 * time t leaves on that node's transfers made at or after t, split in proportion to their amounts
 * (never more than a transfer carried; what the node did not send on stays there). BACKWARD from
 * designated wallets: a parcel that left a node at time t came from that node's receipts at or
 * before t, split the same way. Parcels of one origin that meet on one transfer are scaled down
 * together so the transfer never carries more of the origin's money than it moved; hence at every
 * hop the USD traced from an origin is at most what the origin paid (or received) in total.
 *
 * <p><b>Date-only transfers.</b> A transfer's time is an interval, {@code [ts, ts_late]} of
 * silver.transfer_edges: one instant when the source states a time, the whole value date when it
 * states only the date (SWIFT MT103). "At or after" means "can have been at or after": FORWARD, a
 * transfer can carry a parcel that arrived no earlier than {@code a} if {@code e.ts_late >= a};
 * BACKWARD, a receipt can have fed a parcel that left no later than {@code b} if {@code e.ts <= b}.
 * So a mule's MT103 payment on the day the money reached it (at 14:00) carries it on, and one dated
 * the day before does not. A parcel narrows its interval as it goes: forward, the money on {@code
 * e} left no earlier than it arrived, so the parcel's earliest is {@code greatest(e.ts, a)};
 * backward, its latest is {@code least(e.ts_late, b)}. A date-only hop therefore never lets the
 * next hop go back before a known time upstream (14:00 in, date-only out, 10:00 next: not carried).
 *
 * <p>"Earlier" in the split: there is no first-in-first-out ordering among a node's outflows; every
 * outflow that can have come after the arrival is eligible and the parcel splits over the eligible
 * ones in proportion to their amounts. A date-only outflow on the arrival day is eligible in full,
 * as if it left after the money came, since nothing in the data says it did not; where it in fact
 * left before, the trace over-attributes to it and under-attributes to the other outflows by the
 * same amount (the split still never exceeds the parcel, so conservation holds). Backward, a
 * date-only receipt on the day a parcel left is likewise a possible source in full.
 */
public final class Flows {
  public static final String FORWARD = "FORWARD";
  public static final String BACKWARD = "BACKWARD";

  public static final TableContract TABLE =
      TableContract.builder("gold.flows")
          .comment(
              "Money traced hop by hop: forward from scam victims' payments and backward from"
                  + " designated wallets, time-respecting and amount-conserving (proportional taint)")
          .column("run_date", DataTypes.DateType, false, "Run date (end of the look-back window)")
          .column(
              "flow_id",
              DataTypes.StringType,
              false,
              "One flow per trace and origin: hash of trace, origin and run date")
          .column("trace", DataTypes.StringType, false, "FORWARD (from a victim) or BACKWARD")
          .column(
              "origin",
              DataTypes.StringType,
              false,
              "The victim account traced from, or the designated wallet traced back from")
          .column(
              "hop",
              DataTypes.IntegerType,
              false,
              "1 for the origin's own transfers, then one more per transfer away from it")
          .column("src", DataTypes.StringType, false, "Paying node of this transfer")
          .column("dst", DataTypes.StringType, false, "Receiving node of this transfer")
          .column("transfer_id", DataTypes.StringType, false, "The transfer (silver.transfers)")
          .column(
              "ts",
              DataTypes.TimestampType,
              false,
              "When it moved (UTC); for a date-only transfer (SWIFT MT103) the start of its value"
                  + " date, the earliest it can have moved")
          .column(
              "ts_late",
              DataTypes.TimestampType,
              "Latest it can have moved (UTC): ts when the time is known, the last second of the"
                  + " value date for a date-only transfer; null on run dates written before the"
                  + " column existed")
          .column("amount_usd", SilverTransfers.USD, "USD the transfer moved in total")
          .column(
              "traced_usd",
              SilverTransfers.USD,
              false,
              "Part of the origin's money on this transfer along this path (proportional taint);"
                  + " never more than the transfer moved nor than the origin's total")
          .column(
              "path_id",
              DataTypes.StringType,
              false,
              "Id of the path from the origin through this transfer (hash of its transfer ids)")
          .column(
              "parent_path_id",
              DataTypes.StringType,
              "path_id of the previous hop's row on the same path; null at hop 1")
          .column(
              "origin_total_usd",
              SilverTransfers.USD,
              "What the origin paid (FORWARD) or received (BACKWARD) in the traced transfers")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "path_id")
          .build();

  private final Lakehouse lakehouse;

  public Flows(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Nightly stage: victims from gold.alerts, designated wallets from screening. */
  public StageOutcome run(GraphInput input, RunContext run) {
    Dataset<Row> out = trace(input, victimPayments(input), designatedReceipts(input));
    WriteResult written = new TableWriter(lakehouse).replaceDay(TABLE, out, run);
    return StageOutcome.derived(List.of(written), written.rowsWritten() + " traced flow segments");
  }

  /**
   * The victims' payments to trace forward: (origin, transfer_id) for every transfer of a
   * victim-pattern alert (typologies in conf) that the alert's anchor (the victim) paid.
   */
  public static Dataset<Row> victimPayments(GraphInput input) {
    List<String> typologies = input.settings().strings("scamflow.graph.flows.victim-typologies");
    input.alerts().createOrReplaceTempView("flows_alerts");
    String in =
        typologies.isEmpty()
            ? "''"
            : String.join(", ", typologies.stream().map(t -> "'" + t + "'").toList());
    input.transfers().createOrReplaceTempView("flows_window");
    return input
        .spark()
        .sql(
            "SELECT DISTINCT a.anchor origin, t.transfer_id FROM (SELECT anchor, explode(transfer_ids)"
                + " transfer_id FROM flows_alerts WHERE typology IN ("
                + in
                + ")) a JOIN flows_window t ON t.transfer_id = a.transfer_id AND t.src = a.anchor");
  }

  /** Every receipt of a designated address in the window: (origin, transfer_id). */
  public static Dataset<Row> designatedReceipts(GraphInput input) {
    input.designated().createOrReplaceTempView("flows_designated");
    input.transfers().createOrReplaceTempView("flows_window");
    return input
        .spark()
        .sql(
            "SELECT d.node origin, t.transfer_id FROM flows_designated d JOIN flows_window t"
                + " ON t.dst = d.node WHERE d.node RLIKE '^(TRON|ETHEREUM|BITCOIN):'");
  }

  /**
   * gold.flows rows (without audit columns): forward traces from {@code victimSeeds} and backward
   * traces from {@code designatedSeeds}, both (origin, transfer_id) rows naming the origin's own
   * transfers in the window.
   */
  public static Dataset<Row> trace(
      GraphInput input, Dataset<Row> victimSeeds, Dataset<Row> designatedSeeds) {
    return trace(input, input.transfers(), victimSeeds, designatedSeeds);
  }

  /**
   * As {@link #trace(GraphInput, Dataset, Dataset)} over the given {@code transfers} (the shape of
   * {@link GraphInput#transfers()}) instead of the window's: for measuring how the trace depends on
   * the edges' times.
   */
  static Dataset<Row> trace(
      GraphInput input,
      Dataset<Row> transfers,
      Dataset<Row> victimSeeds,
      Dataset<Row> designatedSeeds) {
    SparkSession spark = input.spark();
    int maxHops = input.settings().integer("scamflow.graph.flows.max-hops");
    double minUsd = input.settings().decimal("scamflow.graph.flows.min-usd");
    Dataset<Row> edges = transfers.where("amount_usd > 0").localCheckpoint();
    edges.createOrReplaceTempView("flow_edges");
    Dataset<Row> forward = direction(spark, victimSeeds, FORWARD, maxHops, minUsd);
    Dataset<Row> backward = direction(spark, designatedSeeds, BACKWARD, maxHops, minUsd);
    return forward
        .unionByName(backward)
        .selectExpr(
            "DATE'" + input.runDate() + "' run_date",
            "sha2(concat_ws('|', trace, origin, '" + input.runDate() + "'), 256) flow_id",
            "trace",
            "origin",
            "hop",
            "src",
            "dst",
            "transfer_id",
            "ts",
            "ts_late",
            "CAST(amount_usd AS DECIMAL(24,2)) amount_usd",
            "CAST(traced_usd AS DECIMAL(24,2)) traced_usd",
            "path_id",
            "parent_path_id",
            "CAST(origin_total AS DECIMAL(24,2)) origin_total_usd");
  }

  private static Dataset<Row> direction(
      SparkSession spark, Dataset<Row> seeds, String trace, int maxHops, double minUsd) {
    boolean forward = trace.equals(FORWARD);
    String view = "flow_seeds_" + trace.toLowerCase(java.util.Locale.ROOT);
    seeds.createOrReplaceTempView(view);
    // Hop 1: the origin's own transfers, fully its money.
    Dataset<Row> level =
        spark
            .sql(
                "SELECT s.origin, 1 hop, e.src, e.dst, e.transfer_id, e.ts, e.ts_late,"
                    + " e.ts p_early, e.ts_late p_late, e.amount_usd,"
                    + " e.amount_usd traced_usd, array(e.transfer_id) path,"
                    + " sha2(concat_ws('|', '"
                    + trace
                    + "', s.origin, e.transfer_id), 256) path_id,"
                    + " CAST(NULL AS STRING) parent_path_id,"
                    + " sum(e.amount_usd) OVER (PARTITION BY s.origin) origin_total"
                    + " FROM (SELECT DISTINCT origin, transfer_id FROM "
                    + view
                    + ") s JOIN flow_edges e ON e.transfer_id = s.transfer_id")
            .localCheckpoint();
    Dataset<Row> all = level;
    String frontierView = "flow_frontier_" + trace.toLowerCase(java.util.Locale.ROOT);
    // The parcel's time on its transfer is [p_early, p_late]. Forward: leave the receiver on a
    // transfer that can have come at or after the arrival, and not before it. Backward: enter the
    // payer on a receipt that can have come at or before the departure, and not after it.
    String join =
        forward ? "e.src = f.dst AND e.ts_late >= f.p_early" : "e.dst = f.src AND e.ts <= f.p_late";
    String early = forward ? "greatest(ts, f_early)" : "ts";
    String late = forward ? "ts_late" : "least(ts_late, f_late)";
    for (int hop = 2; hop <= maxHops; hop++) {
      level.createOrReplaceTempView(frontierView);
      Dataset<Row> next =
          spark
              .sql(
                  "WITH c AS (SELECT f.origin, f.origin_total, f.path_id parent_path_id, f.path,"
                      + " f.traced_usd parcel, f.p_early f_early, f.p_late f_late, e.*,"
                      + " sum(e.amount_usd) OVER (PARTITION BY"
                      + " f.path_id) candidates_usd FROM "
                      + frontierView
                      + " f JOIN flow_edges e ON "
                      + join
                      + " AND NOT array_contains(f.path, e.transfer_id)),"
                      + " s AS (SELECT *, least(amount_usd, parcel * amount_usd / candidates_usd)"
                      + " share FROM c),"
                      + " g AS (SELECT *, sum(share) OVER (PARTITION BY origin, transfer_id)"
                      + " on_transfer FROM s)"
                      + " SELECT origin, "
                      + hop
                      + " hop, src, dst, transfer_id, ts, ts_late, "
                      + early
                      + " p_early, "
                      + late
                      + " p_late, amount_usd, CASE WHEN on_transfer >"
                      + " amount_usd THEN share * amount_usd / on_transfer ELSE share END"
                      + " traced_usd, concat(path, array(transfer_id)) path, sha2(concat_ws('|', '"
                      + trace
                      + "', origin, concat_ws('|', path), transfer_id), 256) path_id,"
                      + " parent_path_id, origin_total FROM g")
              .where("traced_usd >= " + minUsd)
              .localCheckpoint();
      if (next.isEmpty()) {
        break;
      }
      all = all.unionByName(next);
      level = next;
    }
    return all.withColumn("trace", org.apache.spark.sql.functions.lit(trace))
        .drop("path", "p_early", "p_late");
  }
}
