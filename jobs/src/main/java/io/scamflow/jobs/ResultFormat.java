package io.scamflow.jobs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How the CLI prints a result: an aligned text table, CSV with a header, or JSON lines. */
enum ResultFormat {
  table {
    @Override
    void print(Dataset<Row> data, int limit, PrintWriter out) {
      String[] columns = data.columns();
      List<String[]> rows = new ArrayList<>();
      for (Row r : data.limit(limit).collectAsList()) {
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
          cells[i] = r.isNullAt(i) ? "NULL" : String.valueOf(r.get(i)).replace('\n', ' ');
        }
        rows.add(cells);
      }
      int[] width = new int[columns.length];
      for (int i = 0; i < columns.length; i++) {
        width[i] = columns[i].length();
        for (String[] cells : rows) {
          width[i] = Math.max(width[i], Math.min(cells[i].length(), 80));
        }
      }
      out.println(line(columns, width));
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < columns.length; i++) {
        rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
      }
      out.println(rule);
      for (String[] cells : rows) {
        out.println(line(cells, width));
      }
      out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private String line(String[] cells, int[] width) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        String cell = cells[i].length() > 80 ? cells[i].substring(0, 79) + "…" : cells[i];
        b.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(width[i] - cell.length()));
      }
      return b.toString().stripTrailing();
    }
  },

  csv {
    @Override
    void print(Dataset<Row> data, int limit, PrintWriter out) {
      String[] columns = data.columns();
      out.println(
          String.join(",", java.util.Arrays.stream(columns).map(ResultFormat::csvCell).toList()));
      for (Row r : data.limit(limit).collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
          cells.add(r.isNullAt(i) ? "" : csvCell(String.valueOf(r.get(i))));
        }
        out.println(String.join(",", cells));
      }
    }
  },

  json {
    @Override
    void print(Dataset<Row> data, int limit, PrintWriter out) {
      for (String line : data.limit(limit).toJSON().collectAsList()) {
        out.println(line);
      }
    }
  };

  abstract void print(Dataset<Row> data, int limit, PrintWriter out);

  static String csvCell(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
