package io.scamflow.jobs.stage;

/**
 * {@code spark-submit --class io.scamflow.jobs.stage.NightlyJob scamflow-jobs-cluster.jar --landing
 * URI --run-date D [--conf-file F]} (or {@code --from D1 --to D2}): the nightly driver, every stage
 * in order, resuming an interrupted run of the date.
 */
public final class NightlyJob {
  private NightlyJob() {}

  public static void main(String[] args) {
    JobMain.run("nightly", args);
  }
}
