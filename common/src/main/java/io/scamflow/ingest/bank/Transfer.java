package io.scamflow.ingest.bank;

import io.scamflow.ingest.reference.FxRates;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One bank transfer as a reader fills it, in the columns of bronze.bank_transfers. {@link #check}
 * validates it the same way for every format (amount, currency, date, parties, IBANs) and computes
 * the account keys.
 */
final class Transfer {
  static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "record_type",
          "message_id",
          "instruction_id",
          "end_to_end_id",
          "uetr",
          "tx_ref",
          "value_date",
          "value_ts",
          "amount",
          "currency",
          "debtor_name",
          "debtor_account",
          "debtor_account_key",
          "debtor_agent",
          "debtor_bank_code",
          "debtor_country",
          "debtor_address",
          "creditor_name",
          "creditor_account",
          "creditor_account_key",
          "creditor_agent",
          "creditor_bank_code",
          "creditor_country",
          "creditor_address",
          "other_amount",
          "other_currency",
          "direction",
          "payment_format",
          "remittance",
          "charges",
          "sender_info",
          "is_laundering");

  /** One side of the transfer. */
  static final class Party {
    String name;
    String account;
    boolean accountIsIban;
    String accountKey;
    String agent;
    String bankCode;
    String country;
    String address;

    boolean isEmpty() {
      return blank(name) && blank(account);
    }
  }

  String recordType;
  String messageId;
  String instructionId;
  String endToEndId;
  String uetr;
  String txRef;
  String dateText;

  /** A separate time stamp (e.g. pacs.008 AccptncDtTm); ignored when it does not parse. */
  String timeText;

  LocalDate valueDate;
  LocalDateTime valueTs;
  String amountText;
  String currency;
  final Party debtor = new Party();
  final Party creditor = new Party();
  String otherAmountText;
  String otherCurrency;
  String direction;
  String paymentFormat;
  String remittance;
  String charges;
  String senderInfo;
  Boolean isLaundering;

  private BigDecimal amount;
  private BigDecimal otherAmount;

  /** Why the record must be quarantined, or null when it is good (keys are then filled). */
  String check() {
    if (valueDate == null) {
      if (blank(dateText)) {
        return "missing date";
      }
      if (!parseDate(dateText.strip())) {
        return "unparseable date '" + dateText.strip() + "'";
      }
    }
    if (valueTs == null && !blank(timeText)) {
      try {
        valueTs =
            OffsetDateTime.parse(timeText.strip())
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
      } catch (DateTimeParseException e) {
        valueTs = null; // the date alone is what the record is about
      }
    }
    amount = parseAmount(amountText);
    if (amount == null) {
      return blank(amountText) ? "missing amount" : "bad amount '" + amountText.strip() + "'";
    }
    currency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
    if (!FxRates.isKnownCurrency(currency)) {
      return blank(currency) ? "missing currency" : "unknown currency '" + currency + "'";
    }
    if (!blank(otherAmountText)) {
      otherAmount = parseAmount(otherAmountText);
      otherCurrency = otherCurrency == null ? null : otherCurrency.strip().toUpperCase(Locale.ROOT);
      if (otherAmount == null) {
        return "bad amount '" + otherAmountText.strip() + "'";
      }
      if (!FxRates.isKnownCurrency(otherCurrency)) {
        return "unknown currency '" + otherCurrency + "'";
      }
    }
    for (Party p : new Party[] {debtor, creditor}) {
      String side = p == debtor ? "debtor" : "creditor";
      tidy(p);
      if (p.isEmpty()) {
        return "missing party: no " + side + " name or account";
      }
      String problem = keyOf(p);
      if (problem != null) {
        return problem + " (" + side + ")";
      }
    }
    return null;
  }

  private static void tidy(Party p) {
    p.name = oneLine(p.name);
    p.address = oneLine(p.address);
    p.account = blank(p.account) ? null : p.account.strip();
    p.agent = blank(p.agent) ? null : p.agent.strip().toUpperCase(Locale.ROOT);
    p.bankCode = blank(p.bankCode) ? null : p.bankCode.strip();
    p.country = blank(p.country) ? null : p.country.strip().toUpperCase(Locale.ROOT);
  }

  private static String keyOf(Party p) {
    String compact = AccountKeys.compact(p.account);
    if (compact == null) {
      p.accountKey = null;
      return null;
    }
    if (p.accountIsIban || AccountKeys.looksLikeIban(compact)) {
      if (!AccountKeys.validIban(compact)) {
        return "invalid IBAN '" + compact + "'";
      }
      p.accountKey = "IBAN:" + compact;
      if (p.country == null) {
        p.country = compact.substring(0, 2);
      }
      return null;
    }
    p.accountKey = AccountKeys.otherKey(compact, p.agent, p.bankCode);
    if (p.accountKey == null && blank(p.name)) {
      return "missing party: no name and no usable account";
    }
    return null;
  }

  private boolean parseDate(String s) {
    try {
      if (s.length() == 10) {
        valueDate = LocalDate.parse(s);
        return true;
      }
      try {
        OffsetDateTime t = OffsetDateTime.parse(s);
        valueTs = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      } catch (DateTimeParseException e) {
        valueTs = LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
      }
      valueDate = valueTs.toLocalDate();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A positive decimal with a dot; at most 20 integer digits and 18 decimals. */
  static BigDecimal parseAmount(String text) {
    if (blank(text)) {
      return null;
    }
    String s = text.strip();
    if (!s.matches("[0-9]{1,20}(\\.[0-9]{0,18})?")) {
      return null;
    }
    BigDecimal v = new BigDecimal(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
    return v.signum() > 0 ? v : null;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String oneLine(String s) {
    if (blank(s)) {
      return null;
    }
    return s.strip().replaceAll("\\s+", " ");
  }

  private static String clean(String s) {
    return blank(s) ? null : s.strip();
  }

  /** The values in {@link #COLUMNS} order; call after {@link #check} returned null. */
  Object[] values() {
    return new Object[] {
      recordType,
      clean(messageId),
      clean(instructionId),
      clean(endToEndId),
      blank(uetr) ? null : uetr.strip().toLowerCase(Locale.ROOT),
      clean(txRef),
      Date.valueOf(valueDate),
      valueTs == null ? null : Timestamp.from(valueTs.toInstant(ZoneOffset.UTC)),
      amount,
      currency,
      debtor.name,
      debtor.account,
      debtor.accountKey,
      debtor.agent,
      debtor.bankCode,
      debtor.country,
      debtor.address,
      creditor.name,
      creditor.account,
      creditor.accountKey,
      creditor.agent,
      creditor.bankCode,
      creditor.country,
      creditor.address,
      otherAmount,
      blank(otherCurrency) || otherAmount == null ? null : otherCurrency,
      clean(direction),
      clean(paymentFormat),
      oneLine(remittance),
      clean(charges),
      oneLine(senderInfo),
      isLaundering
    };
  }
}
