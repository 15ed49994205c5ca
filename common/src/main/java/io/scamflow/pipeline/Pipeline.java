package io.scamflow.pipeline;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Readers;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * The nightly run: every stage in order for one date, each recorded in ops.runs. If the previous
 * nightly run of the date did not succeed, a rerun resumes: stages that completed in that attempt
 * are skipped. Otherwise every stage runs again; ingest stages read only new or changed files.
 */
public final class Pipeline {
  public static final String NIGHTLY = "nightly";
  static final String DQ_PREFIX = "dq.";

  private final Lakehouse lakehouse;
  private final Settings settings;
  private final List<Stage> stages;

  public Pipeline(Lakehouse lakehouse, Settings settings, List<Stage> stages) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.stages = List.copyOf(stages);
  }

  /** The standard stage order: ingest every registered format, then the silver and gold builds. */
  public static List<Stage> standardStages() {
    List<Stage> out = new ArrayList<>();
    for (FormatReader reader : Readers.all()) {
      out.add(new IngestStage(reader));
    }
    out.addAll(DerivedStages.all());
    return out;
  }

  public List<Stage> stages() {
    return stages;
  }

  /** Runs every stage for {@code date}; {@code progress} hears a line per stage. */
  public StageOutcome run(LocalDate date, Optional<String> landingRoot, Consumer<String> progress) {
    Set<String> done = completedInUnfinishedAttempt(date);
    StageRunner runner = new StageRunner(lakehouse, settings);
    return runner.run(
        NIGHTLY,
        date,
        nightly -> {
          long read = 0;
          long accepted = 0;
          long quarantined = 0;
          int ran = 0;
          for (Stage stage : stages) {
            if (done.contains(stage.name())) {
              progress.accept(date + " " + stage.name() + ": done in the interrupted run, skipped");
              continue;
            }
            if (!stage.hasWork(new StageContext(lakehouse, settings, nightly, landingRoot))) {
              continue; // e.g. a format with no landing folder today: nothing to record
            }
            long t0 = System.nanoTime();
            StageOutcome o =
                runner.run(
                    stage.name(),
                    date,
                    run -> stage.run(new StageContext(lakehouse, settings, run, landingRoot)));
            ran++;
            read += o.read();
            accepted += o.accepted();
            quarantined += o.quarantined();
            progress.accept(progressLine(date, stage.name(), o, (System.nanoTime() - t0) / 1e9));
          }
          return new StageOutcome(
              read,
              accepted,
              quarantined,
              List.of(),
              ran + " stages run, " + done.size() + " resumed");
        });
  }

  /** {@code D stage: summary [N rows written, Q quarantined, S s]}: what an operator watches. */
  static String progressLine(LocalDate date, String stage, StageOutcome o, double seconds) {
    long written = o.writes().stream().mapToLong(io.scamflow.table.WriteResult::rowsWritten).sum();
    return String.format(
        java.util.Locale.ROOT,
        "%s %s: %s [%d rows written%s, %.1f s]",
        date,
        stage,
        o.summary(),
        written,
        o.quarantined() == 0 ? "" : ", " + o.quarantined() + " quarantined",
        seconds);
  }

  /** Whether the latest nightly run of {@code date} succeeded. */
  public boolean succeeded(LocalDate date) {
    lakehouse.ensure(io.scamflow.run.RunLog.TABLE);
    List<Row> last = latestNightly(date);
    return !last.isEmpty() && "SUCCEEDED".equals(last.get(0).getString(0));
  }

  private List<Row> latestNightly(LocalDate date) {
    return lakehouse
        .spark()
        .sql(
            String.format(
                "SELECT status, started_at FROM ops.runs WHERE job = '%s' AND run_date ="
                    + " DATE'%s' ORDER BY started_at DESC LIMIT 1",
                NIGHTLY, date))
        .collectAsList();
  }

  /**
   * Stages that succeeded during the latest nightly attempt of {@code date}, if that attempt did
   * not succeed (it failed or was killed); empty otherwise.
   */
  Set<String> completedInUnfinishedAttempt(LocalDate date) {
    lakehouse.ensure(io.scamflow.run.RunLog.TABLE);
    List<Row> last = latestNightly(date);
    Set<String> done = new HashSet<>();
    if (last.isEmpty() || "SUCCEEDED".equals(last.get(0).getString(0))) {
      return done;
    }
    for (Row r :
        lakehouse
            .spark()
            .sql(
                String.format(
                    "SELECT job, status FROM ops.runs WHERE run_date = DATE'%s' AND status IN"
                        + " ('SUCCEEDED', 'FAILED') AND started_at >= TIMESTAMP'%s' AND job <> '%s'",
                    date, last.get(0).getTimestamp(1), NIGHTLY))
            .collectAsList()) {
      if ("FAILED".equals(r.getString(1)) && r.getString(0).startsWith(DQ_PREFIX)) {
        // A data-quality gate stopped that attempt: the fix is new or corrected input, so the
        // rerun starts over (ingest reads only new or changed files; every stage is idempotent).
        return new HashSet<>();
      }
      if ("SUCCEEDED".equals(r.getString(1))) {
        done.add(r.getString(0));
      }
    }
    return done;
  }
}
