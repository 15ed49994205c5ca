package io.scamflow.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TestMoreSanctionsReaders {
  private static List<String> names(Row entry) {
    return entry.<Row>getList(8).stream()
        .map(n -> n.getString(0) + "/" + n.getString(1) + "/" + n.getString(2))
        .toList();
  }

  @Test
  void euFsfReadsAttributesIntoEntitiesWithStrongAndWeakAliases() throws Exception {
    CollectingSink sink =
        CollectingSink.read(new EuFsfXmlReader(), CollectingSink.fixture("eu-fsf-xml/fsf.xml"));
    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted)
        .hasSize(2)
        .allMatch(r -> r.getDate(1).toString().equals("2026-02-10"));
    Row garantex = sink.byId().get("139011");
    assertThat(garantex.getString(4)).isEqualTo("GARANTEX EUROPE OU");
    assertThat(garantex.getString(3)).isEqualTo("entity");
    assertThat(garantex.getDate(6)).hasToString("2022-04-08");
    assertThat(names(garantex)).contains("Garantex/aka/weak");
    assertThat(garantex.<Row>getList(9))
        .extracting(i -> i.getString(0) + ":" + i.getString(1) + ":" + i.getString(2))
        .contains("Registration Number:14737000:ESTONIA", "EU Reference Number:EU.9581.65:null");
    Row petrov = sink.byId().get("13");
    assertThat(petrov.getString(3)).isEqualTo("individual");
    assertThat(petrov.<String>getList(13)).containsExactly("RUSSIAN FEDERATION");
    assertThat(petrov.<Row>getList(12))
        .extracting(d -> d.getDate(1).toString())
        .containsExactly("1970-03-15");
  }

  @Test
  void ukFcdoXmlReadsDayFirstDatesNamePartsAndIndividualDetails() throws Exception {
    CollectingSink sink =
        CollectingSink.read(
            new UkFcdoXmlReader(), CollectingSink.fixture("uk-fcdo/UK-Sanctions-List.xml"));
    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted)
        .hasSize(2)
        .allMatch(r -> r.getDate(1).toString().equals("2026-02-03"));
    Row ivanov = sink.byId().get("RUS1234");
    assertThat(ivanov.getString(4)).isEqualTo("Aleksandr Sergeyevich IVANOV");
    assertThat(ivanov.getDate(6)).hasToString("2022-03-15");
    assertThat(names(ivanov))
        .contains(
            "Alexander IVANOFF/aka/good quality",
            "Александр Сергеевич ИВАНОВ/aka/non_latin_script");
    assertThat(ivanov.<Row>getList(12))
        .extracting(d -> d.getDate(1).toString())
        .containsExactly("1975-03-02");
    assertThat(ivanov.<String>getList(13)).containsExactly("Russia");
    assertThat(ivanov.<Row>getList(9))
        .extracting(i -> i.getString(0) + ":" + i.getString(1))
        .contains("Passport:720012345", "OFSI Group ID:15034");
    assertThat(ivanov.<Row>getList(11))
        .extracting(a -> a.getString(5))
        .containsExactly("Presnenskaya Embankment 12, Moscow, Russia");
    assertThat(sink.byId().get("AFG0001").getString(3)).isEqualTo("entity");
  }

  @Test
  void openSanctionsFtmKeepsPartiesAndWalletsSkipsOtherSchemasAndQuarantinesBadLines()
      throws Exception {
    CollectingSink sink =
        CollectingSink.read(
            new OpenSanctionsFtmReader(),
            CollectingSink.fixture("opensanctions-ftm/entities.ftm.json"));
    assertThat(sink.byId())
        .containsOnlyKeys("NK-garantex", "NK-wallet-1", "NK-person-1", "NK-wallet-2");
    Row wallet = sink.byId().get("NK-wallet-1");
    assertThat(wallet.getString(3)).isEqualTo("wallet");
    assertThat(wallet.<Row>getList(10))
        .extracting(c -> c.getString(0) + " " + c.getString(1))
        .containsExactly("USDT TRON");
    assertThat(wallet.<Row>getList(9))
        .extracting(i -> i.getString(0) + ":" + i.getString(1))
        .containsExactly("Wallet Holder:NK-garantex");
    assertThat(names(sink.byId().get("NK-person-1"))).contains("Vanya/aka/weak");
    assertThat(sink.byId().get("NK-garantex").<String>getList(5))
        .containsExactly("US-CYBER", "EU-RUS");
    assertThat(sink.rejected)
        .extracting(CollectingSink.Rejected::position)
        .containsExactly("line 5", "line 6");
    assertThat(sink.rejected.get(0).reason()).contains("EIP-55");
  }

  @Test
  void addressWatchlistNamesTheListAfterItsFileAndValidatesEachAddress() throws Exception {
    CollectingSink sink =
        CollectingSink.read(
            new AddressWatchlistCsvReader(),
            CollectingSink.fixture("address-watchlist-csv/known_scams.csv"));
    assertThat(sink.accepted).hasSize(3).allMatch(r -> r.getString(0).equals("KNOWN_SCAMS"));
    assertThat(sink.byId())
        .containsKeys(
            "TRON:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "ETHEREUM:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "BITCOIN:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    assertThat(sink.byId().get("BITCOIN:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").getString(4))
        .isEqualTo("scam \"investment\" site");
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position()).isEqualTo("line 5");
              assertThat(r.reason()).contains("checksum");
            });
  }

  @Test
  void sdnAdvancedResolvesReferenceSetsFeaturesDocumentsAndSanctionsEntries() throws Exception {
    CollectingSink sink =
        CollectingSink.read(
            new OfacSdnAdvancedXmlReader(),
            CollectingSink.fixture("ofac-sdn-advanced-xml/SDN_ADVANCED.XML"));
    assertThat(sink.accepted)
        .hasSize(2)
        .allMatch(r -> r.getDate(1).toString().equals("2026-02-12"));
    Row huione = sink.byId().get("70001");
    assertThat(huione.getString(4)).isEqualTo("HUIONE PAY PLC");
    assertThat(huione.getString(3)).isEqualTo("entity");
    assertThat(huione.<String>getList(5)).containsExactly("CYBER2");
    assertThat(huione.getDate(6)).hasToString("2025-05-01");
    assertThat(names(huione)).contains("HUIONE PAYMENTS/fka/strong");
    assertThat(huione.<Row>getList(10))
        .extracting(c -> c.getString(0) + " " + c.getString(1) + " " + c.getString(2))
        .containsExactly("USDT TRON TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    assertThat(huione.<Row>getList(11))
        .extracting(a -> a.getString(5))
        .containsExactly("Sihanoukville, Cambodia");

    Row zhang = sink.byId().get("70002");
    assertThat(zhang.getString(3)).isEqualTo("individual");
    assertThat(zhang.getString(4)).isEqualTo("Wei ZHANG");
    assertThat(names(zhang)).contains("FAST4RELEASE/aka/weak");
    assertThat(zhang.<Row>getList(12))
        .extracting(d -> d.getDate(1).toString())
        .containsExactly("1988-12-15");
    assertThat(zhang.<String>getList(13)).containsExactly("China");
    assertThat(zhang.<Row>getList(9))
        .extracting(i -> i.getString(0) + ":" + i.getString(1) + ":" + i.getString(2))
        .containsExactly("Passport:E59165201:China");
    assertThat(zhang.<Row>getList(10)).extracting(c -> c.getString(0)).containsExactly("XBT");
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("invalid ETH"));
  }
}
