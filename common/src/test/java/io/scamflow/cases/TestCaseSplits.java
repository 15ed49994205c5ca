package io.scamflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Network;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identity rules without Spark: splits, weak overlaps, and the picture's layout. */
class TestCaseSplits {
  static final LocalDate D1 = LocalDate.of(2026, 3, 2);
  static final LocalDate D2 = D1.plusDays(1);
  static final CaseIdentity IDENTITY =
      new CaseIdentity(0.3, new BigDecimal("10000"), 0.25, new CaseScore(3, 2, 1, 1, 1, 0.2));

  static Network network(String id, List<String> members, List<String> designated) {
    return new Network(
        id,
        members,
        designated,
        List.of(),
        List.of(),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        List.of(),
        List.of(),
        null,
        null,
        0,
        null);
  }

  @Test
  void aNetworkThatSplitsKeepsTheIdOnTheLargerPartAndTheOtherPartRecordsWhereItCameFrom() {
    List<String> all = List.of("A", "B", "C", "D", "E", "F", "G");
    CaseRow day1 = IDENTITY.assign(D1, List.of(network("A", all, List.of())), List.of()).get(0);
    List<CaseRow> day2 =
        IDENTITY.assign(
            D2,
            List.of(
                network("A", List.of("A", "B", "C", "D"), List.of()),
                network("E", List.of("E", "F", "G"), List.of())),
            List.of(day1));
    assertThat(day2).hasSize(2);
    CaseRow big = day2.stream().filter(r -> r.networkId().equals("A")).findFirst().orElseThrow();
    CaseRow small = day2.stream().filter(r -> r.networkId().equals("E")).findFirst().orElseThrow();
    assertThat(big.caseId()).isEqualTo(day1.caseId());
    assertThat(big.realert()).isFalse(); // members only left: nothing new
    assertThat(big.status()).isEqualTo("UPDATED");
    assertThat(small.caseId()).isNotEqualTo(day1.caseId());
    assertThat(small.status()).isEqualTo("NEW");
    assertThat(small.splitFrom()).isEqualTo(day1.caseId());
  }

  @Test
  void aSharedDesignatedWalletContinuesACaseDespiteLittleOverlap() {
    CaseRow day1 =
        IDENTITY
            .assign(
                D1,
                List.of(network("A", List.of("A", "B", "C", "D", "TRON:Z"), List.of("TRON:Z"))),
                List.of())
            .get(0);
    List<CaseRow> day2 =
        IDENTITY.assign(
            D2,
            List.of(network("P", List.of("P", "Q", "R", "S", "T", "TRON:Z"), List.of("TRON:Z"))),
            List.of(day1));
    assertThat(day2).singleElement().extracting(CaseRow::caseId).isEqualTo(day1.caseId());
    assertThat(day2.get(0).realertReasons())
        .singleElement()
        .asString()
        .startsWith("new members: 5");
  }

  @Test
  void aWeakOverlapWithoutASharedWalletIsANewCaseAndTheOldOneCloses() {
    CaseRow day1 =
        IDENTITY
            .assign(D1, List.of(network("A", List.of("A", "B", "C", "D"), List.of())), List.of())
            .get(0);
    List<CaseRow> day2 =
        IDENTITY.assign(
            D2, List.of(network("D", List.of("D", "E", "F", "G"), List.of())), List.of(day1));
    assertThat(day2).extracting(CaseRow::status).containsExactlyInAnyOrder("NEW", "CLOSED");
    assertThat(day2).extracting(CaseRow::caseId).doesNotHaveDuplicates();
  }

  @Test
  void theLayoutPutsDesignatedNodesFirstAndColumnsByHops() {
    Map<String, String> roles =
        Map.of("TRON:D", "DESIGNATED", "M1", "MULE", "M2", "MULE", "V", "VICTIM", "LONE", "OTHER");
    List<String[]> edges =
        List.of(new String[] {"V", "M1"}, new String[] {"M1", "M2"}, new String[] {"M2", "TRON:D"});
    var at = NetworkLayout.layout(roles, edges, java.util.Set.of("TRON:D"));
    assertThat(at.get("TRON:D").x()).isLessThan(at.get("M2").x());
    assertThat(at.get("M2").x()).isLessThan(at.get("M1").x());
    assertThat(at.get("M1").x()).isLessThan(at.get("V").x());
    assertThat(at.get("LONE").x()).isGreaterThan(at.get("V").x()); // unreachable: last column
    assertThat(NetworkLayout.layout(roles, edges, java.util.Set.of("TRON:D"))).isEqualTo(at);
  }
}
