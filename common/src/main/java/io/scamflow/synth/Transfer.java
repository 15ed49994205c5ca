package io.scamflow.synth;

import java.io.Serializable;

/**
 * One generated transfer with its truth. Amounts are in minor units: cents for fiat, micro-units (6
 * decimals) for USDT. {@code key} is unique in the world and orders ties deterministically.
 *
 * @param token the TRC-20/ERC-20 contract; a fake "USDT" contract for the decoy token transfers
 */
record Transfer(
    String key,
    long epochMilli,
    Rail rail,
    Party from,
    Party to,
    long amountMinor,
    String currency,
    String remittance,
    boolean laundering,
    String typology,
    String schemeId,
    String token)
    implements Serializable {

  static final String USDT_TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
  static final String USDT_ETH = "0xdac17f958d2ee523a2206206994597c13d831ec7";

  static Transfer honest(
      String key,
      long ts,
      Rail rail,
      Party from,
      Party to,
      long amount,
      String ccy,
      String rmt,
      String typology) {
    return new Transfer(
        key,
        ts,
        rail,
        from,
        to,
        amount,
        ccy,
        rmt,
        false,
        typology,
        "",
        rail == Rail.TRC20 ? USDT_TRON : rail == Rail.ERC20 ? USDT_ETH : "");
  }

  /** The bank rail between two bank accounts: domestic batch CSV, else the debtor bank's choice. */
  static Rail bankRail(Party from, Party to) {
    if (from.country().equals(to.country())) {
      return Rail.AMLWORLD;
    }
    for (Geo.Bank b : Geo.BANKS) {
      if (b.bic().equals(from.bic())) {
        return b.mt103() ? Rail.MT103 : Rail.PACS008;
      }
    }
    return Rail.PACS008;
  }

  int compareTo(Transfer o) {
    int c = Long.compare(epochMilli, o.epochMilli);
    return c != 0 ? c : key.compareTo(o.key);
  }
}
