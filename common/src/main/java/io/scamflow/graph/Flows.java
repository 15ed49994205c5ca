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
          .column("ts", DataTypes.TimestampType, false, "When it moved (UTC)")
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
    SparkSession spark = input.spark();
    int maxHops = input.settings().integer("scamflow.graph.flows.max-hops");
    double minUsd = input.settings().decimal("scamflow.graph.flows.min-usd");
    Dataset<Row> edges = input.transfers().where("amount_usd > 0").localCheckpoint();
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
                "SELECT s.origin, 1 hop, e.src, e.dst, e.transfer_id, e.ts, e.amount_usd,"
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
    // Forward: leave the receiver at or after arrival. Backward: enter the payer at or before.
    String join = forward ? "e.src = f.dst AND e.ts >= f.ts" : "e.dst = f.src AND e.ts <= f.ts";
    for (int hop = 2; hop <= maxHops; hop++) {
      level.createOrReplaceTempView(frontierView);
      Dataset<Row> next =
          spark
              .sql(
                  "WITH c AS (SELECT f.origin, f.origin_total, f.path_id parent_path_id, f.path,"
                      + " f.traced_usd parcel, e.*, sum(e.amount_usd) OVER (PARTITION BY"
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
                      + " hop, src, dst, transfer_id, ts, amount_usd, CASE WHEN on_transfer >"
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
    return all.withColumn("trace", org.apache.spark.sql.functions.lit(trace)).drop("path");
  }
}
