package io.scamflow.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one RFC 4180 CSV line: commas, double-quoted fields, doubled quotes inside them; fields
 * trimmed. For line-oriented CSV readers (a quoted field never spans lines in these formats).
 */
public final class CsvLine {
  private CsvLine() {}

  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().trim());
    return out;
  }
}
