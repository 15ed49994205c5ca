package io.scamflow.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOfacCsvReader {
  private static final Pattern LEADING_ID = Pattern.compile("^(\\d+),");
  private static final Pattern ALT = Pattern.compile("^(\\d+),\\d+,\"(\\w+)\",\"(.*?)\",");
  private static final Pattern EMPTY_ADDRESS = Pattern.compile("^\\d+,\\d+,-0- ?,-0- ?,-0- ?,");
  private static final Pattern DCA = Pattern.compile("Digital Currency Address - (\\w+) ");

  /** Raw lines of a fixture file, decoded as OFAC writes them (Latin-1, CRLF, 0x1A). */
  private static List<String> lines(Path file) throws Exception {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    return text.replace("\u001a", "").lines().filter(l -> !l.isBlank()).toList();
  }

  private static Set<String> ids(List<String> lines) {
    Set<String> out = new HashSet<>();
    for (String l : lines) {
      Matcher m = LEADING_ID.matcher(l);
      if (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Counts made by scanning the raw text, independent of the reader's parsing. */
  private record RawCounts(
      int entries,
      int distinctAliases,
      int addresses,
      int orphanComments,
      Map<String, Integer> digitalPerAsset) {}

  private static RawCounts count(Path folder, String prim, String add, String alt, String comments)
      throws Exception {
    List<String> primary = lines(folder.resolve(prim));
    Set<String> ids = ids(primary);
    Set<String> aliases = new HashSet<>();
    for (String l : lines(folder.resolve(alt))) {
      Matcher m = ALT.matcher(l);
      assertThat(m.find()).as(l).isTrue();
      aliases.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3).strip());
    }
    int addresses = 0;
    for (String l : lines(folder.resolve(add))) {
      if (!EMPTY_ADDRESS.matcher(l).find()) {
        addresses++;
      }
    }
    int orphans = 0;
    Map<String, Integer> digital = new TreeMap<>();
    List<String> text = new java.util.ArrayList<>(primary);
    for (String l : lines(folder.resolve(comments))) {
      Matcher m = LEADING_ID.matcher(l);
      m.find();
      if (ids.contains(m.group(1))) {
        text.add(l);
      } else {
        orphans++;
      }
    }
    for (String l : text) {
      Matcher m = DCA.matcher(l);
      while (m.find()) {
        digital.merge(m.group(1), 1, Integer::sum);
      }
    }
    return new RawCounts(ids.size(), aliases.size(), addresses, orphans, digital);
  }

  private static long strongAliases(CollectingSink sink) {
    return sink.nested("names").stream()
        .filter(n -> "strong".equals(n.getString(2)) && !"primary".equals(n.getString(1)))
        .count();
  }

  @Test
  void theReal2019SdnSetLoadsEveryEntryAliasAddressAndDigitalCurrencyAddress() throws Exception {
    Path folder = CollectingSink.fixture("ofac-sdn-csv-2019");
    RawCounts raw = count(folder, "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
    CollectingSink sink = CollectingSink.read(OfacCsvReader.sdn(), folder.resolve("sdn.csv"));

    assertThat(sink.accepted).hasSize(raw.entries()).hasSize(7379);
    assertThat(strongAliases(sink)).isEqualTo(raw.distinctAliases());
    assertThat(sink.nested("addresses")).hasSize(raw.addresses());
    assertThat(sink.cryptoPerAsset()).isEqualTo(raw.digitalPerAsset()).containsEntry("XBT", 2);
    // this copy's sdn_comments.csv is newer than its sdn.csv: continuations of entries the set
    // lacks are quarantined, and none of the addresses in them is loaded
    assertThat(sink.rejected).hasSize(raw.orphanComments()).hasSize(10);
    assertThat(sink.rejected).allMatch(r -> r.reason().contains("not in sdn.csv"));

    Row khorashadizadeh = sink.byId().get("26137");
    assertThat(khorashadizadeh.getString(4)).isEqualTo("KHORASHADIZADEH, Ali");
    assertThat(khorashadizadeh.getString(3)).isEqualTo("individual");
    assertThat(khorashadizadeh.<Row>getList(10))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getString(0)).isEqualTo("XBT");
              assertThat(c.getString(1)).isEqualTo("BITCOIN");
              assertThat(c.getString(2)).isEqualTo("149w62rY42aZBox8fGcmqNsXUzSStKeq8C");
            });
    assertThat(khorashadizadeh.<Row>getList(12))
        .extracting(d -> d.getDate(1).toString())
        .containsExactly("1979-09-21");
    assertThat(khorashadizadeh.<String>getList(13)).containsExactly("Iran");
    assertThat(khorashadizadeh.<Row>getList(9))
        .anySatisfy(
            i -> {
              assertThat(i.getString(0)).isEqualTo("Passport");
              assertThat(i.getString(1)).isEqualTo("T14553558");
              assertThat(i.getString(2)).isEqualTo("Iran");
            });
    assertThat(khorashadizadeh.<Row>getList(8))
        .extracting(n -> n.getString(0) + "/" + n.getString(1) + "/" + n.getString(2))
        .contains("KHORASHADIZADEH, Ali/primary/null", "Mastercartaria/aka/weak");

    // a remark cut at 1000 characters is joined with its continuation
    Row cifuentes = sink.byId().get("12300");
    assertThat(cifuentes.getString(7)).contains("Linked To: PROMO RAIZ S.A.S.");
  }

  @Test
  void theReal2025ConsolidatedSetJoinsEveryContinuation() throws Exception {
    Path folder = CollectingSink.fixture("ofac-cons-csv-2025");
    RawCounts raw =
        count(folder, "cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv");
    CollectingSink sink =
        CollectingSink.read(OfacCsvReader.consolidated(), folder.resolve("cons_prim.csv"));

    assertThat(sink.accepted).hasSize(raw.entries()).hasSize(442);
    assertThat(strongAliases(sink)).isEqualTo(raw.distinctAliases());
    assertThat(sink.nested("addresses")).hasSize(raw.addresses());
    assertThat(sink.cryptoPerAsset()).isEqualTo(raw.digitalPerAsset());
    assertThat(raw.orphanComments()).isZero();
    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted).allMatch(r -> "OFAC_CONS".equals(r.getString(0)));
    long longRemarks =
        sink.accepted.stream()
            .filter(r -> r.getString(7) != null && r.getString(7).length() > 1000)
            .count();
    assertThat(longRemarks).isEqualTo(10);
  }

  private static void write(Path file, String... records) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String r : records) {
      out.write((r + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write(0x1A);
    Files.write(file, out.toByteArray());
  }

  /** A Remarks field of exactly the 1000-character limit, ending in {@code tail}. */
  private static String cutRemark(String tail) {
    String head = "DOB 01 Jan 1980; nationality Korea, North; ";
    StringBuilder sb = new StringBuilder(head);
    while (sb.length() + tail.length() < 1000) {
      sb.append("Linked To: LAZARUS GROUP; ".substring(0, 1));
    }
    return sb.append(tail).toString();
  }

  private static String sdnLine(String id, String name, String remarks) {
    return id
        + ",\""
        + name
        + "\",\"individual\",\"DPRK3] [CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\""
        + remarks
        + "\"";
  }

  @Test
  void anAddressCutAtTheRemarkLimitWithoutContinuationIsQuarantinedNotLoaded(@TempDir Path dir)
      throws Exception {
    String cut = cutRemark("x; Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXin");
    String continued = cutRemark("x; alt. Digital Currency Address - ETH 0x4736dCf1b7A3d580");
    assertThat(cut).hasSize(1000);
    write(
        dir.resolve("sdn.csv"),
        sdnLine("90001", "CUT, Remark", cut),
        sdnLine("90002", "CONTINUED, Remark", continued));
    write(dir.resolve("sdn_comments.csv"), "90002,\"672CcE6E7c65cd5cc9cFBa9D; Gender Male.\"");
    write(dir.resolve("alt.csv"), "90001,1,\"aka\",\"KIM, Cut\",-0- ");
    write(dir.resolve("add.csv"), "90002,1,-0- ,\"Pyongyang\",\"Korea, North\",-0- ");

    CollectingSink sink = CollectingSink.read(OfacCsvReader.sdn(), dir.resolve("sdn.csv"));

    Map<String, Row> byId = sink.byId();
    assertThat(byId.get("90001").<Row>getList(10)).isEmpty();
    assertThat(byId.get("90002").<Row>getList(10))
        .extracting(c -> c.getString(0) + " " + c.getString(2))
        .containsExactly("ETH 0x4736dcf1b7a3d580672cce6e7c65cd5cc9cfba9d");
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position()).isEqualTo("sdn.csv line 1");
              assertThat(r.reason()).contains("cut at 1000 characters");
              assertThat(r.raw())
                  .isEqualTo("Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXin");
            });
    assertThat(byId.get("90001").<String>getList(13)).containsExactly("Korea, North");
    assertThat(byId.get("90001").<String>getList(5)).containsExactly("DPRK3", "CYBER2");
  }

  @Test
  void aFolderWithOnlySomeOfTheFourFilesLoadsWhatIsThereAndReportsWhatIsMissing(@TempDir Path dir)
      throws Exception {
    write(
        dir.resolve("SDN.CSV"),
        sdnLine(
            "90003",
            "ALONE, Entry",
            "Digital Currency Address - TRX TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t."));
    write(dir.resolve("alt.csv"), "90003,1,\"fka\",\"FORMER, Name\",-0- ");

    CollectingSink sink = CollectingSink.read(OfacCsvReader.sdn(), dir.resolve("SDN.CSV"));

    assertThat(sink.accepted).hasSize(1);
    assertThat(sink.nested("names"))
        .extracting(n -> n.getString(1))
        .containsExactly("primary", "fka");
    assertThat(sink.cryptoPerAsset()).containsExactly(Map.entry("TRX", 1));
    assertThat(sink.rejected)
        .extracting(CollectingSink.Rejected::reason)
        .hasSize(2)
        .anyMatch(r -> r.startsWith("add.csv is missing"))
        .anyMatch(r -> r.startsWith("sdn_comments.csv is missing"));
  }

  @Test
  void anInvalidAddressIsQuarantinedWithTheValidatorsReason(@TempDir Path dir) throws Exception {
    write(
        dir.resolve("sdn.csv"),
        sdnLine(
            "90004",
            "BAD, Wallet",
            "Digital Currency Address - ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeE; "
                + "alt. Digital Currency Address - XMR 4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx."));
    CollectingSink sink = CollectingSink.read(OfacCsvReader.sdn(), dir.resolve("sdn.csv"));
    assertThat(sink.cryptoPerAsset()).containsExactly(Map.entry("XMR", 1));
    assertThat(sink.nested("crypto_addresses").get(0).getBoolean(4)).isFalse();
    assertThat(sink.rejected)
        .anySatisfy(r -> assertThat(r.reason()).contains("invalid ETH address").contains("EIP-55"));
  }
}
