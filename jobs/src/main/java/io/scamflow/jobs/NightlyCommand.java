package io.scamflow.jobs;

import io.scamflow.errors.Errors;
import io.scamflow.pipeline.Pipeline;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow nightly --landing DIR --run-date D} (or {@code --from D1 --to D2}): every stage
 * in order for each date, day by day.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = "Run every stage for a date (or backfill a range of dates, day by day).")
final class NightlyCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--landing",
      required = true,
      paramLabel = "DIR",
      description = "Landing zone root: DIR/<YYYY-MM-DD>/<source>/<format>/<files>")
  String landing;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Dates dates;

  @Option(
      names = "--rerun",
      description =
          "In a --from/--to backfill, run again dates whose nightly run already succeeded"
              + " (default: skip them, so a broken backfill resumes where it stopped).")
  boolean rerun;

  static final class Dates {
    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", description = "One date")
    LocalDate runDate;

    @ArgGroup(exclusive = false)
    Range range;
  }

  static final class Range {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "First date")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date")
    LocalDate to;
  }

  @Override
  public Integer call() {
    LocalDate from = dates.runDate != null ? dates.runDate : dates.range.from;
    LocalDate to = dates.runDate != null ? dates.runDate : dates.range.to;
    if (to.isBefore(from)) {
      throw Errors.invalidArgument(
          "--to " + to + " is before --from " + from, "a backfill runs forward", "Swap the dates");
    }
    var lakehouse = root.global.lakehouse();
    Pipeline pipeline = new Pipeline(lakehouse, root.global.settings(), Pipeline.standardStages());
    var out = spec.commandLine().getOut();
    boolean backfill = dates.runDate == null;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (backfill && !rerun && pipeline.succeeded(d)) {
        out.println(d + " nightly: succeeded before, skipped (--rerun to run it again)");
        out.flush();
        continue;
      }
      long t0 = System.nanoTime();
      var outcome =
          pipeline.run(
              d,
              Optional.of(landing),
              line -> {
                out.println(line);
                out.flush();
              });
      out.printf(
          java.util.Locale.ROOT,
          "%s nightly: %s, %.0f s%n",
          d,
          outcome.summary(),
          (System.nanoTime() - t0) / 1e9);
      out.flush();
    }
    return 0;
  }
}
