package io.scamflow.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scam operations, built on the driver: compounds with bosses, front companies and armed
 * groups; mule farms with shared phones, addresses and ID documents; pig-butchering victims; and
 * every labelled laundering typology from victim payment to the designated end wallet. Its size
 * depends on the operation count, never on the honest scale.
 */
final class ScamWorld implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every typology the generator labels (victim-side first, then bank, then chain). */
  static final List<String> TYPOLOGIES =
      List.of(
          "victim_payment",
          "fake_return",
          "fan_in",
          "rapid_pass_through",
          "fan_out",
          "structuring",
          "cycle",
          "scatter_gather",
          "gather_scatter",
          "bipartite_layers",
          "vasp_cashout",
          "chain_deposit",
          "consolidation",
          "peel_chain",
          "otc_desk",
          "designated_wallet",
          "eth_hop");

  /** A KYC link held by an exchange: customer, bank account and deposit address. */
  record KycLink(
      String vasp,
      String customerId,
      String name,
      Entity person,
      Party bankAccount,
      String depositAddress,
      String chain,
      String linkedFrom)
      implements Serializable {}

  final List<Transfer> transfers = new ArrayList<>();
  final List<Entity> entities = new ArrayList<>();

  /** Every scam-side account and address (mules, controllers, designated wallets, victims). */
  final Map<String, Party> accounts = new TreeMap<>();

  final List<KycLink> kyc = new ArrayList<>();
  final List<Designation> designations = new ArrayList<>();

  /** Victim person index -> scheme id (victims are persons of the honest population). */
  final TreeMap<Long, String> victims = new TreeMap<>();

  private final transient WorldParameters params;
  private final transient Population pop;
  private transient Rng r;
  private transient String scheme;
  private transient long clock;

  /**
   * Speed of the laundering schedule: 1 when the whole schedule fits between its start and the
   * world's last second, less (every gap and offset shortened by the same factor) when it does not,
   * so that a short world holds every hop, in order, instead of stacking them on its end.
   */
  private transient double pace;

  private transient int seq;
  private transient List<Party> muleAccounts;
  private transient List<Entity> mules;
  private transient int muleCursor;
  private transient int op;
  private transient int kycSeq;
  private transient TreeSet<Long> usedVictims;

  private ScamWorld(WorldParameters params, Population pop) {
    this.params = params;
    this.pop = pop;
  }

  static ScamWorld build(WorldParameters params, Population pop) {
    ScamWorld w = new ScamWorld(params, pop);
    w.usedVictims = new TreeSet<>();
    for (int k = 0; k < params.operations(); k++) {
      w.operation(k);
    }
    Sanctions.background(w, params);
    w.transfers.sort(Transfer::compareTo);
    return w;
  }

  private long end() {
    return params.dayStartMilli(params.days()) - 1000;
  }

  private int dayOf(long ts) {
    return (int) ((ts - params.dayStartMilli(0)) / 86_400_000L);
  }

  /**
   * Hours from the laundering clock's start to its last transfer when every gap of {@link
   * #operation} takes its longest draw: the sum of the upper bounds of its {@code later} calls (3 +
   * 3 + 3 + 6 + 5 + 3 x 6 + 4 + 5 + 5 + 3 + 4 + 4 + 6 + 6 + 4 + 3 + 3 + 6 + 4 = 96), the peel
   * chain's four gaps of at most 3 h (12) and the last Ethereum hop's 1.5 h. Keep in step with the
   * schedule (TestSynthTruth checks that every hop is inside the world).
   */
  static final double LAUNDERING_MAX_HOURS = 95 + 12 + 1.5;

  private void add(
      Rail rail,
      Party from,
      Party to,
      long amount,
      String ccy,
      String rmt,
      String typology,
      long ts) {
    String token =
        rail == Rail.TRC20 ? Transfer.USDT_TRON : rail == Rail.ERC20 ? Transfer.USDT_ETH : "";
    if (ts > end()) {
      throw new IllegalStateException(
          scheme + " schedules a " + typology + " transfer after the world's last second");
    }
    transfers.add(
        new Transfer(
            scheme + "t" + (seq++),
            ts,
            rail,
            from,
            to,
            amount,
            ccy,
            rmt,
            true,
            typology,
            scheme,
            token));
  }

  /** A bank transfer of about {@code usd} at time ts (currency by the usual rule). */
  private void bank(Party from, Party to, double usd, String rmt, String typology, long ts) {
    String ccy = Money.bankCurrency(from, to);
    long t = ts;
    add(
        Transfer.bankRail(from, to),
        from,
        to,
        Money.minorIn(usd, ccy, dayOf(t), 0),
        ccy,
        rmt,
        typology,
        t);
  }

  private void chain(Party from, Party to, double usd, String typology, long ts) {
    long t = ts;
    add(
        from.chain().equals("ethereum") ? Rail.ERC20 : Rail.TRC20,
        from,
        to,
        Money.usdtMicro(usd, dayOf(t)),
        "USDT",
        "",
        typology,
        t);
  }

  private long later(double minHours, double maxHours) {
    clock += gap((long) (r.between(minHours, maxHours) * 3_600_000L));
    return clock;
  }

  /** A gap of the laundering schedule at its pace, in whole seconds. */
  private long gap(long millis) {
    return (long) (millis * pace) / 1000 * 1000;
  }

  // ---- entities ------------------------------------------------------------------------------

  private Entity person(String id, String country, String nationality, String role) {
    Names.Name n = Names.person(nationality, r);
    Geo.Country c = Geo.country(country);
    int year = 1965 + r.nextInt(38);
    String dob = String.format("%04d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
    String doc = (nationality.equals("CN") ? "E" : nationality.substring(0, 1)) + r.digits(8);
    Entity e =
        new Entity(
            id,
            "person",
            Names.canonical(n, nationality),
            n,
            country,
            nationality,
            dob,
            doc,
            c.phone() + r.digits(9),
            n.given().toLowerCase().replace(" ", "") + r.digits(3) + "@mail.example",
            (1 + r.nextInt(300))
                + " "
                + r.pick(
                    new String[] {
                      "Moo 3", "Condo Tower B", "KK Park Rd", "Shwe Kokko St", "Street 230"
                    }),
            c.cities()[r.nextInt(c.cities().length)],
            role,
            scheme);
    entities.add(e);
    return e;
  }

  private Entity company(String id, String name, String country, String role) {
    Geo.Country c = Geo.country(country);
    Entity e =
        new Entity(
            id,
            "company",
            name,
            null,
            country,
            country,
            "",
            "REG" + r.digits(9),
            c.phone() + r.digits(8),
            "info@" + name.split(" ")[0].toLowerCase() + ".example",
            (1 + r.nextInt(99)) + " Riverside Blvd",
            c.cities()[0],
            role,
            scheme);
    entities.add(e);
    return e;
  }

  private Party account(Entity e, String name, Geo.Bank bank, String role) {
    Party p =
        Party.bank(
            e.id(),
            role,
            scheme,
            name,
            bank,
            Geo.accountNumber(bank, r.nextLong()),
            e.city(),
            e.street());
    accounts.put(p.key(), p);
    return p;
  }

  private Party wallet(Entity e, String chain, String role) {
    String addr = chain.equals("tron") ? Addresses.tron(r) : Addresses.ethereum(r);
    Party p = Party.wallet(e == null ? scheme + "-wallets" : e.id(), role, scheme, chain, addr);
    accounts.put(p.key(), p);
    return p;
  }

  /** A new mule of the farm, with 1-3 accounts at different banks under name variants. */
  private void recruitMule() {
    int i = mules.size();
    String ctry = r.pick(Geo.MULE_COUNTRIES);
    Entity m = person(scheme + "-M" + i, ctry, ctry, "mule");
    // mule farms share phones, addresses and ID documents
    if (i > 0 && r.chance(0.5)) {
      Entity first = mules.get(r.nextInt(i));
      m =
          new Entity(
              m.id(),
              m.kind(),
              m.canonical(),
              m.name(),
              m.country(),
              m.nationality(),
              m.dob(),
              r.chance(0.3) ? first.idDocument() : m.idDocument(),
              r.chance(0.7) ? first.phone() : m.phone(),
              m.email(),
              first.street(),
              first.city(),
              m.role(),
              m.schemeId());
      entities.set(entities.size() - 1, m);
    }
    mules.add(m);
    int n = 1 + r.nextInt(3);
    List<Geo.Bank> banks = new ArrayList<>(Geo.banksOf(Geo.country(ctry)));
    if (n == 3) {
      banks.addAll(Geo.banksOf(Geo.country(r.pick(Geo.MULE_COUNTRIES))));
    }
    for (int j = 0; j < n; j++) {
      Geo.Bank bank = banks.get((j + i) % banks.size());
      String name = Names.variant(m.name(), ctry, r, j == 0 ? 0 : 1 + r.nextInt(2));
      muleAccounts.add(account(m, name, bank, "mule"));
    }
  }

  private Party mule() {
    while (muleCursor >= muleAccounts.size()) {
      recruitMule();
    }
    return muleAccounts.get(muleCursor++);
  }

  // ---- one operation -------------------------------------------------------------------------

  private void operation(int k) {
    op = k;
    scheme = String.format("S%02d", k + 1);
    seq = 0;
    r = Rng.of(params.seed(), "operation", k);
    muleAccounts = new ArrayList<>();
    mules = new ArrayList<>();
    muleCursor = 0;
    String compound = Geo.COMPOUND_COUNTRIES.get(k % 3);
    entities.add(
        new Entity(
            scheme + "-wallets",
            "wallets",
            "unattributed wallets of " + scheme,
            null,
            compound,
            compound,
            "",
            "",
            "",
            "",
            "",
            "",
            "mule",
            scheme));

    Entity boss = person(scheme + "-C0", compound, "CN", "controller");
    String group =
        r.pick(new String[] {"Golden", "Jade", "Lotus", "Imperial", "Crown", "Silver"})
            + " "
            + r.pick(new String[] {"Horizon", "Dragon", "Pearl", "Phoenix", "Orchid"})
            + " Holdings Group Co., Ltd.";
    Entity front = company(scheme + "-F0", group, "KH", "controller");
    Entity militia =
        k % 3 == 0
            ? company(
                scheme + "-A0",
                r.pick(new String[] {"Dawna Range", "Moei River", "Salween Hills"})
                    + " Border Guard Force",
                "MM",
                "controller")
            : null;
    Party frontAccount =
        account(
            front,
            Names.companyVariant(group, "KH", r),
            Geo.banksOf(Geo.country("KH")).get(k % 2),
            "controller");
    Party bossWallet = wallet(boss, "tron", "controller");
    Party endWallet = wallet(front, "tron", "controller");
    Party endEth = wallet(boss, "ethereum", "controller");
    Party depositAddr1 = wallet(null, "tron", "mule");
    Party depositAddr2 = wallet(null, "tron", "mule");

    // designations: op 1 from day 0, op 2 only from the later publication, others partly
    int listDay = k == 1 && params.laterListDay() > 0 ? params.laterListDay() : 0;
    boolean designated = k < 2 || k % 3 == 2;
    if (designated) {
      designate(boss, listDay, "TCO", List.of(bossWallet, endEth, endWallet), List.of(front), true);
      designate(front, listDay, "TCO", List.of(endWallet, depositAddr1), List.of(boss), false);
      if (militia != null) {
        designate(
            militia,
            0,
            "SDGT",
            List.of(wallet(militia, "tron", "controller")),
            List.of(boss, front),
            true);
      }
      for (Party p : List.of(bossWallet, endWallet, endEth, depositAddr1)) {
        accounts.put(p.key(), p.withRole("designated", scheme));
      }
      accounts.put(frontAccount.key(), frontAccount.withRole("designated", scheme));
      frontAccount = frontAccount.withRole("designated", scheme);
      bossWallet = bossWallet.withRole("designated", scheme);
      endWallet = endWallet.withRole("designated", scheme);
      endEth = endEth.withRole("designated", scheme);
      depositAddr1 = depositAddr1.withRole("designated", scheme);
    }

    // ---- victims: new payee, small first payment, fake returns, escalation ----
    int nCollect = 4;
    List<Party> collect = new ArrayList<>();
    for (int i = 0; i < nCollect; i++) {
      collect.add(mule());
    }
    Party returns = mule();
    double[] collected = new double[nCollect];
    double chainCollected = 0;
    long day0 = params.dayStartMilli(0);
    for (int v = 0; v < params.victimsPerOperation(); v++) {
      String ctry = r.pick(Geo.VICTIM_COUNTRIES);
      long p = pop.personIn(ctry, r, 1.0);
      if (!usedVictims.add(p)) {
        continue;
      }
      victims.put(p, scheme);
      Party acct = pop.personAccount(p, 0).withRole("victim", scheme);
      accounts.put(acct.key(), acct);
      boolean crypto = r.chance(0.3);
      Party vWallet = pop.personWallet(p).withRole("victim", scheme);
      if (crypto) {
        accounts.put(vWallet.key(), vWallet);
      }
      Population.Service x = pop.exchangeOf(p);
      int c = v % nCollect;
      long t = day0 + r.nextInt(Math.min(2, params.days())) * 86_400_000L + Money.timeOfDay(r);
      double usd = r.between(100, 500);
      double gapHours = r.between(30, 48);
      boolean savings = r.chance(0.3);
      // the crypto legs follow the bank leg by up to 30 minutes: all of them inside the world
      for (int i = 0; i < 8 && t + (crypto ? 1_800_000L : 0) <= end(); i++) {
        if (crypto) {
          bank(acct, x.bankParty(), usd, "TOPUP " + r.digits(8), "victim_payment", t);
          chain(x.tronParty(), vWallet, usd * 0.995, "victim_payment", t + 600_000L);
          chain(
              vWallet,
              i % 2 == 0 ? depositAddr1 : depositAddr2,
              usd * 0.99,
              "chain_deposit",
              t + 1_800_000L);
          chainCollected += usd;
        } else {
          bank(
              acct,
              collect.get(c),
              usd,
              r.pick(
                  new String[] {
                    "INVESTMENT",
                    "TRADING ACCOUNT TOPUP",
                    "DEPOSIT",
                    "PLATFORM FEE",
                    "TAX ON PROFIT"
                  }),
              "victim_payment",
              t);
          collected[c] += usd;
        }
        if (i == 0 || (i == 2 && r.chance(0.5))) {
          // small fake "returns" build trust (none when it would fall after the world)
          double share = r.between(0.1, 0.3);
          long back = t + (long) (r.between(6, 20) * 3_600_000L);
          if (back <= end()) {
            bank(returns, acct, usd * share, "PROFIT WITHDRAWAL", "fake_return", back);
          }
        }
        t += (long) (gapHours * 3_600_000L);
        gapHours = Math.max(4, gapHours * r.between(0.45, 0.75));
        usd *= r.between(1.5, 2.5);
        if (savings && i == 3) {
          usd *= 4; // liquidated savings
        }
      }
    }

    // ---- laundering: bank layers ----
    // operations start 17 minutes apart, wrapping within the first half of what the world has left
    long launder = params.dayStartMilli(Math.min(1, params.days() - 1)) + 4 * 3_600_000L;
    clock = launder + (k * 1_020_000L) % ((end() - launder) / 2);
    pace = Math.min(1.0, (end() - clock) / (LAUNDERING_MAX_HOURS * 3_600_000L));
    double total = 0;
    for (double x : collected) {
      total += x;
    }
    total = Math.max(total, 20_000);
    Party agg = mule();
    long t = later(1, 3);
    for (int i = 0; i < nCollect; i++) {
      bank(
          collect.get(i),
          agg,
          Math.max(collected[i], total / nCollect) * 0.97,
          "TRANSFER",
          "fan_in",
          t + gap(i * 600_000L));
    }
    double amt = total * 0.97;
    Party p1 = mule();
    Party p2 = mule();
    bank(agg, p1, amt * r.between(0.98, 0.995), "PAYMENT", "rapid_pass_through", later(1, 3));
    amt *= 0.99;
    bank(p1, p2, amt * r.between(0.98, 0.995), "PAYMENT", "rapid_pass_through", later(1, 3));
    amt *= 0.99;
    List<Party> layer = new ArrayList<>();
    t = later(2, 6);
    for (int i = 0; i < 5; i++) {
      Party l = mule();
      layer.add(l);
      bank(p2, l, amt / 5 * r.between(0.9, 1.1), "SERVICE FEE", "fan_out", t + gap(i * 420_000L));
    }
    // structuring just below the reporting threshold of the sender's country
    Party l0 = layer.get(0);
    Party s0 = mule();
    Geo.Country sc = Geo.country(l0.country());
    Party s0Domestic = s0.country().equals(l0.country()) ? s0 : sameCountryMule(l0.country(), s0);
    t = later(2, 5);
    for (int i = 0; i < r.between(4, 6); i++) {
      double local = sc.threshold() * r.between(0.90, 0.99);
      double usd = local * Money.usdPerUnit(sc.currency(), dayOf(t));
      long minor = Money.minorIn(usd, sc.currency(), dayOf(t), 0);
      long cap = (long) (sc.threshold() * 100) - 100;
      add(
          Rail.AMLWORLD,
          l0,
          s0Domestic,
          Math.min(minor, cap),
          sc.currency(),
          "",
          "structuring",
          t + gap(i * 1_500_000L));
    }
    // cycle
    Party y1 = mule();
    Party y2 = mule();
    Party l1 = layer.get(1);
    double c1 = amt / 5 * 0.9;
    bank(l1, y1, c1, "LOAN", "cycle", later(2, 6));
    bank(y1, y2, c1 * 0.98, "LOAN", "cycle", later(2, 6));
    bank(y2, l1, c1 * 0.96, "LOAN REPAY", "cycle", later(2, 6));
    // scatter-gather
    Party sink = mule();
    double sg = amt / 5 * 0.9;
    t = later(1, 4);
    for (int i = 0; i < 4; i++) {
      Party mid = mule();
      bank(layer.get(2), mid, sg / 4, "GOODS", "scatter_gather", t + gap(i * 300_000L));
      bank(mid, sink, sg / 4 * 0.98, "GOODS", "scatter_gather", t + gap(7_200_000L + i * 600_000L));
    }
    // gather-scatter through a hub; one destination is the front company
    Party hub = mule();
    t = later(2, 5);
    List<Party> gsSources = List.of(layer.get(3), mule(), mule(), mule());
    for (int i = 0; i < gsSources.size(); i++) {
      bank(gsSources.get(i), hub, amt / 8, "CONSULTING", "gather_scatter", t + gap(i * 900_000L));
    }
    List<Party> gsDest = new ArrayList<>(List.of(mule(), mule(), mule(), frontAccount));
    t = later(2, 5);
    for (int i = 0; i < gsDest.size(); i++) {
      bank(
          hub,
          gsDest.get(i),
          amt / 8 * 0.97,
          "CONSULTING",
          "gather_scatter",
          t + gap(i * 900_000L));
    }
    // stacked bipartite layers A(3) -> B(3) -> C(2)
    List<Party> la = List.of(mule(), mule(), mule());
    List<Party> lb = List.of(mule(), mule(), mule());
    List<Party> lc = List.of(mule(), mule());
    t = later(1, 3);
    for (int i = 0; i < la.size(); i++) {
      bank(
          layer.get(4), la.get(i), amt / 15, "TRANSFER", "bipartite_layers", t + gap(i * 300_000L));
    }
    t = later(2, 4);
    for (Party a : la) {
      for (Party b : lb) {
        bank(a, b, amt / 45, "TRANSFER", "bipartite_layers", t);
        t += gap(240_000L);
      }
    }
    t = later(2, 4);
    for (Party b : lb) {
      for (Party c : lc) {
        bank(b, c, amt / 30, "TRANSFER", "bipartite_layers", t);
        t += gap(240_000L);
      }
    }

    // ---- cash-out to exchanges, then on-chain hops ----
    List<Party> cashers = List.of(sink, gsDest.get(0), lc.get(0), lc.get(1));
    List<Party> muleWallets = new ArrayList<>();
    t = later(2, 6);
    for (int i = 0; i < cashers.size(); i++) {
      Party m = cashers.get(i);
      Population.Service x = exchangeFor(m.country());
      double usd = amt / 10;
      bank(m, x.bankParty(), usd, "TOPUP " + r.digits(8), "vasp_cashout", t + gap(i * 1_200_000L));
      Party w = wallet(entityOf(m), "tron", "mule");
      muleWallets.add(w);
      chain(x.tronParty(), w, usd * 0.99, "vasp_cashout", t + gap(i * 1_200_000L + 1_800_000L));
      kycLink(x, m, pop.depositAddress(x, 1_000_000_000L + op * 100L + i));
    }
    // consolidation of mule wallets and victim deposit addresses
    Party consol = wallet(null, "tron", "mule");
    t = later(3, 6);
    double chainTotal = 0;
    for (int i = 0; i < muleWallets.size(); i++) {
      chain(muleWallets.get(i), consol, amt / 10 * 0.985, "consolidation", t + gap(i * 600_000L));
      chainTotal += amt / 10 * 0.985;
    }
    chain(
        depositAddr1,
        consol,
        Math.max(100, chainCollected / 2),
        "consolidation",
        t + gap(3_000_000L));
    chain(
        depositAddr2,
        consol,
        Math.max(100, chainCollected / 2),
        "consolidation",
        t + gap(3_600_000L));
    chainTotal += Math.max(200, chainCollected);
    // peel chain: each hop peels a little to an exchange deposit address of a mule
    Party hop = consol;
    double left = chainTotal * 0.99;
    t = later(2, 4);
    for (int i = 0; i < 4; i++) {
      Party next = wallet(null, "tron", "mule");
      double peel = left * r.between(0.03, 0.08);
      Population.Service x = pop.exchanges.get(i % pop.exchanges.size());
      String dep = pop.depositAddress(x, 2_000_000_000L + op * 100L + i);
      Party peelTo = Party.wallet(x.entityId(), "exchange", "", "tron", dep);
      chain(hop, peelTo, peel, "peel_chain", t);
      chain(hop, next, left - peel, "peel_chain", t + gap(60_000L));
      Party owner = cashers.get(i % cashers.size());
      kycLink(x, owner, dep);
      left -= peel;
      hop = next;
      t += gap((long) (r.between(0.5, 3) * 3_600_000L));
    }
    // the OTC desk is paid after the last peel, not counted from the chain's start
    clock = t;
    // OTC desk, then the designated end wallet
    chain(hop, pop.scamOtc.tronParty(), left * 0.995, "otc_desk", later(1, 3));
    chain(pop.scamOtc.tronParty(), endWallet, left * 0.97, "designated_wallet", later(1, 3));
    chain(endWallet, bossWallet, left * 0.5, "designated_wallet", later(2, 6));
    // some of it via Ethereum
    Party ethCasher = lc.get(0);
    Population.Service ex = exchangeFor(ethCasher.country());
    Party ethW = wallet(entityOf(ethCasher), "ethereum", "mule");
    Party ethHop = wallet(null, "ethereum", "mule");
    t = later(1, 4);
    chain(ex.ethParty(), ethW, amt / 40, "eth_hop", t);
    chain(ethW, ethHop, amt / 40 * 0.99, "eth_hop", t + gap(1_800_000L));
    chain(ethHop, endEth, amt / 40 * 0.98, "eth_hop", t + gap(5_400_000L));
  }

  private Party sameCountryMule(String country, Party fallback) {
    for (int i = 0; i < 6; i++) {
      Party m = mule();
      if (m.country().equals(country)) {
        return m;
      }
    }
    // open an account for the fallback mule at a bank of the sender's country
    Entity e = entityOf(fallback);
    return account(
        e,
        Names.variant(e.name(), e.nationality(), r, 1),
        Geo.banksOf(Geo.country(country)).get(0),
        "mule");
  }

  private Entity entityOf(Party p) {
    for (Entity e : entities) {
      if (e.id().equals(p.entityId())) {
        return e;
      }
    }
    throw new IllegalStateException("no entity " + p.entityId());
  }

  private Population.Service exchangeFor(String country) {
    for (Population.Service s : pop.exchanges) {
      if (s.country().equals(country)) {
        return s;
      }
    }
    return pop.exchanges.get(1); // Singapore takes the rest
  }

  private void kycLink(Population.Service x, Party bankAccount, String deposit) {
    Entity e = entityOf(bankAccount);
    String name = Names.variant(e.name(), e.nationality(), r, r.nextInt(2));
    String customer = x.entityId() + "-C" + (900_000 + op * 100 + kycSeq++);
    String from = params.start().minusDays(10 + r.nextInt(80)).toString();
    kyc.add(new KycLink(x.name(), customer, name, e, bankAccount, deposit, "tron", from));
    Party dep = Party.wallet(x.entityId(), "exchange", "", "tron", deposit);
    accounts.put(dep.key(), dep);
  }

  private void designate(
      Entity e, int day, String program, List<Party> wallets, List<Entity> links, boolean un) {
    List<String[]> ws = new ArrayList<>();
    for (Party w : wallets) {
      ws.add(new String[] {w.chain().equals("tron") ? "USDT" : "ETH", w.address()});
    }
    List<String> aliases = new ArrayList<>();
    if (e.name() != null) {
      aliases.add(Names.variant(e.name(), e.nationality(), r, 1));
      aliases.add(Names.variant(e.name(), e.nationality(), r, 2));
    } else {
      aliases.add(Names.companyVariant(e.canonical(), e.country(), r));
    }
    List<String> linked = new ArrayList<>();
    for (Entity l : links) {
      linked.add(l.canonical());
    }
    int n = designations.size();
    designations.add(
        new Designation(
            e,
            day,
            program,
            aliases,
            ws,
            linked,
            45_000 + n,
            un,
            7_100_000 + n,
            (e.kind().equals("person") ? "SCi." : "SCe.") + String.format("%03d", n)));
    for (Party w : wallets) {
      accounts.put(w.key(), w.withRole("designated", scheme));
    }
  }
}
