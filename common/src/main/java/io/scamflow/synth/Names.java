package io.scamflow.synth;

import java.util.Locale;

/**
 * Invented names by country and the messy ways banks write them: transliteration variants of Thai,
 * Burmese, Khmer and Chinese names, reordered names, honorifics, typos, initials and company suffix
 * variants. A person's canonical name is {given, family}; family may be empty (Burmese).
 */
final class Names {
  private Names() {}

  /** A canonical person name: given names and family name (either may hold several words). */
  record Name(String given, String family) implements java.io.Serializable {
    String full() {
      return family.isEmpty() ? given : given + " " + family;
    }
  }

  private static final String[] TH_GIVEN = {
    "Somchai", "Siriporn", "Nattapong", "Kanokwan", "Prasert", "Wanida", "Anan", "Pimchanok",
    "Thanakorn", "Supaporn", "Chaiwat", "Ratana", "Kittisak", "Naree", "Wichai", "Orathai"
  };
  private static final String[] TH_FAMILY = {
    "Srisuk",
    "Chaiyaporn",
    "Wongsawat",
    "Rattanakul",
    "Boonmee",
    "Thongdee",
    "Saetang",
    "Kaewmanee",
    "Phromphan",
    "Suwannarat",
    "Jaidee",
    "Sukprasert"
  };
  private static final String[] MM_NAMES = {
    "Aung Kyaw Moe", "Thida Win", "Zaw Min Htet", "Khin Myo Aye", "Myint Swe", "Nyein Chan",
    "Htet Aung Lin", "Su Su Hlaing", "Kyaw Zin Thant", "Aye Aye Mar", "Min Thu", "Hla Hla Win",
    "Thein Zaw", "Moe Moe Khaing", "Saw Htoo Paw", "Naw Eh Htoo"
  };
  private static final String[] KH_FAMILY = {
    "Sok", "Chea", "Kim", "Heng", "Chan", "Keo", "Meas", "Ly", "Prak", "Ouk", "Sam"
  };
  private static final String[] KH_GIVEN = {
    "Dara", "Sophea", "Vibol", "Sreymom", "Piseth", "Channary", "Rithy", "Bopha", "Visal", "Kunthea"
  };
  private static final String[] LA_GIVEN = {
    "Somphone", "Bounmy", "Khamla", "Souksavanh", "Vilay", "Phonesavanh", "Keo", "Manivone"
  };
  private static final String[] LA_FAMILY = {
    "Phommachanh", "Sisouphanh", "Vongsa", "Keovilay", "Inthavong", "Siharath"
  };
  private static final String[] CN_FAMILY = {
    "Zhang", "Wang", "Li", "Chen", "Liu", "Huang", "Zhao", "Xu", "Zhou", "Wu", "Lin", "Guo"
  };
  private static final String[] CN_GIVEN = {
    "Wei",
    "Jing",
    "Hao",
    "Xiaoming",
    "Lei",
    "Yan",
    "Jun",
    "Fang",
    "Zhiqiang",
    "Mei",
    "Haoran",
    "Xin",
    "Jianguo",
    "Li Na"
  };
  private static final String[] VN_FAMILY = {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"};
  private static final String[] VN_GIVEN = {
    "Van An", "Thi Lan", "Minh Tuan", "Thi Huong", "Quoc Bao", "Duc Anh", "Thi Mai", "Van Hung"
  };
  private static final String[] PH_GIVEN = {
    "Maria", "Jose", "Mark Anthony", "Kristine", "Juan", "Rowena", "Jerome", "Divina"
  };
  private static final String[] PH_FAMILY = {
    "Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Garcia", "Mendoza", "Villanueva"
  };
  private static final String[] MY_GIVEN = {
    "Ahmad Faiz",
    "Nur Aisyah",
    "Muhammad Hafiz",
    "Siti Aminah",
    "Lim Wei Ming",
    "Tan Mei Ling",
    "Rajesh",
    "Kavitha"
  };
  private static final String[] MY_FAMILY = {
    "bin Ismail", "binti Hassan", "bin Abdullah", "Lim", "Tan", "Subramaniam", "Wong", "Ong"
  };
  private static final String[] EN_GIVEN = {
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Susan", "Richard", "Karen", "Thomas", "Emily", "Daniel", "Margaret", "Paul", "Helen"
  };
  private static final String[] EN_FAMILY = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young"
  };

