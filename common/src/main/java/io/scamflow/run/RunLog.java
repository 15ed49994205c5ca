package io.scamflow.run;

import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * ops.runs: one row per job run, written RUNNING when it starts and updated when it ends, so a
 * crashed run stays visible and a restart can tell which stages of a date completed.
 */
public final class RunLog {
  public static final TableContract TABLE =
      TableContract.builder("ops.runs")
          .comment("One row per scamflow job run: what ran, for which date, how it ended, counts")
          .column("run_id", DataTypes.StringType, false, "Id of the run; every row it wrote has it")
          .column("job", DataTypes.StringType, false, "Job or stage name, e.g. ingest.bank")
          .column("run_date", DataTypes.DateType, false, "The business date the run processed")
          .column("started_at", DataTypes.TimestampType, false, "When the run started (UTC)")
          .column(
              "ended_at", DataTypes.TimestampType, "When the run ended (UTC); null while running")
          .column(
              "status",
              DataTypes.StringType,
              false,
              "RUNNING, SUCCEEDED or FAILED (a RUNNING row with no end is a crashed run)")
          .column("rows_read", DataTypes.LongType, "Records read from the stage's inputs")
          .column("rows_written", DataTypes.LongType, "Rows inserted or updated in its tables")
          .column("rows_quarantined", DataTypes.LongType, "Records rejected to ops.quarantine")
          .column(
              "tables_written",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              "Delta version committed per table written")
          .column("message", DataTypes.StringType, "Error message of a failed run, or a summary")
          .column("operator", DataTypes.StringType, "Who started the run")
          .column("settings_origin", DataTypes.StringType, "Conf file the run's settings came from")
          .column(
              "rows_accepted",
              DataTypes.LongType,
              "Records accepted of those read (read = accepted + quarantined)")
          .keys("run_id")
          .withoutLineage()
          .build();

  private final TableWriter writer;
  private final Lakehouse lakehouse;

  public RunLog(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
    this.writer = new TableWriter(lakehouse);
  }

  public void started(RunContext run, String operator, String settingsOrigin) {
    write(run, null, "RUNNING", new RunCounts(), Map.of(), null, operator, settingsOrigin);
  }

  public void finished(
      RunContext run,
      boolean succeeded,
      RunCounts counts,
      List<WriteResult> writes,
      String message,
      String operator,
      String settingsOrigin) {
    Map<String, Long> versions = new TreeMap<>();
    for (WriteResult w : writes) {
      if (w.version() >= 0) {
        versions.merge(w.table(), w.version(), Math::max);
      }
    }
    write(
        run,
        Timestamp.from(Instant.now()),
        succeeded ? "SUCCEEDED" : "FAILED",
        counts,
        versions,
        message,
        operator,
        settingsOrigin);
  }

  private void write(
      RunContext run,
      Timestamp endedAt,
      String status,
      RunCounts counts,
      Map<String, Long> versions,
      String message,
      String operator,
      String settingsOrigin) {
    Row row =
        RowFactory.create(
            run.runId(),
            run.job(),
            java.sql.Date.valueOf(run.runDate()),
            Timestamp.from(run.startedAt()),
            endedAt,
            status,
            counts.read(),
            counts.written(),
            counts.quarantined(),
            versions,
            message,
            operator,
            settingsOrigin,
            counts.accepted());
    var data = lakehouse.spark().createDataFrame(List.of(row), TABLE.schema());
    if ("RUNNING".equals(status)) {
      writer.append(TABLE, data, run); // a new run id: nothing to merge with
    } else {
      // Replace the run's RUNNING row: data skipping on run_id finds its one small file, where a
      // MERGE would join against the whole table.
      writer.replaceWhere(TABLE, data, run, "run_id = '" + run.runId().replace("'", "''") + "'");
    }
  }
}
