package io.scamflow.transfers;

import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

import org.apache.spark.sql.Column;

/**
 * How the name of an exchange or OTC desk is compared across sources: KYC reports name the exchange
 * ("Lion City Digital Exchange Pte. Ltd."), address-tag sources name one of its wallets ("LION CITY
 * DIGITAL EXCHANGE PTE. LTD. hot wallet", "Binance: Hot Wallet 6"), and payments name the account
 * holder. The off-ramp detector and the behavioural signals' exchange accounts both match on these
 * forms.
 */
public final class ServiceNames {
  private ServiceNames() {}

  /** Upper case, letters and digits only, single spaces. */
  public static Column normalised(Column name) {
    return trim(regexp_replace(regexp_replace(upper(name), "[^\\p{L}\\p{N}]+", " "), " +", " "));
  }

  /**
   * The service a tag label or KYC vasp name stands for: the label without its wallet suffix ("hot
   * wallet", "cold wallet", "deposit address", "deposit", "wallet", with an optional number),
   * normalised.
   */
  public static Column ofLabel(Column label) {
    return normalised(
        regexp_replace(
            label,
            "(?i)[\\s:,-]+(hot wallet|cold wallet|deposit address|deposit|wallet)(\\s*\\d+)?$",
            ""));
  }
}
