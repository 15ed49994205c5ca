package io.scamflow.ingest;

import io.scamflow.table.TableContract;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Reads one landing format: one class per format, registered in {@link Readers}. A reader runs
 * inside Spark tasks, one whole file at a time, and never throws for a bad record: it hands each
 * record to the sink as accepted or rejected (with position and reason). It throws only when the
 * file as a whole cannot be read; the stage then fails naming the file, and nothing from that file
 * is loaded.
 */
public interface FormatReader extends Serializable {
  /** Source family: bank, chain, kyc, sanctions or reference; the landing folder's first level. */
  String source();

  /** The --format name and the landing folder's second level, e.g. iso20022-pacs008. */
  String format();

  /**
   * The bronze table the records go to. Its columns are the reader's record columns plus the
   * lineage columns {@link Ingestion} adds (run date, format, file, position, audit).
   */
  TableContract bronzeTable();

  /** Whether {@code fileName} is one of this format's files (e.g. *.xml); others are ignored. */
  default boolean accepts(String fileName) {
    return !fileName.startsWith(".") && !fileName.startsWith("_");
  }

  /**
   * Parses one file. {@code sink.accept} takes the record's values in the order of {@link
   * #recordColumns()}.
   */
  void read(String file, InputStream in, RecordSink sink) throws Exception;

  /** Names of the columns {@link RecordSink#accept} values fill, in order. */
  java.util.List<String> recordColumns();
}
