package io.scamflow.ingest.chain;

import io.scamflow.crypto.CryptoAddresses;
import java.util.Locale;

/** Chain names as files state them (TRON, tron, TRX, ETH, BTC, ...) made canonical. */
final class ChainNames {
  private ChainNames() {}

  /** TRON, ETHEREUM or BITCOIN; null when the name is none of them. */
  static String canonical(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String upper = raw.strip().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case CryptoAddresses.TRON, CryptoAddresses.ETHEREUM, CryptoAddresses.BITCOIN -> upper;
      case "TRC20", "TRC-20" -> CryptoAddresses.TRON;
      case "ERC20", "ERC-20" -> CryptoAddresses.ETHEREUM;
      default -> {
        String chain = CryptoAddresses.chainOf(upper);
        yield CryptoAddresses.TRON.equals(chain)
                || CryptoAddresses.ETHEREUM.equals(chain)
                || CryptoAddresses.BITCOIN.equals(chain)
            ? chain
            : null;
      }
    };
  }
}
