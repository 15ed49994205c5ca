package io.scamflow.resolve;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Contact details and identifiers in one comparable form: phones in E.164 (libphonenumber),
 * document numbers as upper-case letters and digits, emails lower-cased without "+tag", addresses
 * transliterated and stripped of punctuation. Each returns null when nothing usable is left.
 */
public final class Identifiers {
  private Identifiers() {}

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /**
   * E.164 form ({@code +66812345678}) of a phone written in any national or international style;
   * {@code country} (ISO 3166 alpha-2) resolves numbers written without a country code.
   */
  public static String phone(String raw, String country) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String region = country == null ? "ZZ" : country.trim().toUpperCase(Locale.ROOT);
    String text = raw.trim();
    if (text.startsWith("00")) {
      text = "+" + text.substring(2);
    }
    try {
      PhoneNumber number = PHONES.parse(text, region.length() == 2 ? region : "ZZ");
      if (!PHONES.isPossibleNumber(number)) {
        return null;
      }
      return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** Passport, national id or registration number: ASCII letters and digits, upper case. */
  public static String document(String raw) {
    if (raw == null) {
      return null;
    }
    String out = Names.toAscii(raw).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return out.isEmpty() ? null : out;
  }

  /** Lower case, trimmed, without a "+tag" in the local part; null when it is not an address. */
  public static String email(String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.trim().toLowerCase(Locale.ROOT);
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1 || text.contains(" ")) {
      return null;
    }
    String local = text.substring(0, at);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    return local + text.substring(at);
  }

  /** A postal address as lower-case ASCII words separated by single spaces. */
  public static String address(String raw) {
    if (raw == null) {
      return null;
    }
    String out = Names.toAscii(raw).replaceAll("[^a-z0-9]+", " ").trim();
    return out.isEmpty() ? null : out;
  }

  /**
   * A country as ISO 3166 alpha-2 upper case, from an alpha-2 or alpha-3 code or an English name
   * (KYC files write nationalities as "Australia"); null when it is none of these.
   */
  public static String country(String raw) {
    if (raw == null) {
      return null;
    }
    String out = raw.trim().toUpperCase(Locale.ROOT);
    if (out.matches("[A-Z]{2}")) {
      return out;
    }
    return COUNTRY_NAMES.get(out.replaceAll("[^A-Z]+", " ").trim());
  }

  /** ISO 3166 alpha-3 codes and English names (as the JDK knows them) to alpha-2. */
  private static final java.util.Map<String, String> COUNTRY_NAMES = countryNames();

  private static java.util.Map<String, String> countryNames() {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale l = new Locale.Builder().setRegion(code).build();
      out.put(l.getISO3Country(), code);
      out.put(
          l.getDisplayCountry(Locale.ENGLISH)
              .toUpperCase(Locale.ROOT)
              .replaceAll("[^A-Z]+", " ")
              .trim(),
          code);
    }
    out.put("UNITED STATES OF AMERICA", "US");
    out.put("USA", "US");
    out.put("UK", "GB");
    out.put("GREAT BRITAIN", "GB");
    out.put("BURMA", "MM");
    out.put("SOUTH KOREA", "KR");
    out.put("NORTH KOREA", "KP");
    out.put("VIET NAM", "VN");
    out.put("RUSSIAN FEDERATION", "RU");
    out.put("LAO PDR", "LA");
    out.put("LAOS", "LA");
    return java.util.Map.copyOf(out);
  }
}
