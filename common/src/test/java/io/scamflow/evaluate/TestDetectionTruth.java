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
    for (String typology : new String[] {"fan_in", "fan_out", "rapid_pass_through"}) {
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
    for (String typology : new String[] {"fan_in", "fan_out", "rapid_pass_through"}) {
      Score transfers = score(typology, "transfer");
      assertThat(transfers.expected()).as(typology + " in the truth").isPositive();
      assertThat(transfers.recall()).as(typology + " transfer recall").isGreaterThanOrEqualTo(0.9);
      // Floors are today's measured precision through the whole pipeline (PRECISION_FLOOR), far
      // below issue 8's aim of 0.8: honest look-alikes still fire in the pipeline's two-day window.
      assertThat(transfers.precision())
          .as(typology + " transfer precision")
          .isGreaterThanOrEqualTo(PRECISION_FLOOR);
    }
  }

  @Test
  void overallAlertsAreMostlyScamAccounts() {
    Score accounts = score("overall", "account");
    System.out.printf(
        "detection truth: overall account P %.3f R %.3f%n",
        accounts.precision(), accounts.recall());
    // Measured 0.226 with the behavioural signals in "overall"; the aim (0.7) is not met yet.
    assertThat(accounts.precision()).isGreaterThanOrEqualTo(0.2);
    assertThat(result.report().ablation()).extracting(Score::scope).contains("overall", "network");
  }

  private static final double PRECISION_FLOOR = 0.3;
}
