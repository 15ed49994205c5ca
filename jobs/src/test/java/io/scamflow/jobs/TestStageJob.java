package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.pipeline.Pipeline;
import io.scamflow.run.Stage;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** `scamflow stage` (what StageJob runs under spark-submit): one stage, one date, one ops row. */
@SparkTest
class TestStageJob {
  record Result(int exit, String out, String err) {}

  private static Result cli(Lakehouse lh, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--lakehouse", lh.root()));
    all.addAll(List.of(args));
    int exit = Scamflow.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Result(exit, out.toString(), err.toString());
  }

  /** A landing zone holding one fx-rates-csv file for {@code date} with these rate rows. */
  private static Path landingWithRates(String date, String rows) throws java.io.IOException {
    Path landing = Files.createTempDirectory("stage-job-landing");
    Path rates = landing.resolve(date + "/reference/fx-rates-csv");
    Files.createDirectories(rates);
    Files.writeString(rates.resolve("rates.csv"), "date,currency,usd_per_unit\n" + rows);
    return landing;
  }

  @Test
  void runsExactlyTheNamedStageForTheDateAndRecordsItAlone(Lakehouse lh) throws Exception {
    Path landing = landingWithRates("2026-02-03", "2026-02-03,THB,0.0281\n2026-02-03,EUR,1.08\n");
    // an honest look-alike: another date's file the stage must not read
    Path other = landing.resolve("2026-02-04/reference/fx-rates-csv");
    Files.createDirectories(other);
    Files.writeString(other.resolve("rates.csv"), "date,currency,usd_per_unit\n2026-02-04,THB,1\n");

    Result r =
        cli(
            lh,
            "stage",
            "--stage",
            "ingest.reference.fx-rates-csv",
            "--run-date",
            "2026-02-03",
            "--landing",
            landing.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("2026-02-03 ingest.reference.fx-rates-csv: ");

    // the other tests of this class share the lakehouse and run March dates
    List<Row> runs =
        lh.spark()
            .sql(
                "SELECT job, CAST(run_date AS STRING), status, rows_read FROM ops.runs"
                    + " WHERE run_date < DATE'2026-03-01'")
            .collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getString(0)).isEqualTo("ingest.reference.fx-rates-csv");
    assertThat(runs.get(0).getString(1)).isEqualTo("2026-02-03");
    assertThat(runs.get(0).getString(2)).isEqualTo("SUCCEEDED");
    assertThat(runs.get(0).getLong(3)).isEqualTo(2);
    assertThat(
            lh
                .spark()
                .sql(
                    "SELECT currency FROM bronze.fx_rates WHERE rate_date < DATE'2026-03-01'"
                        + " ORDER BY currency")
                .collectAsList()
                .stream()
                .map(row -> row.getString(0)))
        .containsExactly("EUR", "THB");
  }

  @Test
  void severalStagesRunInTheOrderGivenEachRecordedUnderItsOwnName(Lakehouse lh) throws Exception {
    Path landing = landingWithRates("2026-03-09", "2026-03-09,GBP,1.27\n");

    Result r =
        cli(
            lh,
            "stage",
            "--stage",
            "ingest.reference.fx-rates-csv",
            "--stage",
            "silver.fx_rates",
            "--run-date",
            "2026-03-09",
            "--landing",
            landing.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().map(l -> l.split(":")[0]))
        .containsExactly("2026-03-09 ingest.reference.fx-rates-csv", "2026-03-09 silver.fx_rates");
    assertThat(
            lh
                .spark()
                .sql(
                    "SELECT job, status FROM ops.runs WHERE run_date = DATE'2026-03-09'"
                        + " ORDER BY started_at")
                .collectAsList()
                .stream()
                .map(row -> row.getString(0) + " " + row.getString(1)))
        .containsExactly("ingest.reference.fx-rates-csv SUCCEEDED", "silver.fx_rates SUCCEEDED");
    // the second stage read what the first wrote
    assertThat(
            lh.spark()
                .sql("SELECT count(*) FROM silver.fx_rates WHERE currency = 'GBP'")
                .first()
                .getLong(0))
        .isPositive();
  }

  @Test
  void anUnknownStageAmongSeveralRunsNone(Lakehouse lh) {
    Result r =
        cli(
            lh,
            "stage",
            "--stage",
            "silver.fx_rates",
            "--stage",
            "silver.fiats",
            "--run-date",
            "2026-03-10");
    assertThat(r.exit()).isEqualTo(Scamflow.EXIT_ERROR);
    assertThat(r.err()).contains("silver.fiats");
    assertThat(
            lh.spark()
                .sql("SELECT count(*) FROM ops.runs WHERE run_date = DATE'2026-03-10'")
                .first()
                .getLong(0))
        .isZero();
  }

  @Test
  void anUnknownStageIsAOneLineErrorNamingWhereTheNamesAre(Lakehouse lh) {
    Result r = cli(lh, "stage", "--stage", "silver.fiats", "--run-date", "2026-02-03");
    assertThat(r.exit()).isEqualTo(Scamflow.EXIT_ERROR);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("silver.fiats").contains("scamflow stages");
  }

  @Test
  void stagesListsEveryRegisteredStageInOrderWithItsJob(Lakehouse lh) {
    Result r = cli(lh, "stages");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> names = r.out().lines().map(l -> l.split("\t")[0]).toList();
    assertThat(names)
        .containsExactlyElementsOf(Pipeline.standardStages().stream().map(Stage::name).toList());
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l).contains("io.scamflow.jobs.stage.StageJob --stage "));
  }
}
