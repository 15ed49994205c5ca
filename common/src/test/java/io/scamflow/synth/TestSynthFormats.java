package io.scamflow.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TestSynthFormats {
  private final Path landing = TinyWorld.dir().resolve("landing");

  @Test
  void everyXmlFileIsWellFormedInItsNamespace() {
    List<Path> xml =
        TinyWorld.files(landing).stream().filter(p -> p.toString().endsWith(".xml")).toList();
    assertThat(xml).hasSizeGreaterThan(7);
    for (Path f : xml) {
      Document d = Parsers.xml(f);
      String root = d.getDocumentElement().getLocalName();
      String ns = d.getDocumentElement().getNamespaceURI();
      switch (root) {
        case "Document" ->
            assertThat(ns).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08");
        case "sdnList" -> assertThat(ns).isEqualTo("https://tempuri.org/sdnList.xsd");
        case "CONSOLIDATED_LIST" -> assertThat(ns).isNull();
        default -> throw new AssertionError("unexpected root " + root + " in " + f);
      }
    }
  }

  @Test
  void everyCsvFileParsesWithItsHeaderWidth() {
    List<Path> csv =
        TinyWorld.files(TinyWorld.dir()).stream()
            .filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("ofac-sdn-csv"))
            .toList();
    assertThat(csv).hasSizeGreaterThan(20);
    for (Path f : csv) {
      List<String[]> rows = Parsers.csv(f, StandardCharsets.UTF_8);
      int width = rows.get(0).length;
      assertThat(rows).as(f.toString()).allMatch(r -> r.length == width);
    }
  }

  @Test
  void amlworldFilesUseTheAmlworldLayout() {
    for (Path f : TinyWorld.files(landing, "bank/ibm-aml-csv")) {
      List<String[]> rows = Parsers.csv(f, StandardCharsets.UTF_8);
      assertThat(String.join(",", rows.get(0)))
          .isEqualTo(
              "Timestamp,From Bank,Account,To Bank,Account,Amount Received,"
                  + "Receiving Currency,Amount Paid,Payment Currency,Payment Format");
      for (String[] r : rows.subList(1, rows.size())) {
        assertThat(r[0]).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}");
        assertThat(r[5]).matches("\\d+\\.\\d{2}");
        assertThat(r[9]).isIn("ACH", "Wire", "Cheque", "Cash", "Credit Card");
      }
    }
  }

  @Test
  void tronFilesAreTronGridJsonWithValidAddresses() {
    List<Path> files = TinyWorld.files(landing, "chain/trc20-json");
    assertThat(files).isNotEmpty();
    int fake = 0;
    for (Path f : files) {
      JsonNode root = Parsers.json(f);
      assertThat(root.get("success").asBoolean()).isTrue();
      assertThat(root.get("meta").get("page_size").asInt()).isEqualTo(root.get("data").size());
      for (JsonNode tx : root.get("data")) {
        assertThat(tx.get("transaction_id").asText()).matches("[0-9a-f]{64}");
        assertThat(Addresses.isValidTron(tx.get("from").asText())).as(tx.toString()).isTrue();
        assertThat(Addresses.isValidTron(tx.get("to").asText())).as(tx.toString()).isTrue();
        assertThat(tx.get("value").asText()).matches("[1-9]\\d*");
        String contract = tx.get("token_info").get("address").asText();
        assertThat(Addresses.isValidTron(contract)).isTrue();
        if (!contract.equals("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")) {
          fake++;
        }
      }
    }
    assertThat(fake).isPositive();
  }

  @Test
  void base58checkRejectsCorruptedAddresses() {
    assertThat(Addresses.isValidTron("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isTrue();
    assertThat(Addresses.isValidTron("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isFalse();
    assertThat(Addresses.isValidTron("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isFalse();
    assertThat(Addresses.isValidTron(Addresses.tron(Rng.of(1, "x")))).isTrue();
  }

  @Test
  void erc20FilesUseTheBigQueryLayout() {
    for (Path f : TinyWorld.files(landing, "chain/erc20-csv")) {
      for (Map<String, String> r : Parsers.csvMaps(f, StandardCharsets.UTF_8)) {
        assertThat(r.get("token_address")).isEqualTo("0xdac17f958d2ee523a2206206994597c13d831ec7");
        assertThat(r.get("from_address")).matches("0x[0-9a-f]{40}");
        assertThat(r.get("transaction_hash")).matches("0x[0-9a-f]{64}");
        assertThat(r.get("block_timestamp"))
            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
      }
    }
  }

  @Test
  void ofacCsvIsLatin1CrlfWithRemarksOverflowingIntoComments() throws Exception {
    Path dir = landing.resolve("2026-03-02/sanctions/ofac-sdn-csv");
    for (String name : List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")) {
      byte[] bytes = Files.readAllBytes(dir.resolve(name));
      assertThat(bytes[bytes.length - 1]).as(name).isEqualTo((byte) 0x1A);
      String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      assertThat(text).endsWith("\r\n");
      assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }
    String sdn = Files.readString(dir.resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
    assertThat(sdn)
        .contains("-0- ")
        .contains("Digital Currency Address - USDT T")
        .contains("MÉRIDA");
    List<String[]> rows = Parsers.csv(dir.resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
    assertThat(rows).allMatch(r -> r.length == 12 || r.length == 1);
    // one Tron address is cut between sdn.csv and sdn_comments.csv
    List<String[]> comments =
        Parsers.csv(dir.resolve("sdn_comments.csv"), StandardCharsets.ISO_8859_1);
    boolean split = false;
    for (String[] c : comments) {
      if (c.length < 2) {
        continue;
      }
      String head = rows.stream().filter(r -> r[0].equals(c[0])).findFirst().orElseThrow()[11];
      assertThat(head).hasSize(Sanctions.REMARKS_CUT);
      Matcher m = Pattern.compile("(T[1-9A-HJ-NP-Za-km-z]{33})").matcher(head + c[1]);
      while (m.find()) {
        if (m.start() < head.length() && m.end() > head.length()) {
          split = Addresses.isValidTron(m.group(1));
        }
      }
    }
    assertThat(split).isTrue();
  }

  @Test
  void laterPublicationAddsDesignations() {
    Document first = Parsers.xml(landing.resolve("2026-03-02/sanctions/ofac-sdn-xml/sdn.xml"));
    Document later = Parsers.xml(landing.resolve("2026-03-05/sanctions/ofac-sdn-xml/sdn.xml"));
    String ns = "https://tempuri.org/sdnList.xsd";
    int a = first.getElementsByTagNameNS(ns, "sdnEntry").getLength();
    int b = later.getElementsByTagNameNS(ns, "sdnEntry").getLength();
    assertThat(b).isGreaterThan(a);
    assertThat(later.getElementsByTagNameNS(ns, "idType").item(0)).isNotNull();
    Document un = Parsers.xml(landing.resolve("2026-03-05/sanctions/un-sc-xml/consolidated.xml"));
    assertThat(un.getElementsByTagName("INDIVIDUAL").getLength()).isPositive();
    assertThat(un.getElementsByTagName("ENTITY").getLength()).isPositive();
  }
}
