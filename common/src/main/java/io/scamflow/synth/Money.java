package io.scamflow.synth;

/** Amounts, FX and time of day: the shared arithmetic of the honest and scam economies. */
final class Money {
  private Money() {}

  /** USD per unit of {@code currency} on day {@code day}: a small deterministic daily drift. */
  static double usdPerUnit(String currency, int day) {
    if (currency.equals("USD") || currency.equals("USDT")) {
      return currency.equals("USDT") ? 1.0 + 0.0004 * Math.sin(day * 1.3) : 1.0;
    }
    for (Geo.Country c : Geo.COUNTRIES) {
      if (c.currency().equals(currency)) {
        int i = Geo.COUNTRIES.indexOf(c);
        return c.usdPerUnit() * (1 + 0.006 * Math.sin(day * 0.9 + i));
      }
    }
    throw new IllegalArgumentException("no rate for " + currency);
  }

  /**
   * Local-currency minor units (cents) for a USD amount; whole units where the currency has no
   * cents.
   */
  static long localMinor(double usd, Geo.Country c, int day) {
    double local = usd / usdPerUnit(c.currency(), day);
    if (c.wholeUnits()) {
      return Math.max(100, Math.round(local) * 100);
    }
    return Math.max(1, Math.round(local * 100));
  }

  /** A rounded amount (to {@code unit} local units), as salaries, rents and bills are. */
  static long roundedMinor(double usd, Geo.Country c, int day, long unit) {
    double local = usd / usdPerUnit(c.currency(), day);
    long units = Math.max(unit, Math.round(local / unit) * unit);
    return units * 100;
  }

  /**
   * Minor units of {@code currency} for a USD amount, rounded to {@code unit} whole units if > 0.
   */
  static long minorIn(double usd, String currency, int day, long unit) {
    double local = usd / usdPerUnit(currency, day);
    boolean whole =
        currency.equals("MMK")
            || currency.equals("KHR")
            || currency.equals("LAK")
            || currency.equals("VND");
    long u = Math.max(unit, whole ? 1 : 0);
    if (u > 0) {
      return Math.max(u, Math.round(local / u) * u) * 100;
    }
    return Math.max(1, Math.round(local * 100));
  }

  /** The currency of a bank transfer: local at home; USD abroad from the weaker currencies. */
  static String bankCurrency(Party from, Party to) {
    String local = Geo.country(from.country()).currency();
    if (from.country().equals(to.country())) {
      return local;
    }
    return switch (local) {
      case "MMK", "KHR", "LAK", "VND", "PHP" -> "USD";
      default -> local;
    };
  }

  static long usdtMicro(double usd, int day) {
    return Math.max(1, Math.round(usd / usdPerUnit("USDT", day) * 1e6));
  }

  static double toUsd(long minor, String currency, int day) {
    double units = currency.equals("USDT") ? minor / 1e6 : minor / 100.0;
    return units * usdPerUnit(currency, day);
  }

  private static final double[] HOUR_WEIGHTS = {
    1, 1, 2, 3, 4, 5, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1
  };
  private static final double HOUR_TOTAL = java.util.Arrays.stream(HOUR_WEIGHTS).sum();

  /** Milliseconds into the day with a daily rhythm (busy Asian business hours, UTC). */
  static long timeOfDay(Rng r) {
    double x = r.nextDouble() * HOUR_TOTAL;
    int h = 0;
    while (h < 23 && (x -= HOUR_WEIGHTS[h]) >= 0) {
      h++;
    }
    return h * 3_600_000L + r.nextLong(3_600_000L) / 1000 * 1000;
  }

  static String formatMinor(long minor) {
    long abs = Math.abs(minor);
    return (minor < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
  }

  static String formatMicro(long micro) {
    String s = Long.toString(micro / 1_000_000) + "." + String.format("%06d", micro % 1_000_000);
    return s;
  }
}
