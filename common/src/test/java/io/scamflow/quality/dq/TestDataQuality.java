package io.scamflow.quality.dq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.config.Settings;
import io.scamflow.errors.ScamflowException;
import io.scamflow.ingest.sanctions.SanctionsTables;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The data-quality checks on crafted days: each breach is seen with the right severity, observed
 * value and message, and the honest look-alike next to it (a list just inside the age limit, a rail
 * with ordinary volume, USD values missing only below the limit) passes.
 */
@SparkTest
class TestDataQuality {
  /** {@code n} transfers on {@code day} for {@code rail}; the first {@code noUsd} lack USD. */
  private static void transfers(
      SparkSession spark, Lakehouse lh, LocalDate day, String rail, int n, int noUsd, int noFrom) {
    String rows =
        String.format(
            "SELECT concat('%s-%s-', id) AS transfer_id, DATE'%s' AS run_date, '%s' AS rail,"
                + " concat('ref-', id) AS natural_ref, DATE'%s' AS value_date,"
                + " TIMESTAMP'%s 10:00:00' AS value_ts, CAST(100 AS DECIMAL(38,18)) AS amount,"
                + " 'USD' AS currency,"
                + " IF(id < %d, NULL, CAST(100 AS DECIMAL(24,2))) AS amount_usd,"
                + " IF(id < %d, NULL, concat('A', id)) AS from_account,"
                + " concat('B', id) AS to_account FROM range(%d)",
            rail, day, day, rail, day, day, noUsd, noFrom, n);
    write(
        lh,
        SilverTransfers.TABLE,
        spark.sql(rows),
        day,
        "run_date = DATE'" + day + "' AND rail = '" + rail + "'");
  }

  private static void write(
      Lakehouse lh,
      TableContract c,
      org.apache.spark.sql.Dataset<Row> df,
      LocalDate day,
      String where) {
    new TableWriter(lh).replaceWhere(c, df, RunContext.start("test", day), where);
  }

  private static void sanctionsList(
      SparkSession spark, Lakehouse lh, LocalDate landed, String list, LocalDate version) {
    write(
        lh,
        SanctionsTables.BRONZE,
        spark.sql(
            String.format(
                "SELECT DATE'%s' AS run_date, 'ofac-sdn-csv' AS source_format, '1' AS"
                    + " record_position, '%s' AS list_id, DATE'%s' AS list_version, 'E1' AS"
                    + " entity_id",
                landed, list, version)),
        landed,
        "run_date = DATE'" + landed + "' AND list_id = '" + list + "'");
  }

  private static DqResult only(List<DqResult> results, String table) {
    return results.stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
  }

