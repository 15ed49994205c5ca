package io.scamflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.detect.Detector;
import io.scamflow.detect.Detectors;
import io.scamflow.evaluate.DetectionMetrics;
import io.scamflow.evaluate.Report;
import io.scamflow.evaluate.Score;
import io.scamflow.evaluate.TruthEvaluation;
import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
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
  void everyResolvedEntityWithAnAccountBaselineHasAnEntityBaselineMergingItsAccountsDays(
      SparkSession spark) {
    for (int d = 0; d < world.days(); d++) {
      var day = world.start().plusDays(d);
      String on = "DATE'" + day + "'";
      // what the stage must cover: entities of that night's resolution (at most max-accounts
      // accounts and addresses) with at least one member account baselined that day
      long expected =
          spark
              .sql(
                  "SELECT count(DISTINCT m.entity_id) FROM silver.entity_members m JOIN"
                      + " silver.account_baselines a ON a.account = m.member_id AND a.as_of_date = "
                      + on
                      + " JOIN (SELECT entity_id FROM silver.entity_members WHERE run_date = "
                      + on
                      + " AND member_kind IN ('ACCOUNT', 'ADDRESS') GROUP BY entity_id HAVING"
                      + " count(DISTINCT member_id) <= "
                      + world.settings().integer("scamflow.behaviour.entity.max-accounts")
                      + ") s ON s.entity_id = m.entity_id WHERE m.run_date = "
                      + on
                      + " AND m.member_kind IN ('ACCOUNT', 'ADDRESS')")
              .first()
              .getLong(0);
      assertThat(
              spark
                  .sql("SELECT count(*) FROM silver.entity_baselines WHERE as_of_date = " + on)
                  .first()
                  .getLong(0))
          .as("entity baselines on " + day)
          .isEqualTo(expected)
          .isPositive();
      // a person's active days: at least its busiest account's, at most all its accounts' added
      // (two accounts on one day are one day of the person); payments and USD add up exactly
      Row bad =
          spark
              .sql(
                  "SELECT count_if(e.active_days < a.max_days OR e.active_days > a.sum_days),"
                      + " count_if(e.out_n <> a.out_n), count_if(abs(e.out_usd - a.out_usd) >"
                      + " 0.01), count_if(e.accounts_n >= 2) FROM silver.entity_baselines e JOIN"
                      + " (SELECT m.entity_id, max(b.active_days) max_days, sum(b.active_days)"
                      + " sum_days, sum(b.out_n) out_n, sum(b.out_usd) out_usd FROM (SELECT"
                      + " entity_id, explode(accounts) account FROM silver.entity_baselines WHERE"
                      + " as_of_date = "
                      + on
                      + ") x JOIN (SELECT DISTINCT entity_id, member_id FROM"
                      + " silver.entity_members WHERE run_date = "
                      + on
                      + ") m ON m.entity_id = x.entity_id AND m.member_id = x.account JOIN"
                      + " silver.account_baselines b ON b.account = x.account AND b.as_of_date = "
                      + on
                      + " GROUP BY m.entity_id) a ON a.entity_id = e.entity_id WHERE e.as_of_date"
                      + " = "
                      + on)
              .first();
      assertThat(bad.getLong(0)).as("entities with impossible active days").isZero();
      assertThat(bad.getLong(1)).as("entities whose payments do not add up").isZero();
      assertThat(bad.getLong(2)).as("entities whose USD does not add up").isZero();
      if (d == world.days() - 1) {
        assertThat(bad.getLong(3)).as("entities of two or more accounts").isPositive();
      }
    }
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

  /**
   * Cold start, measured: for each signal, how many of its alerts are on cold accounts (no
   * baseline, or fewer active days than cold-start-min-active-days in the previous night's
   * baseline, i.e. judged against peers) and how precise those are against warm ones; how far
   * velocity_spike and new_counterparties_burst overlap; and the account-level ablation `evaluate`
   * writes (alert members, as DetectionMetrics counts them). All to results/behaviour.md.
   */
  @Test
  void coldStartShareOverlapAndAblationAreMeasured(SparkSession spark, Settings settings)
      throws IOException {
    int minActive = settings.integer("scamflow.behaviour.cold-start-min-active-days");
    spark
        .sql(
            "SELECT a.alert_id, a.run_date, a.typology, a.anchor, a.members, a.score,"
                + " a.evidence, coalesce(max_by(b.active_days, b.as_of_date), 0) < "
                + minActive
                + " AS cold FROM gold.alerts a LEFT JOIN silver.account_baselines b ON"
                + " b.account = a.anchor AND b.as_of_date < a.run_date WHERE "
                + world.runDates().replace("run_date", "a.run_date")
                + " AND a.typology IN ('"
                + String.join("','", typologies)
                + "') GROUP BY a.alert_id, a.run_date, a.typology, a.anchor, a.members, a.score,"
                + " a.evidence")
        .createOrReplaceTempView("behaviour_alerts_cold");
    String pos = "w.role IN ('victim', 'mule')";
    StringBuilder md = new StringBuilder();
    md.append(
            "## Cold start and overlap on the generated world (TestBehaviourOnGeneratedWorld)\n\n")
        .append(
            String.format(
                "Same world as above. An alert is cold when its anchor had no baseline before the"
                    + " run date or fewer than %d active days in it (judged against its peer"
                    + " group). Accounts: distinct anchors; an account can be cold on one day and"
                    + " warm on another.%n%n",
                minActive))
        .append(
            "| signal | alerts | cold alerts | cold accounts | cold: victims+mules | cold:"
                + " honest | cold precision | warm accounts | warm: victims+mules | warm:"
                + " honest | warm precision |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String t : typologies) {
      Row r =
          spark
              .sql(
                  "SELECT count(*), count_if(cold) FROM behaviour_alerts_cold WHERE typology = '"
                      + t
                      + "'")
              .first();
      Row c =
          spark
              .sql(
                  "SELECT count(DISTINCT b.anchor) FILTER (WHERE b.cold), count(DISTINCT b.anchor)"
                      + " FILTER (WHERE b.cold AND "
                      + pos
                      + "), count(DISTINCT b.anchor) FILTER (WHERE b.cold AND w.role = 'honest'),"
                      + " count(DISTINCT b.anchor) FILTER (WHERE NOT b.cold), count(DISTINCT"
                      + " b.anchor) FILTER (WHERE NOT b.cold AND "
                      + pos
                      + "), count(DISTINCT b.anchor) FILTER (WHERE NOT b.cold AND w.role ="
                      + " 'honest') FROM behaviour_alerts_cold b LEFT JOIN world_accounts w ON"
                      + " w.account = b.anchor WHERE b.typology = '"
                      + t
                      + "'")
              .first();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %s | %d | %d | %d | %s |%n",
              t,
              r.getLong(0),
              r.getLong(1),
              c.getLong(0),
              c.getLong(1),
              c.getLong(2),
              ratio(c.getLong(1), c.getLong(1) + c.getLong(2)),
              c.getLong(3),
              c.getLong(4),
              c.getLong(5),
              ratio(c.getLong(4), c.getLong(4) + c.getLong(5))));
    }
    Row overlap =
        spark
            .sql(
                "WITH v AS (SELECT DISTINCT run_date, anchor, members FROM behaviour_alerts_cold"
                    + " WHERE typology = 'velocity_spike'), n AS (SELECT DISTINCT run_date,"
                    + " anchor, members FROM behaviour_alerts_cold WHERE typology ="
                    + " 'new_counterparties_burst') SELECT (SELECT count(*) FROM v), (SELECT"
                    + " count(*) FROM n), (SELECT count(*) FROM v JOIN n USING (run_date,"
                    + " anchor)), (SELECT count(*) FROM v JOIN n USING (run_date, anchor) WHERE"
                    + " v.members = n.members)")
            .first();
    md.append(
        String.format(
            Locale.ROOT,
            "%nvelocity_spike and new_counterparties_burst: %d and %d alerts (account-days); %d"
                + " account-days raise both, %d of them with the same members.%n",
            overlap.getLong(0),
            overlap.getLong(1),
            overlap.getLong(2),
            overlap.getLong(3)));

    Report report = new TruthEvaluation(world.lakehouse()).evaluate(world.dir()).report();
    md.append(
            "\nAccount level as `scamflow evaluate` reports it (DetectionMetrics: a flagged account"
                + " is an alert member, anchor and counterparties; exchanges and OTC desks left"
                + " out):\n\n")
        .append("| scope | flagged | correct | precision | truth | found | recall | F1 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    List<Score> rows = new java.util.ArrayList<>();
    report.score(DetectionMetrics.OVERALL, "account").ifPresent(rows::add);
    report.score(DetectionMetrics.WITH_BEHAVIOUR, "account").ifPresent(rows::add);
    for (String t : typologies) {
      report.score(t, "account").ifPresent(rows::add);
    }
    rows.addAll(report.ablation());
    for (Score s : rows) {
      md.append(Report.scopeRow(s));
    }
    ResultsSection.write("behaviour.md", "TestBehaviourOnGeneratedWorld cold start", md.toString());
    System.out.println(md);
    // the honest accounts the signals flag, with what was measured (diagnosis, not an assertion)
    spark
        .sql(
            "SELECT b.typology, b.run_date, b.cold, b.anchor, b.score, b.evidence FROM"
                + " behaviour_alerts_cold b JOIN world_accounts w ON w.account = b.anchor WHERE"
                + " w.role = 'honest' ORDER BY b.typology, b.anchor")
        .collectAsList()
        .forEach(x -> System.out.println("honest-alert " + x));
    spark
        .sql(
            "SELECT b.typology, b.run_date, b.cold, b.anchor, w.role, b.score, b.evidence FROM"
                + " behaviour_alerts_cold b JOIN world_accounts w ON w.account = b.anchor WHERE "
                + pos
                + " ORDER BY b.typology, b.anchor")
        .collectAsList()
        .forEach(x -> System.out.println("scam-alert " + x));

    assertThat(overlap.getLong(0) + overlap.getLong(1)).isPositive();
  }

  private static String ratio(long num, long den) {
    return den == 0 ? "-" : String.format(Locale.ROOT, "%.3f", num / (double) den);
  }
}
