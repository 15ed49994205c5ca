package io.scamflow.ingest.bank;

import io.scamflow.ingest.RecordSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * [swift-mt103] SWIFT FIN MT103 in RJE files: messages separated by {@code $}, each possibly
 * preceded by an acknowledgement (F21) block. Blocks 1 to 5; fields :20 :23B :32A :33B :50A/F/K
 * :52A/D :53a :57A/D :59/59A/59F :70 :71A :72. Amounts use SWIFT's comma decimal ({@code 3700,}).
 */
public final class Mt103Reader extends BankReader {
  private static final long serialVersionUID = 1L;

  private static final Pattern FIELD = Pattern.compile("^:(\\d{2}[A-Z]?):", Pattern.MULTILINE);
  private static final Pattern AMOUNT32A = Pattern.compile("(\\d{6})([A-Z]{3})([0-9.,]+)");
  private static final Pattern AMOUNT33B = Pattern.compile("([A-Z]{3})([0-9.,]+)");
  private static final Pattern SWIFT_AMOUNT = Pattern.compile("\\d{1,15},\\d{0,4}");
  private static final Pattern UETR = Pattern.compile("\\{121:([0-9a-fA-F-]{36})}");

  @Override
  public String format() {
    return "swift-mt103";
  }

  @Override
  public boolean accepts(String fileName) {
    return hasExtension(fileName, ".rje", ".fin", ".txt", ".mt103", ".out", ".in");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    StringBuilder message = new StringBuilder();
    int ordinal = 0;
    int c;
    while (true) {
      c = r.read();
      if (c == '$' || c == -1) {
        String text = message.toString().strip();
        message.setLength(0);
        if (!text.isEmpty()) {
          ordinal++;
          parse(text, "message " + ordinal, sink);
        }
        if (c == -1) {
          break;
        }
      } else {
        message.append((char) c);
        if (message.length() > 1_000_000) {
          throw new IOException("message " + (ordinal + 1) + " exceeds 1 MB: not an RJE file");
        }
      }
    }
  }

  private static void parse(String text, String position, RecordSink sink) {
    // An acknowledgement (F21...{4:{177:..}{451:..}}) may precede the message: start at the F01.
    int start = text.lastIndexOf("{1:F01");
    String msg = start >= 0 ? text.substring(start) : text;
    String block1 = block(msg, "{1:");
    String block2 = block(msg, "{2:");
    int b4 = msg.indexOf("{4:");
    if (block1 == null || block2 == null || b4 < 0) {
      sink.reject(position, "not a FIN message: blocks 1, 2 and 4 are required", text);
      return;
    }
    if (block2.length() < 4 || !block2.substring(1, 4).equals("103")) {
      sink.reject(position, "not an MT103: block 2 is '" + block2 + "'", text);
      return;
    }
    int end = msg.indexOf("\n-}", b4);
    if (end < 0) {
      end = msg.indexOf("-}", b4);
    }
    if (end < 0) {
      sink.reject(position, "block 4 is not closed by -}", text);
      return;
    }
    Map<String, String> f = fields(msg.substring(b4 + 3, end));
    Transfer t = new Transfer();
    t.recordType = "MT103";
    t.paymentFormat = "wire";
    String b3 = msg.substring(0, b4);
    Matcher u = UETR.matcher(b3);
    if (u.find()) {
      t.uetr = u.group(1);
    }
    t.txRef = f.get("20");
    if (t.txRef == null) {
      sink.reject(position, "missing field :20: (sender's reference)", text);
      return;
    }
    t.instructionId = t.txRef;
    String ld = logicalTerminal(block1);
    String sender;
    String receiver;
    if (block2.startsWith("O") && block2.length() >= 26) {
      sender = bic(block2.substring(14, 26));
      receiver = bic(ld);
    } else {
      sender = bic(ld);
      receiver = block2.length() >= 16 ? bic(block2.substring(4, 16)) : null;
    }
    t.messageId = block1.length() > 15 ? block1.substring(3) : null;

    String v32 = f.get("32A");
    if (v32 == null) {
      sink.reject(position, "missing field :32A: (value date, currency, amount)", text);
      return;
    }
    Matcher m = AMOUNT32A.matcher(v32.replaceAll("\\s", ""));
    if (!m.matches()) {
      sink.reject(position, "bad :32A: '" + v32 + "'", text);
      return;
    }
    t.valueDate = swiftDate(m.group(1));
    if (t.valueDate == null) {
      sink.reject(position, "unparseable date '" + m.group(1) + "' in :32A:", text);
      return;
    }
    t.currency = m.group(2);
    t.amountText = swiftAmount(m.group(3));
    if (t.amountText == null) {
      sink.reject(position, "bad amount '" + m.group(3) + "' in :32A:", text);
      return;
    }
    String v33 = f.get("33B");
    if (v33 != null) {
      Matcher o = AMOUNT33B.matcher(v33.replaceAll("\\s", ""));
      if (!o.matches() || swiftAmount(o.group(2)) == null) {
        sink.reject(position, "bad amount '" + v33 + "' in :33B:", text);
        return;
      }
      t.otherCurrency = o.group(1);
      t.otherAmountText = swiftAmount(o.group(2));
    }
    customer(t.debtor, f, "50");
    customer(t.creditor, f, "59");
    institution(t.debtor, f, "52", sender);
    institution(t.creditor, f, "57", receiver);
    t.remittance = f.get("70");
    t.charges = f.get("71A");
    t.senderInfo = f.get("72");
    String op = f.get("23B");
    t.direction = null;
    if (op != null && !op.equals("CRED")) {
      t.paymentFormat = "wire " + op;
    }
    emit(sink, position, t, text);
  }

