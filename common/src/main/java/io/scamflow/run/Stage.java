package io.scamflow.run;

/**
 * One step of the nightly run for one date, e.g. {@code ingest.bank.iso20022-pacs008} or {@code
 * silver.transfers}. Every stage is idempotent for its date and can run alone; the pipeline runs
 * them in order and records each in ops.runs under {@link #name()}.
 */
public interface Stage {
  String name();

  StageOutcome run(StageContext context);

  /**
   * False when the stage has nothing to do for this run (e.g. no landing folder for its format):
   * the pipeline then skips it without recording a run.
   */
  default boolean hasWork(StageContext context) {
    return true;
  }

  /** A stage from a name and a function, for stages that are one call. */
  static Stage of(String name, java.util.function.Function<StageContext, StageOutcome> body) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StageOutcome run(StageContext context) {
        return body.apply(context);
      }
    };
  }
}
