package io.scamflow.synth;

import java.util.List;

/** Countries, currencies, banks and reporting thresholds of the synthetic world (all invented). */
final class Geo {
  private Geo() {}

  /**
   * A country: ISO code, name, currency, the currency as the AMLworld CSV names it, population
   * weight, USD per unit on day 0, whether it has zero-decimal amounts, the reporting threshold in
   * local currency below which structuring stays, cities, phone prefix.
   */
  record Country(
      String code,
      String name,
      String currency,
      String amlName,
      double weight,
      double usdPerUnit,
      boolean wholeUnits,
      double threshold,
      String[] cities,
      String phone)
      implements java.io.Serializable {}

  /** A bank: 8-character BIC, name, country, whether it sends MT103 rather than pacs.008. */
  record Bank(String bic, String name, Country country, boolean mt103)
      implements java.io.Serializable {}

  static final List<Country> COUNTRIES =
      List.of(
          new Country(
              "TH",
              "Thailand",
              "THB",
              "THB",
              14,
              0.0290,
              false,
              2_000_000,
              new String[] {"Bangkok", "Chiang Mai", "Mae Sot", "Pattaya", "Khon Kaen"},
              "+66"),
          new Country(
              "MM",
              "Myanmar",
              "MMK",
              "MMK",
              8,
              0.000476,
              true,
              100_000_000,
              new String[] {"Yangon", "Mandalay", "Myawaddy", "Tachileik"},
              "+95"),
          new Country(
              "KH",
              "Cambodia",
              "KHR",
              "KHR",
              5,
              0.000247,
              true,
              40_000_000,
              new String[] {"Phnom Penh", "Sihanoukville", "Bavet", "Siem Reap"},
              "+855"),
          new Country(
              "LA",
              "Laos",
              "LAK",
              "LAK",
              3,
              0.0000465,
              true,
              200_000_000,
              new String[] {"Vientiane", "Luang Prabang", "Bokeo", "Ton Pheung"},
              "+856"),
          new Country(
              "MY",
              "Malaysia",
              "MYR",
              "MYR",
              9,
              0.213,
              false,
              25_000,
              new String[] {"Kuala Lumpur", "Penang", "Johor Bahru"},
              "+60"),
          new Country(
              "SG",
              "Singapore",
              "SGD",
              "SGD",
              5,
              0.745,
              false,
              20_000,
              new String[] {"Singapore"},
              "+65"),
          new Country(
              "VN",
              "Viet Nam",
              "VND",
              "VND",
              10,
              0.0000394,
              true,
              400_000_000,
              new String[] {"Ho Chi Minh City", "Ha Noi", "Da Nang"},
              "+84"),
          new Country(
              "PH",
              "Philippines",
              "PHP",
              "PHP",
              9,
              0.0172,
              false,
              500_000,
              new String[] {"Manila", "Cebu", "Pampanga"},
              "+63"),
          new Country(
              "CN",
              "China",
              "CNY",
              "Yuan",
              12,
              0.138,
              false,
              50_000,
              new String[] {"Shanghai", "Kunming", "Guangzhou", "Shenzhen"},
              "+86"),
          new Country(
              "HK",
              "Hong Kong",
              "HKD",
              "HKD",
              6,
              0.128,
              false,
              120_000,
              new String[] {"Hong Kong"},
              "+852"),
          new Country(
              "US",
              "United States",
              "USD",
              "US Dollar",
              9,
              1.0,
              false,
              10_000,
              new String[] {"New York", "San Francisco", "Houston", "Seattle"},
              "+1"),
          new Country(
              "GB",
              "United Kingdom",
              "GBP",
              "UK Pound",
              5,
              1.27,
              false,
              10_000,
              new String[] {"London", "Manchester", "Leeds"},
              "+44"),
          new Country(
              "AU",
              "Australia",
              "AUD",
              "Australian Dollar",
              5,
              0.655,
              false,
              10_000,
              new String[] {"Sydney", "Melbourne", "Perth"},
              "+61"));

  static final String[] CRYPTO_CURRENCIES = {"USDT"};

  /** Where the honest economy's migrant workers earn, and where their families live. */
  static final List<String> WORK_COUNTRIES = List.of("SG", "MY", "TH", "HK", "US", "GB", "AU");

  static final List<String> HOME_COUNTRIES = List.of("MM", "PH", "VN", "LA", "KH", "TH", "CN");

  /** Where pig-butchering victims live (worldwide, richer economies first). */
  static final List<String> VICTIM_COUNTRIES =
      List.of("US", "US", "US", "GB", "AU", "SG", "HK", "CN", "MY", "TH");

