package io.scamflow.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gold.alerts of the generated world (tiny, two days, through the whole nightly run) against its
 * truth. Two days hold the victims' first payments and the bank layering of both operations; the
 * floors are what the rules reach there today (docs/detect.md), so a change that loses recall or
 * lets honest look-alikes in fails here.
 */
@SparkTest
class TestDetectionTruth {
  private static TruthEvaluation.Result result;

  @BeforeAll
  static void evaluate(SparkSession spark) {
    GeneratedWorld.World world = GeneratedWorld.open(spark);
    result = new TruthEvaluation(world.lakehouse()).evaluate(world.dir());
  }

  private static Score score(String scope, String level) {
    return result.report().score(scope, level).orElseThrow();
  }

  @Test
  void everyTruthTransferIsMatchedToItsSilverTransferSoAlertsCanBeScored() {
    assertThat(result.truthTransfers()).isPositive();
    assertThat(result.matchedTransfers()).isEqualTo(result.truthTransfers());
    assertThat(result.alerts()).isPositive();
  }

  @Test
  void bankLayeringTypologiesAreFoundWithoutHonestLookAlikes() {
    for (String typology : FLOORS.keySet()) {
      Score transfers = score(typology, "transfer");
      Score accounts = score(typology, "account");
      System.out.printf(
          "detection truth: %s transfer P %.3f R %.3f, account P %.3f R %.3f%n",
          typology,
          transfers.precision(),
          transfers.recall(),
          accounts.precision(),
          accounts.recall());
    }
    FLOORS.forEach(
        (typology, floor) -> {
          Score transfers = score(typology, "transfer");
          Score accounts = score(typology, "account");
          assertThat(transfers.expected()).as(typology + " in the truth").isPositive();
          assertThat(transfers.recall()).as(typology + " transfer recall").isEqualTo(1.0);
          assertThat(accounts.recall()).as(typology + " account recall").isEqualTo(1.0);
          assertThat(transfers.precision())
              .as(typology + " transfer precision")
              .isGreaterThanOrEqualTo(floor[0]);
          assertThat(accounts.precision())
              .as(typology + " account precision")
              .isGreaterThanOrEqualTo(floor[1]);
        });
  }

  @Test
  void overallAlertsAreMostlyScamAccounts() {
    Score accounts = score(DetectionMetrics.OVERALL, "account");
    Score withSignals = score(DetectionMetrics.WITH_BEHAVIOUR, "account");
    System.out.printf(
        "detection truth: overall (network typologies) account P %.3f R %.3f; with behavioural"
            + " signals P %.3f R %.3f%n",
        accounts.precision(), accounts.recall(), withSignals.precision(), withSignals.recall());
    // Measured 0.943 (82 of 87) / 0.695 (82 of 118) since the generator keeps every hop inside the
    // world and the off-ramp rule fires (0.958 / 0.576 before, on the clipped world): the off-ramp
    // chain adds 29 correct accounts and 2 honest ones (results/detection.md). Recall: two days
    // hold no full victim series, and MT103's date-only time puts some hops before the one before.
    assertThat(accounts.precision()).isGreaterThanOrEqualTo(0.942);
    assertThat(accounts.recall()).isGreaterThanOrEqualTo(0.694);
    // the signals add accounts, never remove them, and are reported beside the headline
    assertThat(withSignals.flagged()).isGreaterThanOrEqualTo(accounts.flagged());
    assertThat(withSignals.found()).isGreaterThanOrEqualTo(accounts.found());
    assertThat(result.report().ablation())
        .extracting(Score::scope)
        .contains(DetectionMetrics.NETWORK, DetectionMetrics.WITH_BEHAVIOUR);
  }

  @Test
  void offrampChainLinksExchangeCustomersToTheDesignatedWallets() {
    Score transfers = score("offramp_chain", "transfer");
    Score accounts = score("offramp_chain", "account");
    System.out.printf(
        "detection truth: offramp_chain transfer P %.3f R %.3f, account P %.3f R %.3f%n",
        transfers.precision(), transfers.recall(), accounts.precision(), accounts.recall());
    // Measured 12 of 16 transfers / 12 of 16 accounts at precision 0.946 / 0.938 (no alert at all
    // before the tag-label fix; 11 of 16 before the tie-break by first payout). The casher missed
    // pays the exchange by MT103, whose date-only time is midnight, so the payout is not within 6 h
    // of it; three fiat legs of one exchange still share payouts (results/detection.md).
    assertThat(transfers.expected()).isEqualTo(16);
    assertThat(transfers.recall()).isGreaterThanOrEqualTo(0.75);
    assertThat(accounts.recall()).isGreaterThanOrEqualTo(0.75);
    assertThat(transfers.precision()).isGreaterThanOrEqualTo(0.945);
    assertThat(accounts.precision()).isGreaterThanOrEqualTo(0.937);
  }

  /**
   * Transfer and account precision floors, today's measured values through the whole pipeline on
   * this world (issue 8 aims at 0.8). Before the material-payer and no-more-than-received rules,
   * trading businesses made fan_in 0.325 / 0.333 and fan_out 0.500 / 0.583; the remaining
   * rapid_pass_through false positive is a worker sending most of a salary home within hours.
   */
  private static final java.util.Map<String, double[]> FLOORS =
      new java.util.LinkedHashMap<>(
          java.util.Map.of(
              "fan_in", new double[] {1.0, 1.0},
              "fan_out", new double[] {1.0, 1.0},
              "rapid_pass_through", new double[] {0.833, 0.8}));
}
