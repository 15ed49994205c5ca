package io.scamflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.config.Settings;
import io.scamflow.errors.ScamflowException;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.LinesReader;
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
class TestIngestion {
  private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

  private static Path landing(String name, String... files) throws Exception {
    Path dir = SharedSparkExtension.testDir().resolve(name).resolve(DAY + "/bank/test-lines");
    Files.createDirectories(dir);
    for (int i = 0; i < files.length; i++) {
      Files.writeString(dir.resolve("part-" + i + ".csv"), files[i]);
    }
    return dir.getParent().getParent().getParent();
  }

  @Test
  void goodRecordsLandInBronzeBadOnesInQuarantineAndARerunChangesNothing(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    Path root = landing("ok", "a,1.50\nb,x\nc,3\n", "d,4\n,,,\n");
    Landing landing = new Landing(root.toString(), spark.sparkContext().hadoopConfiguration());
    LinesReader reader = new LinesReader();
    List<String> files = landing.files(DAY, reader);
    assertThat(files).hasSize(2);

    StageRunner runner = new StageRunner(lh, settings);
    StageOutcome first =
        runner.run(
            "ingest.bank.test-lines", DAY, run -> new Ingestion(lh).ingest(run, reader, files));
    StageOutcome second =
        runner.run(
            "ingest.bank.test-lines", DAY, run -> new Ingestion(lh).ingest(run, reader, files));

    assertThat(first.read()).isEqualTo(5);
    assertThat(first.accepted()).isEqualTo(3);
    assertThat(first.quarantined()).isEqualTo(2);
    assertThat(second.read()).isEqualTo(5);

    List<Row> bronze =
        spark
            .sql(
                "SELECT id, amount, record_position, source_file, source_format FROM bronze.test_lines "
                    + "WHERE run_date = DATE'2026-05-04' ORDER BY id")
            .collectAsList();
    assertThat(bronze).extracting(r -> r.getString(0)).containsExactly("a", "c", "d");
    assertThat(bronze.get(0).getDecimal(1)).isEqualByComparingTo("1.50");
    assertThat(bronze.get(1).getString(2)).isEqualTo("line 3");
    assertThat(bronze.get(1).getString(3)).endsWith("part-0.csv");
    assertThat(bronze.get(0).getString(4)).isEqualTo("test-lines");

    List<Row> quarantined =
        spark
            .sql(
                "SELECT source_file, position, reason, raw FROM ops.quarantine "
                    + "WHERE format = 'test-lines' AND run_date = DATE'2026-05-04' ORDER BY source_file, position")
            .collectAsList();
    assertThat(quarantined).hasSize(2);
    assertThat(quarantined.get(0).getString(1)).isEqualTo("line 2");
    assertThat(quarantined.get(0).getString(3)).isEqualTo("b,x");
    assertThat(quarantined.get(1).getString(0)).endsWith("part-1.csv");
  }

  @Test
  void aFileThatCannotBeReadFailsTheStageNamingItAndLoadsNothing(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    Path root = landing("broken", "e,1\nCORRUPT\n");
    LinesReader reader = new LinesReader();
    List<String> files =
        new Landing(root.toString(), spark.sparkContext().hadoopConfiguration()).files(DAY, reader);
    lh.ensure(LinesReader.TABLE);
    StageRunner runner = new StageRunner(lh, settings);
    assertThatThrownBy(
            () ->
                runner.run(
                    "ingest.bank.broken", DAY, run -> new Ingestion(lh).ingest(run, reader, files)))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("part-0.csv")
        .hasMessageContaining("truncated at line 2");
    assertThat(spark.sql("SELECT * FROM bronze.test_lines WHERE id = 'e'").count()).isZero();
    assertThat(
            spark
                .sql("SELECT status FROM ops.runs WHERE job = 'ingest.bank.broken'")
                .first()
                .getString(0))
        .isEqualTo("FAILED");
  }

  @Test
  void xmlWithADoctypeOrExternalEntityIsRefused() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    assertThatThrownBy(
            () ->
                SafeXml.documentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("DOCTYPE");
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><r>&b;</r>";
    var stax =
        SafeXml.streamReader(
            new java.io.ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8)));
    StringBuilder text = new StringBuilder();
    assertThatThrownBy(
            () -> {
              while (stax.hasNext()) {
                if (stax.next() == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
                  text.append(stax.getText());
                }
              }
            })
        .isInstanceOf(javax.xml.stream.XMLStreamException.class)
        .hasMessageContaining("DOCTYPE is not allowed");
    assertThat(text.toString()).doesNotContain("aaaa");
  }
}
