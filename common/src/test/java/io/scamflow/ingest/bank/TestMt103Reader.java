package io.scamflow.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestMt103Reader {
  @Test
  void realRjeFileParsesEveryMessageAndQuarantinesInvalidIbans() throws Exception {
    Parsed p = Parsed.fixture(new Mt103Reader(), "mt103/MT103-out-ack.rje");
    assertThat(p.accepted.size() + p.rejected.size()).isEqualTo(13);
    assertThat(p.rejected)
        .isNotEmpty()
        .allMatch(r -> r.endsWith("invalid IBAN 'ES0123456789012345671234' (creditor)"));
    Map<String, Object> first = p.row(0);
    assertThat(first.get("tx_ref")).isEqualTo("22342343");
    assertThat(first.get("uetr")).isEqualTo("8579f4a4-a547-463e-ae63-e7c6620d59b4");
    assertThat(first.get("value_date")).isEqualTo(Date.valueOf("2019-10-14"));
    assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo("1814.28");
    assertThat(first.get("debtor_name")).isEqualTo("FOO CAPITAL MARKETS LP");
    assertThat(first.get("debtor_bank_code")).isEqualTo("NORTH FOO BANK");
    assertThat(first.get("creditor_name")).isEqualTo("MERCADOS Y GESTION DE VALORES SA");
    assertThat(first.get("creditor_account_key")).isEqualTo("ACCT:BICFOOYY:00123456789012345678");
    assertThat(first.get("charges")).isEqualTo("SHA");
    assertThat((String) first.get("remittance")).startsWith("FINDERS FEES-JULY,2007-");
    assertThat(p.accepted)
        .anySatisfy(
            r -> {
              assertThat(r.get("tx_ref")).isEqualTo("FOODESMM");
              assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("19999");
              assertThat(r.get("value_date")).isEqualTo(Date.valueOf("2006-10-28"));
            });
  }

  @Test
  void ackedMessageWithOptionFPartiesAndCommaAmountWithNothingAfterIt() throws Exception {
    Parsed p = Parsed.fixture(new Mt103Reader(), "mt103/ack-and-options.rje");
    assertThat(p.positions).containsExactly("message 1");
    Map<String, Object> r = p.row(0);
    assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("3700");
    assertThat(r.get("currency")).isEqualTo("USD");
    assertThat(r.get("value_date")).isEqualTo(Date.valueOf("2019-04-25"));
    assertThat(r.get("uetr")).isEqualTo("4c7e5a10-2b3d-4e5f-8a9b-0c1d2e3f4a5b");
    assertThat(r.get("debtor_name")).isEqualTo("ZHANG WEI");
    assertThat(r.get("debtor_country")).isEqualTo("CN");
    assertThat(r.get("debtor_account_key")).isEqualTo("IBAN:DE89370400440532013000");
    assertThat(r.get("debtor_agent")).isEqualTo("COBADEFFXXX");
    assertThat(r.get("creditor_name")).isEqualTo("HARBOUR LIGHT CONSULTING LTD");
    assertThat(r.get("creditor_agent")).isEqualTo("NWBKGB2L");
    assertThat(r.get("creditor_country")).isEqualTo("GB");
    assertThat(r.get("sender_info")).isEqualTo("/BNF/URGENT");
    assertThat(p.rejected)
        .containsExactly(
            "message 2: bad amount '12.50' in :32A:",
            "message 3: not an MT103: block 2 is 'I202NWBKGB2LXXXXN'",
            "message 4: unparseable date '190431' in :32A:",
            "message 5: missing party: no debtor name or account");
  }

  @Test
  void swiftAmountsUseACommaAndMayEndWithIt() {
    assertThat(Mt103Reader.swiftAmount("3700,")).isEqualTo("3700");
    assertThat(Mt103Reader.swiftAmount("1814,28")).isEqualTo("1814.28");
    assertThat(Mt103Reader.swiftAmount("12.50")).isNull();
    assertThat(Mt103Reader.swiftAmount(",5")).isNull();
  }
}
