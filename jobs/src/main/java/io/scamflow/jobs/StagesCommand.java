package io.scamflow.jobs;

import io.scamflow.jobs.stage.StageJob;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.run.Stage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow stages}: the stages of the nightly run in order, one per line with the job class
 * that runs it alone under spark-submit. Schedules (conf/airflow, conf/k8s) follow this list.
 */
@Command(
    name = "stages",
    mixinStandardHelpOptions = true,
    description = "List the nightly run's stages in order, with the spark-submit class of each.")
final class StagesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (Stage s : Pipeline.standardStages()) {
      out.println(s.name() + "\t" + StageJob.class.getName() + " --stage " + s.name());
    }
    return 0;
  }
}
