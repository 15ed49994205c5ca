package io.scamflow.ingest.sanctions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records with double-quoted fields (quotes doubled inside), CRLF or LF line
 * ends, and ignores the DOS end-of-file byte 0x1A some publishers still append. Quoted fields may
 * span lines; the line a record starts on is its position.
 */
final class CsvRecords {
  private final Reader in;
  private int line = 1;
  private int recordLine;
  private int pushedBack = -2;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** Line number (1-based) where the last returned record started. */
  int recordLine() {
    return recordLine;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c;
    do {
      c = in.read();
    } while (c == 0x1A);
    return c;
  }

  /** The next record's fields, or null at the end. Blank lines are skipped. */
  List<String> next() throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    recordLine = line;
    while (true) {
      int c = read();
      if (c == -1) {
        if (!any && field.isEmpty() && fields.isEmpty()) {
          return null;
        }
        fields.add(field.toString());
        return fields;
      }
      if (quoted) {
        if (c == '"') {
          int n = read();
          if (n == '"') {
            field.append('"');
          } else {
            quoted = false;
            pushedBack = n;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          any = true;
        }
        case ',' -> {
          fields.add(field.toString());
          field.setLength(0);
          any = true;
        }
        case '\r' -> {
          // CRLF: the LF ends the record
        }
        case '\n' -> {
          line++;
          if (!any && field.isEmpty() && fields.isEmpty()) {
            recordLine = line;
            continue;
          }
          fields.add(field.toString());
          return fields;
        }
        default -> {
          field.append((char) c);
          any = true;
        }
      }
    }
  }
}
