package io.scamflow.resolve;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Person and organisation names made comparable across scripts, orders and spellings: ICU
 * transliteration to ASCII Latin (Thai, Burmese, Khmer, Chinese, Vietnamese, Cyrillic, Arabic,
 * ...), case and accents folded, leading honorifics and trailing company suffixes dropped; then a
 * token-alignment similarity that tolerates reordering, initials, typos, dropped middle names and
 * run-together syllables, and phonetic blocking keys. Pure Java; thread-safe.
 */
public final class Names {
  private Names() {}

  /**
   * ICU ships no Khmer-Latin transform; these rules (UNGEGN-style consonants and vowels) run before
   * Any-Latin so Khmer names romanise too.
   */
  private static final String KHMER_RULES =
      "ក>k; ខ>kh; គ>k; ឃ>kh; ង>ng; ច>ch; ឆ>chh; ជ>ch; ឈ>chh; ញ>nh; ដ>d; ឋ>th; ឌ>d; ឍ>th; ណ>n;"
          + " ត>t; ថ>th; ទ>t; ធ>th; ន>n; ប>b; ផ>ph; ព>p; ភ>ph; ម>m; យ>y; រ>r; ល>l; វ>v; ឝ>sh;"
          + " ឞ>ss; ស>s; ហ>h; ឡ>l; អ>;"
          + " ឥ>e; ឦ>ei; ឧ>u; ឩ>u; ឪ>ov; ឫ>rue; ឬ>rueu; ឭ>lue; ឮ>lueu; ឯ>ae; ឰ>ai; ឱ>ao; ឲ>ao;"
          + " ឳ>au; ា>a; ិ>e; ី>ei; ឹ>oe; ឺ>eu; ុ>u; ូ>u; ួ>uo; ើ>aeu; ឿ>oea; ៀ>ie; េ>e; ែ>ae;"
          + " ៃ>ai; ោ>ao; ៅ>au; ំ>m; ះ>h; [\\u17C8-\\u17D3\\u17DD]>;";

  private static final Transliterator KHMER =
      Transliterator.createFromRules("Khmer-Latin/scamflow", KHMER_RULES, Transliterator.FORWARD);

  private static final Transliterator TO_ASCII =
      Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  /** Leading titles and honorifics (English, Burmese, Thai, Malay, Vietnamese, Arabic...). */
  static final Set<String> HONORIFICS =
      Set.of(
          "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mdm", "dame", "lord",
          "rev", "hon", "capt", "col", "gen", "lt", "sgt", "herr", "frau", "mme", "mlle", "sr",
          "sra", "sheikh", "shaikh", "haji", "hajji", "datuk", "dato", "datin", "tun", "tan", "sri",
          "encik", "puan", "tuan", "u", "daw", "ko", "ma", "maung", "mg", "saw", "naw", "khun",
          "nai", "nang", "nangsao", "ong", "ba", "anh");

  /** Legal-form words that say nothing about which organisation it is. */
  static final Set<String> COMPANY_SUFFIXES =
      Set.of(
          "co",
          "company",
          "ltd",
          "limited",
          "llc",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "gmbh",
          "sdn",
          "bhd",
          "berhad",
          "pte",
          "pvt",
          "private",
          "plc",
          "sa",
          "ag",
          "bv",
          "nv",
          "jsc",
          "ojsc",
          "pjsc",
          "cjsc",
          "ooo",
          "oao",
          "zao",
          "llp",
          "lp",
          "tbk",
          "kk",
          "srl",
          "spa",
          "sarl",
          "fze",
          "fzco",
          "fzc",
          "dmcc",
          "sro",
          "ab",
          "as",
          "oy",
          "pty",
          "jv");

  private static final ThreadLocal<DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(
          () -> {
            DoubleMetaphone m = new DoubleMetaphone();
            m.setMaxCodeLen(6);
            return m;
          });

  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

  /** A normalised name: its tokens in the order written, and whether it read as a company. */
  public record Normalised(List<String> tokens, boolean organisation) implements Serializable {
    /** Tokens joined by one space, in the order written. */
    public String text() {
      return String.join(" ", tokens);
    }

    /** Tokens sorted: equal for "Smith John" and "John Smith". */
    public String sortedKey() {
      return String.join(" ", tokens.stream().sorted().toList());
    }

    public boolean isEmpty() {
      return tokens.isEmpty();
    }
  }

  /** Any script to lower-case ASCII Latin, punctuation kept as is. */
  public static String toAscii(String raw) {
    if (raw == null) {
      return "";
    }
    String text = NFKC.normalize(raw);
    text = splitBurmeseSyllables(text);
    text = KHMER.transliterate(text);
    return TO_ASCII.transliterate(text);
  }