  private static final String[] BIZ_WORDS = {
    "Golden", "Lotus", "Mekong", "Pacific", "Harbour", "Silver", "Dragon", "Orchid", "Royal",
    "Summit", "Jade", "Phoenix", "Evergreen", "Sunrise", "Bamboo", "Crystal", "Eastern", "Unity"
  };
  private static final String[] BIZ_TRADES = {
    "Trading",
    "Logistics",
    "Foods",
    "Electronics",
    "Textiles",
    "Holdings",
    "Construction",
    "Mart",
    "Travel",
    "Garments",
    "Technology",
    "Imports",
    "Rice Mill",
    "Pharmacy",
    "Restaurant"
  };

  /** Company-suffix variants that all mean "limited company". */
  static final String[][] SUFFIX_VARIANTS = {
    {"Co., Ltd.", "Company Limited", "Co Ltd", "CO.,LTD", "Limited"},
    {"Sdn. Bhd.", "Sdn Bhd", "SDN BHD", "Sendirian Berhad"},
    {"Pte. Ltd.", "Pte Ltd", "Private Limited", "PTE LTD"},
    {"Inc.", "Inc", "Incorporated", "Corp."},
    {"Ltd", "Limited", "Ltd."},
  };

  static Name person(String country, Rng r) {
    return switch (country) {
      case "TH" -> new Name(r.pick(TH_GIVEN), r.pick(TH_FAMILY));
      case "MM" -> new Name(r.pick(MM_NAMES), "");
      case "KH" -> new Name(r.pick(KH_GIVEN), r.pick(KH_FAMILY));
      case "LA" -> new Name(r.pick(LA_GIVEN), r.pick(LA_FAMILY));
      case "CN", "HK" -> new Name(r.pick(CN_GIVEN), r.pick(CN_FAMILY));
      case "VN" -> new Name(r.pick(VN_GIVEN), r.pick(VN_FAMILY));
      case "PH" -> new Name(r.pick(PH_GIVEN), r.pick(PH_FAMILY));
      case "MY", "SG" ->
          r.chance(0.5)
              ? new Name(r.pick(MY_GIVEN), r.pick(MY_FAMILY))
              : new Name(r.pick(CN_GIVEN), r.pick(CN_FAMILY));
      default -> new Name(r.pick(EN_GIVEN), r.pick(EN_FAMILY));
    };
  }

  /** A company's canonical name (with its canonical suffix) and its suffix group. */
  static String company(String country, Rng r) {
    String base = r.pick(BIZ_WORDS) + " " + r.pick(BIZ_TRADES);
    return base + " " + SUFFIX_VARIANTS[suffixGroup(country)][0];
  }

  static int suffixGroup(String country) {
    return switch (country) {
      case "MY" -> 1;
      case "SG" -> 2;
      case "US", "PH" -> 3;
      case "GB", "AU", "HK" -> 4;
      default -> 0;
    };
  }

  /** How a family-first country writes a name in its own order. */
  static boolean familyFirst(String country) {
    return country.equals("CN")
        || country.equals("HK")
        || country.equals("KH")
        || country.equals("VN");
  }

  /** The name as the account-opening bank would naturally write it. */
  static String canonical(Name n, String country) {
    if (n.family().isEmpty()) {
      return n.given();
    }
    return familyFirst(country) ? n.family() + " " + n.given() : n.given() + " " + n.family();
  }

  /**
   * A variant of a person's name as another bank, exchange or list might write it. {@code level} 0
   * returns the canonical form; higher levels apply one or two transforms.
   */
  static String variant(Name n, String country, Rng r, int level) {
    String s = canonical(n, country);
    for (int i = 0; i < level; i++) {
      s = transform(s, n, country, r);
    }
    return s;
  }

  private static String transform(String s, Name n, String country, Rng r) {
    int t = r.nextInt(7);
    switch (t) {
      case 0:
        return honorific(country, r) + " " + s;
      case 1:
        // reordered: family first where it was last, or the reverse
        if (!n.family().isEmpty()) {
          return s.startsWith(n.family())
              ? n.given() + " " + n.family()
              : n.family() + " " + n.given();
        }
        return s.replace(" ", "");
      case 2:
        return transliterate(s, country, r);
      case 3:
        return typo(s, r);
      case 4:
        // initials of the given names
        if (!n.family().isEmpty() && s.contains(n.given())) {
          StringBuilder init = new StringBuilder();
          for (String g : n.given().split(" ")) {
            init.append(g.charAt(0)).append(". ");
          }
          return s.replace(n.given() + " ", init.toString())
              .replace(" " + n.given(), " " + init.toString().trim());
        }
        return transliterate(s, country, r);
      case 5:
        return s.toUpperCase(Locale.ROOT);
      default:
        return n.family().isEmpty()
            ? s.toUpperCase(Locale.ROOT)
            : n.family().toUpperCase(Locale.ROOT) + ", " + n.given();
    }
  }

