package io.scamflow.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sanctions lists: a background of invented designations plus the scam networks' people,
 * companies and wallets, written as the OFAC SDN legacy CSV set, OFAC SDN.XML and the UN Security
 * Council consolidated XML. Each publication is the full list as of that day.
 */
final class Sanctions {
  private Sanctions() {}

  /** OFAC cuts Remarks at this length and continues them in sdn_comments.csv. */
  static final int REMARKS_CUT = 1000;

  private static final DateTimeFormatter OFAC_DATE =
      DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

  private static final String[] PROGRAMS = {
    "SDGT", "CYBER2", "TCO", "SDNTK", "DPRK3", "IRAN-EO13902", "RUSSIA-EO14024", "GLOMAG"
  };

  /** Invented background designations, a few only on the later publication. */
  static void background(ScamWorld w, WorldParameters params) {
    Rng r = Rng.of(params.seed(), "sanctions-background");
    int later = Math.max(0, params.laterListDay());
    String[] nats = {"CN", "MM", "TH", "KH", "US", "GB", "VN", "PH", "MY", "HK"};
    for (int i = 0; i < 40; i++) {
      String nat = nats[i % nats.length];
      boolean person = i % 3 != 2;
      Entity e;
      if (person) {
        Names.Name n = Names.person(nat, r);
        if (i < 2) {
          n = new Names.Name("Wei", "Zhang"); // a very common name: screening must not stop at it
        }
        Geo.Country c = Geo.country(nat);
        e =
            new Entity(
                "D" + i,
                "person",
                Names.canonical(n, nat),
                n,
                nat,
                nat,
                String.format(
                    "%04d-%02d-%02d", 1950 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                "X" + r.digits(8),
                c.phone() + r.digits(9),
                "",
                "",
                c.cities()[0],
                "designated",
                "");
      } else {
        String name =
            i == 5 ? "CONSTRUCCIONES MÉRIDA S.A." : Names.company(nat, r).toUpperCase(Locale.ROOT);
        e =
            new Entity(
                "D" + i,
                "company",
                name,
                null,
                nat,
                nat,
                "",
                "REG" + r.digits(8),
                "",
                "",
                "",
                Geo.country(nat).cities()[0],
                "designated",
                "");
      }
      w.entities.add(e);
      List<String[]> wallets = new ArrayList<>();
      if (i % 4 == 1) {
        byte[] raw = new byte[21];
        r.bytes(raw);
        raw[0] = 0;
        wallets.add(new String[] {"XBT", Addresses.base58check(raw)});
      }
      if (i % 6 == 0) {
        wallets.add(new String[] {"ETH", Addresses.ethereum(r)});
      }
      if (i % 8 == 3) {
        wallets.add(new String[] {"USDT", Addresses.tron(r)});
      }
      List<String> aliases =
          e.name() == null ? List.of() : List.of(Names.variant(e.name(), nat, r, 1));
      boolean onUn = i % 4 == 0;
      w.designations.add(
          new Designation(
              e,
              i >= 35 ? later : 0,
              PROGRAMS[i % PROGRAMS.length],
              aliases,
              wallets,
              List.of(),
              30_000 + i * 7,
              onUn,
              6_900_000 + i,
              (person ? "QDi." : "QDe.") + String.format("%03d", 100 + i)));
    }
  }

  static List<Designation> asOf(List<Designation> all, int day) {
    return all.stream().filter(d -> d.listedDay() <= day).toList();
  }

  // ---- OFAC legacy CSV -----------------------------------------------------------------------

  static String ofacName(Entity e) {
    if (e.name() == null) {
      return ascii(e.canonical()).toUpperCase(Locale.ROOT);
    }
    Names.Name n = e.name();
    if (n.family().isEmpty()) {
      return ascii(n.given()).toUpperCase(Locale.ROOT);
    }
    return ascii(n.family()).toUpperCase(Locale.ROOT) + ", " + ascii(n.given());
  }

  /** Latin-1 safe text: strips marks that Latin-1 cannot carry (Vietnamese), keeps é. */
  static String ascii(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch < 256) {
        sb.append(ch);
      } else {
        String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
        sb.append(d.charAt(0) < 256 ? d.charAt(0) : '?');
      }
    }
    return sb.toString();
  }

  static String dob(String iso) {
    return LocalDate.parse(iso).format(OFAC_DATE);
  }

  static String countryName(String code) {
    return code.equals("MM") ? "Burma" : code.equals("VN") ? "Vietnam" : Geo.country(code).name();
  }

  static String remarks(Designation d, int fillers, int pad) {
    Entity e = d.entity();
    List<String> parts = new ArrayList<>();
    if (d.individual()) {
      parts.add("DOB " + dob(e.dob()));
      parts.add("POB " + e.city() + ", " + countryName(e.country()));
      parts.add("nationality " + countryName(e.nationality()));
      parts.add("Gender " + (e.id().hashCode() % 2 == 0 ? "Male" : "Female"));
      parts.add("Passport " + e.idDocument() + " (" + countryName(e.nationality()) + ")");
    } else {
      parts.add("Organization Established Date 2015");
      parts.add("Registration Number " + e.idDocument() + " (" + countryName(e.country()) + ")");
      if (pad > 0) {
        parts.add("Website www.%s.example".formatted("x".repeat(pad)));
        for (int i = 0; i < fillers; i++) {
          parts.add("Registration Number 10%07d (Cambodia)".formatted(i * 7919 % 10_000_000));
        }
      }
    }
    parts.add("Additional Sanctions Information - Subject to Secondary Sanctions");
    boolean first = true;
    for (String[] wallet : d.wallets()) {
      parts.add(
          (first ? "" : "alt. ") + "Digital Currency Address - " + wallet[0] + " " + wallet[1]);
      first = false;
    }
    for (String a : d.aliases()) {
      parts.add("a.k.a. '" + ascii(a).toUpperCase(Locale.ROOT) + "'");
    }
    for (String l : d.linkedTo()) {
      parts.add("Linked To: " + ascii(l).toUpperCase(Locale.ROOT));
    }
    return String.join("; ", parts) + ".";
  }

  /** Remarks that, for the long front-company entries, put a wallet address across the cut. */
  static String remarks(Designation d) {
    if (d.individual() || d.wallets().size() < 2 || !d.entity().schemeId().equals("S01")) {
      return remarks(d, 0, 0);
    }
    for (int fillers = 0; fillers < 40; fillers++) {
      for (int pad = 1; pad < 40; pad++) {
        String s = remarks(d, fillers, pad);
        for (String[] wallet : d.wallets()) {
          int at = s.indexOf(wallet[1]);
          if (at > 0 && at < REMARKS_CUT - 3 && at + wallet[1].length() > REMARKS_CUT + 3) {
            return s;
          }
        }
      }
    }
    return remarks(d, 0, 0);
  }

  private static String q(String s) {
    return "\"" + s.replace("\"", "'") + "\"";
  }

  private static final String EMPTY = "-0- ";

  static void writeOfacCsv(Path dir, List<Designation> list) throws IOException {
    Files.createDirectories(dir);
    StringBuilder sdn = new StringBuilder();
    StringBuilder add = new StringBuilder();
    StringBuilder alt = new StringBuilder();
    StringBuilder comments = new StringBuilder();
    int addNum = 1000;
    int altNum = 5000;
    for (Designation d : sorted(list)) {
      Entity e = d.entity();
      String remarks = remarks(d);
      String head = remarks.length() > REMARKS_CUT ? remarks.substring(0, REMARKS_CUT) : remarks;
      sdn.append(d.ofacUid())
          .append(',')
          .append(q(ofacName(e)))
          .append(',')
          .append(d.individual() ? q("individual") : EMPTY)
          .append(',')
          .append(q(d.program()));
      for (int i = 0; i < 7; i++) {
        sdn.append(',').append(EMPTY);
      }
      sdn.append(',').append(q(head)).append("\r\n");
      if (remarks.length() > REMARKS_CUT) {
        comments
            .append(d.ofacUid())
            .append(',')
            .append(q(remarks.substring(REMARKS_CUT)))
            .append("\r\n");
      }
      add.append(d.ofacUid())
          .append(',')
          .append(addNum + d.ofacUid())
          .append(',')
          .append(e.street().isEmpty() ? EMPTY : q(ascii(e.street())))
          .append(',')
          .append(q(e.city()))
          .append(',')
          .append(q(countryName(e.country())))
          .append(',')
          .append(EMPTY)
          .append("\r\n");
      int k = 0;
      for (String a : d.aliases()) {
        alt.append(d.ofacUid())
            .append(',')
            .append(altNum + d.ofacUid() * 3 + k++)
            .append(',')
            .append(q("aka"))
            .append(',')
            .append(q(ascii(a).toUpperCase(Locale.ROOT)))
            .append(',')
            .append(EMPTY)
            .append("\r\n");
      }
    }
    writeLatin1(dir.resolve("sdn.csv"), sdn);
    writeLatin1(dir.resolve("add.csv"), add);
    writeLatin1(dir.resolve("alt.csv"), alt);
    writeLatin1(dir.resolve("sdn_comments.csv"), comments);
  }

  private static void writeLatin1(Path file, CharSequence text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(0x1A);
    Files.write(file, out.toByteArray());
  }

  private static List<Designation> sorted(List<Designation> list) {
    List<Designation> out = new ArrayList<>(list);
    out.sort((a, b) -> Integer.compare(a.ofacUid(), b.ofacUid()));
    return out;
  }

  // ---- OFAC SDN.XML --------------------------------------------------------------------------

  static String x(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static void el(StringBuilder sb, String indent, String tag, String value) {
    sb.append(indent)
        .append('<')
        .append(tag)
        .append('>')
        .append(x(value))
        .append("</")
        .append(tag)
        .append(">\n");
  }

  static void writeOfacXml(Path dir, List<Designation> list, LocalDate published)
      throws IOException {
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" standalone=\"yes\"?>\n");
    sb.append(
        "<sdnList xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xmlns=\"https://tempuri.org/sdnList.xsd\">\n");
    sb.append("  <publshInformation>\n");
    el(
        sb,
        "    ",
        "Publish_Date",
        published.format(DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH)));
    el(sb, "    ", "Record_Count", String.valueOf(list.size()));
    sb.append("  </publshInformation>\n");
    for (Designation d : sorted(list)) {
      Entity e = d.entity();
      int uid = d.ofacUid() * 10;
      sb.append("  <sdnEntry>\n");
      el(sb, "    ", "uid", String.valueOf(d.ofacUid()));
      if (d.individual() && !e.name().family().isEmpty()) {
        el(sb, "    ", "firstName", ascii(e.name().given()));
        el(sb, "    ", "lastName", ascii(e.name().family()).toUpperCase(Locale.ROOT));
      } else {
        el(sb, "    ", "lastName", ofacName(e));
      }
      el(sb, "    ", "sdnType", d.individual() ? "Individual" : "Entity");
      sb.append("    <programList>\n");
      el(sb, "      ", "program", d.program());
      sb.append("    </programList>\n");
      sb.append("    <idList>\n");
      if (d.individual()) {
        sb.append("      <id>\n");
        el(sb, "        ", "uid", String.valueOf(uid++));
        el(sb, "        ", "idType", "Passport");
        el(sb, "        ", "idNumber", e.idDocument());
        el(sb, "        ", "idCountry", countryName(e.nationality()));
        sb.append("      </id>\n");
      }
      for (String[] wallet : d.wallets()) {
        sb.append("      <id>\n");
        el(sb, "        ", "uid", String.valueOf(uid++));
        el(sb, "        ", "idType", "Digital Currency Address - " + wallet[0]);
        el(sb, "        ", "idNumber", wallet[1]);
        sb.append("      </id>\n");
      }
      sb.append("    </idList>\n");
      if (!d.aliases().isEmpty()) {
        sb.append("    <akaList>\n");
        for (String a : d.aliases()) {
          sb.append("      <aka>\n");
          el(sb, "        ", "uid", String.valueOf(uid++));
          el(sb, "        ", "type", "a.k.a.");
          el(sb, "        ", "category", "strong");
          el(sb, "        ", "lastName", a);
          sb.append("      </aka>\n");
        }
        sb.append("    </akaList>\n");
      }
      sb.append("    <addressList>\n      <address>\n");
      el(sb, "        ", "uid", String.valueOf(uid++));
      if (!e.street().isEmpty()) {
        el(sb, "        ", "address1", e.street());
      }
      el(sb, "        ", "city", e.city());
      el(sb, "        ", "country", countryName(e.country()));
      sb.append("      </address>\n    </addressList>\n");
      if (d.individual()) {
        sb.append("    <nationalityList>\n      <nationality>\n");
        el(sb, "        ", "uid", String.valueOf(uid++));
        el(sb, "        ", "country", countryName(e.nationality()));
        el(sb, "        ", "mainEntry", "true");
        sb.append("      </nationality>\n    </nationalityList>\n");
        sb.append("    <dateOfBirthList>\n      <dateOfBirthItem>\n");
        el(sb, "        ", "uid", String.valueOf(uid++));
        el(sb, "        ", "dateOfBirth", dob(e.dob()));
        el(sb, "        ", "mainEntry", "true");
        sb.append("      </dateOfBirthItem>\n    </dateOfBirthList>\n");
      }
      sb.append("  </sdnEntry>\n");
    }
    sb.append("</sdnList>\n");
    Files.writeString(dir.resolve("sdn.xml"), sb, StandardCharsets.UTF_8);
  }

  // ---- UN Security Council consolidated XML --------------------------------------------------

  static void writeUnXml(Path dir, List<Designation> list, LocalDate published, LocalDate start)
      throws IOException {
    Files.createDirectories(dir);
    List<Designation> un = sorted(list).stream().filter(Designation::onUn).toList();
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(
        "<CONSOLIDATED_LIST xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xsi:noNamespaceSchemaLocation=\"https://scsanctions.un.org/resources/xml/en/"
            + "consolidated.xsd\" dateGenerated=\""
            + published
            + "T00:00:00.000Z\">\n");
    sb.append("  <INDIVIDUALS>\n");
    for (Designation d : un) {
      if (!d.individual()) {
        continue;
      }
      Entity e = d.entity();
      String listedOn =
          start
              .plusDays(d.listedDay())
              .minusYears(d.entity().schemeId().isEmpty() ? 3 : 0)
              .toString();
      sb.append("    <INDIVIDUAL>\n");
      el(sb, "      ", "DATAID", String.valueOf(d.unDataId()));
      el(sb, "      ", "VERSIONNUM", "1");
      String[] words =
          (e.name().family().isEmpty()
                  ? e.name().given()
                  : e.name().given() + " " + e.name().family())
              .split(" ");
      String[] tags = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"};
      for (int i = 0; i < words.length && i < 4; i++) {
        el(
            sb,
            "      ",
            tags[i],
            i == 3
                ? String.join(" ", java.util.Arrays.copyOfRange(words, 3, words.length))
                : words[i]);
      }
      el(sb, "      ", "UN_LIST_TYPE", unListType(d));
      el(sb, "      ", "REFERENCE_NUMBER", d.unReference());
      el(sb, "      ", "LISTED_ON", listedOn);
      el(sb, "      ", "COMMENTS1", "Synthetic designation generated by scamflow.");
      sb.append("      <NATIONALITY>\n");
      el(sb, "        ", "VALUE", countryName(e.nationality()));
      sb.append("      </NATIONALITY>\n");
      sb.append("      <LIST_TYPE>\n");
      el(sb, "        ", "VALUE", "UN List");
      sb.append("      </LIST_TYPE>\n");
      for (String a : d.aliases()) {
        sb.append("      <INDIVIDUAL_ALIAS>\n");
        el(sb, "        ", "QUALITY", "Good");
        el(sb, "        ", "ALIAS_NAME", a);
        sb.append("      </INDIVIDUAL_ALIAS>\n");
      }
      sb.append("      <INDIVIDUAL_ADDRESS>\n");
      el(sb, "        ", "CITY", e.city());
      el(sb, "        ", "COUNTRY", countryName(e.country()));
      sb.append("      </INDIVIDUAL_ADDRESS>\n");
      sb.append("      <INDIVIDUAL_DATE_OF_BIRTH>\n");
      el(sb, "        ", "TYPE_OF_DATE", "EXACT");
      el(sb, "        ", "DATE", e.dob());
      sb.append("      </INDIVIDUAL_DATE_OF_BIRTH>\n");
      sb.append("      <INDIVIDUAL_PLACE_OF_BIRTH>\n");
      el(sb, "        ", "CITY", e.city());
      el(sb, "        ", "COUNTRY", countryName(e.nationality()));
      sb.append("      </INDIVIDUAL_PLACE_OF_BIRTH>\n");
      sb.append("      <INDIVIDUAL_DOCUMENT>\n");
      el(sb, "        ", "TYPE_OF_DOCUMENT", "Passport");
      el(sb, "        ", "NUMBER", e.idDocument());
      el(sb, "        ", "ISSUING_COUNTRY", countryName(e.nationality()));
      sb.append("      </INDIVIDUAL_DOCUMENT>\n");
      sb.append("      <SORT_KEY/>\n      <SORT_KEY_LAST_MOD/>\n");
      sb.append("    </INDIVIDUAL>\n");
    }
    sb.append("  </INDIVIDUALS>\n  <ENTITIES>\n");
    for (Designation d : un) {
      if (d.individual()) {
        continue;
      }
      Entity e = d.entity();
      sb.append("    <ENTITY>\n");
      el(sb, "      ", "DATAID", String.valueOf(d.unDataId()));
      el(sb, "      ", "VERSIONNUM", "1");
      el(sb, "      ", "FIRST_NAME", e.canonical().toUpperCase(Locale.ROOT));
      el(sb, "      ", "UN_LIST_TYPE", unListType(d));
      el(sb, "      ", "REFERENCE_NUMBER", d.unReference());
      el(sb, "      ", "LISTED_ON", start.plusDays(d.listedDay()).toString());
      el(sb, "      ", "COMMENTS1", "Synthetic designation generated by scamflow.");
      sb.append("      <LIST_TYPE>\n");
      el(sb, "        ", "VALUE", "UN List");
      sb.append("      </LIST_TYPE>\n");
      for (String a : d.aliases()) {
        sb.append("      <ENTITY_ALIAS>\n");
        el(sb, "        ", "QUALITY", "Good");
        el(sb, "        ", "ALIAS_NAME", a);
        sb.append("      </ENTITY_ALIAS>\n");
      }
      sb.append("      <ENTITY_ADDRESS>\n");
      el(sb, "        ", "CITY", e.city());
      el(sb, "        ", "COUNTRY", countryName(e.country()));
      sb.append("      </ENTITY_ADDRESS>\n");
      sb.append("      <SORT_KEY/>\n      <SORT_KEY_LAST_MOD/>\n");
      sb.append("    </ENTITY>\n");
    }
    sb.append("  </ENTITIES>\n</CONSOLIDATED_LIST>\n");
    Files.writeString(dir.resolve("consolidated.xml"), sb, StandardCharsets.UTF_8);
  }

  private static String unListType(Designation d) {
    if (!d.entity().schemeId().isEmpty()) {
      return "Cyber Scam Centres";
    }
    return d.unReference().startsWith("QD") ? "Al-Qaida" : "DPRK";
  }
}
