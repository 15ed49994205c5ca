package io.scamflow.testing;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.RecordSink;
import io.scamflow.table.TableContract;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** A test format, bank/test-lines: "id,amount" lines; "CORRUPT" makes the whole file unreadable. */
public final class LinesReader implements FormatReader {
  public static final TableContract TABLE =
      Ingestion.bronzeTable("bronze.test_lines", "test lines")
          .column("id", DataTypes.StringType, "line id")
          .column("amount", DataTypes.createDecimalType(18, 2), "amount")
          .build();

  @Override
  public String source() {
    return "bank";
  }

  @Override
  public String format() {
    return "test-lines";
  }

  @Override
  public TableContract bronzeTable() {
    return TABLE;
  }

  @Override
  public List<String> recordColumns() {
    return List.of("id", "amount");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.equals("CORRUPT")) {
        throw new java.io.IOException("truncated at line " + n);
      }
      String[] parts = line.split(",");
      if (parts.length != 2 || !parts[1].matches("-?\\d+(\\.\\d+)?")) {
        sink.reject("line " + n, "expected id,amount", line);
        continue;
      }
      sink.accept("line " + n, parts[0], new BigDecimal(parts[1]));
    }
  }
}
