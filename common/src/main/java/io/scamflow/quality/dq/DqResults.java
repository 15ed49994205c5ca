package io.scamflow.quality.dq;

import io.scamflow.errors.Errors;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * ops.dq_results: every data-quality check of every nightly run date. A rerun of a date replaces
 * that date's result of the same check and table (merge on run_date, check_name, table_name), so
 * the table says how the date's data stands now; ops.runs keeps the failed attempts.
 */
public final class DqResults {
  public static final TableContract TABLE =
      TableContract.builder("ops.dq_results")
          .comment(
              "Data-quality checks per nightly run date: what each check saw, its threshold, and"
                  + " its severity (INFO passed, WARN flagged, FAIL stopped the run)")
          .column("run_id", DataTypes.StringType, false, "Run that evaluated the check")
          .column("run_date", DataTypes.DateType, false, "Business date the check is about")
          .column(
              "check_name",
              DataTypes.StringType,
              false,
              "Check: sanctions_freshness, fx_coverage, null_rate, reconciliation,"
                  + " quarantine_rate, volume_drop")
          .column(
              "table_name",
              DataTypes.StringType,
              false,
              "Table (with the column or slice, e.g. silver.transfers.from_account) or stage"
                  + " the check looked at")
          .column(
              "severity",
              DataTypes.StringType,
              false,
              "INFO (passed), WARN (breached, run goes on), FAIL (breached, run stopped)")
          .column("status", DataTypes.StringType, false, "PASSED or BREACHED")
          .column(
              "observed",
              DataTypes.DoubleType,
              "What the check measured (a share, a count or days; the message says which)")
          .column(
              "threshold", DataTypes.DoubleType, "The limit it was compared with (scamflow.dq.*)")
          .column(
              "message",
              DataTypes.StringType,
              false,
              "What was seen and, when breached, what to do about it")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("check_name", "table_name")
          .withoutLineage()
          .build();

  private final Lakehouse lakehouse;

  public DqResults(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Records {@code results} for the run's date (one commit); nothing is written for none. */
  public Optional<WriteResult> write(RunContext run, List<DqResult> results) {
    if (results.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows =
        results.stream()
            .map(
                r ->
                    RowFactory.create(
                        run.runId(),
                        Date.valueOf(run.runDate()),
                        r.check(),
                        r.table(),
                        r.severity().name(),
                        r.status(),
                        r.observed(),
                        r.threshold(),
                        r.message()))
            .toList();
    var data = lakehouse.spark().createDataFrame(rows, TABLE.schema());
    return Optional.of(new TableWriter(lakehouse).merge(TABLE, data, run));
  }

  /** Throws the first FAIL among {@code results}, naming the check, what it saw and what to do. */
  public static void stopOnFailure(List<DqResult> results) {
    for (DqResult r : results) {
      if (r.fails()) {
        throw Errors.dataQualityFailed(r.check(), r.table(), r.message());
      }
    }
  }
}
