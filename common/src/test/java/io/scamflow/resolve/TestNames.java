package io.scamflow.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNames {
  @Test
  void transliteratesEveryScriptToLowerCaseAscii() {
    assertThat(Names.normalise("สมชาย ใจดี").text()).isEqualTo("smchay cidi");
    assertThat(Names.similarity("ហ៊ុន សែន", "Hun Sen")).isGreaterThan(0.9);
    assertThat(Names.normalise("习近平").text()).isEqualTo("xi jin ping");
    assertThat(Names.normalise("Nguyễn Văn Thắng").text()).isEqualTo("nguyen van thang");
    assertThat(Names.normalise("Владимир Путин").text()).isEqualTo("vladimir putin");
    assertThat(Names.normalise("محمد بن سلمان").text()).isEqualTo("mhmd bn slman");
    assertThat(Names.normalise("ហ៊ុន សែន").text()).isEqualTo("hun saen");
    assertThat(Names.normalise("Müller-Lüdenscheidt").text()).isEqualTo("muller ludenscheidt");
  }

  @Test
  void burmeseIsSplitIntoSyllablesAndLosesItsHonorific() {
    Names.Normalised n = Names.normalise("ဒေါ်အောင်ဆန်းစုကြည်");
    assertThat(n.tokens()).first().isEqualTo("aaung");
    assertThat(n.tokens()).hasSize(4).doesNotContain("daw");
    assertThat(Names.similarity("ဒေါ်အောင်ဆန်းစုကြည်", "Aung San Suu Kyi")).isGreaterThan(0.8);
  }

  @Test
  void dropsLeadingHonorificsButKeepsASingleTokenName() {
    assertThat(Names.normalise("Daw Aung San Suu Kyi").text()).isEqualTo("aung san suu kyi");
    assertThat(Names.normalise("U Thant").text()).isEqualTo("thant");
    assertThat(Names.normalise("Khun Somchai Jaidee").text()).isEqualTo("somchai jaidee");
    assertThat(Names.normalise("Dr. Mrs. Jane Doe").text()).isEqualTo("jane doe");
    assertThat(Names.normalise("Ma").text()).isEqualTo("ma");
  }

  @Test
  void dropsCompanySuffixesAndMarksOrganisations() {
    Names.Normalised n = Names.normalise("Golden Fortune Trading Co., Ltd.");
    assertThat(n.text()).isEqualTo("golden fortune trading");
    assertThat(n.organisation()).isTrue();
    assertThat(Names.normalise("Prince Holdings Sdn Bhd").text()).isEqualTo("prince holdings");
    assertThat(Names.normalise("Huione Pay Pte. Ltd").text()).isEqualTo("huione pay");
    assertThat(Names.normalise("Alpha Beta GmbH").text()).isEqualTo("alpha beta");
    assertThat(Names.normalise("PT Maju Jaya Tbk").text()).isEqualTo("maju jaya");
    assertThat(Names.normalise("John Smith").organisation()).isFalse();
  }

  @Test
  void similarityIgnoresOrderAndToleratesInitialsTyposAndRunTogetherSyllables() {
    assertThat(Names.similarity("Smith, John", "John Smith")).isEqualTo(1.0);
    assertThat(Names.similarity("Xi Jinping", "习近平")).isGreaterThan(0.9);
    assertThat(Names.similarity("Vladimir Putin", "Vladmir Putin")).isGreaterThan(0.9);
    assertThat(Names.similarity("John Ronald Smith", "John Smith")).isGreaterThan(0.85);
    assertThat(Names.similarity("J. Smith", "John Smith")).isGreaterThan(0.85);
  }

  @Test
  void namesSharingOnlyASurnameScoreLow() {
    assertThat(Names.similarity("John Smith", "Mary Smith")).isLessThan(0.8);
    assertThat(Names.similarity("Wang Wei", "Wang Fei")).isLessThan(0.8);
    assertThat(Names.similarity("J. Smith", "K. Smith")).isLessThan(0.8);
  }

  @Test
  void blockingKeysAreSharedByVariantsOfOneName() {
    assertThat(Names.blockingKeys(Names.normalise("Xi Jinping")))
        .containsAnyElementsOf(Names.blockingKeys(Names.normalise("习近平")));
    assertThat(Names.blockingKeys(Names.normalise("Mohammed Al Rashid")))
        .containsAnyElementsOf(Names.blockingKeys(Names.normalise("Muhammad Rasheed")));
  }
}
