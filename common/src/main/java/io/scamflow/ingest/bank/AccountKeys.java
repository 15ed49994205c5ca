package io.scamflow.ingest.bank;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Stable account keys: {@code IBAN:<iban>} for an IBAN whose ISO 13616 mod-97 check digits hold,
 * {@code ACCT:<bank>:<number>} otherwise (bank = BIC's first 8 characters, else the bank code).
 *
 * <p>Public face: {@link #countryOfKey(String)} and {@link #countryOfKey(Column)}, the country an
 * account key itself states (the one place that reads it from a key).
 */
public final class AccountKeys {
  private AccountKeys() {}

  /**
   * The country in an account key: an IBAN key's first two letters, or characters 5-6 of the BIC an
   * ACCT key starts with (ISO 9362: 4 letters bank code, 2 letters ISO 3166 country, 2 characters
   * location, optional 3 characters branch). Either must be an ISO 3166 alpha-2 code.
   */
  private static final Pattern KEY_COUNTRY =
      Pattern.compile(
          "^(?:IBAN:([A-Z]{2})[0-9]{2}|ACCT:[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?:)");

  /** ISO 3166-1 alpha-2 codes, plus XK (Kosovo: used in IBANs and BICs, not yet in ISO 3166). */
  private static final Set<String> COUNTRIES = countries();

  private static Set<String> countries() {
    Set<String> c = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    c.add("XK");
    return Set.copyOf(c);
  }

  /**
   * The country an account key states, or null: {@code IBAN:TH...} → TH, {@code
   * ACCT:SRBKTH2X:9946592813} → TH (the BIC's country); null for a bank code that is not a BIC
   * (e.g. {@code ACCT:0012:...}), a BIC-shaped code whose letters 5-6 are no country, and chain
   * addresses.
   */
  public static String countryOfKey(String key) {
    if (key == null) {
      return null;
    }
    Matcher m = KEY_COUNTRY.matcher(key);
    if (!m.find()) {
      return null;
    }
    String c = m.group(1) != null ? m.group(1) : m.group(2);
    return COUNTRIES.contains(c) ? c : null;
  }

  /** {@link #countryOfKey(String)} as a Spark column expression (no UDF), same rules. */
  public static Column countryOfKey(Column key) {
    Column iban = functions.regexp_extract(key, KEY_COUNTRY.pattern(), 1);
    Column bic = functions.regexp_extract(key, KEY_COUNTRY.pattern(), 2);
    Column c = functions.when(iban.notEqual(""), iban).otherwise(bic);
    return functions
        .when(c.isin(COUNTRIES.toArray()), c)
        .otherwise(functions.lit(null).cast("string"));
  }

  private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

  /** IBAN length per country (ISO 13616 registry). */
  private static final Map<String, Integer> IBAN_LENGTH =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("AT", 20),
          Map.entry("AZ", 28),
          Map.entry("BA", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("BH", 22),
          Map.entry("BR", 29),
          Map.entry("BY", 28),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GI", 23),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("GT", 28),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IL", 23),
          Map.entry("IQ", 23),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("KW", 30),
          Map.entry("KZ", 20),
          Map.entry("LB", 28),
          Map.entry("LC", 32),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MD", 24),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PK", 24),
          Map.entry("PL", 28),
          Map.entry("PS", 29),
          Map.entry("PT", 25),
          Map.entry("QA", 29),
          Map.entry("RO", 24),
          Map.entry("RS", 22),
          Map.entry("SA", 24),
          Map.entry("SC", 31),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("ST", 25),
          Map.entry("SV", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VA", 22),
          Map.entry("VG", 24),
          Map.entry("XK", 20));

  /** An account id compacted: upper case, no spaces, no leading slash. */
  static String compact(String account) {
    if (account == null) {
      return null;
    }
    String s = account.strip();
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    s = s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return s.isEmpty() ? null : s;
  }

  /** Whether {@code s} (compacted) has an IBAN's shape and its country's length. */
  static boolean looksLikeIban(String s) {
    if (s == null || !IBAN_SHAPE.matcher(s).matches()) {
      return false;
    }
    Integer len = IBAN_LENGTH.get(s.substring(0, 2));
    return len != null && len == s.length();
  }

  /** ISO 13616 / ISO 7064 mod 97-10: the rearranged number modulo 97 is 1. */
  static boolean validIban(String s) {
    if (s == null || !IBAN_SHAPE.matcher(s).matches()) {
      return false;
    }
    Integer len = IBAN_LENGTH.get(s.substring(0, 2));
    if (len != null && len != s.length()) {
      return false;
    }
    String rearranged = s.substring(4) + s.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.digit(c, 36));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  static boolean isBic(String s) {
    return s != null && BIC.matcher(s).matches();
  }

  /** The bank part of an ACCT key: BIC8, else the compacted bank code, else "?". */
  static String bankPart(String bic, String bankCode) {
    if (bic != null && bic.length() >= 8) {
      return bic.substring(0, 8);
    }
    String code = compact(bankCode);
    if (isBic(code)) {
      return code.substring(0, 8); // AMLworld-style bank columns may hold a BIC
    }
    return code == null ? "?" : code.replace(':', '_');
  }

  /**
   * The ACCT key of a non-IBAN account, or null when the number is only separators (":59:/-");
   * separators inside the number are dropped.
   */
  static String otherKey(String number, String bic, String bankCode) {
    String n = compact(number).replaceAll("[-./:]", "");
    return n.isEmpty() ? null : "ACCT:" + bankPart(bic, bankCode) + ":" + n;
  }
}
