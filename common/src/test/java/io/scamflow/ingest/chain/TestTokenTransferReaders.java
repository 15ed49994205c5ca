package io.scamflow.ingest.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.config.Settings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTokenTransferReaders {
  private static final String DAY = "/fixtures/chain/2026-03-02/chain/";
  private static final TokenRegistry TOKENS = TokenRegistry.from(Settings.defaults(Map.of()));

  @Test
  void trongridTransfersAreScaledExactlyByTheRegistryDecimals() throws Exception {
    Records r =
        Records.read(
            new Trc20JsonReader(TOKENS),
            DAY + "trc20-json/TCougZV89pDjThiYEqTcZ5gSRvMfYD4jEi-page1.json");

    Map<String, Object> usdt = r.accepted.get(0);
    assertThat(usdt.get("chain")).isEqualTo("TRON");
    assertThat(usdt.get("tx_hash"))
        .isEqualTo("8d3b6f5c1f0c2a7e9b4d6e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d");
    assertThat((BigDecimal) usdt.get("amount")).isEqualByComparingTo("2500");
    assertThat(usdt.get("token_verified")).isEqualTo(true);
    assertThat(usdt.get("token_symbol")).isEqualTo("USDT");
    assertThat(usdt.get("from_hex")).isEqualTo("411f262d343b424950575e656c737a81888f969da4");
    assertThat(usdt.get("block_ts")).isEqualTo(Timestamp.valueOf("2026-03-02 10:15:00"));
    assertThat(usdt.get("log_index")).isNull();
    assertThat(r.positions.get(0)).isEqualTo("data[0]");
  }

  @Test
  void aFakeUsdtFromAnUnknownContractIsKeptButUnverified() throws Exception {
    Records r =
        Records.read(
            new Trc20JsonReader(TOKENS),
            DAY + "trc20-json/TCougZV89pDjThiYEqTcZ5gSRvMfYD4jEi-page1.json");
    Map<String, Object> fake = r.accepted.get(1);
    assertThat(fake.get("token_contract")).isEqualTo("TYfn5z8nBZCfh7G5XViJKijahsfe78gPEx");
    assertThat(fake.get("token_symbol")).isEqualTo("USDT");
    assertThat(fake.get("token_verified")).isEqualTo(false);
    assertThat((BigDecimal) fake.get("amount")).isEqualByComparingTo("1000");
  }

  @Test
  void eighteenDecimalValuesBeyondLongRangeStayExact() throws Exception {
    Records r =
        Records.read(
            new Trc20JsonReader(TOKENS),
            DAY + "trc20-json/TCougZV89pDjThiYEqTcZ5gSRvMfYD4jEi-page1.json");
    Map<String, Object> sun = r.accepted.get(2);
    assertThat(sun.get("value_raw")).isEqualTo("123456789012345678901");
    assertThat(sun.get("amount")).isEqualTo(new BigDecimal("123.456789012345678901"));
    assertThat(sun.get("token_decimals")).isEqualTo(18);
  }

  @Test
  void badAddressesValuesAndApprovalsAreQuarantinedWithTheirReason() throws Exception {
    Records r =
        Records.read(
            new Trc20JsonReader(TOKENS),
            DAY + "trc20-json/TCougZV89pDjThiYEqTcZ5gSRvMfYD4jEi-page1.json");
    assertThat(r.accepted).hasSize(3);
    assertThat(r.rejected)
        .hasSize(3)
        .anySatisfy(s -> assertThat(s).startsWith("data[2]: to 'TFeT").contains("Tron"))
        .anySatisfy(s -> assertThat(s).startsWith("data[3]: value '12.5'"))
        .anySatisfy(s -> assertThat(s).startsWith("data[5]: event type 'Approval'"));
  }

  @Test
  void aFileThatIsNotATronGridResponseIsUnreadable() {
    assertThatThrownBy(
            () ->
                Records.read(
                    new Trc20JsonReader(TOKENS),
                    "{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("no \"data\" array");
    assertThatThrownBy(
            () ->
                Records.read(
                    new Trc20JsonReader(TOKENS),
                    "{\"data\":[{\"transaction_id\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void bigQueryTokenTransfersAreNormalisedAndScaled() throws Exception {
    Records r =
        Records.read(
            new Erc20CsvReader(TOKENS), DAY + "erc20-csv/token_transfers-000000000000.csv");

    Map<String, Object> usdt = r.accepted.get(0);
    assertThat(usdt.get("from_address")).isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat((BigDecimal) usdt.get("amount")).isEqualByComparingTo("1500");
    assertThat(usdt.get("log_index")).isEqualTo(12L);
    assertThat(usdt.get("block_number")).isEqualTo(21900000L);
    assertThat(usdt.get("block_ts")).isEqualTo(Timestamp.valueOf("2026-03-02 10:15:00"));
    assertThat(usdt.get("token_symbol")).isEqualTo("USDT");
    assertThat(r.positions.get(0)).isEqualTo("line 2");

    Map<String, Object> weth = r.accepted.get(1);
    assertThat(weth.get("amount")).isEqualTo(new BigDecimal("123.456789012345678901"));
    assertThat(weth.get("token_verified")).isEqualTo(true);

    Map<String, Object> unknown = r.accepted.get(2);
    assertThat(unknown.get("token_verified")).isEqualTo(false);
    assertThat(unknown.get("token_symbol")).isNull();
    assertThat((BigDecimal) unknown.get("amount")).isEqualByComparingTo("5");
  }

  @Test
  void aBrokenChecksumOrShortEthereumAddressIsQuarantined() throws Exception {
    Records r =
        Records.read(
            new Erc20CsvReader(TOKENS), DAY + "erc20-csv/token_transfers-000000000000.csv");
    assertThat(r.accepted).hasSize(3);
    assertThat(r.rejected)
        .containsExactly(
            "line 5: from_address '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' is not an"
                + " Ethereum address: EIP-55 mixed-case checksum does not match",
            "line 6: from_address '0x123' is not an Ethereum address: an Ethereum address is 0x"
                + " followed by 40 hex digits");
  }

  @Test
  void aCsvWithoutTheTokenTransfersHeaderIsUnreadable() {
    assertThatThrownBy(
            () ->
                Records.read(
                    new Erc20CsvReader(TOKENS), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("missing column 'token_address'");
  }

  @Test
  void amountsThatDoNotFitOrAreNotIntegersAreRefused() {
    assertThatThrownBy(() -> ChainValues.scale("1" + "0".repeat(21), 0))
        .hasMessageContaining("exceeds DECIMAL(38,18)");
    assertThatThrownBy(() -> ChainValues.scale("1", 19)).hasMessageContaining("more than 18");
    assertThatThrownBy(() -> ChainValues.scale("-5", 6)).hasMessageContaining("not a non-negative");
  }

  @Test
  void theDeclaredRegistryKnowsUsdtByContractOnBothChains() {
    assertThat(TOKENS.lookup("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"))
        .hasValueSatisfying(t -> assertThat(t.usdPeg()).isEqualByComparingTo("1"));
    assertThat(TOKENS.lookup("ETHEREUM", "0xdac17f958d2ee523a2206206994597c13d831ec7"))
        .hasValueSatisfying(t -> assertThat(t.decimals()).isEqualTo(6));
    assertThat(TOKENS.lookup("TRON", "TYfn5z8nBZCfh7G5XViJKijahsfe78gPEx")).isEmpty();
  }
}
