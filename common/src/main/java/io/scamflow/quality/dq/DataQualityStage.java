package io.scamflow.quality.dq;

import io.scamflow.run.RunLog;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The nightly data-quality gate, after the silver builds and before resolution, screening and
 * detection: the {@link DataQualityChecks} on the date's data plus, per ingest stage, the count
 * reconciliation and quarantine rate of its latest load (from ops.runs). All results go to
 * ops.dq_results in one commit; a FAIL then stops the run naming the check.
 */
public final class DataQualityStage implements Stage {
  public static final String NAME = "dq.checks";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageOutcome run(StageContext c) {
    List<DqResult> results = new ArrayList<>(ingestReconciliation(c));
    results.addAll(new DataQualityChecks(c.lakehouse(), c.settings()).run(c.run().runDate()));
    var write = new DqResults(c.lakehouse()).write(c.run(), results);
    DqResults.stopOnFailure(results);
    long warnings = results.stream().filter(r -> r.severity() == Severity.WARN).count();
    String summary =
        String.format(
            "%d checks, %d passed, %d warnings%s",
            results.size(),
            results.stream().filter(DqResult::passed).count(),
            warnings,
            warnings == 0
                ? ""
                : " ("
                    + String.join(
                        ", ",
                        results.stream()
                            .filter(r -> r.severity() == Severity.WARN)
                            .map(r -> r.check() + " " + r.table())
                            .toList())
                    + ")");
    // The results are the stage's output, not records it read: nothing to reconcile.
    return new StageOutcome(0, 0, 0, write.map(List::of).orElse(List.of()), summary);
  }

  /**
   * For each ingest stage that loaded records for the date, its latest such load: read must equal
   * accepted + quarantined (the stage already refuses to succeed otherwise; this records it), and
   * the quarantined share must stay under the limits. Loads that read nothing (files loaded before)
   * are skipped, so a rerun records the same results as the first run.
   */
  List<DqResult> ingestReconciliation(StageContext c) {
    c.lakehouse().ensure(RunLog.TABLE);
    double warn = c.settings().decimal("scamflow.dq.quarantine-rate.warn-above");
    double fail = c.settings().decimal("scamflow.dq.quarantine-rate.fail-above");
    LocalDate date = c.run().runDate();
    List<Row> loads =
        c.lakehouse()
            .spark()
            .sql(
                String.format(
                    "SELECT job, max_by(rows_read, started_at), max_by(rows_accepted, started_at),"
                        + " max_by(rows_quarantined, started_at) FROM %s WHERE run_date ="
                        + " DATE'%s' AND status = 'SUCCEEDED' AND job LIKE 'ingest.%%'"
                        + " AND rows_read > 0 GROUP BY job ORDER BY job",
                    RunLog.TABLE.name(), date))
            .collectAsList();
    List<DqResult> out = new ArrayList<>();
    for (Row r : loads) {
      String stage = r.getString(0);
      long read = r.getLong(1);
      long accepted = r.isNullAt(2) ? read - r.getLong(3) : r.getLong(2);
      long quarantined = r.getLong(3);
      long lost = read - accepted - quarantined;
      String counts =
          String.format(
              "read %d = accepted %d + quarantined %d%s",
              read, accepted, quarantined, lost == 0 ? "" : " (" + lost + " unaccounted)");
      out.add(
          lost == 0
              ? DqResult.passed("reconciliation", stage, lost, 0, counts)
              : DqResult.breached(
                  "reconciliation",
                  stage,
                  Severity.FAIL,
                  lost,
                  0,
                  counts + "; records were lost: a bug in the stage's reader, report it"));
      double rate = (double) quarantined / read;
      String seen =
          String.format(
              Locale.ROOT, "%d of %d records quarantined (%.2f%%)", quarantined, read, 100 * rate);
      String fix =
          "; see ops.quarantine for the stage and date (reason, raw), fix the feed or the reader,"
              + " redeliver the files, then rerun the date";
      if (rate > fail) {
        out.add(DqResult.breached("quarantine_rate", stage, Severity.FAIL, rate, fail, seen + fix));
      } else if (rate > warn) {
        out.add(DqResult.breached("quarantine_rate", stage, Severity.WARN, rate, warn, seen + fix));
      } else {
        out.add(DqResult.passed("quarantine_rate", stage, rate, warn, seen));
      }
    }
    return out;
  }
}
