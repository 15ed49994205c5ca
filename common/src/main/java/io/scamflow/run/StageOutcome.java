package io.scamflow.run;

import io.scamflow.table.WriteResult;
import java.util.List;

/**
 * What a stage reports when it ends: records read, accepted and quarantined (checked to add up),
 * the writes it made, and a one-line summary for ops.runs.
 */
public record StageOutcome(
    long read, long accepted, long quarantined, List<WriteResult> writes, String summary) {

  /** A stage that derives tables from tables: nothing is read from files, nothing quarantined. */
  public static StageOutcome derived(List<WriteResult> writes, String summary) {
    long written = writes.stream().mapToLong(WriteResult::rowsWritten).sum();
    return new StageOutcome(written, written, 0, writes, summary);
  }
}
