package io.scamflow.jobs;

import io.scamflow.config.Settings;
import io.scamflow.detect.Alerts;
import io.scamflow.detect.DetectionStage;
import io.scamflow.errors.Errors;
import io.scamflow.evaluate.BenchmarkEvaluation;
import io.scamflow.evaluate.TruthEvaluation;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow evaluate --truth DIR} scores gold.alerts against a generated world's truth
 * (running the nightly pipeline over the world's days in a scratch lakehouse first, unless
 * --lakehouse names one that already ran it); {@code scamflow evaluate --dataset amlsim|ibm-aml
 * --input PATH --out DIR} runs a public benchmark through the pipeline and scores it against its
 * labels. Both print the table and write DIR/metrics.json.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Precision and recall of the alerts against a generated world's truth (--truth) or a"
            + " public benchmark's labels (--dataset, --input).")
final class EvaluateCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--truth", paramLabel = "DIR", description = "A world from scamflow generate")
  Path truth;

  @Option(names = "--dataset", paramLabel = "NAME", description = "amlsim or ibm-aml")
  String dataset;

  @Option(names = "--input", paramLabel = "PATH", description = "The benchmark's file or folder")
  Path input;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where metrics.json (and flagged_accounts.csv, the scratch lakehouse) go")
  Path out;

  @Option(
      names = "--redetect",
      description = "With --truth and an already-run --lakehouse: rerun detection first")
  boolean redetect;

  @Option(
      names = "--score-from",
      paramLabel = "YYYY-MM-DD",
      description =
          "With --truth: score only alerts of run dates from this one on, against the truth their"
              + " look-back windows could see (the first date whose window is full measures the"
              + " steady state); --redetect then reruns only those dates")
  LocalDate scoreFrom;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    if ((truth == null) == (dataset == null)) {
      throw Errors.invalidArgument(
          "Nothing to evaluate",
          "give either --truth DIR or --dataset NAME --input PATH --out DIR",
          "e.g. scamflow evaluate --truth demo-world");
    }
    if (dataset != null) {
      if (input == null || out == null) {
        throw Errors.invalidArgument(
            "--dataset needs --input and --out", "the benchmark and where results go", "");
      }
      var r =
          new BenchmarkEvaluation(root.global.spark(), root.global.settings())
              .run(
                  dataset,
                  input,
                  out,
                  line -> {
                    o.println(line);
                    o.flush();
                  });
      o.println(r.report().toMarkdown());
      o.printf(
          "%d transfers, %d accounts (%d positive), %d alerts; wrote %s and %s%n",
          r.transfers(),
          r.accounts(),
          r.positives(),
          r.alerts(),
          out.resolve("metrics.json"),
          out.resolve("flagged_accounts.csv"));
      return 0;
    }
    List<LocalDate> days = days(truth);
    Path outDir = out != null ? out : truth.resolve("evaluation");
    Settings settings = root.global.settings();
    Lakehouse lakehouse;
    if (root.global.lakehouse != null && hasAlerts(root.global.lakehouse())) {
      lakehouse = root.global.lakehouse();
      if (redetect) {
        StageRunner runner = new StageRunner(lakehouse, settings);
        for (LocalDate d : days) {
          if (scoreFrom != null && d.isBefore(scoreFrom)) {
            continue;
          }
          var outcome =
              runner.run(
                  "gold.alerts",
                  d,
                  run ->
                      new DetectionStage()
                          .run(new StageContext(lakehouse, settings, run, Optional.empty())));
          o.println(d + " gold.alerts: " + outcome.summary());
        }
      }
    } else {
      Path scratch = outDir.resolve("lakehouse").toAbsolutePath();
      lakehouse = Lakehouse.open(root.global.spark(), scratch.toString());
      lakehouse.ensureAll(io.scamflow.ScamflowTables.all());
      Pipeline pipeline = new Pipeline(lakehouse, settings, Pipeline.standardStages());
      String landing = truth.resolve("landing").toAbsolutePath().toString();
      for (LocalDate d : days) {
        o.println(d + ": " + pipeline.run(d, Optional.of(landing), line -> {}).summary());
        o.flush();
      }
    }
    var scope =
        new TruthEvaluation.Scope(
            Optional.ofNullable(scoreFrom), settings.integer("scamflow.detect.lookback-days"));
    var result = new TruthEvaluation(lakehouse).evaluate(truth, scope);
    o.println(result.report().toMarkdown());
    Map<String, String> header = new LinkedHashMap<>();
    header.put("truth", truth.toString());
    header.put("lakehouse", lakehouse.root());
    scope.from().ifPresent(d -> header.put("scored_run_dates_from", d.toString()));
    scope.truthFrom().ifPresent(d -> header.put("truth_value_dates_from", d.toString()));
    header.put("truth_transfers", Long.toString(result.truthTransfers()));
    header.put("matched_transfers", Long.toString(result.matchedTransfers()));
    header.put("alerts", Long.toString(result.alerts()));
    try {
      Files.createDirectories(outDir);
      Files.writeString(outDir.resolve("metrics.json"), result.report().toJson(header));
      Files.writeString(outDir.resolve("metrics.md"), result.report().toMarkdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    o.printf(
        "%d of %d truth transfers%s found in silver.transfers; %d alerts; wrote %s%n",
        result.matchedTransfers(),
        result.truthTransfers(),
        scope.truthFrom().map(d -> " (value dates from " + d + ")").orElse(""),
        result.alerts(),
        outDir.resolve("metrics.json"));
    return 0;
  }

  private static boolean hasAlerts(Lakehouse lakehouse) {
    lakehouse.ensure(Alerts.TABLE);
    return !lakehouse.spark().table(Alerts.TABLE.name()).isEmpty();
  }

  /** The world's days: the dated folders of its landing zone. */
  private static List<LocalDate> days(Path world) {
    Path landing = world.resolve("landing");
    if (!Files.isDirectory(world.resolve("truth")) || !Files.isDirectory(landing)) {
      throw Errors.invalidArgument(
          "Not a generated world: " + world,
          "--truth needs DIR/truth and DIR/landing",
          "make one with scamflow generate --out DIR");
    }
    try (Stream<Path> s = Files.list(landing)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}"))
          .sorted()
          .map(LocalDate::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
