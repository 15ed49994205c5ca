package io.scamflow.jobs;

import io.scamflow.errors.Errors;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow stage --stage NAME --run-date D [--landing DIR]}: exactly one stage of the
 * nightly run for one date, recorded in ops.runs under the stage's name. What a scheduler task runs
 * (one task per stage); the nightly run is the same stages in order. {@code --stage} may be given
 * several times: the stages then run one after another in one JVM, in the order given, and the
 * first that fails stops the rest (an operator rerunning a few stages, or a measurement that leaves
 * some out).
 */
@Command(
    name = "stage",
    mixinStandardHelpOptions = true,
    description =
        "Run one stage of the nightly run for a date, or several in the order given (see"
            + " `scamflow stages`).")
final class StageCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stage",
      required = true,
      paramLabel = "NAME",
      description =
          "Stage name as `scamflow stages` lists it, e.g. silver.fiat. Repeat it to run several.")
  List<String> stageNames;

  @Option(
      names = "--run-date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The date to run the stage for.")
  LocalDate runDate;

  @Option(
      names = "--landing",
      paramLabel = "DIR",
      description = "Landing zone root (ingest stages need it; others ignore it).")
  String landing;

  @Override
  public Integer call() {
    List<Stage> all = Pipeline.standardStages();
    List<Stage> stages = stageNames.stream().map(n -> find(all, n)).toList();
    var lakehouse = root.global.lakehouse();
    var settings = root.global.settings();
    Optional<String> landingRoot = Optional.ofNullable(landing);
    StageRunner runner = new StageRunner(lakehouse, settings);
    for (Stage stage : stages) {
      StageOutcome outcome =
          runner.run(
              stage.name(),
              runDate,
              run -> stage.run(new StageContext(lakehouse, settings, run, landingRoot)));
      spec.commandLine().getOut().println(runDate + " " + stage.name() + ": " + outcome.summary());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** The registered stage called {@code name}, or a user error listing the names there are. */
  static Stage find(List<Stage> stages, String name) {
    for (Stage s : stages) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw Errors.invalidArgument(
        "--stage " + name,
        "no stage of the nightly run has that name",
        "Use one of the names `scamflow stages` lists, e.g. "
            + stages.get(stages.size() - 1).name());
  }
}
