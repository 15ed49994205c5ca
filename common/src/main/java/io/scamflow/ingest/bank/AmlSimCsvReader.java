package io.scamflow.ingest.bank;

import io.scamflow.ingest.CsvLine;
import io.scamflow.ingest.RecordSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * [amlsim-csv] IBM AMLSim transaction outputs, recognised by their header:
 *
 * <ul>
 *   <li>{@code TXN_ID,ACCOUNT_ID,COUNTER_PARTY_ACCOUNT_NUM,TXN_SOURCE_TYPE_CODE,...,start,end}
 *       (transactions) and {@code TXN_ID,ACCOUNT_ID,BRANCH_ID,...,RUN_DATE,end} (cash);
 *   <li>{@code tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,is_sar,alert_id};
 *   <li>the older {@code sourceNodeId,targetNodeId,value,time}.
 * </ul>
 *
 * Steps are days after {@link #BASE_DATE}, AMLSim's default start. AMLSim has no currency: USD.
 * Account, alert and party files of an AMLSim output folder are not transfers and are skipped.
 */
public final class AmlSimCsvReader extends BankReader {
  private static final long serialVersionUID = 1L;

  /** AMLSim's default simulation start date: step 0. */
  public static final LocalDate BASE_DATE = LocalDate.of(2017, 1, 1);

  static final String BANK = "AMLSIM";

  @Override
  public String format() {
    return "amlsim-csv";
  }

  @Override
  public boolean accepts(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    for (String other :
        new String[] {"account", "alert", "party", "individual", "organization", "sar_"}) {
      if (n.contains(other)) {
        return false;
      }
    }
    return hasExtension(fileName, ".csv");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null) {
      return;
    }
    List<String> h = CsvLine.split(header.replace("\uFEFF", ""));
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < h.size(); i++) {
      col.put(h.get(i).toLowerCase(Locale.ROOT), i);
    }
    String layout;
    if (col.containsKey("counter_party_account_num")) {
      layout = "tx";
    } else if (col.containsKey("branch_id") && col.containsKey("txn_amount_orig")) {
      layout = "cash";
    } else if (col.containsKey("orig_acct") && col.containsKey("bene_acct")) {
      layout = "tran";
    } else if (col.containsKey("sourcenodeid") && col.containsKey("targetnodeid")) {
      layout = "nodes";
    } else {
      throw new IOException("not an AMLSim transaction layout: header '" + header + "'");
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
      if (f.size() < h.size()) {
        sink.reject(position, "expected " + h.size() + " fields, found " + f.size(), line);
        continue;
      }
      Transfer t = new Transfer();
      t.recordType = "AMLSim " + layout;
      t.currency = "USD";
      t.debtor.bankCode = BANK;
      t.creditor.bankCode = BANK;
      String step;
      switch (layout) {
        case "tx" -> {
          t.txRef = "AMLSIM:" + get(f, col, "txn_id");
          t.debtor.account = get(f, col, "account_id");
          t.creditor.account = get(f, col, "counter_party_account_num");
          t.paymentFormat = lower(get(f, col, "txn_source_type_code"));
          t.amountText = get(f, col, "txn_amount_orig");
          step = get(f, col, "start");
        }
        case "cash" -> {
          t.txRef = "AMLSIM:" + get(f, col, "txn_id");
          String type = get(f, col, "txn_source_type_code");
          String cash = "CASH-BRANCH-" + get(f, col, "branch_id");
          boolean cashIn = type != null && type.toUpperCase(Locale.ROOT).contains("IN");
          t.debtor.account = cashIn ? cash : get(f, col, "account_id");
          t.creditor.account = cashIn ? get(f, col, "account_id") : cash;
          t.paymentFormat = lower(type);
          t.amountText = get(f, col, "txn_amount_orig");
          step = get(f, col, "run_date");
        }
        case "tran" -> {
          t.txRef = "AMLSIM:" + get(f, col, "tran_id");
          t.debtor.account = get(f, col, "orig_acct");
          t.creditor.account = get(f, col, "bene_acct");
          t.paymentFormat = lower(get(f, col, "tx_type"));
          t.amountText = get(f, col, "base_amt");
          String sar = get(f, col, "is_sar");
          t.isLaundering = sar == null ? null : Boolean.valueOf(sar.equalsIgnoreCase("true"));
          step = null;
          t.dateText = get(f, col, "tran_timestamp");
        }
        default -> {
          t.debtor.account = get(f, col, "sourcenodeid");
          t.creditor.account = get(f, col, "targetnodeid");
          t.amountText = get(f, col, "value");
          step = get(f, col, "time");
        }
      }
      if (step != null) {
        if (!step.matches("\\d{1,5}")) {
          sink.reject(position, "unparseable date: day step '" + step + "'", line);
          continue;
        }
        t.valueDate = BASE_DATE.plusDays(Long.parseLong(step));
      }
      emit(sink, position, t, line);
    }
  }

  private static String get(List<String> f, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || f.get(i).isEmpty() ? null : f.get(i);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
