package io.scamflow.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58 and Base58Check (Bitcoin alphabet), as Bitcoin and Tron addresses use them. */
final class Base58 {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  static byte[] decode(String text) {
    BigInteger n = BigInteger.ZERO;
    for (char ch : text.toCharArray()) {
      int digit = ALPHABET.indexOf(ch);
      if (digit < 0) {
        throw new IllegalArgumentException("'" + ch + "' is not a base58 character");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] raw = n.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      raw = Arrays.copyOfRange(raw, 1, raw.length);
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] out = new byte[zeros + (n.signum() == 0 ? 0 : raw.length)];
    System.arraycopy(raw, 0, out, zeros, out.length - zeros);
    return out;
  }

  static String encode(byte[] data) {
    BigInteger n = new BigInteger(1, data);
    StringBuilder sb = new StringBuilder();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      sb.append('1');
    }
    return sb.reverse().toString();
  }

  /** The payload (version byte included) if the 4-byte double-SHA256 checksum matches. */
  static byte[] decodeChecked(String text) {
    byte[] all = decode(text);
    if (all.length < 5) {
      throw new IllegalArgumentException("too short for base58check");
    }
    byte[] payload = Arrays.copyOfRange(all, 0, all.length - 4);
    byte[] check = Arrays.copyOfRange(all, all.length - 4, all.length);
    if (!Arrays.equals(check, Arrays.copyOf(doubleSha256(payload), 4))) {
      throw new IllegalArgumentException("base58check checksum does not match");
    }
    return payload;
  }

  static String encodeChecked(byte[] payload) {
    byte[] all = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(doubleSha256(payload), 0, all, payload.length, 4);
    return encode(all);
  }

  static byte[] doubleSha256(byte[] data) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return sha.digest(sha.digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
