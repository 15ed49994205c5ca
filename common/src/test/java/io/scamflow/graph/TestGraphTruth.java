package io.scamflow.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The graph stages on the generated world (run once per JVM by the fixture), against its truth:
 * money of the mules and victims of schemes whose wallets are designated reaches those wallets
 * (recall floor), honest accounts mostly do not, and traced money never exceeds its origin's.
 */
@SparkTest
class TestGraphTruth {
  private static GeneratedWorld.World world;

  @BeforeAll
  static void open(SparkSession spark) {
    world = GeneratedWorld.open(spark);
    String last = "DATE'" + world.lastDay() + "'";
    world
        .truth(spark, "designations")
        .where(
            "scheme_id IS NOT NULL AND scheme_id <> '' AND listed_on <= '" + world.lastDay() + "'")
        .select("scheme_id")
        .distinct()
        .createOrReplaceTempView("truth_designated_schemes");
    spark
        .sql(
            "SELECT DISTINCT node FROM (SELECT src node FROM silver.transfer_edges WHERE run_date"
                + " <= "
                + last
                + " UNION ALL SELECT dst FROM silver.transfer_edges WHERE run_date <= "
                + last
                + ")")
        .createOrReplaceTempView("truth_seen_nodes");
    world.truth(spark, "accounts").createOrReplaceTempView("truth_accounts_raw");
    // The truth's keys (BIC:account, tron:T...) as silver.transfers writes them.
    spark
        .sql(
            "SELECT a.*, s.node FROM (SELECT *, CASE WHEN coalesce(chain, '') <> '' THEN"
                + " array(concat(upper(chain), ':', CASE WHEN upper(chain) = 'ETHEREUM' THEN"
                + " lower(address) ELSE address END)) ELSE array(concat('IBAN:',"
                + " upper(regexp_replace(account, '\\\\s', ''))), concat('ACCT:', substr(bic, 1, 8),"
                + " ':', upper(regexp_replace(account, '[-./:\\\\s]', '')))) END keys FROM"
                + " truth_accounts_raw) a JOIN truth_seen_nodes s ON array_contains(a.keys, s.node)")
        .createOrReplaceTempView("truth_accounts");
    spark
        .sql(
            "SELECT DISTINCT node FROM gold.exposure WHERE run_date = "
                + last
                + " AND direction = 'TO_DESIGNATED'")
        .createOrReplaceTempView("exposed_to");
    spark
        .sql("SELECT DISTINCT node FROM gold.exposure WHERE run_date = " + last)
        .createOrReplaceTempView("exposed_any");
    // Exposure is graded by hops: within max-hops (8) a fifth of honest accounts touch a
    // designated wallet somewhere (measured 0.198 on this world), so "near" is what must stay rare.
    spark
        .sql(
            "SELECT DISTINCT node FROM gold.exposure WHERE run_date = "
                + last
                + " AND hops <= "
                + NEAR_HOPS)
        .createOrReplaceTempView("exposed_near");
  }

  private static double share(SparkSession spark, String population, String exposed) {
    Row r =
        spark
            .sql(
                "SELECT count(*), count(e.node) FROM ("
                    + population
                    + ") p LEFT JOIN "
                    + exposed
                    + " e ON e.node = p.node")
            .first();
    assertThat(r.getLong(0)).as("population of " + population).isPositive();
    return (double) r.getLong(1) / r.getLong(0);
  }

  @Test
  void muleAndVictimAccountsOfDesignatedSchemesReachTheirDesignatedWallets(SparkSession spark) {
    double mules =
        share(
            spark,
            "SELECT DISTINCT node FROM truth_accounts WHERE role = 'mule' AND scheme_id IN (SELECT"
                + " scheme_id FROM truth_designated_schemes)",
            "exposed_to");
    double victims =
        share(
            spark,
            "SELECT DISTINCT node FROM truth_accounts WHERE role = 'victim' AND scheme_id IN"
                + " (SELECT scheme_id FROM truth_designated_schemes)",
            "exposed_to");
    System.out.printf("graph truth: mules exposed %.3f, victims exposed %.3f%n", mules, victims);
    assertThat(mules).isGreaterThanOrEqualTo(MULE_FLOOR);
    assertThat(victims).isGreaterThanOrEqualTo(VICTIM_FLOOR);
  }

  @Test
  void honestAccountsAreMostlyUnexposed(SparkSession spark) {
    double honest =
        share(
            spark,
            "SELECT DISTINCT node FROM truth_accounts WHERE role = 'honest'",
            "exposed_near");
    double any =
        share(
            spark, "SELECT DISTINCT node FROM truth_accounts WHERE role = 'honest'", "exposed_any");
    System.out.printf(
        "graph truth: honest exposed within %d hops %.4f, at any hop %.4f%n",
        NEAR_HOPS, honest, any);
    assertThat(honest).isLessThanOrEqualTo(HONEST_CEILING);
  }

  @Test
  void tracedMoneyNeverExceedsItsOriginsTotal(SparkSession spark) {
    long over =
        spark
            .sql(
                "SELECT origin, trace, hop FROM gold.flows WHERE run_date = DATE'"
                    + world.lastDay()
                    + "' GROUP BY origin, trace, hop, origin_total_usd"
                    + " HAVING sum(traced_usd) > max(origin_total_usd) + 0.01 * count(*)")
            .count();
    long rows =
        spark
            .sql("SELECT * FROM gold.flows WHERE run_date = DATE'" + world.lastDay() + "'")
            .count();
    assertThat(rows).isPositive();
    assertThat(over).isZero();
    assertThat(spark.sql("SELECT * FROM gold.flows WHERE traced_usd > amount_usd").count())
        .isZero();
  }

  // Floors and ceiling from the measured run (docs/graph.md), with a margin. Exposure is to
  // confirmed designations only (listed addresses, and name hits confirmed by a date of birth or an
  // identifier): mules 0.125, victims 0.167, honest within 3 hops 0.000 (any hop 0.003). Before
  // name-only hits became possible matches, the front companies' bank accounts and every honest
  // namesake's account seeded exposure too: mules 0.542 and victims 0.667, but 0.109 of honest
  // accounts within 3 hops. The scam's fiat side now reaches the designated wallets only where a
  // KYC link ties a bank account to an address on the route.
  private static final double MULE_FLOOR = 0.1;
  private static final int NEAR_HOPS = 3;
  private static final double VICTIM_FLOOR = 0.15;
  private static final double HONEST_CEILING = 0.02;
}
