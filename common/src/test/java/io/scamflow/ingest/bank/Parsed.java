package io.scamflow.ingest.bank;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reader made of one file, without Spark: accepted records by column, and rejections. */
final class Parsed {
  final List<Map<String, Object>> accepted = new ArrayList<>();
  final List<String> positions = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();

  static Parsed fixture(FormatReader reader, String resource) throws Exception {
    try (InputStream in = Parsed.class.getResourceAsStream("/fixtures/bank/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return read(reader, in);
    }
  }

  static Parsed file(FormatReader reader, java.nio.file.Path file) throws Exception {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return read(reader, in);
    }
  }

  static Parsed text(FormatReader reader, String text) throws Exception {
    return read(reader, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Parsed read(FormatReader reader, InputStream in) throws Exception {
    Parsed p = new Parsed();
    reader.read(
        "test-file",
        in,
        new RecordSink() {
          @Override
          public void accept(String position, Object... values) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
              row.put(reader.recordColumns().get(i), values[i]);
            }
            p.accepted.add(row);
            p.positions.add(position);
          }

          @Override
          public void reject(String position, String reason, String raw) {
            p.rejected.add(position + ": " + reason);
          }
        });
    return p;
  }

  Map<String, Object> row(int i) {
    return accepted.get(i);
  }
}
