package io.scamflow.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestCryptoAddresses {
  @Test
  void usdtTronContractIsAValidTronAddressWithItsHexForm() {
    var a = CryptoAddresses.parse("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    assertThat(a.valid()).isTrue();
    assertThat(a.hex()).isEqualTo("41a614f803b6fd780986a42c78ec9c7f77e6ded13c");
    assertThat(CryptoAddresses.tronFromHex(a.hex()))
        .isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  }

  @Test
  void aTronAddressWithOneCharacterChangedFailsItsChecksum() {
    var a = CryptoAddresses.parse("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u");
    assertThat(a.valid()).isFalse();
    assertThat(a.reason()).contains("checksum");
  }

  @Test
  void ethereumChecksumIsHonouredWhenMixedCaseAndAddressesAreLowercased() {
    // the EIP-55 reference vectors
    assertThat(
            CryptoAddresses.parse("ETHEREUM", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").valid())
        .isTrue();
    assertThat(
            CryptoAddresses.parse("ETHEREUM", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")
                .normalized())
        .isEqualTo("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
    assertThat(
            CryptoAddresses.parse("ETHEREUM", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").valid())
        .isFalse();
    assertThat(
            CryptoAddresses.parse("ETHEREUM", "0xdac17f958d2ee523a2206206994597c13d831ec7").valid())
        .isTrue();
    assertThat(
            CryptoAddresses.parse("ETHEREUM", "0xdac17f958d2ee523a2206206994597c13d831e").valid())
        .isFalse();
  }

  @Test
  void bitcoinBase58AndBech32AddressesValidate() {
    assertThat(CryptoAddresses.parseForAsset("XBT", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").valid())
        .isTrue();
    assertThat(CryptoAddresses.parseForAsset("XBT", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb").valid())
        .isFalse();
    assertThat(CryptoAddresses.parseForAsset("XBT", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").valid())
        .isTrue();
    // BIP-173 / BIP-350 vectors
    assertThat(
            CryptoAddresses.parse("BITCOIN", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")
                .normalized())
        .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(
            CryptoAddresses.parse(
                    "BITCOIN", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
                .valid())
        .isTrue();
    assertThat(
            CryptoAddresses.parse("BITCOIN", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5").valid())
        .isFalse();
  }

  @Test
  void usdtAddressesAreRoutedToTheirChainByShape() {
    assertThat(CryptoAddresses.parseForAsset("USDT", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").chain())
        .isEqualTo("TRON");
    assertThat(
            CryptoAddresses.parseForAsset("USDT", "0xdac17f958d2ee523a2206206994597c13d831ec7")
                .chain())
        .isEqualTo("ETHEREUM");
    var other =
        CryptoAddresses.parseForAsset(
            "XMR",
            "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge");
    assertThat(other.validated()).isFalse();
    assertThat(other.chain()).isEqualTo("XMR");
  }

  @Test
  void generatedTronAddressesRoundTrip() {
    byte[] bytes = new byte[20];
    for (int i = 0; i < 20; i++) {
      bytes[i] = (byte) (i * 7);
    }
    String address = CryptoAddresses.tronAddress(bytes);
    assertThat(CryptoAddresses.parse("TRON", address).valid()).isTrue();
  }
}
