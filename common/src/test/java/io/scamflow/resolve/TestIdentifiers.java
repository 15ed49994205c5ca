package io.scamflow.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestIdentifiers {
  @Test
  void phonesBecomeE164FromNationalAndInternationalStyles() {
    assertThat(Identifiers.phone("081 234 5678", "TH")).isEqualTo("+66812345678");
    assertThat(Identifiers.phone("+66 81-234-5678", null)).isEqualTo("+66812345678");
    assertThat(Identifiers.phone("0066812345678", null)).isEqualTo("+66812345678");
    assertThat(Identifiers.phone("(012) 345 678", "KH")).isEqualTo("+85512345678");
    assertThat(Identifiers.phone("not a phone", "TH")).isNull();
    assertThat(Identifiers.phone("12", "TH")).isNull();
  }

  @Test
  void documentsEmailsAndAddressesAreNormalised() {
    assertThat(Identifiers.document(" ab-123 456/7 ")).isEqualTo("AB1234567");
    assertThat(Identifiers.email(" John.Doe+scam@Mail.COM ")).isEqualTo("john.doe@mail.com");
    assertThat(Identifiers.email("nobody")).isNull();
    assertThat(Identifiers.address("12, Rue de l'Église  PARIS"))
        .isEqualTo("12 rue de l eglise paris");
    assertThat(Identifiers.country("th")).isEqualTo("TH");
    // KYC files write nationalities as names, bank formats as codes: both compare as alpha-2
    assertThat(Identifiers.country("Thailand")).isEqualTo("TH");
    assertThat(Identifiers.country("THA")).isEqualTo("TH");
    assertThat(Identifiers.country("Viet Nam")).isEqualTo("VN");
    assertThat(Identifiers.country("Philippines")).isEqualTo("PH");
    assertThat(Identifiers.country("Atlantis")).isNull();
  }
}
