package io.scamflow.ingest.kyc;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Bank account keys, the same convention as the bank rail's silver.transfers accounts: {@code
 * IBAN:<IBAN uppercase, no spaces>} when the account is a valid IBAN (ISO 13616, mod 97), else
 * {@code ACCT:<bank code>:<number>} with the bank code the BIC uppercase (an 11-character BIC of
 * branch XXX shortened to its 8) and the number uppercase, letters and digits only.
 */
final class BankAccounts {
  private BankAccounts() {}

  /** The key, or null when there is no account number. */
  static String key(String account, String bankCode) {
    if (account == null || account.isBlank()) {
      return null;
    }
    String compact = account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    if (compact.isEmpty()) {
      return null;
    }
    if (isIban(compact)) {
      return "IBAN:" + compact;
    }
    return "ACCT:" + bankCode(bankCode) + ":" + compact;
  }

  static String bankCode(String raw) {
    if (raw == null) {
      return "";
    }
    String code = raw.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
    return code.length() == 11 && code.endsWith("XXX") ? code.substring(0, 8) : code;
  }

  static boolean isIban(String compact) {
    if (!compact.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
