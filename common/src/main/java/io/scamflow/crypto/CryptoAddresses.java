package io.scamflow.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Validates and normalises crypto addresses per chain, the one place scamflow does it (chain
 * ingest, sanctions lists, watchlists and screening all call this):
 *
 * <ul>
 *   <li>TRON: base58check, version byte 0x41, 21-byte payload; the hex form is kept as well;
 *   <li>ETHEREUM (and EVM chains): 0x + 40 hex, EIP-55 checksum honoured when mixed case,
 *       normalised to lowercase;
 *   <li>BITCOIN: base58check P2PKH/P2SH, or bech32/bech32m SegWit; normalised (bech32 lowercase).
 * </ul>
 *
 * Assets as lists state them ("XBT", "USDT", "ETH", "TRX") map to a chain with {@link #chainOf}; an
 * address on a chain scamflow cannot validate is passed through, marked unvalidated.
 */
public final class CryptoAddresses {
  public static final String TRON = "TRON";
  public static final String ETHEREUM = "ETHEREUM";
  public static final String BITCOIN = "BITCOIN";

  private static final Map<String, String> ASSET_CHAIN =
      Map.ofEntries(
          Map.entry("XBT", BITCOIN),
          Map.entry("BTC", BITCOIN),
          Map.entry("ETH", ETHEREUM),
          Map.entry("TRX", TRON),
          Map.entry("BSC", ETHEREUM),
          Map.entry("ARB", ETHEREUM),
          Map.entry("USDC", ETHEREUM));

  private CryptoAddresses() {}

  /** The outcome: valid or not, why not, the chain, the normalised form and (Tron) its hex. */
  public record Address(
      boolean valid,
      boolean validated,
      String chain,
      String normalized,
      String hex,
      String reason) {
    static Address ok(String chain, String normalized, String hex) {
      return new Address(true, true, chain, normalized, hex, null);
    }

    static Address invalid(String chain, String raw, String reason) {
      return new Address(false, true, chain, raw, null, reason);
    }
  }

  /**
   * The chain an asset code lives on, or null when it depends on the address (USDT is on Tron and
   * Ethereum: {@link #detect} tells by the address's shape).
   */
  public static String chainOf(String asset) {
    return asset == null ? null : ASSET_CHAIN.get(asset.toUpperCase(Locale.ROOT));
  }

  /** Validates {@code raw} as an address on {@code chain}; for a null chain, detects it. */
  public static Address parse(String chain, String raw) {
    if (raw == null || raw.isBlank()) {
      return Address.invalid(chain, raw, "empty address");
    }
    String a = raw.strip();
    if (chain == null) {
      return detect(a);
    }
    return switch (chain.toUpperCase(Locale.ROOT)) {
      case TRON -> tron(a);
      case ETHEREUM -> ethereum(a);
      case BITCOIN -> bitcoin(a);
      default -> new Address(true, false, chain.toUpperCase(Locale.ROOT), a, null, null);
    };
  }

  /** Validates an address stated with a list's asset code (XBT, ETH, USDT, TRX, ...). */
  public static Address parseForAsset(String asset, String raw) {
    String chain = chainOf(asset);
    if (chain != null) {
      return parse(chain, raw);
    }
    Address detected = detect(raw == null ? "" : raw.strip());
    if (detected.valid() || detected.chain() != null) {
      return detected;
    }
    String upper = asset == null ? "UNKNOWN" : asset.toUpperCase(Locale.ROOT);
    return new Address(true, false, upper, raw.strip(), null, null);
  }

  /** Guesses the chain from the address's shape, then validates it there. */
  public static Address detect(String a) {
    if (a.startsWith("T") && a.length() == 34) {
      return tron(a);
    }
    if (a.startsWith("0x") || a.startsWith("0X")) {
      return ethereum(a);
    }
    if (a.startsWith("1") || a.startsWith("3") || a.toLowerCase(Locale.ROOT).startsWith("bc1")) {
      return bitcoin(a);
    }
    return Address.invalid(null, a, "not a recognisable Tron, Ethereum or Bitcoin address");
  }

  static Address tron(String a) {
    if (!a.startsWith("T") || a.length() != 34) {
      return Address.invalid(TRON, a, "a Tron address is 34 base58 characters starting with T");
    }
    try {
      byte[] payload = Base58.decodeChecked(a);
      if (payload.length != 21 || payload[0] != 0x41) {
        return Address.invalid(TRON, a, "a Tron address decodes to 0x41 + 20 bytes");
      }
      return Address.ok(TRON, a, HexFormat.of().formatHex(payload));
    } catch (IllegalArgumentException e) {
      return Address.invalid(TRON, a, "Tron " + e.getMessage());
    }
  }

  static Address ethereum(String a) {
    if (!a.matches("0[xX][0-9a-fA-F]{40}")) {
      return Address.invalid(ETHEREUM, a, "an Ethereum address is 0x followed by 40 hex digits");
    }
    String body = a.substring(2);
    String lower = body.toLowerCase(Locale.ROOT);
    boolean mixed = !body.equals(lower) && !body.equals(body.toUpperCase(Locale.ROOT));
    if (mixed && !body.equals(eip55(lower))) {
      return Address.invalid(ETHEREUM, a, "EIP-55 mixed-case checksum does not match");
    }
    return Address.ok(ETHEREUM, "0x" + lower, null);
  }

  static Address bitcoin(String a) {
    String lower = a.toLowerCase(Locale.ROOT);
    if (lower.startsWith("bc1")) {
      String reason = Bech32.validateSegwit(a, "bc");
      return reason == null
          ? Address.ok(BITCOIN, lower, null)
          : Address.invalid(BITCOIN, a, reason);
    }
    try {
      byte[] payload = Base58.decodeChecked(a);
      if (payload.length != 21 || (payload[0] != 0x00 && payload[0] != 0x05)) {
        return Address.invalid(BITCOIN, a, "not a P2PKH or P2SH mainnet address");
      }
      return Address.ok(BITCOIN, a, null);
    } catch (IllegalArgumentException e) {
      return Address.invalid(BITCOIN, a, "Bitcoin " + e.getMessage());
    }
  }

  /** The EIP-55 mixed-case form of a lowercase 40-hex address body. */
  static String eip55(String lowerHex) {
    byte[] hash = Keccak256.hash(lowerHex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      char c = lowerHex.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  /** A Tron address from its 21-byte hex form (41...), e.g. to render a contract address. */
  public static String tronFromHex(String hex) {
    return Base58.encodeChecked(HexFormat.of().parseHex(hex));
  }

  /** Base58check (4-byte double-SHA256 checksum) of a payload that starts with its version byte. */
  public static String base58Check(byte[] payload) {
    return Base58.encodeChecked(payload);
  }

  /** A deterministic valid Tron address for 20 bytes (the generator and tests use it). */
  public static String tronAddress(byte[] twentyBytes) {
    byte[] payload = new byte[21];
    payload[0] = 0x41;
    System.arraycopy(twentyBytes, 0, payload, 1, 20);
    return Base58.encodeChecked(payload);
  }
}
