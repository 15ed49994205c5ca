package io.scamflow.ingest;

/** Where a reader puts each record it read: accepted with its values, or rejected with a reason. */
public interface RecordSink {
  /**
   * An accepted record at {@code position} (e.g. "line 12", "message 3", "CdtTrfTxInf[5]"), values
   * in the order of {@link FormatReader#recordColumns()}, typed as the bronze column (String, Long,
   * java.math.BigDecimal, java.sql.Date, java.sql.Timestamp, Boolean, java.util.List...).
   */
  void accept(String position, Object... values);

  /** A rejected record: where it was, why, and its raw text. */
  void reject(String position, String reason, String raw);
}
