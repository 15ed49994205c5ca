package io.scamflow.ingest.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TestBitcoinCoSpend {
  static final String A = "12qEBzYj5QRJjRb3CAbooLvDBpaBpxeTWL";
  static final String B = "14PU84qLzR7mKX8WbTgxmMQL6XBz4Z3S39";
  static final String C = "15wi497xuRpDucfyzkn7jMtT1DonBcDce8";
  static final String D = "17VwzDQapSWgViDTQ3sGhNNZuvRaSepiPx";
  static final String E = "194BvHhCjTD95okvoLxRfNrgpd3Naywjy8";
  static final String F = "1AcRrMypeTubfuJQCe3adPLojKfAmYC3Vg";
  static final String G = "1CAfnSGSZUc4Fzqsbw8jbPpve2GxusMgqC";
  static final String X = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

  private static List<String> addresses(Row io) {
    return List.of((String[]) io.get(0));
  }

  private static Records transactions() throws Exception {
    return Records.read(
        new BtcJsonReader(), "/fixtures/chain/2026-03-02/chain/btc-json/transactions_000.json");
  }

  @Test
  void bitcoinEtlLinesKeepAddressesAndSatoshiAndQuarantineABadAddress() throws Exception {
    Records r = transactions();
    assertThat(r.accepted).hasSize(6);
    assertThat(r.rejected)
        .containsExactly(
            "line 6: outputs[0] address '1BadAddressXXXXXXXXXXXXXXXXXXXXXXX' is not a Bitcoin"
                + " address: Bitcoin base58check checksum does not match");
    Row[] outputs = (Row[]) r.accepted.get(0).get("outputs");
    assertThat(addresses(outputs[0])).containsExactly(C);
    assertThat(outputs[0].getLong(1)).isEqualTo(50000L);
    assertThat(r.accepted.get(4).get("is_coinbase")).isEqualTo(true);
    Row[] t7 = (Row[]) r.accepted.get(5).get("inputs");
    assertThat(addresses(t7[1])).as("bech32 normalised to lowercase").containsExactly(X);
    Row[] opReturn = (Row[]) r.accepted.get(5).get("outputs");
    assertThat(addresses(opReturn[0])).isEmpty();
  }

  @Test
  void addressesSpentTogetherFormOneWalletButACoinjoinLinksNobody() throws Exception {
    CoSpend clusters = new CoSpend(3, 3);
    for (Map<String, Object> tx : transactions().accepted) {
      List<List<String>> inputs = new ArrayList<>();
      for (Row in : (Row[]) tx.get("inputs")) {
        inputs.add(addresses(in));
      }
      List<Long> values = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (Row out : (Row[]) tx.get("outputs")) {
        values.add(out.getLong(1));
        seen.addAll(addresses(out));
      }
      clusters.add(inputs, values, seen);
    }
    Map<String, String> wallets = clusters.wallets();

    assertThat(wallets).hasSize(11);
    assertThat(clusters.skipped()).isEqualTo(1);
    assertThat(List.of(wallets.get(A), wallets.get(B), wallets.get(D))).containsOnly("BTCW:" + A);
    assertThat(wallets.get(C)).isEqualTo(wallets.get(X)).isEqualTo("BTCW:" + C);
    assertThat(List.of(wallets.get(E), wallets.get(F), wallets.get(G)))
        .as("the coinjoin's inputs stay apart")
        .doesNotHaveDuplicates();
    assertThat(wallets.get(F)).isEqualTo("BTCW:" + F);
  }

  @Test
  void aCoinjoinNeedsManyInputsAndSeveralEqualOutputs() {
    CoSpend c = new CoSpend(3, 3);
    assertThat(c.isCoinjoin(5, List.of(100L, 100L, 100L, 7L))).isTrue();
    assertThat(c.isCoinjoin(2, List.of(100L, 100L, 100L))).isFalse();
    assertThat(c.isCoinjoin(5, List.of(100L, 100L, 99L, 7L))).isFalse();
  }

  @Test
  void longChainsOfSpendsDoNotOverflowTheStack() {
    CoSpend c = new CoSpend(3, 3);
    for (int i = 0; i < 200_000; i++) {
      c.add(List.of(List.of("a" + i), List.of("a" + (i + 1))), List.of(1L), List.of());
    }
    assertThat(c.wallets().values()).containsOnly("BTCW:a0");
  }
}
