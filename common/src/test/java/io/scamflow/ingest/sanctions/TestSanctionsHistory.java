package io.scamflow.ingest.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestSanctionsHistory {
  private static final LocalDate V1 = LocalDate.of(2026, 1, 5);
  private static final LocalDate V2 = LocalDate.of(2026, 2, 9);
  private static final String TRON_A = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
  private static final String XBT_B = "149w62rY42aZBox8fGcmqNsXUzSStKeq8C";
  private static final String XBT_B2 = "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V";
  private static final String ETH_C = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

  private static String sdn(String id, String name, String remarks) {
    return id
        + ",\""
        + name
        + "\",\"-0- \",\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\""
        + remarks
        + "\"\r\n";
  }

  /** One landing folder of the OFAC SDN CSV set for {@code day}. */
  private static Path land(Path root, LocalDate day, String sdnCsv) throws Exception {
    Path dir = root.resolve(day + "/sanctions/ofac-sdn-csv");
    Files.createDirectories(dir);
    Files.write(dir.resolve("sdn.csv"), sdnCsv.getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("alt.csv"), "");
    Files.writeString(dir.resolve("add.csv"), "");
    Files.writeString(dir.resolve("sdn_comments.csv"), "");
    return dir;
  }

  private static StageOutcome ingest(Lakehouse lh, Settings settings, Path dir, LocalDate day) {
    FormatReader reader = Readers.forFormat("sanctions", "ofac-sdn-csv");
    List<String> files =
        Landing.list(dir.toString(), reader, lh.spark().sparkContext().hadoopConfiguration());
    return new StageRunner(lh, settings)
        .run(
            "ingest.sanctions.ofac-sdn-csv",
            day,
            run -> new Ingestion(lh).ingest(run, reader, files));
  }

  private static StageOutcome silver(Lakehouse lh, Settings settings, LocalDate day) {
    return new StageRunner(lh, settings)
        .run("silver.sanctions", day, run -> new SanctionsSilver(lh).build(run));
  }

  private static long tableVersion(SparkSession spark, String table) {
    return spark.sql("DESCRIBE HISTORY " + table + " LIMIT 1").first().getLong(0);
  }

  @Test
  void addedChangedAndRemovedDesignationsGetValidityIntervalsAndAReloadChangesNothing(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    Path root = SharedSparkExtension.testDir().resolve("sanctions-history");
    Path v1 =
        land(
            root,
            V1,
            sdn("801", "ALPHA EXCHANGE", "Digital Currency Address - TRX " + TRON_A + ".")
                + sdn("802", "BRAVO OTC", "Digital Currency Address - XBT " + XBT_B + ".")
                + sdn("803", "CHARLIE WALLET", "Digital Currency Address - ETH " + ETH_C + "."));
    Path v2 =
        land(
            root,
            V2,
            sdn("801", "ALPHA EXCHANGE", "Digital Currency Address - TRX " + TRON_A + ".")
                + sdn("802", "BRAVO OTC LTD", "Digital Currency Address - XBT " + XBT_B2 + ".")
                + sdn("804", "DELTA DESK", "Digital Currency Address - TRX " + TRON_A + "."));

    ingest(lh, settings, v1, V1);
    silver(lh, settings, V1);
    ingest(lh, settings, v2, V2);
    silver(lh, settings, V2);

    List<Row> wallets =
        spark
            .sql(
                "SELECT entity_id, address, valid_from, valid_to, last_seen FROM"
                    + " silver.sanctioned_crypto_addresses WHERE list_id = 'OFAC_SDN'"
                    + " AND entity_id IN ('801','802','803','804') ORDER BY entity_id, valid_from")
            .collectAsList();
    assertThat(wallets)
        .extracting(Row::toString)
        .containsExactly(
            "[801," + TRON_A + ",2026-01-05,null,2026-02-09]",
            "[802," + XBT_B + ",2026-01-05,2026-02-09,2026-01-05]",
            "[802," + XBT_B2 + ",2026-02-09,null,2026-02-09]",
            "[803,0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed,2026-01-05,2026-02-09,2026-01-05]",
            "[804," + TRON_A + ",2026-02-09,null,2026-02-09]");

    // "was this wallet designated on D?" is one query
    String designated =
        "SELECT count(*) FROM silver.sanctioned_crypto_addresses WHERE address = '%s'"
            + " AND valid_from <= DATE'%s' AND (valid_to IS NULL OR valid_to > DATE'%s')";
    String eth = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    assertThat(
            spark
                .sql(String.format(designated, eth, "2026-01-20", "2026-01-20"))
                .first()
                .getLong(0))
        .isEqualTo(1);
    assertThat(
            spark
                .sql(String.format(designated, eth, "2026-02-09", "2026-02-09"))
                .first()
                .getLong(0))
        .isZero();
    assertThat(
            new SanctionsSilver(lh)
                .cryptoAddressesDesignatedOn(V2)
                .where("address = '" + TRON_A + "'")
                .count())
        .isEqualTo(2);

    List<Row> entities =
        spark
            .sql(
                "SELECT entity_id, primary_name, valid_from, valid_to FROM silver.sanctioned_entities"
                    + " WHERE entity_id IN ('801','802','803','804') ORDER BY entity_id, valid_from")
            .collectAsList();
    assertThat(entities)
        .extracting(Row::toString)
        .containsExactly(
            "[801,ALPHA EXCHANGE,2026-01-05,null]",
            "[802,BRAVO OTC,2026-01-05,2026-02-09]",
            "[802,BRAVO OTC LTD,2026-02-09,null]",
            "[803,CHARLIE WALLET,2026-01-05,2026-02-09]",
            "[804,DELTA DESK,2026-02-09,null]");

    // reloading the same version changes nothing
    long before = tableVersion(spark, "silver.sanctioned_crypto_addresses");
    long namesBefore = tableVersion(spark, "silver.sanctioned_names");
    ingest(lh, settings, v2, V2);
    StageOutcome again = silver(lh, settings, V2);
    assertThat(tableVersion(spark, "silver.sanctioned_crypto_addresses")).isEqualTo(before);
    assertThat(tableVersion(spark, "silver.sanctioned_names")).isEqualTo(namesBefore);
    assertThat(again.summary()).contains("unchanged");
    assertThat(
            spark
                .sql("SELECT count(*) FROM silver.sanctioned_names WHERE entity_id = '802'")
                .first()
                .getLong(0))
        .isEqualTo(2);
  }
}
