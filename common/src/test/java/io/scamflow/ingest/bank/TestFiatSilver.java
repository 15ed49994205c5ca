package io.scamflow.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.ingest.reference.FxRates;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestFiatSilver {
  private static final LocalDate DAY = LocalDate.of(2019, 4, 25);

  private static void land(Path root, String source, String format, String resource, String name)
      throws Exception {
    Path dir = root.resolve(DAY + "/" + source + "/" + format);
    Files.createDirectories(dir);
    try (InputStream in = TestFiatSilver.class.getResourceAsStream("/fixtures/bank/" + resource)) {
      Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Ingests the named files of the day (all when none are named), then builds silver. */
  private static void ingestDay(
      SparkSession spark, Lakehouse lh, StageRunner runner, Path root, String... only) {
    Landing landing = new Landing(root.toString(), spark.sparkContext().hadoopConfiguration());
    RunContext run = RunContext.start("test.ingest", DAY);
    for (FormatReader reader : Readers.all()) {
      if (!reader.source().equals("bank") && !reader.source().equals("reference")) {
        continue;
      }
      List<String> files =
          landing.files(DAY, reader).stream()
              .filter(
                  f ->
                      only.length == 0
                          || List.of(only).contains(Path.of(f).getFileName().toString()))
              .toList();
      if (!files.isEmpty()) {
        new Ingestion(lh).ingest(run, reader, files);
      }
    }
    if (only.length == 0) {
      new FxRates(lh).build(run);
    }
    runner.run("silver.fiat", DAY, r -> new FiatSilver(lh).build(r));
  }

  /** Every business column except lineage, one string per row, sorted. */
  private static List<String> business(SparkSession spark, String query) {
    return spark
        .sql(query)
        .drop("run_id", "ingested_at", "sources", "source_file")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  @Test
  void aLandingDayOfSeveralFormatsBecomesOneRowPerPaymentAndReloadingChangesNothing(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    Path root = SharedSparkExtension.testDir().resolve("fiat-landing");
    if (Files.exists(root)) {
      try (var walk = Files.walk(root)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    land(root, "bank", "iso20022-pacs008", "iso20022/pacs008_same_uetr.xml", "p1.xml");
    land(root, "bank", "swift-mt103", "mt103/ack-and-options.rje", "m1.rje");
    land(root, "bank", "iso20022-camt054", "iso20022/camt054_v08.xml", "n1.xml");
    land(root, "bank", "ibm-aml-csv", "amlworld/day.csv", "day.csv");
    land(root, "reference", "fx-rates-csv", "fx-day.csv", "fx.csv");
    StageRunner runner = new StageRunner(lh, settings);

    // A chain row of the same day must survive the fiat rebuild.
    lh.ensure(SilverTransfers.TABLE);
    new TableWriter(lh)
        .replaceWhere(
            SilverTransfers.TABLE,
            spark.sql(
                "SELECT 'chain-1' AS transfer_id, DATE'2019-04-25' AS run_date, 'CHAIN' AS rail,"
                    + " 'h:0' AS natural_ref, DATE'2019-04-25' AS value_date,"
                    + " CAST(5 AS DECIMAL(38,18)) AS amount, 'USDT' AS currency"),
            RunContext.start("test.chain", DAY),
            "run_date = DATE'2019-04-25' AND rail = 'CHAIN'");

    ingestDay(spark, lh, runner, root);
    String fiat =
        "SELECT * FROM silver.transfers WHERE run_date = DATE'2019-04-25' AND rail = 'FIAT'";
    String day = "run_date = DATE'2019-04-25'"; // other tests share the lakehouse
    // pacs.008 + MT103 + camt.054 of one UETR -> 1; camt.054 debit -> 1; AMLworld 3 rows -> 3.
    assertThat(spark.sql(fiat).count()).isEqualTo(5);
    Row uetr =
        spark.sql(fiat + " AND natural_ref = 'UETR:4c7e5a10-2b3d-4e5f-8a9b-0c1d2e3f4a5b'").first();
    assertThat(uetr.<Row>getList(uetr.fieldIndex("sources")))
        .extracting(r -> r.getString(0))
        .containsExactly("iso20022-camt054", "iso20022-pacs008", "swift-mt103");
    assertThat(uetr.getString(uetr.fieldIndex("from_account")))
        .isEqualTo("IBAN:DE89370400440532013000");
    assertThat(uetr.getString(uetr.fieldIndex("from_country"))).isEqualTo("CN");
    assertThat(uetr.getDecimal(uetr.fieldIndex("amount_usd"))).isEqualByComparingTo("3700.00");
    Row eur = spark.sql(fiat + " AND currency = 'EUR' AND amount = 250").first();
    assertThat(eur.getDecimal(eur.fieldIndex("amount_usd"))).isEqualByComparingTo("280.00");
    assertThat(eur.getString(eur.fieldIndex("from_account")))
        .isEqualTo("IBAN:GB29NWBK60161331926819");
    assertThat(spark.sql("SELECT * FROM silver.transfers WHERE rail = 'CHAIN' AND " + day).count())
        .isEqualTo(1);
    assertThat(
            spark
                .sql("SELECT * FROM silver.benchmark_labels WHERE is_laundering AND " + day)
                .count())
        .isEqualTo(2);
    assertThat(
            spark
                .sql(
                    "SELECT scheme FROM silver.accounts"
                        + " WHERE account_key = 'IBAN:GB29NWBK60161331926819'")
                .first()
                .getString(0))
        .isEqualTo("IBAN");
    long parties = spark.table("silver.parties").count();
    List<String> before = business(spark, fiat);

    // The same files again, plus the MT103 and AMLworld files under other names: same transfers.
    land(root, "bank", "swift-mt103", "mt103/ack-and-options.rje", "m1-copy.rje");
    land(root, "bank", "ibm-aml-csv", "amlworld/day.csv", "day-again.csv");
    ingestDay(spark, lh, runner, root, "m1-copy.rje", "day-again.csv");
    assertThat(spark.sql(fiat).count()).isEqualTo(5);
    assertThat(spark.table("silver.parties").count()).isEqualTo(parties);
    Row again =
        spark.sql(fiat + " AND natural_ref = 'UETR:4c7e5a10-2b3d-4e5f-8a9b-0c1d2e3f4a5b'").first();
    assertThat(again.<Row>getList(again.fieldIndex("sources"))).hasSize(4);
    assertThat(business(spark, fiat)).isEqualTo(before);
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM ops.quarantine WHERE format = 'swift-mt103'"
                        + " AND reason LIKE 'bad amount%'")
                .first()
                .getLong(0))
        .isEqualTo(2);
    BigDecimal total =
        spark
            .sql("SELECT sum(amount) FROM (" + fiat + ") WHERE currency = 'EUR'")
            .first()
            .getDecimal(0);
    assertThat(total).isEqualByComparingTo("450");
  }
}
