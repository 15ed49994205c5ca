package io.scamflow.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TestSanctionsXmlReaders {
  private static List<String> names(Row entry) {
    return entry.<Row>getList(8).stream()
        .map(n -> n.getString(0) + "/" + n.getString(1) + "/" + n.getString(2))
        .toList();
  }

  @Test
  void ofacSdnXmlReadsEntriesWithDigitalCurrencyIdsAndThePublishDate() throws Exception {
    CollectingSink sink =
        CollectingSink.read(new OfacSdnXmlReader(), CollectingSink.fixture("ofac-sdn-xml/sdn.xml"));

    assertThat(sink.accepted).hasSize(3);
    assertThat(sink.accepted)
        .allSatisfy(r -> assertThat(r.getDate(1)).hasToString("2026-01-20"))
        .allMatch(r -> r.getString(0).equals("OFAC_SDN"));
    Map<String, Row> byId = sink.byId();

    Row ali = byId.get("26137");
    assertThat(ali.getString(4)).isEqualTo("KHORASHADIZADEH, Ali");
    assertThat(ali.getString(3)).isEqualTo("individual");
    assertThat(names(ali)).contains("Mastercartaria/aka/weak");
    assertThat(ali.<Row>getList(9))
        .extracting(i -> i.getString(0) + ":" + i.getString(1) + ":" + i.getString(2))
        .containsExactly("Passport:T14553558:Iran", "Email Address:iranvisacart@yahoo.com:null");
    assertThat(ali.<Row>getList(12))
        .extracting(d -> d.getDate(1).toString())
        .containsExactly("1979-09-21");

    Row desk = byId.get("39796");
    assertThat(desk.<String>getList(5)).containsExactly("DPRK3", "CYBER2");
    assertThat(desk.<Row>getList(10))
        .extracting(c -> c.getString(0) + " " + c.getString(1) + " " + c.getString(2))
        .containsExactly(
            "USDT TRON TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "ETH ETHEREUM 0x4736dcf1b7a3d580672cce6e7c65cd5cc9cfba9d");
    assertThat(names(desk)).contains("OLD DESK LLC/fka/strong");
    assertThat(desk.<Row>getList(11))
        .extracting(a -> a.getString(5))
        .containsExactly("Unit 5, Harbour Road, Phnom Penh, Cambodia");
    // the second ETH id breaks its EIP-55 checksum: quarantined with the reason
    assertThat(sink.rejected)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.position()).isEqualTo("sdnEntry[2]");
              assertThat(r.reason()).contains("EIP-55");
            });

    Row vessel = byId.get("15036");
    assertThat(vessel.getString(3)).isEqualTo("vessel");
    assertThat(vessel.<Row>getList(9))
        .extracting(i -> i.getString(0))
        .contains("Vessel Registration Identification", "Call Sign", "Vessel Flag");
  }

  @Test
  void unConsolidatedXmlReadsIndividualsAndEntitiesWithAliasQuality() throws Exception {
    CollectingSink sink =
        CollectingSink.read(
            new UnScXmlReader(), CollectingSink.fixture("un-sc-xml/consolidated.xml"));

    assertThat(sink.rejected).isEmpty();
    assertThat(sink.accepted)
        .hasSize(2)
        .allMatch(r -> r.getDate(1).toString().equals("2026-02-03"));
    Row ri = sink.byId().get("KPi.001");
    assertThat(ri.getString(4)).isEqualTo("RI WON HO");
    assertThat(ri.getDate(6)).hasToString("2016-11-30");
    assertThat(ri.<String>getList(5)).containsExactly("DPRK");
    assertThat(names(ri))
        .containsExactly("RI WON HO/primary/null", "Ri Won-ho/aka/good", "Won Ho/aka/low");
    assertThat(ri.<Row>getList(12))
        .extracting(d -> d.getString(0) + "|" + d.get(1) + "|" + d.get(2))
        .containsExactly("1964-07-17|1964-07-17|1964", "1963 to 1965|null|null");
    assertThat(ri.<Row>getList(9))
        .extracting(i -> i.getString(0) + ":" + i.getString(1))
        .containsExactly("Passport:PO9321379");
    assertThat(ri.<String>getList(13)).containsExactly("Democratic People's Republic of Korea");

    Row komid = sink.byId().get("KPe.001");
    assertThat(komid.getString(3)).isEqualTo("entity");
    assertThat(names(komid)).contains("KOMID/aka/good");
    assertThat(komid.<Row>getList(11)).hasSize(1);
  }

  @Test
  void aTruncatedXmlFileIsUnreadableAsAWhole() {
    byte[] cut = "<sdnList><sdnEntry><uid>1</uid><lastName>X".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                new OfacSdnXmlReader()
                    .read("cut.xml", new ByteArrayInputStream(cut), new CollectingSink()))
        .hasMessageContaining("XML");
  }
}
