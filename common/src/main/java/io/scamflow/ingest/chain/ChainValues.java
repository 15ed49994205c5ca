package io.scamflow.ingest.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Exact amounts, hashes and timestamps as chain exports state them; every failure has a reason. */
final class ChainValues {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,100}");
  private static final Pattern HASH = Pattern.compile("(0[xX])?[0-9a-fA-F]{64}");

  /** DECIMAL(38,18): at most 20 integer digits. */
  private static final int MAX_PRECISION = 38;

  static final int SCALE = 18;

  private ChainValues() {}

  /** A value that cannot be taken, with the reason the quarantine shows. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  /** {@code raw} smallest units scaled by {@code decimals}, exact, as DECIMAL(38,18). */
  static BigDecimal scale(String raw, int decimals) throws Invalid {
    if (raw == null || !DIGITS.matcher(raw.strip()).matches()) {
      throw new Invalid("value '" + raw + "' is not a non-negative integer");
    }
    if (decimals < 0 || decimals > 77) {
      throw new Invalid("token decimals " + decimals + " out of range 0..77");
    }
    BigDecimal amount = new BigDecimal(new BigInteger(raw.strip()), decimals);
    try {
      amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new Invalid("value " + raw + " with " + decimals + " decimals needs more than 18");
    }
    if (amount.precision() > MAX_PRECISION) {
      throw new Invalid(
          "value " + raw + " with " + decimals + " decimals exceeds DECIMAL(38,18) (20 digits)");
    }
    return amount;
  }

  /** A transaction hash in lowercase hex; Ethereum keeps its 0x, Tron has none. */
  static String txHash(String raw, boolean with0x) throws Invalid {
    if (raw == null || !HASH.matcher(raw.strip()).matches()) {
      throw new Invalid("transaction hash '" + raw + "' is not 64 hex digits");
    }
    String hex = raw.strip().toLowerCase(Locale.ROOT);
    hex = hex.startsWith("0x") ? hex.substring(2) : hex;
    return with0x ? "0x" + hex : hex;
  }

  /**
   * A timestamp as BigQuery exports it ({@code 2026-03-02 10:15:00 UTC}, optional fraction), or ISO
   * 8601 with an offset; without a zone it is UTC.
   */
  static Timestamp timestamp(String raw) throws Invalid {
    if (raw == null || raw.isBlank()) {
      throw new Invalid("timestamp is empty");
    }
    String s = raw.strip();
    if (s.endsWith(" UTC")) {
      s = s.substring(0, s.length() - 4);
    }
    s = s.replace(' ', 'T');
    try {
      if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return Timestamp.from(
            OffsetDateTime.parse(s.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant());
      }
      return Timestamp.from(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new Invalid("timestamp '" + raw + "' is not like 2026-03-02 10:15:00 UTC");
    }
  }

  /** Epoch milliseconds as TronGrid states block_timestamp. */
  static Timestamp epochMillis(long millis) throws Invalid {
    if (millis <= 0) {
      throw new Invalid("block_timestamp " + millis + " is not a time in milliseconds");
    }
    return Timestamp.from(Instant.ofEpochMilli(millis));
  }
}
