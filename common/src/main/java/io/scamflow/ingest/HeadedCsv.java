package io.scamflow.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For readers of headed CSV formats: the file read row by row (RFC 4180 quoting), columns found by
 * header name whatever their order. A file without every required column is unreadable as a whole.
 */
public final class HeadedCsv implements AutoCloseable {
  private final CsvParser parser;
  private final Map<String, Integer> index = new HashMap<>();
  private String[] row;

  public HeadedCsv(InputStream in, List<String> required) throws IOException {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setMaxCharsPerColumn(1 << 16);
    settings.setMaxColumns(512);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setSkipEmptyLines(true);
    parser = new CsvParser(settings);
    parser.beginParsing(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] header = parser.parseNext();
    if (header == null) {
      throw new IOException("empty file: expected a header " + String.join(",", required));
    }
    for (int i = 0; i < header.length; i++) {
      String name = header[i] == null ? "" : header[i].strip().replace("\uFEFF", "");
      index.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
    }
    for (String r : required) {
      if (!index.containsKey(r)) {
        throw new IOException(
            "missing column '" + r + "': expected a header " + String.join(",", required));
      }
    }
  }

  /** Advances to the next row; false at the end. */
  public boolean next() {
    row = parser.parseNext();
    return row != null;
  }

  /** The current row's value of {@code column} (lowercase name), stripped; null when empty. */
  public String get(String column) {
    Integer i = index.get(column);
    if (i == null || i >= row.length || row[i] == null) {
      return null;
    }
    String v = row[i].strip();
    return v.isEmpty() ? null : v;
  }

  public String position() {
    return "line " + parser.getContext().currentLine();
  }

  public String raw() {
    return String.join(",", java.util.Arrays.stream(row).map(v -> v == null ? "" : v).toList());
  }

  @Override
  public void close() {
    parser.stopParsing();
  }
}
