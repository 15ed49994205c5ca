package io.scamflow.run;

import io.scamflow.config.Settings;
import io.scamflow.quality.Reconciliation;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.WriteResult;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage for one date with its audit trail: records it RUNNING in ops.runs, runs it,
 * reconciles read = accepted + quarantined, and records SUCCEEDED or FAILED with counts and the
 * Delta versions it wrote. The stage's exception is rethrown after it is recorded.
 */
public final class StageRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

  private final Lakehouse lakehouse;
  private final Settings settings;
  private final RunLog runLog;

  public StageRunner(Lakehouse lakehouse, Settings settings) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.runLog = new RunLog(lakehouse);
  }

  public StageOutcome run(String job, LocalDate runDate, Function<RunContext, StageOutcome> stage) {
    RunContext run = RunContext.start(job, runDate);
    String operator = settings.optional("scamflow.runs.operator").orElse("unknown");
    runLog.started(run, operator, settings.origin());
    LOG.info("{} for {} started as {}", job, runDate, run.runId());
    StageOutcome outcome;
    try {
      outcome = stage.apply(run);
      Reconciliation.check(job, outcome.read(), outcome.accepted(), outcome.quarantined());
    } catch (RuntimeException | Error e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      runLog.finished(run, false, new RunCounts(), List.of(), message, operator, settings.origin());
      throw e;
    }
    RunCounts counts =
        new RunCounts()
            .addRead(outcome.read())
            .addAccepted(outcome.accepted())
            .addWritten(outcome.writes().stream().mapToLong(WriteResult::rowsWritten).sum())
            .addQuarantined(outcome.quarantined());
    runLog.finished(
        run, true, counts, outcome.writes(), outcome.summary(), operator, settings.origin());
    LOG.info("{} for {} succeeded: {}", job, runDate, outcome.summary());
    return outcome;
  }

  public Lakehouse lakehouse() {
    return lakehouse;
  }
}
