package io.scamflow.synth;

import io.scamflow.crypto.CryptoAddresses;

/** Deterministic blockchain addresses for the world: Tron base58check and lowercase Ethereum. */
final class Addresses {
  private Addresses() {}

  static String tron(Rng rng) {
    byte[] body = new byte[20];
    rng.bytes(body);
    return CryptoAddresses.tronAddress(body);
  }

  static String tron(long key) {
    return tron(Rng.of(key, "tron"));
  }

  static String ethereum(Rng rng) {
    return "0x" + rng.hex(40);
  }

  static String txHash(Rng rng) {
    return rng.hex(64);
  }

  /** Base58check of a payload whose first byte is the version (0x00: Bitcoin P2PKH). */
  static String base58check(byte[] payload) {
    return CryptoAddresses.base58Check(payload);
  }

  /** True when {@code address} is a valid Tron base58check address (0x41 + 20 bytes + checksum). */
  static boolean isValidTron(String address) {
    return address != null && CryptoAddresses.parse(CryptoAddresses.TRON, address).valid();
  }
}
