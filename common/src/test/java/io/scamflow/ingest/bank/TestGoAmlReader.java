package io.scamflow.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestGoAmlReader {
  @Test
  void transactionsGiveBothSidesFromAccountsPersonsOrEntities() throws Exception {
    Parsed p = Parsed.fixture(new GoAmlReader(), "goaml/str_report.xml");
    assertThat(p.accepted).hasSize(2);
    Map<String, Object> first = p.row(0);
    assertThat(first.get("record_type")).isEqualTo("goAML STR");
    assertThat(first.get("message_id")).isEqualTo("STR-2026-0042");
    assertThat(first.get("tx_ref")).isEqualTo("TRX-1");
    assertThat(first.get("value_date")).isEqualTo(Date.valueOf("2026-03-02"));
    assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo("9800");
    assertThat(first.get("currency")).isEqualTo("EUR");
    assertThat(first.get("debtor_name")).isEqualTo("Maria Keller");
    assertThat(first.get("debtor_account_key")).isEqualTo("IBAN:DE89370400440532013000");
    assertThat(first.get("debtor_agent")).isEqualTo("COBADEFFXXX");
    assertThat(first.get("creditor_name")).isEqualTo("Golden Harbour Trading Ltd");
    assertThat(first.get("creditor_country")).isEqualTo("HK");
    assertThat(first.get("creditor_account_key")).isNull();
    assertThat((BigDecimal) first.get("other_amount")).isEqualByComparingTo("10584");
    assertThat(first.get("other_currency")).isEqualTo("USD");
    assertThat(first.get("direction")).isEqualTo("FROM_MY_CLIENT");
    Map<String, Object> second = p.row(1);
    assertThat(second.get("debtor_name")).isEqualTo("Li Na");
    assertThat(second.get("debtor_country")).isEqualTo("DE");
    assertThat(second.get("creditor_name")).isEqualTo("Keller Imports GmbH");
    assertThat(second.get("creditor_account_key")).isEqualTo("ACCT:COBADEFF:777000");
    assertThat(second.get("direction")).isEqualTo("TO_MY_CLIENT");
    assertThat(p.rejected).containsExactly("transaction[3]: bad amount '12,5'");
  }

  @Test
  void aDocumentThatIsNotAReportIsUnreadable() {
    assertThatThrownBy(() -> Parsed.text(new GoAmlReader(), "<activity/>"))
        .hasMessageContaining("<report>");
  }
}
