package io.scamflow.ingest.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import io.scamflow.ingest.chain.AddressTagsCsvReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestVaspKycAndTags {
  private static final String DAY = "/fixtures/chain/2026-03-02/";

  private static final class Sink implements RecordSink {
    final List<Object[]> accepted = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();

    @Override
    public void accept(String position, Object... values) {
      accepted.add(values);
    }

    @Override
    public void reject(String position, String reason, String raw) {
      rejected.add(position + ": " + reason);
    }
  }

  private static Sink read(FormatReader reader, String resource) throws Exception {
    Sink sink = new Sink();
    try (InputStream in = TestVaspKycAndTags.class.getResourceAsStream(resource)) {
      reader.read(resource, in, sink);
    }
    return sink;
  }

  private static Object column(FormatReader reader, Object[] values, String name) {
    return values[reader.recordColumns().indexOf(name)];
  }

  @Test
  void kycRowsLinkACustomerToANormalisedAccountAndDepositAddress() throws Exception {
    VaspKycCsvReader reader = new VaspKycCsvReader();
    Sink s = read(reader, DAY + "kyc/vasp-kyc-csv/kyc.csv");
    assertThat(s.accepted).hasSize(2);
    Object[] huione = s.accepted.get(0);
    assertThat(column(reader, huione, "bank_account_key")).isEqualTo("IBAN:DE89370400440532013000");
    assertThat(column(reader, huione, "deposit_hex"))
        .isEqualTo("413e454c535a61686f767d848b9299a0a7aeb5bcc3");
    assertThat(column(reader, huione, "nationality")).isEqualTo("KH");
    assertThat(column(reader, huione, "email")).isEqualTo("chen.wei@example.com");
    assertThat(column(reader, huione, "linked_to")).isNull();
    Object[] binance = s.accepted.get(1);
    assertThat(column(reader, binance, "customer_name")).isEqualTo("Smith, John");
    assertThat(column(reader, binance, "chain")).isEqualTo("ETHEREUM");
    assertThat(column(reader, binance, "deposit_address"))
        .isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat(column(reader, binance, "linked_to")).isEqualTo(java.sql.Date.valueOf("2026-02-28"));
    assertThat(s.rejected)
        .hasSize(2)
        .anySatisfy(r -> assertThat(r).startsWith("line 4: deposit_address").contains("EIP-55"))
        .anySatisfy(r -> assertThat(r).startsWith("line 5: neither a bank account"));
  }

  @Test
  void bankAccountsFollowTheIbanOrBankCodeAndNumberConvention() {
    assertThat(BankAccounts.key("gb82 west 1234 5698 7654 32", null))
        .isEqualTo("IBAN:GB82WEST12345698765432");
    assertThat(BankAccounts.key("GB82WEST12345698765433", "NWBKGB2L"))
        .as("a failed IBAN checksum is just an account number")
        .isEqualTo("ACCT:NWBKGB2L:GB82WEST12345698765433");
    assertThat(BankAccounts.key("000-123 456", "chasus33xxx")).isEqualTo("ACCT:CHASUS33:000123456");
    assertThat(BankAccounts.key("  ", "CHASUS33")).isNull();
  }

  @Test
  void tagsAreValidatedOnTheirChainWhateverItsSpelling() throws Exception {
    AddressTagsCsvReader reader = new AddressTagsCsvReader();
    Sink s = read(reader, DAY + "chain/address-tags-csv/tags.csv");
    assertThat(s.accepted).hasSize(4);
    assertThat(s.accepted.get(0))
        .containsExactly(
            "ETHEREUM",
            "0x28c6c06298d514db089934071355e5743bf21d60",
            null,
            "Binance 14",
            "exchange");
    assertThat(s.accepted.get(2)[0]).isEqualTo("TRON");
    assertThat(s.accepted.get(3)[0]).isEqualTo("BITCOIN");
    assertThat(s.rejected)
        .containsExactly(
            "line 6: address '0x28c6c06298d514db089934071355e5743bf21d6' is not a ETHEREUM"
                + " address: an Ethereum address is 0x followed by 40 hex digits",
            "line 7: unknown chain 'DOGE'");
  }
}
