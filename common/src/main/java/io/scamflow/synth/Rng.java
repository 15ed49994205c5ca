package io.scamflow.synth;

import java.util.SplittableRandom;

/**
 * Deterministic randomness: every stream is keyed by (seed, purpose, indices) so that the same seed
 * gives the same world whatever the order in which shards run.
 */
final class Rng {
  private final SplittableRandom random;

  private Rng(long key) {
    this.random = new SplittableRandom(key);
  }

  static Rng of(long seed, String purpose, long... indices) {
    return new Rng(key(seed, purpose, indices));
  }

  /** A stable 64-bit key for (seed, purpose, indices). */
  static long key(long seed, String purpose, long... indices) {
    long h = mix(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < purpose.length(); i++) {
      h = mix(h ^ purpose.charAt(i));
    }
    for (long index : indices) {
      h = mix(h ^ index);
    }
    return h;
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A stable uniform double in [0,1) for (seed, purpose, indices), without an Rng object. */
  static double unit(long seed, String purpose, long... indices) {
    return (key(seed, purpose, indices) >>> 11) * 0x1.0p-53;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  int between(int lo, int hiInclusive) {
    return lo + random.nextInt(hiInclusive - lo + 1);
  }

  long nextLong(long bound) {
    return random.nextLong(bound);
  }

  long nextLong() {
    return random.nextLong();
  }

  double nextDouble() {
    return random.nextDouble();
  }

  double between(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(java.util.List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Log-normal with the given median and sigma: the usual shape of payment amounts. */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * gaussian());
  }

  double gaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * A heavy-tailed index in [0, n): density proportional to x^(1/skew - 1), so a few low indices
   * are drawn very often (popular merchants, busy people) and most rarely.
   */
  long skewed(long n, double skew) {
    long i = (long) (n * Math.pow(random.nextDouble(), skew));
    return Math.min(n - 1, Math.max(0, i));
  }

  void bytes(byte[] out) {
    for (int i = 0; i < out.length; i += 8) {
      long v = random.nextLong();
      for (int j = 0; j < 8 && i + j < out.length; j++) {
        out[i + j] = (byte) (v >>> (8 * j));
      }
    }
  }

  String hex(int chars) {
    StringBuilder sb = new StringBuilder(chars);
    while (sb.length() < chars) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  /** A random (version 4 layout) UUID string, as SWIFT gpi UETRs are. */
  String uuid() {
    String h = hex(32);
    char variant = "89ab".charAt(random.nextInt(4));
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-"
        + variant
        + h.substring(17, 20)
        + "-"
        + h.substring(20, 32);
  }
}
