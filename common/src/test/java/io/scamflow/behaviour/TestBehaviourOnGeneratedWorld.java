package io.scamflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.detect.Detector;
import io.scamflow.detect.Detectors;
import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The behavioural signals on the generated world (run once per JVM through the whole nightly
 * pipeline), against its truth at account level: scam victims and mules must fire behavioural
 * signals at a higher rate than honest accounts, and every signal's account-level precision and
 * recall go to results/behaviour.md.
 */
@SparkTest
class TestBehaviourOnGeneratedWorld {
  private static GeneratedWorld.World world;
  private static List<String> typologies;

  @BeforeAll
  static void open(SparkSession spark) {
    world = GeneratedWorld.open(spark);
    typologies =
        Detectors.all().stream()
            .filter(d -> d.family().equals("behaviour"))
            .map(Detector::typology)
            .toList();
    // truth account keys in silver's spelling: ACCT:<BIC8>:<number>, IBAN:<iban>, TRON:<addr>
    world
        .truth(spark, "accounts")
        .selectExpr(
            "CASE WHEN kind = 'bank_account' AND account RLIKE '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,}$'"
                + " THEN 'IBAN:' || account WHEN kind = 'bank_account' THEN 'ACCT:' ||"
                + " substr(bic, 1, 8) || ':' || account ELSE upper(chain) || ':' || address END"
                + " AS account",
            "role")
        .where("account IS NOT NULL")
        .createOrReplaceTempView("truth_roles");
    spark
        .sql(
            "SELECT DISTINCT a.account, coalesce(t.role, 'unknown') AS role FROM"
                + " (SELECT from_account AS account FROM silver.transfers WHERE "
                + world.runDates()
                + " UNION SELECT to_account FROM silver.transfers WHERE "
                + world.runDates()
                + ") a LEFT JOIN truth_roles t ON lower(t.account) = lower(a.account)"
                + " WHERE a.account IS NOT NULL")
        .createOrReplaceTempView("world_accounts");
  }

  @Test
  void baselinesCoverEveryAccountThatMovedMoneyOnEachDay(SparkSession spark) {
    for (int d = 0; d < world.days(); d++) {
      var day = world.start().plusDays(d);
      long moved =
          spark
              .sql(
                  "SELECT count(DISTINCT a) FROM (SELECT from_account a FROM silver.transfers"
                      + " WHERE run_date = DATE'"
                      + day
                      + "' AND to_account IS NOT NULL UNION ALL SELECT to_account FROM"
                      + " silver.transfers WHERE run_date = DATE'"
                      + day
                      + "' AND from_account IS NOT NULL)")
              .first()
              .getLong(0);
      long active =
          spark
              .sql(
                  "SELECT count(*) FROM silver.account_baselines WHERE as_of_date = DATE'"
                      + day
                      + "' AND last_seen = as_of_date")
              .first()
              .getLong(0);
      assertThat(active).as("accounts active on " + day).isEqualTo(moved).isPositive();
    }
    assertThat(spark.sql("SELECT * FROM silver.peer_baselines").count()).isPositive();
  }

  @Test
  void victimsAndMulesFireBehaviouralSignalsMoreOftenThanHonestAccounts(SparkSession spark)
      throws IOException {
    assertThat(spark.sql("SELECT * FROM world_accounts WHERE role <> 'unknown'").count())
        .as("truth roles matched to silver account keys")
        .isGreaterThan(1000);
    spark
        .sql(
            "SELECT DISTINCT typology, anchor FROM gold.alerts WHERE "
                + world.runDates()
                + " AND typology IN ('"
                + String.join("','", typologies)
                + "')")
        .createOrReplaceTempView("behaviour_alerts");
    String positive = "role IN ('victim', 'mule')";
    Map<String, double[]> bySignal = new TreeMap<>();
    Row totals =
        spark
            .sql("SELECT count_if(" + positive + "), count_if(role = 'honest') FROM world_accounts")
            .first();
    long positives = totals.getLong(0);
    long honest = totals.getLong(1);
    for (String t : typologies) {
      Row r =
          spark
              .sql(
                  "SELECT count(*), count_if("
                      + positive.replace("role", "w.role")
                      + "), count_if(w.role = 'honest') FROM behaviour_alerts b JOIN"
                      + " world_accounts w ON w.account = b.anchor WHERE b.typology = '"
                      + t
                      + "'")
              .first();
      bySignal.put(t, new double[] {r.getLong(0), r.getLong(1), r.getLong(2)});
    }
    Row any =
        spark
            .sql(
                "SELECT count(*), count_if("
                    + positive.replace("role", "w.role")
                    + "), count_if(w.role = 'honest') FROM (SELECT DISTINCT anchor FROM"
                    + " behaviour_alerts) b JOIN world_accounts w ON w.account = b.anchor")
            .first();
    double positiveRate = any.getLong(1) / (double) positives;
    double honestRate = any.getLong(2) / (double) honest;

    StringBuilder md = new StringBuilder();
    md.append("## Per signal on the generated world (TestBehaviourOnGeneratedWorld)\n\n")
        .append(
            String.format(
                "TestBehaviourOnGeneratedWorld: GeneratedWorld (tiny, seed %d, %d days from %s)"
                    + " through the whole nightly pipeline. Account level: an account is positive"
                    + " when its truth role is victim or mule (%,d accounts that moved money),"
                    + " negative when honest (%,d); exchanges, OTC desks, controllers and"
                    + " designated wallets are neither. An account is flagged by a signal when it"
                    + " anchors one of its alerts on any day.%n%n",
                GeneratedWorld.SEED, world.days(), world.start(), positives, honest))
        .append("| signal | accounts flagged | victims+mules | honest | precision | recall |\n")
        .append("|---|---|---|---|---|---|\n");
    bySignal.forEach(
        (t, v) ->
            md.append(
                String.format(
                    "| %s | %.0f | %.0f | %.0f | %s | %.3f |%n",
                    t,
                    v[0],
                    v[1],
                    v[2],
                    v[1] + v[2] == 0 ? "-" : String.format("%.3f", v[1] / (v[1] + v[2])),
                    v[1] / positives)));
    md.append(
        String.format(
            "| any behavioural signal | %d | %d | %d | %.3f | %.3f |%n%n",
            any.getLong(0),
            any.getLong(1),
            any.getLong(2),
            any.getLong(1) / (double) Math.max(1, any.getLong(1) + any.getLong(2)),
            positiveRate));
    md.append(
        String.format(
            "Share flagged: victims and mules %.3f, honest accounts %.4f (%.0fx).%n",
            positiveRate, honestRate, honestRate == 0 ? Double.NaN : positiveRate / honestRate));
    ResultsSection.write("behaviour.md", "TestBehaviourOnGeneratedWorld", md.toString());

    assertThat(any.getLong(1)).as("victims and mules flagged").isPositive();
    assertThat(positiveRate)
        .as("flag rate of victims and mules vs honest")
        .isGreaterThan(honestRate);
  }

  @Test
  void everyBehaviouralAlertExplainsItselfWithEvidenceAndTransfers(SparkSession spark) {
    List<Row> bad =
        spark
            .sql(
                "SELECT typology, anchor, evidence FROM gold.alerts WHERE "
                    + world.runDates()
                    + " AND typology IN ('"
                    + String.join("','", typologies)
                    + "') AND (evidence IS NULL OR evidence = '{}' OR size(transfer_ids) = 0"
                    + " OR NOT array_contains(members, anchor))")
            .collectAsList();
    assertThat(bad).isEmpty();
  }
}
