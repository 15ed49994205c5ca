package io.scamflow.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** What {@code scamflow ingest sanctions --format F --input PATH} does, for every format. */
@SparkTest
class TestSanctionsIngestFormats {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  /** format -> fixture folder, entries accepted, records quarantined. */
  private record Case(String fixture, long accepted, long quarantined) {}

  private static final Map<String, Case> CASES = new LinkedHashMap<>();

  static {
    CASES.put("ofac-sdn-csv", new Case("ofac-sdn-csv-2019", 7379, 10));
    CASES.put("ofac-cons-csv", new Case("ofac-cons-csv-2025", 442, 0));
    CASES.put("ofac-sdn-xml", new Case("ofac-sdn-xml", 3, 1));
    CASES.put("un-sc-xml", new Case("un-sc-xml", 2, 0));
    CASES.put("eu-fsf-xml", new Case("eu-fsf-xml", 2, 0));
    CASES.put("uk-fcdo", new Case("uk-fcdo", 2, 0));
    CASES.put("opensanctions-ftm", new Case("opensanctions-ftm", 4, 2));
    CASES.put("ofac-sdn-advanced-xml", new Case("ofac-sdn-advanced-xml", 2, 1));
    CASES.put("address-watchlist-csv", new Case("address-watchlist-csv", 3, 1));
  }

  private static Path land(Path root, String format, String fixture) throws Exception {
    Path dir = root.resolve(DAY + "/sanctions/" + format);
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(CollectingSink.fixture(fixture))) {
      for (Path f : files.toList()) {
        Files.copy(
            f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  @Test
  void everySanctionsFormatLoadsThroughTheIngestPathAndIntoTheSharedSilverTables(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    Path root = SharedSparkExtension.testDir().resolve("sanctions-landing");
    List<String> registered =
        Readers.all().stream()
            .filter(r -> r.source().equals("sanctions"))
            .map(FormatReader::format)
            .toList();
    assertThat(registered).containsAll(CASES.keySet());

    for (Map.Entry<String, Case> c : CASES.entrySet()) {
      String format = c.getKey();
      Path input = land(root, format, c.getValue().fixture());
      FormatReader reader = Readers.forFormat("sanctions", format);
      List<String> files =
          Landing.list(input.toString(), reader, spark.sparkContext().hadoopConfiguration());
      assertThat(files).as(format).hasSize(1);
      LocalDate date = Landing.dateOf(input.toString()).orElseThrow();
      assertThat(date).isEqualTo(DAY);
      RunContext run = RunContext.start("ingest.sanctions." + format, date);
      StageOutcome outcome = new Ingestion(lh).ingest(run, reader, files);
      assertThat(outcome.accepted()).as(format + " accepted").isEqualTo(c.getValue().accepted());
      assertThat(outcome.quarantined())
          .as(format + " quarantined")
          .isEqualTo(c.getValue().quarantined());
    }

    Map<String, Long> bronze = new TreeMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT source_format, count(*) FROM bronze.sanctions_raw WHERE run_date = DATE'"
                    + DAY
                    + "' GROUP BY source_format")
            .collectAsList()) {
      bronze.put(r.getString(0), r.getLong(1));
    }
    for (Map.Entry<String, Case> c : CASES.entrySet()) {
      assertThat(bronze.get(c.getKey())).as(c.getKey()).isEqualTo(c.getValue().accepted());
    }

    StageOutcome silver =
        new StageRunner(lh, settings)
            .run("silver.sanctions", DAY, run -> new SanctionsSilver(lh).build(run));
    assertThat(silver.summary()).contains("sanctioned_entities");
    Map<String, Long> current = new TreeMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT list_id, count(*) FROM silver.sanctioned_entities WHERE valid_to IS NULL"
                    + " GROUP BY list_id")
            .collectAsList()) {
      current.put(r.getString(0), r.getLong(1));
    }
    assertThat(current)
        .containsEntry("OFAC_CONS", 442L)
        .containsEntry("UN_SC", 2L)
        .containsEntry("EU_FSF", 2L)
        .containsEntry("UK_FCDO", 2L)
        .containsEntry("OPENSANCTIONS", 4L)
        .containsEntry("KNOWN_SCAMS", 3L);
    // the SDN XML states its publication date (2026-01-20), an earlier OFAC_SDN version than the
    // CSV set, which states none and so is the run date's: the CSV set is the current version
    assertThat(current).containsEntry("OFAC_SDN", 7379L);
    List<Row> tron =
        spark
            .sql(
                "SELECT DISTINCT list_id FROM silver.sanctioned_crypto_addresses"
                    + " WHERE address = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' AND valid_to IS NULL")
            .collectAsList();
    assertThat(tron).extracting(r -> r.getString(0)).contains("KNOWN_SCAMS", "OPENSANCTIONS");
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM ops.quarantine WHERE source = 'sanctions'"
                        + " AND reason LIKE '%not in sdn.csv%'")
                .first()
                .getLong(0))
        .isEqualTo(10);
  }
}
