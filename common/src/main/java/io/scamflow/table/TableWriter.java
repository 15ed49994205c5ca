package io.scamflow.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.scamflow.errors.Errors;
import io.scamflow.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The three ways scamflow writes a Delta table, all idempotent for a run date:
 *
 * <ul>
 *   <li>{@link #appendOnce}: append a batch exactly once (a rerun of the same batch id is a no-op);
 *   <li>{@link #merge}: upsert by the contract's keys, with the run date as a target-side
 *       predicate; a row whose business columns did not change is left untouched;
 *   <li>{@link #replaceDay}: atomically replace everything of one run date.
 * </ul>
 *
 * Every write first conforms the data to the contract (column order, safe up-casts, audit columns);
 * a column the contract does not know, or an unsafe cast, is refused.
 */
public final class TableWriter {
  private final Lakehouse lakehouse;

  public TableWriter(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Plain append, for audit logs where every call is a new fact (ops.runs). */
  public WriteResult append(TableContract contract, Dataset<Row> data, RunContext run) {
    lakehouse.ensure(contract);
    conform(contract, data, run)
        .write()
        .format("delta")
        .mode("append")
        .save(lakehouse.location(contract));
    return lastCommit(contract);
  }

  /**
   * Appends a batch once: Delta's idempotent-write transaction ids make a second append of the same
   * {@code batchId} a no-op, so a restarted run never duplicates rows.
   */
  public WriteResult appendOnce(
      TableContract contract, Dataset<Row> data, RunContext run, String batchId) {
    lakehouse.ensure(contract);
    long before = currentVersion(contract);
    conform(contract, data, run)
        .write()
        .format("delta")
        .mode("append")
        .option("txnAppId", "scamflow:" + contract.name() + ":" + batchId)
        .option("txnVersion", 1L)
        .save(lakehouse.location(contract));
    long after = currentVersion(contract);
    return after == before ? new WriteResult(contract.name(), -1, 0) : lastCommit(contract);
  }

  /** Upserts by key; with a date column, only the target's rows of the run date are scanned. */
  public WriteResult merge(TableContract contract, Dataset<Row> data, RunContext run) {
    if (contract.keyColumns().isEmpty()) {
      throw new IllegalStateException(contract.name() + " declares no keys to merge on");
    }
    lakehouse.ensure(contract);
    List<String> on = new ArrayList<>();
    for (String key : contract.keyColumns()) {
      on.add("t.`" + key + "` = s.`" + key + "`");
    }
    contract.dateColumn().ifPresent(d -> on.add("t.`" + d + "` = DATE'" + run.runDate() + "'"));
    String changed =
        contract.businessColumns().stream()
            .filter(c -> !contract.keyColumns().contains(c))
            .map(c -> nullSafeEquals(contract, c))
            .collect(Collectors.joining(" AND "));
    var builder =
        DeltaTable.forPath(lakehouse.spark(), lakehouse.location(contract))
            .as("t")
            .merge(conform(contract, data, run).as("s"), String.join(" AND ", on));
    builder =
        changed.isEmpty() ? builder : builder.whenMatched("NOT (" + changed + ")").updateAll();
    builder.whenNotMatched().insertAll().execute();
    return lastCommit(contract);
  }

  /** {@code t.c <=> s.c}; maps, arrays and structs have no ordering, so compare their JSON. */
  private static String nullSafeEquals(TableContract contract, String column) {
    var type = contract.schema().apply(column).dataType();
    boolean complex =
        type instanceof org.apache.spark.sql.types.MapType
            || type instanceof org.apache.spark.sql.types.ArrayType
            || type instanceof org.apache.spark.sql.types.StructType;
    return complex
        ? "to_json(t.`" + column + "`) <=> to_json(s.`" + column + "`)"
        : "t.`" + column + "` <=> s.`" + column + "`";
  }

  /** Atomically replaces every row of the run date (Delta replaceWhere). */
  public WriteResult replaceDay(TableContract contract, Dataset<Row> data, RunContext run) {
    String dateColumn =
        contract
            .dateColumn()
            .orElseThrow(
                () -> new IllegalStateException(contract.name() + " declares no date column"));
    return replaceWhere(contract, data, run, "`" + dateColumn + "` = DATE'" + run.runDate() + "'");
  }

  /** Atomically replaces the rows matching {@code predicate}; every new row must match it. */
  public WriteResult replaceWhere(
      TableContract contract, Dataset<Row> data, RunContext run, String predicate) {
    lakehouse.ensure(contract);
    conform(contract, data, run)
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .save(lakehouse.location(contract));
    return lastCommit(contract);
  }

  /** Column order and types of the contract, audit columns filled from the run. */
  Dataset<Row> conform(TableContract contract, Dataset<Row> data, RunContext run) {
    StructType have = data.schema();
    List<String> problems = new ArrayList<>();
    for (StructField f : have.fields()) {
      if (!contract.hasColumn(f.name())) {
        problems.add("unknown column " + f.name());
      }
    }
    List<Column> select = new ArrayList<>();
    for (StructField want : contract.schema().fields()) {
      String name = want.name();
      if (have.getFieldIndex(name).isEmpty()) {
        if (name.equals(TableContract.RUN_ID)) {
          select.add(lit(run.runId()).as(name));
        } else if (name.equals(TableContract.INGESTED_AT)) {
          select.add(current_timestamp().as(name));
        } else if (want.nullable()) {
          select.add(lit(null).cast(want.dataType()).as(name));
        } else {
          problems.add("missing non-null column " + name);
        }
        continue;
      }
      var from = have.fields()[(Integer) have.getFieldIndex(name).get()].dataType();
      if (from.sameType(want.dataType())) {
        select.add(col(name));
      } else if (Cast.canUpCast(from, want.dataType())) {
        select.add(col(name).cast(want.dataType()).as(name));
      } else {
        problems.add(
            name + " is " + from.simpleString() + ", declared " + want.dataType().simpleString());
      }
    }
    if (!problems.isEmpty()) {
      throw Errors.schemaMismatch(contract.name(), String.join("; ", problems));
    }
    return data.select(select.toArray(new Column[0]));
  }

  private long currentVersion(TableContract contract) {
    return DeltaCommits.latestVersion(hadoopConf(), lakehouse.location(contract));
  }

  private org.apache.hadoop.conf.Configuration hadoopConf() {
    return lakehouse.spark().sparkContext().hadoopConfiguration();
  }

  /**
   * The version and row count of the write just made, from the commit's own entry in the Delta log
   * (no Spark job, no snapshot rebuild).
   */
  private WriteResult lastCommit(TableContract contract) {
    var conf = hadoopConf();
    String location = lakehouse.location(contract);
    long version = DeltaCommits.latestVersion(conf, location);
    Map<String, String> metrics = DeltaCommits.operationMetrics(conf, location, version);
    long rows;
    if (metrics.containsKey("numTargetRowsInserted")) {
      // MERGE: numOutputRows counts every rewritten row; inserted + updated is what changed.
      rows =
          Long.parseLong(metrics.get("numTargetRowsInserted"))
              + Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0"));
    } else {
      // replaceWhere on data columns rewrites the files it touches: their untouched rows are
      // copied and counted in numOutputRows; only the rest were written by this call.
      rows =
          Long.parseLong(metrics.getOrDefault("numOutputRows", "0"))
              - Long.parseLong(metrics.getOrDefault("numCopiedRows", "0"));
    }
    return new WriteResult(contract.name(), version, rows);
  }
}