  static String honorific(String country, Rng r) {
    return switch (country) {
      case "MM" -> r.pick(new String[] {"U", "Daw", "Ko", "Ma", "Maung", "Saw"});
      case "TH" -> r.pick(new String[] {"Mr.", "Mrs.", "Miss", "Nai", "Nang", "Khun"});
      case "KH" -> r.pick(new String[] {"Lok", "Lok Srey", "Mr.", "Ms."});
      case "MY" -> r.pick(new String[] {"Encik", "Puan", "Mr.", "Dato'"});
      default -> r.pick(new String[] {"Mr.", "Mrs.", "Ms.", "Dr."});
    };
  }

  private static final String[][] TRANSLIT = {
    // Thai romanisation (RTGS vs informal)
    {"chai", "chay"},
    {"porn", "phon"},
    {"ph", "p"},
    {"th", "t"},
    {"ee", "i"},
    {"w", "v"},
    // Burmese
    {"Kyaw", "Kyaw"},
    {"Htet", "Htat"},
    {"Moe", "Mo"},
    {"Aung", "Aong"},
    {"Khin", "Khinn"},
    {"Win", "Winn"},
    {"Zaw", "Zau"},
    {"Myint", "Myin"},
    // Khmer
    {"Sok", "Sokh"},
    {"Chea", "Chia"},
    {"ea", "ia"},
    {"Heng", "Hieng"},
    {"Dara", "Darra"},
    // Chinese: pinyin vs Wade-Giles vs Cantonese
    {"Zhang", "Chang"},
    {"Zhang", "Cheung"},
    {"Chen", "Chan"},
    {"Wang", "Wong"},
    {"Liu", "Lau"},
    {"Huang", "Wong"},
    {"Zhao", "Chiu"},
    {"Xu", "Hsu"},
    {"Zhou", "Chow"},
    {"Wu", "Ng"},
    {"Lin", "Lam"},
    {"Guo", "Kwok"},
    {"Wei", "Wai"},
    {"Jun", "Chun"},
    {"Xiao", "Hsiao"},
    // Vietnamese diacritics
    {"Nguyen", "Nguyễn"},
    {"Tran", "Trần"},
    {"Van", "Văn"},
    {"Thi", "Thị"},
    // Lao
    {"ph", "f"},
    {"ou", "u"},
    {"v", "w"},
  };

  static String transliterate(String s, String country, Rng r) {
    int start = r.nextInt(TRANSLIT.length);
    for (int i = 0; i < TRANSLIT.length; i++) {
      String[] p = TRANSLIT[(start + i) % TRANSLIT.length];
      if (s.contains(p[0]) && !p[0].equals(p[1])) {
        return s.replaceFirst(java.util.regex.Pattern.quote(p[0]), p[1]);
      }
    }
    return typo(s, r);
  }

  static String typo(String s, Rng r) {
    if (s.length() < 4) {
      return s;
    }
    int i = 1 + r.nextInt(s.length() - 2);
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    if (a == ' ' || b == ' ') {
      return s.substring(0, i) + s.substring(i).replaceFirst("([a-z])", "$1$1");
    }
    return switch (r.nextInt(3)) {
      case 0 -> s.substring(0, i) + b + a + s.substring(i + 2); // swap
      case 1 -> s.substring(0, i) + s.substring(i + 1); // drop
      default -> s.substring(0, i) + a + s.substring(i); // double
    };
  }

  /** A company name written with another suffix variant, maybe upper-cased. */
  static String companyVariant(String canonical, String country, Rng r) {
    String[] group = SUFFIX_VARIANTS[suffixGroup(country)];
    String base = canonical.substring(0, canonical.length() - group[0].length()).trim();
    String out = base + " " + r.pick(group);
    if (r.chance(0.3)) {
      out = out.toUpperCase(Locale.ROOT);
    }
    if (r.chance(0.2)) {
      out = typo(out, r);
    }
    return out;
  }
}
