package io.scamflow.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The honest economy of one (day, shard): salaries, rent, merchants, bills, family remittances,
 * supplier payments, crypto users, exchanges and a busy legitimate OTC desk, plus the honest decoys
 * (payroll fan-out, merchant fan-in, a business paying many suppliers, family money going round in
 * a circle). Randomness comes from (seed, day, shard) only.
 */
final class HonestEconomy {
  private final WorldParameters params;
  private final Population pop;

  HonestEconomy(WorldParameters params, Population pop) {
    this.params = params;
    this.pop = pop;
  }

  /** Kinds of honest activity and their weights (per generated event; batches count more). */
  private static final String[] KINDS = {
    "retail",
    "p2p",
    "bill",
    "rent",
    "payroll",
    "supplier",
    "remittance",
    "family_circle",
    "crypto_buy",
    "crypto_p2p",
    "crypto_sell",
    "otc",
    "trade",
    "fake_token"
  };

  private static final double[] WEIGHTS = {40, 12, 8, 3, 0.35, 0.5, 7, 0.6, 4, 4, 2, 1.2, 3, 0.15};

  List<Transfer> shard(int day, int shard) {
    Rng r = Rng.of(params.seed(), "honest", day, shard);
    long target = params.honestPerShard(day);
    List<Transfer> out = new ArrayList<>((int) target + 256);
    java.time.DayOfWeek dow = params.date(day).getDayOfWeek();
    boolean weekend = dow.getValue() >= 6;
    double[] w = WEIGHTS.clone();
    if (dow == java.time.DayOfWeek.FRIDAY) {
      w[4] *= 5; // payroll runs on Fridays
    } else if (weekend) {
      w[4] = 0;
      w[5] = 0;
      w[12] *= 0.2;
    }
    double total = 0;
    for (double x : w) {
      total += x;
    }
    long dayStart = params.dayStartMilli(day);
    String prefix = "H" + params.date(day).toString().replace("-", "") + "s" + shard + "n";
    int[] seq = {0};
    this.day = day;
    while (out.size() < target) {
      double x = r.nextDouble() * total;
      int k = 0;
      while (k < w.length - 1 && (x -= w[k]) >= 0) {
        k++;
      }
      long ts = dayStart + Money.timeOfDay(r);
      Emitter e =
          (rail, from, to, amount, ccy, rmt, typ) ->
              out.add(
                  Transfer.honest(prefix + seq[0]++, ts, rail, from, to, amount, ccy, rmt, typ));
      emit(KINDS[k], day, ts, r, e, out, prefix, seq);
    }
    out.sort(Transfer::compareTo);
    return out;
  }

  @FunctionalInterface
  interface Emitter {
    void emit(Rail rail, Party from, Party to, long amount, String ccy, String rmt, String typ);
  }

  private int day;

  private void bank(
      Emitter e, Party from, Party to, double usd, long unit, String rmt, String typ) {
    String ccy = Money.bankCurrency(from, to);
    e.emit(
        Transfer.bankRail(from, to), from, to, Money.minorIn(usd, ccy, day, unit), ccy, rmt, typ);
  }

