package io.scamflow.run;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Who is writing: one job run for one run date. Its id goes into every row the run writes and into
 * ops.runs, so any row can be traced to the run, the settings and the files that made it.
 */
public record RunContext(String runId, String job, LocalDate runDate, Instant startedAt)
    implements Serializable {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  /** A new run: the id reads as job, run date, start time, and a random suffix. */
  public static RunContext start(String job, LocalDate runDate) {
    Instant now = Instant.now();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String id = job + "-" + runDate + "-" + STAMP.format(now) + "-" + suffix;
    return new RunContext(id, job, runDate, now);
  }
}
