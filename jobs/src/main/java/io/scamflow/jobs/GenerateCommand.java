package io.scamflow.jobs;

import io.scamflow.errors.Errors;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scamflow generate --out DIR}: a synthetic scam economy in landing formats + truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic scam economy: DIR/landing/<date>/<source>/<format>/... in the real"
            + " formats, and its ground truth in DIR/truth/.")
final class GenerateCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--scale",
      defaultValue = "tiny",
      description =
          "tiny (~10k transfers, on the driver), small (~1M), medium (~10M), large (~100M)"
              + " (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(names = "--days", defaultValue = "7", description = "Days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--start",
      defaultValue = "2026-03-02",
      description = "First day, yyyy-MM-dd (default: ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(names = "--operations", description = "Scam operations (default: by scale).")
  Integer operations;

  @Override
  public Integer call() {
    Scale s;
    try {
      s = Scale.valueOf(scale.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Errors.invalidArgument(
          "Unknown scale '" + scale + "'",
          "the scales are tiny, small, medium and large",
          "Use --scale tiny (tests), small (demo), medium or large (benchmarks)");
    }
    if (days < 1 || days > 366) {
      throw Errors.invalidArgument(
          "--days " + days + " is out of range", "a world lasts 1 to 366 days", "Use --days 7");
    }
    WorldParameters params = WorldParameters.of(s, start, days, seed);
    if (operations != null) {
      if (operations < 1) {
        throw Errors.invalidArgument(
            "--operations " + operations + " is out of range",
            "a world needs at least one scam operation",
            "Use --operations 2 or leave it out");
      }
      params = params.withOperations(operations);
    }
    long t0 = System.nanoTime();
    Generator.Result r = Generator.generate(params, out, root.global::spark, false);
    double secs = (System.nanoTime() - t0) / 1e9;
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "generated %d transfers (%d laundering, %.2f%%) in %s over %d days in %.1f s%n",
            r.transfers(),
            r.launderingTransfers(),
            100 * r.launderingShare(),
            out,
            days,
            secs);
    return 0;
  }
}
