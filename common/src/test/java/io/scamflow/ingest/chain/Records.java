package io.scamflow.ingest.chain;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sink that keeps what a reader gave, by column name, for pure-Java reader tests. */
final class Records implements RecordSink {
  final List<Map<String, Object>> accepted = new ArrayList<>();
  final List<String> positions = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();
  private final List<String> columns;

  private Records(List<String> columns) {
    this.columns = columns;
  }

  static Records read(FormatReader reader, String resource) throws Exception {
    Records r = new Records(reader.recordColumns());
    try (InputStream in = Records.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      reader.read(resource, in, r);
    }
    return r;
  }

  static Records read(FormatReader reader, byte[] content) throws Exception {
    Records r = new Records(reader.recordColumns());
    reader.read("inline", new java.io.ByteArrayInputStream(content), r);
    return r;
  }

  @Override
  public void accept(String position, Object... values) {
    if (values.length != columns.size()) {
      throw new AssertionError("gave " + values.length + " values for " + columns);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(columns.get(i), values[i]);
    }
    accepted.add(row);
    positions.add(position);
  }

  @Override
  public void reject(String position, String reason, String raw) {
    rejected.add(position + ": " + reason);
  }
}
