package io.scamflow.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBenchmarkCsvReaders {
  @Test
  void amlWorldRowsMapCurrencyNamesKeepTheLabelApartAndQuarantineBadRows() throws Exception {
    Parsed p = Parsed.fixture(new AmlWorldCsvReader(), "amlworld/HI-Mini_Trans.csv");
    assertThat(p.accepted).hasSize(5);
    Map<String, Object> wire = p.row(3);
    assertThat(wire.get("debtor_account_key")).isEqualTo("ACCT:012:80011F990");
    assertThat(wire.get("creditor_account_key")).isEqualTo("ACCT:020:80020C5B0");
    assertThat((BigDecimal) wire.get("amount")).isEqualByComparingTo("3563.51");
    assertThat(wire.get("currency")).isEqualTo("CHF");
    assertThat(wire.get("other_currency")).isEqualTo("GBP");
    assertThat(wire.get("payment_format")).isEqualTo("wire");
    assertThat(wire.get("is_laundering")).isEqualTo(true);
    assertThat(p.row(0).get("is_laundering")).isEqualTo(false);
    assertThat(p.row(4).get("currency")).isEqualTo("CNY");
    assertThat(p.row(4).get("other_currency")).isEqualTo("CNY");
    assertThat(p.rejected)
        .containsExactly(
            "line 7: unknown currency 'DOGECOIN DOLLAR'",
            "line 8: unparseable date '2022/09/31 00:07'",
            "line 9: bad amount 'abc'",
            "line 10: missing party: no debtor name or account");
  }

  @Test
  void amlWorldWithoutLabelColumnLeavesItEmpty() throws Exception {
    Parsed p =
        Parsed.text(
            new AmlWorldCsvReader(),
            "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,"
                + "Amount Paid,Payment Currency,Payment Format\n"
                + "2022-09-01 00:20,1,A,2,B,5,INR,5,Rupee,Cash\n");
    assertThat(p.accepted).hasSize(1);
    assertThat(p.row(0).get("is_laundering")).isNull();
    assertThat(p.row(0).get("currency")).isEqualTo("INR");
    assertThatThrownBy(() -> Parsed.text(new AmlWorldCsvReader(), "a,b,c\n1,2,3\n"))
        .hasMessageContaining("AMLworld header");
  }

  @Test
  void amlSimMiniTransactionsAndCashUseDaySteps() throws Exception {
    Parsed tx = Parsed.fixture(new AmlSimCsvReader(), "amlsim-mini/mini_tx.csv");
    assertThat(tx.rejected).isEmpty();
    assertThat(tx.accepted).hasSize(45);
    Map<String, Object> first = tx.row(0);
    assertThat(first.get("tx_ref")).isEqualTo("AMLSIM:2");
    assertThat(first.get("debtor_account_key")).isEqualTo("ACCT:AMLSIM:15");
    assertThat(first.get("creditor_account_key")).isEqualTo("ACCT:AMLSIM:25");
    assertThat(first.get("value_date")).isEqualTo(Date.valueOf("2017-01-02"));
    assertThat(first.get("currency")).isEqualTo("USD");
    Parsed cash = Parsed.fixture(new AmlSimCsvReader(), "amlsim-mini/mini_cash_tx.csv");
    assertThat(cash.accepted).hasSize(88);
    assertThat(cash.row(0).get("creditor_account_key")).isEqualTo("ACCT:AMLSIM:CASHBRANCH11");
    assertThat(new AmlSimCsvReader().accepts("mini_accounts.csv")).isFalse();
    assertThat(new AmlSimCsvReader().accepts("mini_alerts.csv")).isFalse();
  }

  @Test
  void amlSimOlderAndCurrentLayoutsRead() throws Exception {
    Parsed old = Parsed.fixture(new AmlSimCsvReader(), "amlsim-old/tx.csv");
    assertThat(old.accepted).hasSize(2);
    assertThat(old.row(1).get("value_date")).isEqualTo(Date.valueOf("2017-01-02"));
    assertThat(old.rejected).containsExactly("line 4: bad amount 'x'");
    Parsed current = Parsed.fixture(new AmlSimCsvReader(), "amlsim-old/transactions_current.csv");
    assertThat(current.accepted).hasSize(2);
    assertThat(current.row(0).get("is_laundering")).isEqualTo(true);
    assertThat(current.row(0).get("value_date")).isEqualTo(Date.valueOf("2017-01-05"));
  }
}
