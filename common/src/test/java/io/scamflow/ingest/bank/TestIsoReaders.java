package io.scamflow.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIsoReaders {
  @Test
  void pacs008Version08GivesPartiesAccountsAgentsAndReferences() throws Exception {
    Parsed p = Parsed.fixture(new Pacs008Reader(), "iso20022/pacs008_v08.xml");
    assertThat(p.accepted).hasSize(2);
    Map<String, Object> r = p.row(0);
    assertThat(r.get("record_type")).isEqualTo("pacs.008.001.08");
    assertThat(r.get("message_id")).isEqualTo("MSG-2026-0001");
    assertThat(r.get("end_to_end_id")).isEqualTo("E2E-1");
    assertThat(r.get("uetr")).isEqualTo("0b2f6a4e-7d1c-4c3b-9f3e-2a1b0c9d8e7f");
    assertThat(r.get("value_date")).isEqualTo(Date.valueOf("2026-03-02"));
    assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("15000");
    assertThat(r.get("currency")).isEqualTo("EUR");
    assertThat(r.get("debtor_name")).isEqualTo("Hans Muster");
    assertThat(r.get("debtor_account_key")).isEqualTo("IBAN:DE89370400440532013000");
    assertThat(r.get("debtor_agent")).isEqualTo("COBADEFFXXX");
    assertThat(r.get("debtor_country")).isEqualTo("DE");
    assertThat(r.get("debtor_address")).isEqualTo("Hauptstrasse 1 Berlin");
    assertThat(r.get("creditor_account_key")).isEqualTo("IBAN:GB29NWBK60161331926819");
    assertThat(r.get("remittance")).isEqualTo("Investment deposit platform fee");
    Map<String, Object> other = p.row(1);
    assertThat(other.get("debtor_account_key")).isEqualTo("ACCT:026009593:123456789");
    assertThat(other.get("creditor_account_key")).isEqualTo("ACCT:CHASUS33:987654321");
    assertThat(p.rejected)
        .containsExactly("CdtTrfTxInf[3]: invalid IBAN 'DE89370400440532013001' (debtor)");
  }

  @Test
  void pacs008Version02TakesTheGroupSettlementDateAndOldBicElement() throws Exception {
    Parsed p = Parsed.fixture(new Pacs008Reader(), "iso20022/pacs008_v02.xml");
    assertThat(p.accepted).hasSize(1);
    assertThat(p.row(0).get("record_type")).isEqualTo("pacs.008.001.02");
    assertThat(p.row(0).get("value_date")).isEqualTo(Date.valueOf("2013-05-06"));
    assertThat(p.row(0).get("debtor_agent")).isEqualTo("UBSWCHZH80A");
    assertThat(p.row(0).get("creditor_country")).isEqualTo("FR");
    assertThat(p.rejected).containsExactly("CdtTrfTxInf[2]: unknown currency 'XXQ'");
  }

  @Test
  void anotherMessageOrVersionIsAnUnreadableFile() {
    assertThatThrownBy(
            () ->
                Parsed.text(
                    new Pacs008Reader(),
                    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.14\"/>"))
        .hasMessageContaining("not a pacs.008 message");
    assertThatThrownBy(() -> Parsed.fixture(new Pacs008Reader(), "iso20022/FI_camt_053_sample.xml"))
        .hasMessageContaining("not a pacs.008 message");
  }

  @Test
  void camt053FinnishSampleGivesEntriesWithTheStatementAccountOnItsSide() throws Exception {
    Parsed p = Parsed.fixture(new Camt053Reader(), "iso20022/FI_camt_053_sample.xml");
    assertThat(p.accepted.size() + p.rejected.size()).isGreaterThanOrEqualTo(10);
    assertThat(p.accepted).isNotEmpty();
    for (Map<String, Object> r : p.accepted) {
      assertThat(r.get("record_type")).isEqualTo("camt.053.001.02 entry");
      String own =
          "DBIT".equals(r.get("direction"))
              ? (String) r.get("debtor_account_key")
              : (String) r.get("creditor_account_key");
      assertThat(own).startsWith("IBAN:FI");
    }
    assertThat(p.rejected).allMatch(s -> s.contains("missing party"));
  }

  @Test
  void pain001SwissSampleTakesThePayerFromThePaymentInformation() throws Exception {
    Parsed p = Parsed.fixture(new Pain001Reader(), "iso20022/musterfile_pain.001_Nov2020.xml");
    assertThat(p.accepted).hasSize(6);
    assertThat(p.rejected)
        .containsExactly(
            "CdtTrfTxInf[5]: invalid IBAN 'CH010023512312312365L' (creditor)",
            "CdtTrfTxInf[6]: invalid IBAN 'IT1122334455667788991122334' (creditor)");
    Map<String, Object> first = p.row(0);
    assertThat(first.get("record_type")).isEqualTo("pain.001.001.03");
    assertThat(first.get("debtor_name")).isEqualTo("Robert Schneider");
    assertThat(first.get("debtor_account_key")).isEqualTo("IBAN:CH0309000000250090342");
    assertThat(first.get("debtor_agent")).isEqualTo("POFICHBEXXX");
    assertThat(first.get("creditor_name")).isEqualTo("Maria Bernasconi");
    assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo("6.20");
    assertThat(first.get("value_date")).isEqualTo(Date.valueOf("2020-07-28"));
    assertThat(p.row(1).get("value_date")).isEqualTo(Date.valueOf("2020-07-22"));
    assertThat(p.row(1).get("creditor_account_key")).isEqualTo("ACCT:?:014295803");
  }
}
