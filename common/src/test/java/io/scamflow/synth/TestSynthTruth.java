package io.scamflow.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TestSynthTruth {
  private static final String PACS = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08";

  @Test
  void everyTypologyIsPresentInTinyWithLaunderingLabels() {
    List<Map<String, String>> rows = TinyWorld.truth("transfers");
    Map<String, Set<String>> labels = new HashMap<>();
    for (Map<String, String> r : rows) {
      labels.computeIfAbsent(r.get("typology"), k -> new TreeSet<>()).add(r.get("laundering"));
    }
    for (String typology : ScamWorld.TYPOLOGIES) {
      assertThat(labels.get(typology)).as(typology).containsExactly("1");
    }
    for (String decoy : List.of("payroll", "retail", "supplier", "family_circle", "otc_payout")) {
      assertThat(labels.get(decoy)).as(decoy).containsExactly("0");
    }
    assertThat(rows.stream().filter(r -> r.get("laundering").equals("1")))
        .allMatch(r -> r.get("scheme_id").matches("S\\d\\d"));
  }

  @Test
  void truthJoinsToTheGeneratedRecordsWithNoOrphansEitherWay() {
    Path landing = TinyWorld.dir().resolve("landing");
    List<String> records = new java.util.ArrayList<>();
    for (Path f : TinyWorld.files(landing, "bank/ibm-aml-csv")) {
      String rel = landing.relativize(f).toString().replace('\\', '/');
      List<String[]> rows = Parsers.csv(f, StandardCharsets.UTF_8);
      for (int line = 2; line <= rows.size(); line++) {
        records.add("ibm-aml-csv|" + rel + "#" + line);
      }
    }
    for (Path f : TinyWorld.files(landing, "bank/iso20022-pacs008")) {
      NodeList ids = Parsers.xml(f).getElementsByTagNameNS(PACS, "EndToEndId");
      for (int i = 0; i < ids.getLength(); i++) {
        records.add("iso20022-pacs008|" + ids.item(i).getTextContent());
      }
    }
    for (Path f : TinyWorld.files(landing, "bank/swift-mt103")) {
      for (String msg : read(f).split("\n\\$\n")) {
        String ref = msg.lines().filter(l -> l.startsWith(":20:")).findFirst().orElseThrow();
        records.add("swift-mt103|" + ref.substring(4));
      }
    }
    for (Path f : TinyWorld.files(landing, "chain/trc20-json")) {
      for (JsonNode tx : Parsers.json(f).get("data")) {
        records.add("trc20-json|" + tx.get("transaction_id").asText());
      }
    }
    for (Path f : TinyWorld.files(landing, "chain/erc20-csv")) {
      for (Map<String, String> r : Parsers.csvMaps(f, StandardCharsets.UTF_8)) {
        records.add("erc20-csv|" + r.get("transaction_hash") + ":" + r.get("log_index"));
      }
    }
    List<String> truth =
        TinyWorld.truth("transfers").stream()
            .map(
                r ->
                    r.get("format")
                        + "|"
                        + r.get("record_id")
                        + (r.get("log_index").isEmpty() ? "" : ":" + r.get("log_index")))
            .toList();
    assertThat(new HashSet<>(records)).hasSize(records.size());
    assertThat(new HashSet<>(truth)).hasSize(truth.size());
    assertThat(records).hasSameSizeAs(truth);
    assertThat(new HashSet<>(records)).isEqualTo(new HashSet<>(truth));
    assertThat((long) truth.size()).isEqualTo(TinyWorld.result().transfers());
  }

  @Test
  void everyPartyOfATransferHasAccountTruthAndEveryEntityIsKnown() {
    Set<String> accounts =
        TinyWorld.truth("accounts").stream()
            .map(r -> r.get("account_key"))
            .collect(Collectors.toSet());
    Set<String> entities =
        TinyWorld.truth("entities").stream()
            .map(r -> r.get("entity_id"))
            .collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>();
    for (Map<String, String> r : TinyWorld.truth("transfers")) {
      for (String side : List.of("from", "to")) {
        if (!accounts.contains(r.get(side + "_key")) && !r.get(side + "_entity").equals("F0")) {
          missing.add(r.get(side + "_key") + " " + r.get("typology"));
        }
        assertThat(entities).contains(r.get(side + "_entity"));
      }
    }
    assertThat(missing).isEmpty();
    for (Map<String, String> r : TinyWorld.truth("entity-records")) {
      assertThat(entities).contains(r.get("entity_id"));
    }
  }

  @Test
  void launderingShareStaysInItsConfiguredRange() {
    WorldParameters p = TinyWorld.params();
    List<Map<String, String>> rows = TinyWorld.truth("transfers");
    long laundering = rows.stream().filter(r -> r.get("laundering").equals("1")).count();
    double share = (double) laundering / rows.size();
    assertThat(share).isBetween(p.minLaunderingShare(), p.maxLaunderingShare());
    assertThat(rows.size()).isBetween(8_000, 14_000);
  }

  @Test
  void honestMerchantActivityIsHeavyTailedWithinItsConfiguredRange() {
    WorldParameters p = TinyWorld.params();
    Map<String, Long> inDegree =
        TinyWorld.truth("transfers").stream()
            .filter(r -> r.get("typology").equals("retail"))
            .collect(Collectors.groupingBy(r -> r.get("to_key"), Collectors.counting()));
    List<Long> sorted = inDegree.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long total = sorted.stream().mapToLong(Long::longValue).sum();
    int top = Math.max(1, sorted.size() / 100);
    double topShare =
        sorted.subList(0, top).stream().mapToLong(Long::longValue).sum() / (double) total;
    assertThat(topShare).isBetween(p.minTopMerchantShare(), p.maxTopMerchantShare());
    // and most merchants are small: the median merchant has only a few customers
    assertThat(sorted.get(sorted.size() / 2)).isLessThan(sorted.get(0) / 10);
  }

  @Test
  void designatedWalletsAndAccountsAreInTheScreeningTruth() {
    List<Map<String, String>> screening = TinyWorld.truth("screening.csv");
    assertThat(screening).isNotEmpty();
    assertThat(screening).anyMatch(r -> r.get("party_kind").equals("bank_account"));
    assertThat(screening).anyMatch(r -> r.get("party_kind").equals("address"));
    Set<String> designatedKeys =
        screening.stream().map(r -> r.get("party_key")).collect(Collectors.toSet());
    // money reaches designated wallets in the transfers
    assertThat(TinyWorld.truth("transfers"))
        .anyMatch(
            r ->
                r.get("typology").equals("designated_wallet")
                    && designatedKeys.contains(r.get("to_key")));
  }

  @Test
  void oneMuleAppearsUnderSeveralNameVariants() {
    Map<String, Set<String>> names =
        TinyWorld.truth("entity-records").stream()
            .filter(r -> r.get("entity_id").contains("-M"))
            .collect(
                Collectors.groupingBy(
                    r -> r.get("entity_id"),
                    Collectors.mapping(r -> r.get("name_as_written"), Collectors.toSet())));
    assertThat(names.values()).anyMatch(s -> s.size() >= 2);
    // mule farms share phone numbers
    List<Map<String, String>> mules =
        TinyWorld.truth("entities").stream().filter(r -> r.get("role").equals("mule")).toList();
    long phones = mules.stream().map(r -> r.get("phone")).distinct().count();
    assertThat(phones).isLessThan(mules.size());
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unused")
  private static Element first(Document d, String tag) {
    return (Element) d.getElementsByTagNameNS(PACS, tag).item(0);
  }
}
