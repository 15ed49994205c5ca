package io.scamflow.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
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
  private static GeneratedWorld.World world;

  @BeforeAll
  static void evaluate(SparkSession spark) {
    world = GeneratedWorld.open(spark);
    result = new TruthEvaluation(world.lakehouse()).evaluate(world.dir());
  }

  @Test
  void scoringFromALaterRunDateJudgesOnlyItsAlertsAgainstTheTruthItsWindowSaw(SparkSession spark) {
    LocalDate last = world.lastDay();
    // a one-day look-back: the last run date sees only its own day's transfers
    var scoped =
        new TruthEvaluation(world.lakehouse())
            .evaluate(world.dir(), new TruthEvaluation.Scope(Optional.of(last), 1));
    long lastDayTruth =
        spark
            .read()
            .option("header", "true")
            .csv(world.dir().resolve("truth/transfers").toString())
            .where(col("date").equalTo(last.toString()))
            .count();
    long lastDayAlerts =
        spark.table("gold.alerts").where(col("run_date").equalTo(lit(Date.valueOf(last)))).count();
    assertThat(lastDayTruth).isPositive().isLessThan(result.truthTransfers());
    assertThat(scoped.truthTransfers()).isEqualTo(lastDayTruth);
    assertThat(scoped.matchedTransfers()).isEqualTo(lastDayTruth);
    assertThat(scoped.alerts()).isEqualTo(lastDayAlerts).isLessThan(result.alerts());
    Score all = score(DetectionMetrics.OVERALL, "transfer");
    Score last1 = scoped.report().score(DetectionMetrics.OVERALL, "transfer").orElseThrow();
    // fewer laundering transfers to find, and no flagged transfer outside the scored window
    assertThat(last1.expected()).isPositive().isLessThan(all.expected());
    assertThat(last1.found()).isLessThanOrEqualTo(last1.expected());
    assertThat(last1.flagged()).isPositive().isLessThanOrEqualTo(all.flagged());
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
    // Measured 0.969 / 0.805 since one payout answers one payment: the off-ramp alerts a shared
    // payout had given honest customers are gone, and with their paths the mule wallets they had
    // found by chance (0.951 / 0.831 before; 0.943 / 0.695 before date-only hops may happen any
    // time of their day; 0.958 / 0.576 on the clipped world before the off-ramp rule fired).
    // Recall: two days hold no full victim series.
    assertThat(accounts.precision()).isGreaterThanOrEqualTo(0.965);
    assertThat(accounts.recall()).isGreaterThanOrEqualTo(0.80);
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
    // Measured 16 of 16 at precision 1.0 since one payout answers one payment, first come first
    // served among equal amounts (13 of 16 at 0.947 / 0.939 when payments shared payouts; a greedy
    // "closest payment before the payout" lost two of those: 0.625; no alert at all before the
    // tag-label fix). Mules of one operation pay one exchange identical amounts minutes apart.
    assertThat(transfers.expected()).isEqualTo(16);
    assertThat(transfers.recall()).isGreaterThanOrEqualTo(1.0);
    assertThat(accounts.recall()).isGreaterThanOrEqualTo(1.0);
    assertThat(transfers.precision()).isGreaterThanOrEqualTo(1.0);
    assertThat(accounts.precision()).isGreaterThanOrEqualTo(1.0);
  }

  /**
   * Transfer and account precision floors, today's measured values through the whole pipeline on
   * this world (issue 8 aims at 0.8). Before the material-payer and no-more-than-received rules,
   * trading businesses made fan_in 0.325 / 0.333 and fan_out 0.500 / 0.583; the remaining
   * rapid_pass_through false positive is a worker sending most of a salary home within hours (0.833
   * / 0.800 before the anchor-share rule).
   */
  private static final java.util.Map<String, double[]> FLOORS =
      new java.util.LinkedHashMap<>(
          java.util.Map.of(
              "fan_in", new double[] {1.0, 1.0},
              "fan_out", new double[] {1.0, 1.0},
              "rapid_pass_through", new double[] {0.969, 0.948}));
}