  /** The text of a simple block {@code {n:...}} (up to its first closing brace). */
  private static String block(String msg, String open) {
    int i = msg.indexOf(open);
    if (i < 0) {
      return null;
    }
    int j = msg.indexOf('}', i);
    return j < 0 ? null : msg.substring(i + open.length(), j);
  }

  /** Fields of block 4 in order; a field's continuation lines are kept with newlines. */
  static Map<String, String> fields(String block4) {
    Map<String, String> out = new LinkedHashMap<>();
    String body = block4.replace("\r\n", "\n").replace('\r', '\n');
    Matcher m = FIELD.matcher(body);
    String tag = null;
    int from = 0;
    while (m.find()) {
      if (tag != null) {
        out.putIfAbsent(tag, body.substring(from, m.start()).strip());
      }
      tag = m.group(1);
      from = m.end();
    }
    if (tag != null) {
      out.putIfAbsent(tag, body.substring(from).strip());
    }
    return out;
  }

  /** Fills the party of a customer field :50a: or :59a: (option A, F, K or none). */
  private static void customer(Transfer.Party p, Map<String, String> f, String tag) {
    for (String option : new String[] {"K", "F", "A", ""}) {
      String v = f.get(tag + option);
      if (v == null) {
        continue;
      }
      String[] lines = v.split("\n");
      int i = 0;
      if (lines[0].startsWith("/")) {
        p.account = lines[0].substring(1).strip();
        i = 1;
      } else if (option.equals("F") && lines.length > 1 && !lines[0].matches("\\d/.*")) {
        p.account = lines[0].strip(); // party identifier, e.g. CUST/DE/ABC/1234
        i = 1;
      }
      if (option.equals("A")) {
        p.name = i < lines.length ? lines[i].strip() : null; // a BIC names the customer
        return;
      }
      StringBuilder name = new StringBuilder();
      StringBuilder addr = new StringBuilder();
      for (; i < lines.length; i++) {
        String line = lines[i].strip();
        if (option.equals("F") && line.matches("\\d/.*")) {
          String value = line.substring(2);
          switch (line.charAt(0)) {
            case '1' -> name.append(name.length() == 0 ? "" : " ").append(value);
            case '2' -> addr.append(addr.length() == 0 ? "" : " ").append(value);
            case '3' -> {
              String[] cc = value.split("/", 2);
              if (cc[0].length() == 2 && p.country == null) {
                p.country = cc[0].toUpperCase(Locale.ROOT);
              }
              addr.append(addr.length() == 0 ? "" : " ").append(cc.length > 1 ? cc[1] : value);
            }
            default -> addr.append(addr.length() == 0 ? "" : " ").append(value);
          }
        } else if (!option.equals("F") && name.length() == 0) {
          name.append(line);
        } else {
          addr.append(addr.length() == 0 ? "" : " ").append(line);
        }
      }
      p.name = name.length() == 0 ? null : name.toString();
      p.address = addr.length() == 0 ? null : addr.toString();
      return;
    }
  }

  /** Fills the bank of a party from :52a: / :57a: (A: BIC, D: name), else the header's BIC. */
  private static void institution(
      Transfer.Party p, Map<String, String> f, String tag, String headerBic) {
    String a = f.get(tag + "A");
    String d = f.get(tag + "D");
    if (a != null) {
      for (String line : a.split("\n")) {
        String s = line.strip();
        if (s.startsWith("/")) {
          p.bankCode = s.substring(1);
        } else if (AccountKeys.isBic(s)) {
          p.agent = s;
        }
      }
    } else if (d != null) {
      String[] lines = d.split("\n");
      int i = lines[0].startsWith("/") ? 1 : 0;
      if (i == 1) {
        p.bankCode = lines[0].substring(1).strip();
      }
      if (i < lines.length && p.bankCode == null) {
        p.bankCode = lines[i].strip();
      }
    }
    if (p.agent == null) {
      p.agent = headerBic;
    }
  }

  /** LT address of block 1: after the application id (F) and service id (01). */
  private static String logicalTerminal(String block1) {
    return block1.length() >= 15 ? block1.substring(3, 15) : "";
  }

  /** BIC11 from a 12-character LT address (BIC8 + terminal code + branch). */
  private static String bic(String lt) {
    if (lt == null || lt.length() != 12) {
      return null;
    }
    String bic = lt.substring(0, 8) + lt.substring(9, 12);
    return AccountKeys.isBic(bic) ? bic : null;
  }

  /** YYMMDD; years 80-99 are 19xx. */
  static LocalDate swiftDate(String yymmdd) {
    int yy = Integer.parseInt(yymmdd.substring(0, 2));
    String year = (yy >= 80 ? "19" : "20") + yymmdd.substring(0, 2);
    try {
      return LocalDate.parse(year + "-" + yymmdd.substring(2, 4) + "-" + yymmdd.substring(4, 6));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** SWIFT amount (comma decimal, nothing required after it) as a dot decimal, or null. */
  static String swiftAmount(String s) {
    if (!SWIFT_AMOUNT.matcher(s).matches()) {
      return null;
    }
    String dot = s.replace(',', '.');
    return dot.endsWith(".") ? dot.substring(0, dot.length() - 1) : dot;
  }
}