  /** Normalises a person or organisation name. */
  public static Normalised normalise(String raw) {
    String ascii = toAscii(raw);
    // apostrophes and soft signs join (o'brien, al'-kaida), everything else separates
    ascii = ascii.replaceAll("['`\u02bc\u02b9]", "");
    List<String> tokens = new ArrayList<>();
    boolean arabic = raw != null && raw.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    for (String t : ascii.split("[^a-z0-9]+")) {
      if (t.isEmpty()) {
        continue;
      }
      if (arabic && t.startsWith("al") && t.length() > 4) {
        tokens.add("al"); // Arabic writes the article joined: "alrshyd" is "al rshyd"
        tokens.add(t.substring(2));
      } else {
        tokens.add(t);
      }
    }
    boolean organisation = false;
    while (tokens.size() > 1 && COMPANY_SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
      organisation = true;
    }
    if (tokens.size() > 1 && tokens.get(0).equals("pt")) { // Indonesian "PT Foo Tbk"
      tokens.remove(0);
      organisation = true;
    }
    if (!organisation) {
      while (tokens.size() > 1 && HONORIFICS.contains(tokens.get(0))) {
        tokens.remove(0);
      }
    }
    return new Normalised(List.copyOf(tokens), organisation);
  }

  /**
   * Burmese writes a name without spaces; a space before each syllable-initial consonant (one not
   * closed by asat nor stacked under a virama) gives the syllables that Latin spellings separate.
   */
  static String splitBurmeseSyllables(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean consonant = c >= '\u1000' && c <= '\u1021';
      if (consonant && i > 0) {
        char prev = text.charAt(i - 1);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        boolean prevBurmese = prev >= '\u1000' && prev <= '\u109F';
        if (prevBurmese && prev != '\u1039' && next != '\u103A' && next != '\u1039') {
          out.append(' ');
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  // ---- similarity ----

  /** Similarity of two raw names in [0, 1]. */
  public static double similarity(String a, String b) {
    return similarity(normalise(a), normalise(b));
  }

  /**
   * A normalised name with what {@link #similarity(Prepared, Prepared)} needs computed once:
   * phonetic codes and consonant skeletons of its tokens, its sorted key and its run-together
   * forms. A screening list prepares each listed name once instead of once per comparison.
   */
  public static final class Prepared implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Normalised name;
    final String[] tokens;
    final String[] phonetic;
    final String[] skeleton;
    final String sortedKey;
    final String joined;
    final String joinedSorted;

    private Prepared(Normalised name) {
      this.name = name;
      int n = name.tokens().size();
      tokens = name.tokens().toArray(new String[0]);
      phonetic = new String[n];
      skeleton = new String[n];
      for (int i = 0; i < n; i++) {
        phonetic[i] = tokens[i].length() > 2 ? phonetic(tokens[i]) : "";
        skeleton[i] = skeleton(tokens[i]);
      }
      List<String> sorted = name.tokens().stream().sorted().toList();
      sortedKey = String.join(" ", sorted);
      joined = String.join("", name.tokens());
      joinedSorted = String.join("", sorted);
    }

    public Normalised name() {
      return name;
    }
  }

  public static Prepared prepare(Normalised name) {
    return new Prepared(name);
  }

  /** Similarity of two normalised names; see {@link #similarity(Prepared, Prepared)}. */
  public static double similarity(Normalised a, Normalised b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    return similarity(prepare(a), prepare(b));
  }

  /**
   * Order-insensitive similarity in [0, 1]: tokens aligned one-to-one by best match (Jaro-Winkler,
   * initials, Double Metaphone), weighted by length, less a small penalty per unmatched token of
   * the longer name; or the similarity of the names run together, whichever is higher.
   */
  public static double similarity(Prepared a, Prepared b) {
    if (a.tokens.length == 0 || b.tokens.length == 0) {
      return 0.0;
    }
    if (a.sortedKey.equals(b.sortedKey)) {
      return 1.0;
    }
    Prepared shorter = a.tokens.length <= b.tokens.length ? a : b;
    Prepared longer = shorter == a ? b : a;
    double aligned = aligned(shorter, longer);
    if (a.tokens.length == b.tokens.length) {
      return aligned; // running tokens together only helps syllables written apart
    }
    double joined =
        Math.max(JW.apply(a.joined, b.joined), JW.apply(a.joinedSorted, b.joinedSorted));
    // a run-together match of a single-token name against a long one is weak evidence
    double joinedWeight = Math.min(a.tokens.length, b.tokens.length) == 1 ? 0.9 : 0.97;
    return Math.max(aligned, joined >= 0.9 ? joined * joinedWeight : 0.0);
  }

  private static double aligned(Prepared shorter, Prepared longer) {
    int ns = shorter.tokens.length;
    int nl = longer.tokens.length;
    double[][] sim = new double[ns][nl];
    for (int i = 0; i < ns; i++) {
      for (int j = 0; j < nl; j++) {
        sim[i][j] = tokenSimilarity(shorter, i, longer, j);
      }
    }
    // greedy one-to-one alignment, best pairs first (ties: lower i, then lower j, as a stable sort
    // of the pairs in row order would give)
    boolean[] usedS = new boolean[ns];
    boolean[] usedL = new boolean[nl];
    double[] best = new double[ns];
    for (int k = 0; k < Math.min(ns, nl); k++) {
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < ns; i++) {
        if (usedS[i]) {
          continue;
        }
        for (int j = 0; j < nl; j++) {
          if (!usedL[j] && (bi < 0 || sim[i][j] > sim[bi][bj])) {
            bi = i;
            bj = j;
          }
        }
      }
      usedS[bi] = true;
      usedL[bj] = true;
      best[bi] = sim[bi][bj];
    }
    double weighted = 0;
    double weights = 0;
    int initials = 0;
    for (int i = 0; i < ns; i++) {
      double w = Math.max(2, shorter.tokens[i].length());
      if (shorter.tokens[i].length() == 1) {
        initials++;
        w = 1.5;
      }
      weighted += best[i] * w;
      weights += w;
    }
    double score = weighted / weights;
    // A dropped middle name costs little; an extra first or last name means another person.
    double penalty = 0;
    for (int j = 0; j < nl; j++) {
      if (!usedL[j]) {
        penalty += (j == 0 || j == nl - 1) ? 0.2 : 0.04;
      }
    }
    score -= penalty;
    if (initials == ns) {
      score = Math.min(score, 0.7); // initials alone identify nobody
    }
    return Math.max(0, score);
  }

  /** Similarity of two tokens; near-misses below 0.9 count for little. */
  static double tokenSimilarity(String x, String y) {
    Prepared a = prepare(new Normalised(List.of(x), false));
    Prepared b = prepare(new Normalised(List.of(y), false));
    return tokenSimilarity(a, 0, b, 0);
  }

  private static double tokenSimilarity(Prepared a, int i, Prepared b, int j) {
    String x = a.tokens[i];
    String y = b.tokens[j];
    if (x.equals(y)) {
      return 1.0;
    }
    if (x.length() == 1 || y.length() == 1) {
      return x.charAt(0) == y.charAt(0) ? 0.9 : 0.0;
    }
    double jw = JW.apply(x, y);
    if (jw < 0.9
        && x.length() > 2
        && y.length() > 2
        && !a.phonetic[i].isEmpty()
        && a.phonetic[i].equals(b.phonetic[j])) {
      jw = Math.max(jw, 0.9);
    }
    if (jw < 0.9
        && x.charAt(0) == y.charAt(0)
        && a.skeleton[i].length() >= 3
        && a.skeleton[i].equals(b.skeleton[j])) {
      jw = 0.9; // same consonants: vowel-less romanisations (Arabic, Thai) of the same name
    }
    return jw >= 0.9 ? jw : jw * 0.6;
  }

  /** Consonants only, doubled letters collapsed: "mohammed" and "mhmd" are both "mhmd". */
  static String skeleton(String token) {
    StringBuilder out = new StringBuilder();
    for (char c : token.toCharArray()) {
      if ("aeiouyw".indexOf(c) >= 0) {
        continue;
      }
      if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Double Metaphone code of one token ("" for digits only). */
  public static String phonetic(String token) {
    return METAPHONE.get().doubleMetaphone(token);
  }

  /**
   * Blocking keys: two names that could match share at least one. Phonetic code and 3-letter prefix
   * of each token of 2+ letters, and the 4-letter prefix of the name run together in written and
   * sorted order (for syllables written apart: "Xi Jin Ping" / "Xi Jinping").
   */
  public static Set<String> blockingKeys(Normalised name) {
    Set<String> keys = new LinkedHashSet<>();
    for (String t : name.tokens()) {
      if (t.length() < 2) {
        continue;
      }
      String code = phonetic(t);
      if (!code.isEmpty()) {
        keys.add("p:" + code);
      }
      keys.add("t:" + t.substring(0, Math.min(3, t.length())));
    }
    String joined = String.join("", name.tokens());
    String sorted = String.join("", name.tokens().stream().sorted().toList());
    if (joined.length() >= 4) {
      keys.add("c:" + joined.substring(0, 4));
      keys.add("c:" + sorted.substring(0, 4));
    }
    return keys;
  }

  /** For tests and explanations: the tokens of a raw name. */
  static List<String> tokens(String raw) {
    return Arrays.asList(normalise(raw).text().split(" "));
  }
}