  /** Where mule accounts are opened (next to the compounds and in regional hubs). */
  static final List<String> MULE_COUNTRIES =
      List.of("TH", "TH", "KH", "MY", "MM", "PH", "VN", "HK", "LA");

  static final List<String> COMPOUND_COUNTRIES = List.of("MM", "KH", "LA");

  private static final String[][] BANK_NAMES = {
    {"TH", "SIAM RIVER BANK", "SRBK", "1"},
    {"TH", "KRUNG THONBURI BANK", "KTHB", "0"},
    {"TH", "ANDAMAN COMMERCIAL BANK", "ANDC", "0"},
    {"MM", "AYEYAR NATIONAL BANK", "AYNB", "1"},
    {"MM", "GOLDEN DELTA BANK", "GDLB", "0"},
    {"KH", "MEKONG UNION BANK", "MKUB", "0"},
    {"KH", "ANGKOR TRUST BANK", "ANTB", "1"},
    {"LA", "LANE XANG DEVELOPMENT BANK", "LXDB", "0"},
    {"MY", "SELANGOR MERCANTILE BANK", "SLMB", "0"},
    {"MY", "PENINSULAR BANK BERHAD", "PNBB", "1"},
    {"SG", "MERLION TRUST BANK", "MRLT", "0"},
    {"SG", "STRAITS CAPITAL BANK", "STCB", "1"},
    {"VN", "SAIGON PACIFIC BANK", "SGPB", "0"},
    {"VN", "RED RIVER COMMERCIAL BANK", "RRCB", "0"},
    {"PH", "VISAYAS SAVINGS BANK", "VSYB", "0"},
    {"PH", "LUZON UNITED BANK", "LZUB", "1"},
    {"CN", "PEARL DELTA COMMERCIAL BANK", "PDCB", "0"},
    {"CN", "YUNNAN FRONTIER BANK", "YNFB", "0"},
    {"HK", "VICTORIA HARBOUR BANK", "VHBK", "1"},
    {"HK", "KOWLOON EXCHANGE BANK", "KWEX", "0"},
    {"US", "HUDSON FIRST BANK", "HDFB", "1"},
    {"US", "CASCADE NATIONAL BANK", "CSNB", "0"},
    {"US", "PRAIRIE SAVINGS BANK", "PRSB", "0"},
    {"GB", "THAMES MUTUAL BANK", "THMB", "1"},
    {"GB", "PENNINE BANK", "PNNB", "0"},
    {"AU", "SOUTHERN CROSS BANK", "SXBK", "0"},
    {"AU", "CORAL COAST BANK", "CRCB", "1"},
  };

  static final List<Bank> BANKS = banks();

  private static List<Bank> banks() {
    java.util.ArrayList<Bank> out = new java.util.ArrayList<>();
    for (String[] b : BANK_NAMES) {
      Country c = country(b[0]);
      out.add(new Bank(b[2] + c.code() + "2X", b[1], c, b[3].equals("1")));
    }
    return List.copyOf(out);
  }

  static Country country(String code) {
    for (Country c : COUNTRIES) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown country " + code);
  }

  static int countryIndex(String code) {
    return COUNTRIES.indexOf(country(code));
  }

  static List<Bank> banksOf(Country c) {
    return BANKS.stream().filter(b -> b.country().equals(c)).toList();
  }

  /** A country drawn by population weight from a uniform u in [0,1). */
  static Country weightedCountry(double u) {
    double total = 0;
    for (Country c : COUNTRIES) {
      total += c.weight();
    }
    double x = u * total;
    for (Country c : COUNTRIES) {
      x -= c.weight();
      if (x < 0) {
        return c;
      }
    }
    return COUNTRIES.get(COUNTRIES.size() - 1);
  }

  /** A domestic account number; an IBAN (with valid check digits) in GB. */
  static String accountNumber(Bank bank, long key) {
    Rng r = Rng.of(key, "acctno");
    if (bank.country().code().equals("GB")) {
      String bban = bank.bic().substring(0, 4) + r.digits(6) + r.digits(8);
      return iban("GB", bban);
    }
    int len =
        switch (bank.country().code()) {
          case "TH", "PH" -> 10;
          case "MY", "VN" -> 12;
          case "CN" -> 16;
          case "US" -> 11;
          default -> 10;
        };
    return r.digits(len);
  }

  static String iban(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder digits = new StringBuilder();
    for (char ch : rearranged.toCharArray()) {
      digits.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    int check =
        98
            - new java.math.BigInteger(digits.toString())
                .mod(java.math.BigInteger.valueOf(97))
                .intValue();
    return country + (check < 10 ? "0" : "") + check + bban;
  }
}
