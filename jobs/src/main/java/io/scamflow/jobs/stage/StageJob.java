package io.scamflow.jobs.stage;

/**
 * {@code spark-submit --class io.scamflow.jobs.stage.StageJob scamflow-jobs-cluster.jar --stage
 * NAME --run-date D [--landing URI] [--conf-file F]}: exactly one stage of the nightly run for D,
 * recorded in ops.runs. Every stage {@code scamflow stages} lists has this job.
 */
public final class StageJob {
  private StageJob() {}

  public static void main(String[] args) {
    JobMain.run("stage", args);
  }
}
