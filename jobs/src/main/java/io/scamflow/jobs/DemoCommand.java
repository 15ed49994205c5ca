package io.scamflow.jobs;

import io.scamflow.errors.Errors;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow demo}: the main job on the embedded default. Generates a world, runs the nightly
 * pipeline over each of its days into the lakehouse, and prints what it found.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generate a synthetic world, run the nightly pipeline over its days, print the top alerts.")
final class DemoCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "demo-world",
      paramLabel = "DIR",
      description = "Where the generated world goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--scale",
      defaultValue = "tiny",
      description = "tiny, small, medium or large (default: ${DEFAULT-VALUE}).")
  String scale;

  @Option(
      names = "--days",
      defaultValue = "3",
      description = "Days (default: ${DEFAULT-VALUE}; the sanctions lists change on the last).")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--top", defaultValue = "15", description = "Alerts to print (default: 15).")
  int top;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    Scale s;
    try {
      s = Scale.valueOf(scale.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Errors.invalidArgument(
          "Unknown scale '" + scale + "'", "the scales are tiny, small, medium and large", "");
    }
    LocalDate start = LocalDate.of(2026, 3, 2);
    WorldParameters params = WorldParameters.of(s, start, days, seed);
    long t0 = System.nanoTime();
    Path landing = out.resolve("landing");
    if (Files.isDirectory(landing.resolve(start.plusDays(days - 1L).toString()))) {
      o.println("[1/3] world already generated in " + out + " (delete it to regenerate)");
    } else {
      o.println("[1/3] generating a " + scale + " world of " + days + " days in " + out + " ...");
      o.flush();
      Generator.Result r = Generator.generate(params, out, root.global::spark, false);
      o.printf(
          Locale.ROOT,
          "      %d transfers, %d of them laundering (%.1f%%)%n",
          r.transfers(),
          r.launderingTransfers(),
          100 * r.launderingShare());
    }
    var lakehouse = root.global.lakehouse();
    Pipeline pipeline = new Pipeline(lakehouse, root.global.settings(), Pipeline.standardStages());
    o.println("[2/3] nightly runs into " + lakehouse.root() + " ...");
    for (int d = 0; d < days; d++) {
      LocalDate date = start.plusDays(d);
      var outcome =
          pipeline.run(date, Optional.of(landing.toAbsolutePath().toString()), line -> {});
      o.println("      " + date + ": " + outcome.summary());
      o.flush();
    }
    o.println("[3/3] top alerts (scamflow sql \"SELECT * FROM gold.alerts\" for all):");
    var alerts =
        lakehouse
            .spark()
            .sql(
                "SELECT run_date, typology, anchor, size(members) AS accounts, amount_usd, score"
                    + " FROM gold.alerts ORDER BY score DESC, amount_usd DESC LIMIT "
                    + top);
    ResultFormat.table.print(alerts, top, o);
    o.printf(Locale.ROOT, "done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
