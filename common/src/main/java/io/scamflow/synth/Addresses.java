package io.scamflow.synth;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Blockchain addresses: Tron base58check (0x41 prefix) and lowercase Ethereum hex. */
public final class Addresses {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private Addresses() {}

  static String tron(Rng rng) {
    byte[] raw = new byte[21];
    raw[0] = 0x41;
    byte[] body = new byte[20];
    rng.bytes(body);
    System.arraycopy(body, 0, raw, 1, 20);
    return base58check(raw);
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

  static String base58check(byte[] payload) {
    byte[] check = Arrays.copyOf(sha256(sha256(payload)), 4);
    byte[] full = new byte[payload.length + 4];
    System.arraycopy(payload, 0, full, 0, payload.length);
    System.arraycopy(check, 0, full, payload.length, 4);
    return base58(full);
  }

  static String base58(byte[] data) {
    BigInteger n = new BigInteger(1, data);
    StringBuilder sb = new StringBuilder();
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (byte b : data) {
      if (b != 0) {
        break;
      }
      sb.append('1');
    }
    return sb.reverse().toString();
  }

  /** True when {@code address} is a valid Tron base58check address (0x41 + 20 bytes + checksum). */
  public static boolean isValidTron(String address) {
    if (address == null || address.length() != 34 || address.charAt(0) != 'T') {
      return false;
    }
    BigInteger n = BigInteger.ZERO;
    for (char c : address.toCharArray()) {
      int d = ALPHABET.indexOf(c);
      if (d < 0) {
        return false;
      }
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
    }
    byte[] bytes = n.toByteArray();
    byte[] full = new byte[25];
    int len = Math.min(bytes.length, 25);
    if (bytes.length > 26 || (bytes.length == 26 && bytes[0] != 0)) {
      return false;
    }
    System.arraycopy(bytes, bytes.length - len, full, 25 - len, len);
    if (full[0] != 0x41) {
      return false;
    }
    byte[] check = sha256(sha256(Arrays.copyOf(full, 21)));
    for (int i = 0; i < 4; i++) {
      if (check[i] != full[21 + i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
