package io.scamflow.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the transfers of one (day, shard) in their landing formats and their truth rows. Files are
 * named by shard so that Spark tasks never share one; records are in time order.
 */
final class ShardWriter {
  static final String TRUTH_TRANSFERS_HEADER =
      "transfer_id,date,format,file,line,record_id,uetr,log_index,timestamp,from_key,from_entity,"
          + "from_role,to_key,to_entity,to_role,amount,currency,amount_usd,laundering,typology,"
          + "scheme_id\n";
  static final String AMLWORLD_HEADER =
      "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,"
          + "Amount Paid,Payment Currency,Payment Format\n";
  static final String ERC20_HEADER =
      "token_address,from_address,to_address,value,transaction_hash,log_index,block_timestamp,"
          + "block_number\n";
  static final int PACS_PER_FILE = 500;
  static final int TRC20_PER_FILE = 1000;

  private static final DateTimeFormatter AML_TS =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ERC_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MT_DATE =
      DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

  private final WorldParameters params;
  private final Path landing;
  private final Path truth;

  ShardWriter(WorldParameters params, Path out) {
    this.params = params;
    this.landing = out.resolve("landing");
    this.truth = out.resolve("truth");
  }

  /** Counts written by one shard: transfers and laundering transfers. */
  record Counts(long transfers, long laundering) implements java.io.Serializable {}

