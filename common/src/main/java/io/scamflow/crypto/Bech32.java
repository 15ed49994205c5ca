package io.scamflow.crypto;

import java.util.Locale;

/** Bech32 (BIP-173) and Bech32m (BIP-350) checksums for SegWit Bitcoin addresses. */
final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32 = 1;
  private static final int BECH32M = 0x2bc830a3;

  private Bech32() {}

  /** Validates a segwit address for {@code hrp} ("bc" or "tb"); returns the reason or null. */
  static String validateSegwit(String address, String hrp) {
    if (!address.equals(address.toLowerCase(Locale.ROOT))
        && !address.equals(address.toUpperCase(Locale.ROOT))) {
      return "bech32 address mixes upper and lower case";
    }
    String a = address.toLowerCase(Locale.ROOT);
    int sep = a.lastIndexOf('1');
    if (sep < 1 || sep + 7 > a.length() || a.length() > 90) {
      return "bech32 address has a bad length or separator";
    }
    if (!a.substring(0, sep).equals(hrp)) {
      return "bech32 prefix is not " + hrp;
    }
    int[] data = new int[a.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      int v = CHARSET.indexOf(a.charAt(sep + 1 + i));
      if (v < 0) {
        return "'" + a.charAt(sep + 1 + i) + "' is not a bech32 character";
      }
      data[i] = v;
    }
    int check = polymod(hrp, data);
    int version = data[0];
    if (version == 0 && check != BECH32) {
      return "bech32 checksum does not match";
    }
    if (version > 0 && check != BECH32M) {
      return "bech32m checksum does not match";
    }
    if (version > 16) {
      return "segwit version above 16";
    }
    int programBits = (data.length - 7) * 5;
    int programBytes = programBits / 8;
    if (programBytes < 2 || programBytes > 40) {
      return "segwit program has a bad length";
    }
    if (version == 0 && programBytes != 20 && programBytes != 32) {
      return "segwit v0 program must be 20 or 32 bytes";
    }
    return null;
  }

  private static int polymod(String hrp, int[] data) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    int[] values = new int[hrp.length() * 2 + 1 + data.length];
    int k = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c >> 5;
    }
    values[k++] = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c & 31;
    }
    for (int d : data) {
      values[k++] = d;
    }
    for (int v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }
}
