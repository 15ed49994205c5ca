package io.scamflow.jobs;

import io.scamflow.cases.CaseReport;
import io.scamflow.cases.Cases;
import io.scamflow.errors.Errors;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Encoders;
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
        "Generate a synthetic world, run the nightly pipeline over its days, print the top cases"
            + " and write a report for each.")
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

  @Option(
      names = "--top",
      defaultValue = "15",
      description = "Cases (or alerts, when there are no cases) to print (default: 15).")
  int top;

  @Option(
      names = "--reports",
      paramLabel = "N",
      description =
          "Case reports to write, top cases first (default: scamflow.cases.demo-reports).")
  Integer reports;

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
      long t = System.nanoTime();
      var outcome =
          pipeline.run(
              date,
              Optional.of(landing.toAbsolutePath().toString()),
              line -> {
                o.printf(Locale.ROOT, "      %5.0f s  %s%n", (System.nanoTime() - t) / 1e9, line);
                o.flush();
              });
      o.println("      " + date + ": " + outcome.summary());
      o.flush();
    }
    var spark = lakehouse.spark();
    lakehouse.ensure(Cases.TABLE);
    LocalDate last = start.plusDays(days - 1L);
    String open = " FROM gold.cases WHERE run_date = DATE'" + last + "' AND status <> 'CLOSED'";
    long cases = spark.sql("SELECT count(*)" + open).first().getLong(0);
    if (cases == 0) {
      o.println("[3/3] no cases on " + last + "; top alerts (scamflow sql for all):");
      var alerts =
          spark.sql(
              "SELECT run_date, typology, anchor, size(members) AS accounts, amount_usd, score"
                  + " FROM gold.alerts ORDER BY score DESC, amount_usd DESC LIMIT "
                  + top);
      ResultFormat.table.print(alerts, top, o);
    } else {
      o.println("[3/3] top cases of " + last + " (" + cases + " open):");
      var table =
          spark.sql(
              "SELECT case_id, round(score, 2) AS score, member_count AS members,"
                  + " size(designated_nodes) AS designated, designated_usd AS to_designated_usd,"
                  + " traced_usd AS from_victims_usd, status,"
                  + " concat(reasons[0].source, ': ', reasons[0].detail) AS top_reason"
                  + open
                  + " ORDER BY score DESC, case_id LIMIT "
                  + top);
      ResultFormat.table.print(table, top, o);
      int n =
          reports != null ? reports : root.global.settings().integer("scamflow.cases.demo-reports");
      Path dir = out.resolve("reports");
      List<String> ids =
          spark
              .sql("SELECT case_id" + open + " ORDER BY score DESC, case_id LIMIT " + n)
              .as(Encoders.STRING())
              .collectAsList();
      o.println("      case reports (open in a browser):");
      for (String id : ids) {
        Path file = dir.resolve(id + ".html");
        CaseReport.load(lakehouse, id, Optional.of(last)).write(file);
        o.println("      " + file.toAbsolutePath());
        o.flush();
      }
    }
    o.printf(Locale.ROOT, "done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
