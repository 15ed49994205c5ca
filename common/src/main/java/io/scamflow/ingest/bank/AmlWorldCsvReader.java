package io.scamflow.ingest.bank;

import io.scamflow.ingest.CsvLine;
import io.scamflow.ingest.RecordSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * [ibm-aml-csv] IBM AMLworld transactions: {@code Timestamp,From Bank,Account,To Bank,Account,
 * Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format[,Is Laundering]}.
 * The paid amount is the transfer's amount; the received one is kept as other_amount. Accounts are
 * keyed by bank id and account; the optional label goes to is_laundering (truth only).
 */
public final class AmlWorldCsvReader extends BankReader {
  private static final long serialVersionUID = 1L;

  static final List<String> HEADER =
      List.of(
          "timestamp",
          "from bank",
          "account",
          "to bank",
          "account",
          "amount received",
          "receiving currency",
          "amount paid",
          "payment currency",
          "payment format");

  /** AMLworld's currency names; ISO codes are accepted as they are. */
  static final Map<String, String> CURRENCIES =
      Map.ofEntries(
          Map.entry("us dollar", "USD"),
          Map.entry("euro", "EUR"),
          Map.entry("yuan", "CNY"),
          Map.entry("uk pound", "GBP"),
          Map.entry("yen", "JPY"),
          Map.entry("rupee", "INR"),
          Map.entry("bitcoin", "BTC"),
          Map.entry("australian dollar", "AUD"),
          Map.entry("swiss franc", "CHF"),
          Map.entry("canadian dollar", "CAD"),
          Map.entry("mexican peso", "MXN"),
          Map.entry("ruble", "RUB"),
          Map.entry("shekel", "ILS"),
          Map.entry("brazil real", "BRL"),
          Map.entry("saudi riyal", "SAR"));

  private static final DateTimeFormatter SLASHED =
      DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DASHED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]")
          .withResolverStyle(ResolverStyle.STRICT);

  @Override
  public String format() {
    return "ibm-aml-csv";
  }

  @Override
  public boolean accepts(String fileName) {
    return hasExtension(fileName, ".csv");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null) {
      return;
    }
    List<String> h =
        CsvLine.split(header.replace("\uFEFF", "")).stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
    boolean labelled = h.size() == 11 && h.get(10).equals("is laundering");
    if (!(h.size() == 10 || labelled) || !h.subList(0, 10).equals(HEADER)) {
      throw new IOException(
          "expected the AMLworld header " + HEADER + " but found '" + header + "'");
    }
    String line;
    int n = 1;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String position = "line " + n;
      List<String> f = CsvLine.split(line);
      if (f.size() != h.size()) {
        sink.reject(position, "expected " + h.size() + " fields, found " + f.size(), line);
        continue;
      }
      Transfer t = new Transfer();
      t.recordType = "AMLworld";
      LocalDateTime ts = timestamp(f.get(0));
      if (ts == null) {
        sink.reject(position, "unparseable date '" + f.get(0) + "'", line);
        continue;
      }
      t.valueTs = ts;
      t.valueDate = ts.toLocalDate();
      t.debtor.bankCode = f.get(1);
      t.debtor.account = f.get(2);
      t.creditor.bankCode = f.get(3);
      t.creditor.account = f.get(4);
      t.otherAmountText = f.get(5);
      t.otherCurrency = currency(f.get(6));
      t.amountText = f.get(7);
      t.currency = currency(f.get(8));
      t.paymentFormat = f.get(9).toLowerCase(Locale.ROOT);
      if (labelled) {
        String label = f.get(10);
        if (!label.equals("0") && !label.equals("1")) {
          sink.reject(position, "Is Laundering must be 0 or 1, found '" + label + "'", line);
          continue;
        }
        t.isLaundering = label.equals("1");
      }
      emit(sink, position, t, line);
    }
  }

  /**
   * ISO code for an AMLworld currency name; an ISO code or unknown name is returned upper-cased.
   */
  static String currency(String name) {
    String iso = CURRENCIES.get(name.strip().toLowerCase(Locale.ROOT));
    return iso != null ? iso : name.strip().toUpperCase(Locale.ROOT);
  }

  private static LocalDateTime timestamp(String s) {
    for (DateTimeFormatter f : new DateTimeFormatter[] {SLASHED, DASHED}) {
      try {
        return LocalDateTime.parse(s.strip(), f);
      } catch (DateTimeParseException e) {
        // next layout
      }
    }
    return null;
  }
}
