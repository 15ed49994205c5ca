package io.scamflow.graph;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import org.apache.spark.sql.Dataset;
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
    new GraphInput(world.lakehouse(), world.settings(), world.lastDay())
        .designated()
        .where("node RLIKE '^(TRON|ETHEREUM|BITCOIN):'")
        .select("node")
        .distinct()
        .createOrReplaceTempView("truth_designated_wallets");
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

  /**
   * Flow tracing on the world's truth: forward from every payment a truth victim made in the
   * window, the share of the victims' paid USD that reaches a designated wallet (arrivals from a
   * non-designated payer, capped per victim at what it paid); backward from every designated
   * wallet's receipts, the share of their received USD traced to a truth victim's payment. Measured
   * twice on the same edges: as written (date-only transfers span their value date) and with every
   * date-only transfer pinned to its value date's midnight (ts_late = ts, which is what the trace
   * did before ts_late existed). The interval reading must follow at least as much money both ways
   * as the midnight one, and at least the measured floors. On this world (tiny, seed 7, last day)
   * the two readings measured the same (see the floors below), so this world does not show the
   * same-day MT103 loss; TestGraph's crafted case does. The printed count of trace rows on
   * date-only transfers, per reading, says whether the trace crosses them at all.
   */
  @Test
  void flowTracingFollowsVictimsMoneyThroughDateOnlyHops(SparkSession spark) {
    GraphInput input = new GraphInput(world.lakehouse(), world.settings(), world.lastDay());
    Dataset<Row> edges = input.transfers();
    edges.createOrReplaceTempView("truth_window_edges");
    Dataset<Row> victimSeeds =
        spark.sql(
            "SELECT DISTINCT a.node origin, t.transfer_id FROM truth_accounts a JOIN"
                + " truth_window_edges t ON t.src = a.node WHERE a.role = 'victim'");
    Dataset<Row> designatedSeeds = Flows.designatedReceipts(input);
    long dateOnly = edges.where("ts_late > ts").count();
    double[] interval = coverage(spark, Flows.trace(input, edges, victimSeeds, designatedSeeds));
    double[] midnight =
        coverage(
            spark,
            Flows.trace(
                input, edges.withColumn("ts_late", col("ts")), victimSeeds, designatedSeeds));
    System.out.printf(
        "graph truth: %d date-only edges in the window; forward victims' USD to designated"
            + " wallets %.4f (midnight %.4f), backward designated wallets' USD to victims %.4f"
            + " (midnight %.4f); trace rows on date-only transfers %.0f (midnight %.0f)%n",
        dateOnly, interval[0], midnight[0], interval[1], midnight[1], interval[2], midnight[2]);
    assertThat(dateOnly).isPositive();
    assertThat(interval[0]).isGreaterThanOrEqualTo(midnight[0]);
    assertThat(interval[1]).isGreaterThanOrEqualTo(midnight[1]);
    // the trace crosses the date-only hops that midnight put before the money (34 vs 4 measured)
    assertThat(interval[2]).isGreaterThan(midnight[2]).isGreaterThanOrEqualTo(DATE_ONLY_ROWS_FLOOR);
    assertThat(interval[0]).isGreaterThanOrEqualTo(FORWARD_TO_DESIGNATED_FLOOR);
    assertThat(interval[1]).isGreaterThanOrEqualTo(BACKWARD_TO_VICTIMS_FLOOR);
  }

  /**
   * {forward share, backward share, rows on date-only transfers} of a trace (see above); checks
   * conservation on the way.
   */
  private static double[] coverage(SparkSession spark, Dataset<Row> flows) {
    flows.localCheckpoint().createOrReplaceTempView("truth_trace");
    assertThat(
            spark
                .sql(
                    "SELECT origin, trace, hop FROM truth_trace GROUP BY origin, trace, hop"
                        + " HAVING sum(traced_usd) > max(origin_total_usd) + 0.01 * count(*)")
                .count())
        .as("per origin and hop, traced USD within the origin's total")
        .isZero();
    Row fwd =
        spark
            .sql(
                "SELECT sum(least(coalesce(a.usd, 0), o.total)), sum(o.total) FROM (SELECT origin,"
                    + " max(origin_total_usd) total FROM truth_trace WHERE trace = 'FORWARD' GROUP"
                    + " BY origin) o LEFT JOIN (SELECT origin, sum(traced_usd) usd FROM"
                    + " truth_trace WHERE trace = 'FORWARD' AND dst IN (SELECT node FROM"
                    + " truth_designated_wallets) AND src NOT IN (SELECT node FROM"
                    + " truth_designated_wallets) GROUP BY origin) a ON a.origin = o.origin")
            .first();
    Row back =
        spark
            .sql(
                "SELECT sum(least(coalesce(a.usd, 0), o.total)), sum(o.total) FROM (SELECT origin,"
                    + " max(origin_total_usd) total FROM truth_trace WHERE trace = 'BACKWARD'"
                    + " GROUP BY origin) o LEFT JOIN (SELECT origin, sum(traced_usd) usd FROM"
                    + " truth_trace WHERE trace = 'BACKWARD' AND src IN (SELECT node FROM"
                    + " truth_accounts WHERE role = 'victim') GROUP BY origin) a ON a.origin ="
                    + " o.origin")
            .first();
    assertThat(fwd.isNullAt(1)).as("victims traced forward").isFalse();
    assertThat(back.isNullAt(1)).as("designated wallets traced back").isFalse();
    System.out.printf(
        "graph truth: trace of %s USD paid by victims, %s USD received by designated wallets%n",
        fwd.getDecimal(1).toPlainString(), back.getDecimal(1).toPlainString());
    long onDateOnly =
        spark
            .sql(
                "SELECT * FROM truth_trace WHERE transfer_id IN (SELECT transfer_id FROM"
                    + " truth_window_edges WHERE ts_late > ts)")
            .count();
    return new double[] {
      fwd.getDecimal(0).doubleValue() / fwd.getDecimal(1).doubleValue(),
      back.getDecimal(0).doubleValue() / back.getDecimal(1).doubleValue(),
      onDateOnly
    };
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
  // Flow coverage measured 2026-11-27 (results/graph.md): forward 0.0783 of the 4,627.59 USD the
  // truth victims paid in the window reaches a designated wallet, backward 0.0189 of the 19,163.62
  // USD the designated wallets received is traced to a victim; the same with date-only transfers
  // at midnight (none of the traced paths has a same-day date-only hop on this world).
  private static final double FORWARD_TO_DESIGNATED_FLOOR = 0.075;
  private static final double BACKWARD_TO_VICTIMS_FLOOR = 0.018;
  private static final double DATE_ONLY_ROWS_FLOOR = 30;
}
