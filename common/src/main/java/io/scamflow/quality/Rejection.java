package io.scamflow.quality;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One rejected record: where it was (file and position), why, and its raw text. Readers produce
 * these instead of throwing, so one bad record never stops a run nor vanishes.
 */
public record Rejection(
    String source, String format, String file, String position, String reason, String raw)
    implements Serializable {

  private static final int MAX_RAW = 8192;

  public Rejection {
    if (raw != null && raw.length() > MAX_RAW) {
      raw = raw.substring(0, MAX_RAW) + "…[truncated]";
    }
  }

  Row toRow() {
    return RowFactory.create(source, format, file, position, reason, raw);
  }
}
