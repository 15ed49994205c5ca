package io.scamflow.synth;

import java.io.Serializable;
import java.util.List;
import java.util.TreeMap;

/**
 * The honest population, defined procedurally: every attribute of person {@code p} or business
 * {@code b} is a pure function of (seed, index), so any Spark task can draw any party without the
 * population ever being held in memory. Persons come in family blocks of four sharing a home
 * country; some live abroad as migrant workers. Also holds the fixed services: exchanges (VASPs)
 * and OTC desks.
 */
final class Population implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int N_COUNTRIES = Geo.COUNTRIES.size();

  final long seed;

  /** Persons of the population who are scam victims, with their scheme (set by the generator). */
  TreeMap<Long, String> victims = new TreeMap<>();

  final long persons;
  final long businesses;

  /** A VASP or OTC desk: entity id, name, country, bank, Tron hot wallet, Ethereum hot wallet. */
  record Service(
      String entityId,
      String name,
      String role,
      String country,
      String bankAccount,
      Geo.Bank bank,
      String tronHot,
      String ethHot)
      implements Serializable {
    Party bankParty() {
      return Party.bank(
          entityId,
          role,
          "",
          name,
          bank,
          bankAccount,
          bank.country().cities()[0],
          "1 Finance Road");
    }

    Party tronParty() {
      return Party.wallet(entityId, role, "", "tron", tronHot);
    }

    Party ethParty() {
      return Party.wallet(entityId, role, "", "ethereum", ethHot);
    }
  }

  final List<Service> exchanges;
  final Service legitOtc;
  final Service scamOtc;
  final String bridgeAddress;
  final String mixerAddress;

  Population(long seed, long persons, long businesses) {
    this.seed = seed;
    this.persons = persons;
    this.businesses = businesses;
    String[][] vasps = {
      {"SIAMCOIN DIGITAL ASSET EXCHANGE CO., LTD.", "TH"},
      {"LION CITY DIGITAL EXCHANGE PTE. LTD.", "SG"},
      {"HARBOURBIT EXCHANGE LIMITED", "HK"},
      {"NORTHSTAR DIGITAL MARKETS INC.", "US"},
      {"PERLAS CRYPTO EXCHANGE INC.", "PH"},
    };
    java.util.ArrayList<Service> ex = new java.util.ArrayList<>();
    for (int i = 0; i < vasps.length; i++) {
      ex.add(service("X" + i, vasps[i][0], "exchange", vasps[i][1], i));
    }
    this.exchanges = List.copyOf(ex);
    this.legitOtc = service("O0", "MEKONG LIQUIDITY OTC CO., LTD.", "otc", "TH", 10);
    this.scamOtc = service("O1", "TONLE GUARANTEE PAYMENT SERVICES CO., LTD.", "otc", "KH", 11);
    this.bridgeAddress = Addresses.tron(Rng.of(seed, "bridge"));
    this.mixerAddress = Addresses.tron(Rng.of(seed, "mixer"));
  }

  private Service service(String id, String name, String role, String country, int i) {
    Geo.Country c = Geo.country(country);
    Geo.Bank bank = Geo.banksOf(c).get(0);
    Rng r = Rng.of(seed, "service", i);
    return new Service(
        id,
        name,
        role,
        country,
        Geo.accountNumber(bank, Rng.key(seed, "svcacct", i)),
        bank,
        Addresses.tron(r),
        Addresses.ethereum(r));
  }

  // ---- persons -------------------------------------------------------------------------------

  static String personId(long p) {
    return "P" + p;
  }

  Geo.Country homeCountry(long p) {
    return Geo.weightedCountry(Rng.unit(seed, "home", p / 4));
  }

  boolean migrant(long p) {
    return p % 4 == 3 && Rng.unit(seed, "migrant", p) < 0.5;
  }

  Geo.Country residence(long p) {
    if (migrant(p)) {
      return Geo.country(Geo.WORK_COUNTRIES.get((int) (Rng.unit(seed, "work", p) * 7)));
    }
    return homeCountry(p);
  }

  Names.Name name(long p) {
    return Names.person(homeCountry(p).code(), Rng.of(seed, "pname", p));
  }

  int accountCount(long p) {
    double u = Rng.unit(seed, "nacct", p);
    return u < 0.65 ? 1 : u < 0.9 ? 2 : 3;
  }

  boolean cryptoUser(long p) {
    return Rng.unit(seed, "crypto", p) < 0.15;
  }

  Geo.Bank accountBank(long p, int j) {
    Geo.Country c = residence(p);
    if (j > 0 && Rng.unit(seed, "acctctry", p, j) < 0.2) {
      c = homeCountry(p);
    }
    List<Geo.Bank> banks = Geo.banksOf(c);
    return banks.get((int) ((Rng.key(seed, "bank", p) >>> 1) % banks.size() + j) % banks.size());
  }

  /** Account j of person p, with the holder name as that bank wrote it. */
  Party personAccount(long p, int j) {
    Geo.Bank bank = accountBank(p, j);
    String ctry = homeCountry(p).code();
    Rng r = Rng.of(seed, "pvariant", p, j);
    String name = Names.variant(name(p), ctry, r, j == 0 ? 0 : 1 + r.nextInt(2));
    String scheme = victims.getOrDefault(p, "");
    return Party.bank(
        personId(p),
        scheme.isEmpty() ? "honest" : "victim",
        scheme,
        name,
        bank,
        Geo.accountNumber(bank, Rng.key(seed, "pacct", p, j)),
        bank.country().cities()[(int) (p % bank.country().cities().length)],
        (10 + p % 290) + " " + street(p));
  }

  Party personAccount(long p, Rng r) {
    return personAccount(p, r.nextInt(accountCount(p)));
  }

  Party personWallet(long p) {
    String scheme = victims.getOrDefault(p, "");
    return Party.wallet(
        personId(p),
        scheme.isEmpty() ? "honest" : "victim",
        scheme,
        "tron",
        Addresses.tron(Rng.of(seed, "pwallet", p)));
  }

  Party personEthWallet(long p) {
    String scheme = victims.getOrDefault(p, "");
    return Party.wallet(
        personId(p),
        scheme.isEmpty() ? "honest" : "victim",
        scheme,
        "ethereum",
        Addresses.ethereum(Rng.of(seed, "pethwallet", p)));
  }

  Service exchangeOf(long p) {
    String ctry = residence(p).code();
    for (Service s : exchanges) {
      if (s.country().equals(ctry)) {
        return s;
      }
    }
    return exchanges.get((int) (p % exchanges.size()));
  }

  /** The deposit address exchange {@code s} assigned to its customer, person p. */
  String depositAddress(Service s, long p) {
    return Addresses.tron(Rng.of(seed, "deposit", s.entityId().hashCode(), p));
  }

  String street(long p) {
    String[] streets = {
      "Sukhumvit Rd",
      "Main St",
      "Market St",
      "Station Rd",
      "Moo 4",
      "Lane 7",
      "Jalan Ampang",
      "Nguyen Hue",
      "Bogyoke Rd",
      "Preah Sihanouk Blvd"
    };
    return streets[(int) (Rng.key(seed, "street", p) >>> 60) % streets.length];
  }

  /** A person with the given residence country (rejection sampling; any person after 60 tries). */
  long personIn(String country, Rng r, double skew) {
    long p = r.skewed(persons, skew);
    for (int i = 0; i < 60 && !residence(p).code().equals(country); i++) {
      p = r.skewed(persons, skew);
    }
    return p;
  }

  long migrantPerson(Rng r) {
    long p = r.skewed(persons, 1.3) / 4 * 4 + 3;
    for (int i = 0; i < 30 && (p >= persons || !migrant(p)); i++) {
      p = r.skewed(persons, 1.3) / 4 * 4 + 3;
    }
    return Math.min(p, persons - 1);
  }

  String dob(long p) {
    Rng r = Rng.of(seed, "dob", p);
    return String.format(
        "%04d-%02d-%02d", 1950 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28));
  }

  String idDocument(long p) {
    return homeCountry(p).code() + Rng.of(seed, "iddoc", p).digits(9);
  }

  String phone(long p) {
    return residence(p).phone() + Rng.of(seed, "phone", p).digits(9);
  }

  String email(long p) {
    Names.Name n = name(p);
    return (n.given().split(" ")[0]
                + "."
                + (n.family().isEmpty() ? "mm" : n.family().split(" ")[0]))
            .toLowerCase(java.util.Locale.ROOT)
        + (p % 1000)
        + "@mail.example";
  }

  // ---- businesses ----------------------------------------------------------------------------

  static String businessId(long b) {
    return "B" + b;
  }

  Geo.Country businessCountry(long b) {
    return Geo.COUNTRIES.get((int) (b % N_COUNTRIES));
  }

  /** The business of country {@code c} with popularity rank k (0 = most popular). */
  long business(int countryIndex, long rank) {
    long perCountry = Math.max(1, businesses / N_COUNTRIES);
    return countryIndex + (long) N_COUNTRIES * Math.min(rank, perCountry - 1);
  }

  long businessesPerCountry() {
    return Math.max(1, businesses / N_COUNTRIES);
  }

  String businessName(long b) {
    return Names.company(businessCountry(b).code(), Rng.of(seed, "bname", b));
  }

  Party businessAccount(long b, int j) {
    Geo.Country c = businessCountry(b);
    List<Geo.Bank> banks = Geo.banksOf(c);
    Geo.Bank bank = banks.get((int) ((b / N_COUNTRIES + j) % banks.size()));
    String name = businessName(b);
    if (j > 0) {
      name = Names.companyVariant(name, c.code(), Rng.of(seed, "bvariant", b, j));
    }
    return Party.bank(
        businessId(b),
        "honest",
        "",
        name,
        bank,
        Geo.accountNumber(bank, Rng.key(seed, "bacct", b, j)),
        c.cities()[0],
        (1 + b % 99) + " Industrial Estate");
  }

  int businessAccountCount(long b) {
    return Rng.unit(seed, "bnacct", b) < 0.3 ? 2 : 1;
  }

  Party businessAccount(long b, Rng r) {
    return businessAccount(b, r.nextInt(businessAccountCount(b)));
  }
}
