package io.scamflow.ingest.kyc;

import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.HeadedCsv;
import io.scamflow.ingest.RecordSink;
import io.scamflow.table.TableContract;
import java.io.InputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Exchange KYC links: {@code vasp,customer_id,customer_name,date_of_birth,nationality,id_document,
 * phone,email,bank_account,bank_bic,bank_country,deposit_address,chain,linked_from,linked_to}.
 * Dates are ISO (2026-03-02); a row needs a bank account or a deposit address to link anything.
 */
public final class VaspKycCsvReader implements FormatReader {
  private static final long serialVersionUID = 1L;
  private static final List<String> HEADER =
      List.of(
          "vasp",
          "customer_id",
          "customer_name",
          "date_of_birth",
          "nationality",
          "id_document",
          "phone",
          "email",
          "bank_account",
          "bank_bic",
          "bank_country",
          "deposit_address",
          "chain",
          "linked_from",
          "linked_to");

  /** Thrown for one bad row, with the reason the quarantine shows. */
  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  @Override
  public String source() {
    return "kyc";
  }

  @Override
  public String format() {
    return "vasp-kyc-csv";
  }

  @Override
  public TableContract bronzeTable() {
    return KycTables.BRONZE_VASP_KYC;
  }

  @Override
  public boolean accepts(String fileName) {
    return FormatReader.super.accepts(fileName)
        && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public List<String> recordColumns() {
    return List.of(
        "vasp",
        "customer_id",
        "customer_name",
        "date_of_birth",
        "nationality",
        "id_document",
        "phone",
        "email",
        "bank_account",
        "bank_account_key",
        "bank_bic",
        "bank_country",
        "chain",
        "deposit_address",
        "deposit_hex",
        "linked_from",
        "linked_to");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    try (HeadedCsv rows = new HeadedCsv(in, HEADER)) {
      while (rows.next()) {
        try {
          sink.accept(rows.position(), record(rows));
        } catch (Invalid e) {
          sink.reject(rows.position(), e.getMessage(), rows.raw());
        }
      }
    }
  }

  private static Object[] record(HeadedCsv rows) throws Invalid {
    String vasp = rows.get("vasp");
    String customer = rows.get("customer_id");
    if (vasp == null || customer == null) {
      throw new Invalid("vasp and customer_id are required");
    }
    String account = rows.get("bank_account");
    String bic = rows.get("bank_bic");
    String accountKey = BankAccounts.key(account, bic);
    String rawAddress = rows.get("deposit_address");
    String chain = null;
    CryptoAddresses.Address deposit = null;
    if (rawAddress != null) {
      chain = chain(rows.get("chain"));
      deposit = CryptoAddresses.parse(chain, rawAddress);
      if (!deposit.valid()) {
        throw new Invalid(
            "deposit_address '"
                + rawAddress
                + "' is not a valid "
                + (chain == null ? "crypto" : chain)
                + " address: "
                + deposit.reason());
      }
      chain = deposit.chain();
    }
    if (accountKey == null && deposit == null) {
      throw new Invalid("neither a bank account nor a deposit address: the row links nothing");
    }
    LocalDate from = date("linked_from", rows.get("linked_from"));
    LocalDate to = date("linked_to", rows.get("linked_to"));
    if (from != null && to != null && to.isBefore(from)) {
      throw new Invalid("linked_to " + to + " is before linked_from " + from);
    }
    String email = rows.get("email");
    String country = rows.get("bank_country");
    String nationality = rows.get("nationality");
    return new Object[] {
      vasp,
      customer,
      rows.get("customer_name"),
      sqlDate(date("date_of_birth", rows.get("date_of_birth"))),
      nationality == null ? null : nationality.toUpperCase(Locale.ROOT),
      rows.get("id_document"),
      rows.get("phone"),
      email == null ? null : email.toLowerCase(Locale.ROOT),
      account,
      accountKey,
      bic == null ? null : bic.toUpperCase(Locale.ROOT),
      country == null ? null : country.toUpperCase(Locale.ROOT),
      chain,
      deposit == null ? null : deposit.normalized(),
      deposit == null ? null : deposit.hex(),
      sqlDate(from),
      sqlDate(to)
    };
  }

  /** TRON, ETHEREUM or BITCOIN from a name or asset code; null (detect) when not stated. */
  private static String chain(String raw) throws Invalid {
    if (raw == null) {
      return null;
    }
    String upper = raw.toUpperCase(Locale.ROOT);
    if (List.of(CryptoAddresses.TRON, CryptoAddresses.ETHEREUM, CryptoAddresses.BITCOIN)
        .contains(upper)) {
      return upper;
    }
    String chain = CryptoAddresses.chainOf(upper);
    if (chain == null) {
      throw new Invalid("unknown chain '" + raw + "'");
    }
    return chain;
  }

  private static LocalDate date(String field, String raw) throws Invalid {
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
    } catch (DateTimeParseException e) {
      throw new Invalid(field + " '" + raw + "' is not a date like 2026-03-02");
    }
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