  @Test
  void noSanctionsListFailsAndAStaleListWarnsWhileAFreshOnePasses(
      SparkSession spark, Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 5, 20);
    DataQualityChecks checks = new DataQualityChecks(lh, settings);
    lh.ensure(SanctionsTables.BRONZE);
    List<DqResult> none = checks.sanctionsFreshness(day);
    assertThat(none)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.severity()).isEqualTo(Severity.FAIL);
              assertThat(r.message()).contains("no sanctions list").contains("Deliver");
            });

    sanctionsList(spark, lh, day, "OFAC_SDN", day.minusDays(7)); // at the limit: fresh
    sanctionsList(spark, lh, day.minusDays(1), "UN_SC", day.minusDays(12));
    List<DqResult> results = checks.sanctionsFreshness(day);
    DqResult ofac = only(results, "bronze.sanctions_raw[OFAC_SDN]");
    assertThat(ofac.severity()).isEqualTo(Severity.INFO);
    assertThat(ofac.observed()).isEqualTo(7);
    DqResult un = only(results, "bronze.sanctions_raw[UN_SC]");
    assertThat(un.severity()).isEqualTo(Severity.WARN);
    assertThat(un.observed()).isEqualTo(12);
    assertThat(un.threshold()).isEqualTo(7);
    assertThat(un.message()).contains("UN_SC").contains("12 days").contains("Fetch the current");
  }

  @Test
  void fxCoverageAndKeyNullRatesWarnOrFailByTheirLimits(
      SparkSession spark, Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 6, 10);
    DataQualityChecks checks = new DataQualityChecks(lh, settings);
    transfers(spark, lh, day, "FIAT", 100, 5, 0); // 95% valued: passes (limit 90%)
    assertThat(checks.fxCoverage(day))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.passed()).isTrue();
              assertThat(r.observed()).isEqualTo(0.95);
            });
    transfers(spark, lh, day, "CHAIN", 100, 80, 30); // 200 rows, 85 without USD, 30 without payer
    DqResult fx = checks.fxCoverage(day).get(0);
    assertThat(fx.severity()).isEqualTo(Severity.WARN);
    assertThat(fx.observed()).isEqualTo(115 / 200.0);
    assertThat(fx.message()).contains("115 of 200").contains("fx-rates-csv");

    List<DqResult> nulls = checks.nullRates(day);
    assertThat(only(nulls, "silver.transfers.to_account").passed()).isTrue();
    DqResult from = only(nulls, "silver.transfers.from_account");
    assertThat(from.severity()).isEqualTo(Severity.WARN);
    assertThat(from.observed()).isEqualTo(0.15);

    Settings strict =
        settings.with(
            Map.of(
                "scamflow.dq.fx-coverage.fail-below",
                "0.6",
                "scamflow.dq.null-rate.fail-above",
                "0.1"));
    assertThat(new DataQualityChecks(lh, strict).fxCoverage(day).get(0).severity())
        .isEqualTo(Severity.FAIL);
    assertThat(
            only(new DataQualityChecks(lh, strict).nullRates(day), "silver.transfers.from_account")
                .severity())
        .isEqualTo(Severity.FAIL);
  }

  @Test
  void aRailFarBelowItsTrailingAverageWarnsAndAMissingRailFails(
      SparkSession spark, Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 8, 10);
    for (int d = 1; d <= 3; d++) {
      transfers(spark, lh, day.minusDays(d), "FIAT", 40, 0, 0);
      transfers(spark, lh, day.minusDays(d), "CHAIN", 20, 0, 0);
    }
    DataQualityChecks checks = new DataQualityChecks(lh, settings);
    transfers(spark, lh, day, "FIAT", 36, 0, 0); // 90% of usual: fine
    List<DqResult> normal = checks.volumeDrops(day);
    assertThat(only(normal, "silver.transfers[rail=FIAT]").passed()).isTrue();
    DqResult chain = only(normal, "silver.transfers[rail=CHAIN]");
    assertThat(chain.severity()).isEqualTo(Severity.FAIL);
    assertThat(chain.observed()).isZero();
    assertThat(chain.message()).contains("0 CHAIN transfers").contains("feed may be missing");

    transfers(spark, lh, day, "CHAIN", 6, 0, 0); // 30% of 20
    DqResult low = only(checks.volumeDrops(day), "silver.transfers[rail=CHAIN]");
    assertThat(low.severity()).isEqualTo(Severity.WARN);
    assertThat(low.observed()).isEqualTo(0.3);

    // with fewer earlier days than min-history-days nothing is compared
    DqResult young = only(checks.volumeDrops(day.minusDays(2)), "silver.transfers[rail=FIAT]");
    assertThat(young.passed()).isTrue();
    assertThat(young.message()).contains("3 needed");
  }

  @Test
  void theGateRecordsEveryResultThenStopsTheRunNamingTheFailedCheck(
      SparkSession spark, Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 9, 1);
    transfers(spark, lh, day, "FIAT", 10, 0, 0);
    Settings noSanctionsAnywhere =
        settings.with(Map.of("scamflow.dq.sanctions.lookback-days", "0"));
    RunContext run = RunContext.start(DataQualityStage.NAME, day);
    var stage = new DataQualityStage();
    assertThatThrownBy(
            () -> stage.run(new StageContext(lh, noSanctionsAnywhere, run, Optional.empty())))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("sanctions_freshness")
        .hasMessageContaining("no sanctions list was delivered")
        .hasMessageContaining("rerun");
    List<Row> recorded =
        spark
            .sql(
                "SELECT check_name, severity, status FROM ops.dq_results WHERE run_date = DATE'"
                    + day
                    + "' ORDER BY check_name")
            .collectAsList();
    assertThat(recorded)
        .extracting(r -> r.getString(0) + ":" + r.getString(1) + ":" + r.getString(2))
        .contains("sanctions_freshness:FAIL:BREACHED", "fx_coverage:INFO:PASSED");
  }
}