  private void emit(
      String kind,
      int day,
      long ts,
      Rng r,
      Emitter e,
      List<Transfer> out,
      String prefix,
      int[] seq) {
    switch (kind) {
      case "retail" -> {
        long p = r.skewed(pop.persons, params.personSkew());
        Geo.Country c = pop.residence(p);
        long b =
            pop.business(
                Geo.COUNTRIES.indexOf(c),
                2 + r.skewed(pop.businessesPerCountry(), params.merchantSkew()));
        bank(
            e,
            pop.personAccount(p, r),
            pop.businessAccount(b, 0),
            r.logNormal(35, 1.0),
            0,
            "POS PURCHASE",
            "retail");
      }
      case "p2p" -> {
        long p = r.skewed(pop.persons, params.personSkew());
        long q =
            r.chance(0.5)
                ? p / 4 * 4 + (p + 1 + r.nextInt(3)) % 4
                : pop.personIn(pop.residence(p).code(), r, 1.0);
        q = Math.min(q, pop.persons - 1);
        if (q == p) {
          return;
        }
        Party from = pop.personAccount(p, r);
        bank(
            e,
            from,
            pop.personAccount(q, r),
            r.logNormal(60, 1.1),
            0,
            r.pick(new String[] {"DINNER", "LOAN REPAY", "GIFT", "SHARE", "THANKS"}),
            "p2p");
      }
      case "bill" -> {
        long p = r.skewed(pop.persons, params.personSkew());
        Party from = pop.personAccount(p, 0);
        Geo.Country c = Geo.country(from.country());
        long utility = pop.business(Geo.COUNTRIES.indexOf(c), r.nextInt(2));
        bank(
            e,
            from,
            pop.businessAccount(utility, 0),
            r.logNormal(45, 0.6),
            1,
            "BILL " + r.digits(8),
            "bill");
      }
      case "rent" -> {
        long p = r.skewed(pop.persons, 1.0);
        Party from = pop.personAccount(p, 0);
        Geo.Country c = Geo.country(from.country());
        long landlord = pop.personIn(c.code(), r, 1.0);
        if (landlord == p) {
          return;
        }
        bank(e, from, pop.personAccount(landlord, 0), r.logNormal(500, 0.5), 10, "RENT", "rent");
      }
      case "payroll" -> {
        // decoy: one employer fans out to many employees within minutes
        int ci = r.nextInt(Geo.COUNTRIES.size());
        Geo.Country c = Geo.COUNTRIES.get(ci);
        long b = pop.business(ci, 2 + r.skewed(pop.businessesPerCountry(), 2.0));
        Party from = pop.businessAccount(b, 0);
        int n = (int) Math.min(400, 8 + r.logNormal(25, 0.9));
        double baseSalary = r.logNormal(900, 0.6);
        for (int i = 0; i < n; i++) {
          long p = pop.personIn(c.code(), r, 1.0);
          bank(
              e,
              from,
              pop.personAccount(p, 0),
              baseSalary * r.between(0.7, 1.8),
              10,
              "SALARY",
              "payroll");
        }
      }
      case "supplier" -> {
        // decoy: one business pays many suppliers, some abroad
        int ci = r.nextInt(Geo.COUNTRIES.size());
        long b = pop.business(ci, 2 + r.skewed(pop.businessesPerCountry(), 2.0));
        Party from = pop.businessAccount(b, 0);
        int n = r.between(5, 30);
        for (int i = 0; i < n; i++) {
          int sc = r.chance(0.8) ? ci : Geo.countryIndex(r.pick(new String[] {"CN", "HK", "SG"}));
          long s = pop.business(sc, 2 + r.skewed(pop.businessesPerCountry(), 1.5));
          if (s == b) {
            continue;
          }
          bank(
              e,
              from,
              pop.businessAccount(s, 0),
              r.logNormal(3000, 1.0),
              0,
              "INV " + r.digits(6),
              "supplier");
        }
      }
      case "remittance" -> {
        long p = pop.migrantPerson(r);
        long home = p / 4 * 4 + r.nextInt(3);
        Party from = pop.personAccount(p, 0);
        Party to = pop.personAccount(home, 0);
        bank(e, from, to, r.logNormal(250, 0.6), 10, "FAMILY SUPPORT", "remittance");
      }
      case "family_circle" -> {
        // decoy: money going round a family (A -> B -> C -> A) within hours
        long base = r.skewed(pop.persons / 4, 1.0) * 4;
        int a = r.nextInt(3);
        long[] fam = {base + a, base + (a + 1) % 3, base + (a + 2) % 3};
        Party[] acc = {
          pop.personAccount(fam[0], 0), pop.personAccount(fam[1], 0), pop.personAccount(fam[2], 0)
        };
        double usd = r.logNormal(150, 0.5);
        for (int i = 0; i < 3; i++) {
          String ccy = Money.bankCurrency(acc[i], acc[(i + 1) % 3]);
          long tsi = ts + i * (long) r.between(1, 5) * 3_600_000L;
          out.add(
              Transfer.honest(
                  prefix + seq[0]++,
                  Math.min(tsi, params.dayStartMilli(day) + 86_399_000L),
                  Transfer.bankRail(acc[i], acc[(i + 1) % 3]),
                  acc[i],
                  acc[(i + 1) % 3],
                  Money.minorIn(usd * r.between(0.9, 1.1), ccy, day, 1),
                  ccy,
                  "FAMILY",
                  "family_circle"));
        }
      }
      case "crypto_buy" -> {
        long p = cryptoPerson(r);
        Population.Service x = pop.exchangeOf(p);
        Party from = pop.personAccount(p, 0);
        double usd = r.logNormal(300, 1.0);
        if (from.country().equals(x.country())) {
          bank(e, from, x.bankParty(), usd, 0, "TOPUP " + r.digits(8), "crypto_buy");
        }
        boolean eth = r.chance(0.12);
        e.emit(
            eth ? Rail.ERC20 : Rail.TRC20,
            eth ? x.ethParty() : x.tronParty(),
            eth ? pop.personEthWallet(p) : pop.personWallet(p),
            Money.usdtMicro(usd, day),
            "USDT",
            "",
            "crypto_withdrawal");
      }
      case "crypto_p2p" -> {
        long p = cryptoPerson(r);
        long q = cryptoPerson(r);
        if (p == q) {
          return;
        }
        e.emit(
            Rail.TRC20,
            pop.personWallet(p),
            pop.personWallet(q),
            Money.usdtMicro(r.logNormal(120, 1.2), day),
            "USDT",
            "",
            "crypto_p2p");
      }
      case "crypto_sell" -> {
        long p = cryptoPerson(r);
        Population.Service x = pop.exchangeOf(p);
        double usd = r.logNormal(250, 1.0);
        e.emit(
            Rail.TRC20,
            pop.personWallet(p),
            Party.wallet(x.entityId(), "exchange", "", "tron", pop.depositAddress(x, p)),
            Money.usdtMicro(usd, day),
            "USDT",
            "",
            "crypto_deposit");
        Party to = pop.personAccount(p, 0);
        if (to.country().equals(x.country())) {
          bank(e, x.bankParty(), to, usd * 0.995, 0, "WITHDRAWAL " + r.digits(8), "crypto_sell");
        }
      }
      case "otc" -> {
        // decoy: a busy legitimate OTC desk, fiat in at its Thai bank, USDT out on Tron
        long p = cryptoPerson(r);
        for (int i = 0; i < 30 && !pop.residence(p).code().equals("TH"); i++) {
          p = cryptoPerson(r);
        }
        Party from = pop.personAccount(p, 0);
        double usd = r.logNormal(2000, 1.0);
        Population.Service otc = pop.legitOtc;
        if (from.country().equals("TH")) {
          bank(e, from, otc.bankParty(), usd, 0, "OTC " + r.digits(6), "otc_buy");
        }
        e.emit(
            Rail.TRC20,
            otc.tronParty(),
            pop.personWallet(p),
            Money.usdtMicro(usd * 0.99, day),
            "USDT",
            "",
            "otc_payout");
      }
      case "trade" -> {
        int ci = r.nextInt(Geo.COUNTRIES.size());
        long b = pop.business(ci, 2 + r.skewed(pop.businessesPerCountry(), 2.0));
        int sc = Geo.countryIndex(r.pick(new String[] {"CN", "HK", "SG", "US", "TH", "MY", "VN"}));
        long s = pop.business(sc, 2 + r.skewed(pop.businessesPerCountry(), 2.0));
        if (s == b) {
          return;
        }
        Party from = pop.businessAccount(b, r);
        bank(
            e,
            from,
            pop.businessAccount(s, 0),
            r.logNormal(15000, 1.1),
            0,
            "INVOICE " + r.digits(7) + " GOODS",
            "trade");
      }
      case "fake_token" -> {
        // address-poisoning noise: a look-alike "USDT" token from another contract
        long p = cryptoPerson(r);
        out.add(
            new Transfer(
                prefix + seq[0]++,
                ts,
                Rail.TRC20,
                Party.wallet("F0", "honest", "", "tron", Addresses.tron(r)),
                pop.personWallet(p),
                Money.usdtMicro(r.between(1, 5000), day),
                "USDT",
                "",
                false,
                "fake_token",
                "",
                FAKE_USDT));
      }
      default -> throw new IllegalStateException(kind);
    }
  }

  /** The contract of the look-alike token (a valid Tron address that is not Tether's). */
  static final String FAKE_USDT = Addresses.tron(Rng.of(7, "fake-usdt-contract"));

  private long cryptoPerson(Rng r) {
    long p = r.skewed(pop.persons, 1.4);
    for (int i = 0; i < 40 && !pop.cryptoUser(p); i++) {
      p = r.skewed(pop.persons, 1.4);
    }
    while (!pop.cryptoUser(p)) {
      p = (p + 1) % pop.persons;
    }
    return p;
  }
}
