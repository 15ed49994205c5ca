package io.scamflow.ingest.reference;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import io.scamflow.table.TableContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * [fx-rates-csv] daily FX rates, header {@code date,currency,usd_per_unit}: one rate per line, the
 * USD value of one unit of the currency on that date.
 */
public final class FxRatesCsvReader implements FormatReader {
  private static final long serialVersionUID = 1L;

  static final String HEADER = "date,currency,usd_per_unit";

  @Override
  public String source() {
    return "reference";
  }

  @Override
  public String format() {
    return "fx-rates-csv";
  }

  @Override
  public TableContract bronzeTable() {
    return FxRates.BRONZE;
  }

  @Override
  public List<String> recordColumns() {
    return List.of("rate_date", "currency", "usd_per_unit");
  }

  @Override
  public boolean accepts(String fileName) {
    return FormatReader.super.accepts(fileName)
        && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null) {
      return;
    }
    String normalised = header.replace("\uFEFF", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (!normalised.equals(HEADER)) {
      throw new IOException("expected the header '" + HEADER + "' but found '" + header + "'");
    }
    String line;
    int n = 1;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String position = "line " + n;
      List<String> f = io.scamflow.ingest.CsvLine.split(line);
      if (f.size() != 3) {
        sink.reject(position, "expected 3 fields, found " + f.size(), line);
        continue;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(f.get(0));
      } catch (DateTimeParseException e) {
        sink.reject(position, "unparseable date '" + f.get(0) + "'", line);
        continue;
      }
      String currency = f.get(1).toUpperCase(Locale.ROOT);
      if (!FxRates.isKnownCurrency(currency)) {
        sink.reject(position, "unknown currency '" + f.get(1) + "'", line);
        continue;
      }
      BigDecimal rate;
      try {
        rate = new BigDecimal(f.get(2));
      } catch (NumberFormatException e) {
        sink.reject(position, "bad rate '" + f.get(2) + "'", line);
        continue;
      }
      if (rate.signum() <= 0 || rate.precision() - rate.scale() > 20) {
        sink.reject(position, "rate out of range '" + f.get(2) + "'", line);
        continue;
      }
      sink.accept(
          position,
          java.sql.Date.valueOf(date),
          currency,
          rate.setScale(18, java.math.RoundingMode.HALF_UP));
    }
  }
}