  Counts write(int day, int shard, List<Transfer> transfers) {
    String date = params.date(day).toString();
    String s = String.format("s%03d", shard);
    List<Transfer> aml = new ArrayList<>();
    List<Transfer> pacs = new ArrayList<>();
    List<Transfer> mt = new ArrayList<>();
    List<Transfer> trc = new ArrayList<>();
    List<Transfer> erc = new ArrayList<>();
    for (Transfer t : transfers) {
      switch (t.rail()) {
        case AMLWORLD -> aml.add(t);
        case PACS008 -> pacs.add(t);
        case MT103 -> mt.add(t);
        case TRC20 -> trc.add(t);
        case ERC20 -> erc.add(t);
      }
    }
    long laundering = 0;
    try {
      Files.createDirectories(truth.resolve("transfers"));
      try (Writer tw =
          writer(truth.resolve("transfers").resolve("transfers-" + date + "-" + s + ".csv"))) {
        tw.write(TRUTH_TRANSFERS_HEADER);
        if (!aml.isEmpty()) {
          String rel = date + "/" + Rail.AMLWORLD.folder + "/aml-" + s + ".csv";
          try (Writer w = writer(landing.resolve(rel))) {
            w.write(AMLWORLD_HEADER);
            int line = 1;
            for (Transfer t : aml) {
              line++;
              w.write(amlRow(t));
              truth(tw, t, rel, line, rel + "#" + line, "", "");
            }
          }
        }
        for (int f = 0; f * PACS_PER_FILE < pacs.size(); f++) {
          List<Transfer> part =
              pacs.subList(f * PACS_PER_FILE, Math.min(pacs.size(), (f + 1) * PACS_PER_FILE));
          String rel = date + "/" + Rail.PACS008.folder + "/pacs008-" + s + "-" + f + ".xml";
          StringBuilder sb = new StringBuilder();
          pacsHeader(sb, date + "-" + s + "-" + f, part);
          int i = 0;
          for (Transfer t : part) {
            Ids ids = ids(t);
            pacsTx(sb, t, ids);
            truth(tw, t, rel, ++i, ids.e2e, ids.uetr, "");
          }
          sb.append("  </FIToFICstmrCdtTrf>\n</Document>\n");
          write(landing.resolve(rel), sb);
        }
        if (!mt.isEmpty()) {
          String rel = date + "/" + Rail.MT103.folder + "/mt103-" + s + ".rje";
          StringBuilder sb = new StringBuilder();
          int i = 0;
          for (Transfer t : mt) {
            Ids ids = ids(t);
            if (i > 0) {
              sb.append("$\n");
            }
            mt103(sb, t, ids);
            truth(tw, t, rel, ++i, ids.mtRef, ids.uetr, "");
          }
          write(landing.resolve(rel), sb);
        }
        for (int f = 0; f * TRC20_PER_FILE < trc.size(); f++) {
          List<Transfer> part =
              trc.subList(f * TRC20_PER_FILE, Math.min(trc.size(), (f + 1) * TRC20_PER_FILE));
          String rel = date + "/" + Rail.TRC20.folder + "/trc20-" + s + "-" + f + ".json";
          StringBuilder sb = new StringBuilder("{\"data\":[");
          int i = 0;
          for (Transfer t : part) {
            Ids ids = ids(t);
            if (i > 0) {
              sb.append(',');
            }
            sb.append("\n{\"transaction_id\":\"")
                .append(ids.hash)
                .append("\",\"token_info\":{\"symbol\":\"USDT\",\"address\":\"")
                .append(t.token())
                .append("\",\"decimals\":6,\"name\":\"Tether USD\"},\"block_timestamp\":")
                .append(t.epochMilli())
                .append(",\"from\":\"")
                .append(t.from().address())
                .append("\",\"to\":\"")
                .append(t.to().address())
                .append("\",\"type\":\"Transfer\",\"value\":\"")
                .append(t.amountMinor())
                .append("\"}");
            truth(tw, t, rel, ++i, ids.hash, "", "");
          }
          sb.append("\n],\"success\":true,\"meta\":{\"at\":")
              .append(part.get(part.size() - 1).epochMilli() + 3000)
              .append(",\"page_size\":")
              .append(part.size())
              .append("}}\n");
          write(landing.resolve(rel), sb);
        }
        if (!erc.isEmpty()) {
          String rel = date + "/" + Rail.ERC20.folder + "/erc20-" + s + ".csv";
          try (Writer w = writer(landing.resolve(rel))) {
            w.write(ERC20_HEADER);
            int line = 1;
            for (Transfer t : erc) {
              Ids ids = ids(t);
              line++;
              long block = 24_500_000L + (t.epochMilli() - params.dayStartMilli(0)) / 12_000L;
              w.write(
                  t.token()
                      + ","
                      + t.from().address()
                      + ","
                      + t.to().address()
                      + ","
                      + t.amountMinor()
                      + ",0x"
                      + ids.hash
                      + ","
                      + ids.logIndex
                      + ","
                      + ERC_TS.format(Instant.ofEpochMilli(t.epochMilli()))
                      + ","
                      + block
                      + "\n");
              truth(tw, t, rel, line, "0x" + ids.hash, "", String.valueOf(ids.logIndex));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Transfer t : transfers) {
      if (t.laundering()) {
        laundering++;
      }
    }
    return new Counts(transfers.size(), laundering);
  }

  // ---- ids -----------------------------------------------------------------------------------

  /** The natural ids a transfer carries in its format, derived from (seed, transfer key). */
  record Ids(String e2e, String uetr, String mtRef, String hash, int logIndex, Rng rng) {}

  Ids ids(Transfer t) {
    Rng r = Rng.of(params.seed(), "ids:" + t.key());
    String hash = r.hex(64);
    return new Ids(
        "E2E" + hash.substring(0, 20).toUpperCase(Locale.ROOT),
        r.uuid(),
        "R" + hash.substring(20, 35).toUpperCase(Locale.ROOT),
        hash,
        r.nextInt(300),
        r);
  }

  private void truth(
      Writer tw, Transfer t, String file, int line, String recordId, String uetr, String logIndex)
      throws IOException {
    int day = (int) ((t.epochMilli() - params.dayStartMilli(0)) / 86_400_000L);
    String amount =
        t.currency().equals("USDT")
            ? String.valueOf(t.amountMinor())
            : Money.formatMinor(t.amountMinor());
    tw.write(
        Csv.row(
            t.key(),
            params.date(day).toString(),
            t.rail().format(),
            file,
            String.valueOf(line),
            recordId,
            uetr,
            logIndex,
            ISO_TS.format(Instant.ofEpochMilli(t.epochMilli())),
            t.from().key(),
            t.from().entityId(),
            t.from().role(),
            t.to().key(),
            t.to().entityId(),
            t.to().role(),
            amount,
            t.currency(),
            String.format(Locale.ROOT, "%.2f", Money.toUsd(t.amountMinor(), t.currency(), day)),
            t.laundering() ? "1" : "0",
            t.typology(),
            t.schemeId()));
  }

  // ---- AMLworld CSV --------------------------------------------------------------------------

  private String amlRow(Transfer t) {
    Rng r = Rng.of(params.seed(), "fmt:" + t.key());
    String format;
    double usd = Money.toUsd(t.amountMinor(), t.currency(), 0);
    double u = r.nextDouble();
    format =
        switch (t.typology()) {
          case "retail" -> u < 0.7 ? "Credit Card" : "ACH";
          case "structuring" -> u < 0.8 ? "Cash" : "ACH";
          case "bill" -> u < 0.15 ? "Cash" : u < 0.25 ? "Cheque" : "ACH";
          case "payroll" -> "ACH";
          default ->
              usd > 10_000
                  ? (u < 0.8 ? "Wire" : "ACH")
                  : u < 0.04 ? "Cheque" : u < 0.08 ? "Cash" : "ACH";
        };
    String ccy = amlCurrency(t.currency());
    String amount = Money.formatMinor(t.amountMinor());
    return AML_TS.format(Instant.ofEpochMilli(t.epochMilli()))
        + ","
        + t.from().bic()
        + ","
        + t.from().account()
        + ","
        + t.to().bic()
        + ","
        + t.to().account()
        + ","
        + amount
        + ","
        + ccy
        + ","
        + amount
        + ","
        + ccy
        + ","
        + format
        + "\n";
  }

  static String amlCurrency(String iso) {
    for (Geo.Country c : Geo.COUNTRIES) {
      if (c.currency().equals(iso)) {
        return c.amlName();
      }
    }
    return iso;
  }

  // ---- pacs.008 ------------------------------------------------------------------------------

  private void pacsHeader(StringBuilder sb, String msgId, List<Transfer> part) {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">\n");
    sb.append("  <FIToFICstmrCdtTrf>\n    <GrpHdr>\n");
    sb.append("      <MsgId>SF").append(msgId.replace("-", "")).append("</MsgId>\n");
    sb.append("      <CreDtTm>")
        .append(
            ISO_TS.format(Instant.ofEpochMilli(part.get(part.size() - 1).epochMilli() + 60_000)))
        .append("</CreDtTm>\n");
    sb.append("      <NbOfTxs>").append(part.size()).append("</NbOfTxs>\n");
    sb.append("      <SttlmInf>\n        <SttlmMtd>INDA</SttlmMtd>\n      </SttlmInf>\n");
    sb.append("    </GrpHdr>\n");
  }

  private void pacsTx(StringBuilder sb, Transfer t, Ids ids) {
    String ts = ISO_TS.format(Instant.ofEpochMilli(t.epochMilli()));
    sb.append("    <CdtTrfTxInf>\n      <PmtId>\n");
    sb.append("        <InstrId>").append(ids.mtRef).append("</InstrId>\n");
    sb.append("        <EndToEndId>").append(ids.e2e).append("</EndToEndId>\n");
    sb.append("        <UETR>").append(ids.uetr).append("</UETR>\n      </PmtId>\n");
    sb.append("      <IntrBkSttlmAmt Ccy=\"")
        .append(t.currency())
        .append("\">")
        .append(Money.formatMinor(t.amountMinor()))
        .append("</IntrBkSttlmAmt>\n");
    sb.append("      <IntrBkSttlmDt>").append(ts, 0, 10).append("</IntrBkSttlmDt>\n");
    sb.append("      <AccptncDtTm>").append(ts).append("</AccptncDtTm>\n");
    sb.append("      <ChrgBr>SHAR</ChrgBr>\n");
    party(sb, "Dbtr", t.from());
    sb.append("      <DbtrAgt>\n        <FinInstnId>\n          <BICFI>")
        .append(t.from().bic())
        .append("</BICFI>\n        </FinInstnId>\n      </DbtrAgt>\n");
    sb.append("      <CdtrAgt>\n        <FinInstnId>\n          <BICFI>")
        .append(t.to().bic())
        .append("</BICFI>\n        </FinInstnId>\n      </CdtrAgt>\n");
    party(sb, "Cdtr", t.to());
    if (!t.remittance().isEmpty()) {
      sb.append("      <RmtInf>\n        <Ustrd>")
          .append(Sanctions.x(t.remittance()))
          .append("</Ustrd>\n      </RmtInf>\n");
    }
    sb.append("    </CdtTrfTxInf>\n");
  }

  private static void party(StringBuilder sb, String tag, Party p) {
    sb.append("      <")
        .append(tag)
        .append(">\n        <Nm>")
        .append(Sanctions.x(p.name()))
        .append("</Nm>\n        <PstlAdr>\n");
    if (!p.street().isEmpty()) {
      sb.append("          <StrtNm>").append(Sanctions.x(p.street())).append("</StrtNm>\n");
    }
    sb.append("          <TwnNm>").append(Sanctions.x(p.city())).append("</TwnNm>\n");
    sb.append("          <Ctry>").append(p.country()).append("</Ctry>\n        </PstlAdr>\n");
    sb.append("      </").append(tag).append(">\n");
    sb.append("      <").append(tag).append("Acct>\n        <Id>\n");
    if (p.account().length() > 2 && Character.isLetter(p.account().charAt(0))) {
      sb.append("          <IBAN>").append(p.account()).append("</IBAN>\n");
    } else {
      sb.append("          <Othr>\n            <Id>")
          .append(p.account())
          .append("</Id>\n          </Othr>\n");
    }
    sb.append("        </Id>\n      </").append(tag).append("Acct>\n");
  }

  // ---- MT103 ---------------------------------------------------------------------------------

  private void mt103(StringBuilder sb, Transfer t, Ids ids) {
    String amount = Money.formatMinor(t.amountMinor()).replace('.', ',');
    sb.append("{1:F01")
        .append(t.from().bic())
        .append("AXXX0000000000}{2:I103")
        .append(t.to().bic())
        .append("XXXXN}{3:{121:")
        .append(ids.uetr)
        .append("}}{4:\n");
    sb.append(":20:").append(ids.mtRef).append('\n');
    sb.append(":23B:CRED\n");
    sb.append(":32A:")
        .append(MT_DATE.format(Instant.ofEpochMilli(t.epochMilli())))
        .append(t.currency())
        .append(amount)
        .append('\n');
    sb.append(":50K:/").append(t.from().account()).append('\n');
    lines(sb, swift(t.from().name()), 1);
    lines(sb, swift(t.from().street() + ", " + t.from().city() + " " + t.from().country()), 2);
    sb.append(":52A:").append(t.from().bic()).append('\n');
    sb.append(":57A:").append(t.to().bic()).append('\n');
    sb.append(":59:/").append(t.to().account()).append('\n');
    lines(sb, swift(t.to().name()), 1);
    lines(sb, swift(t.to().city() + " " + t.to().country()), 1);
    if (!t.remittance().isEmpty()) {
      sb.append(":70:");
      lines(sb, swift(t.remittance()), 4);
    }
    sb.append(":71A:SHA\n-}{5:{CHK:")
        .append(ids.hash.substring(40, 52).toUpperCase(Locale.ROOT))
        .append("}}\n");
  }

  /** Up to {@code max} lines of 35 characters. */
  private static void lines(StringBuilder sb, String s, int max) {
    for (int i = 0; i < max && i * 35 < s.length(); i++) {
      sb.append(s, i * 35, Math.min(s.length(), (i + 1) * 35)).append('\n');
    }
  }

  /** Text in the SWIFT X character set: upper case, no diacritics. */
  static String swift(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder sb = new StringBuilder();
    for (char ch : d.toUpperCase(Locale.ROOT).toCharArray()) {
      sb.append(
          ch < 128 && "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ".indexOf(ch) >= 0
              ? ch
              : ' ');
    }
    return sb.toString().trim();
  }

  // ---- io ------------------------------------------------------------------------------------

  static Writer writer(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return new BufferedWriter(
        new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
        1 << 16);
  }

  static void write(Path file, CharSequence text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
