package io.scamflow.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.ingest.sanctions.SanctionsSilver;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hits carry the list version in force on the screening date, taken from the list files' history:
 * two OFAC SDN versions go through the real ingest and silver build (the second adds an entry), and
 * screening a day between them, even after the second has loaded, reports the first version and
 * does not hit the new entry.
 */
@SparkTest
class TestScreeningListVersion {
  private static final LocalDate V1 = LocalDate.of(2026, 3, 2);
  private static final LocalDate V2 = LocalDate.of(2026, 3, 16);
  private static final LocalDate BETWEEN = LocalDate.of(2026, 3, 9);
  private static final LocalDate AFTER = LocalDate.of(2026, 3, 20);

  private static String sdn(String id, String name, String remarks) {
    return id
        + ",\""
        + name
        + "\",\"individual\",\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\""
        + remarks
        + "\"\r\n";
  }

  private static void loadVersion(Lakehouse lh, Settings settings, LocalDate day, String sdnCsv)
      throws Exception {
    Path dir =
        SharedSparkExtension.testDir().resolve("list-version/" + day + "/sanctions/ofac-sdn-csv");
    Files.createDirectories(dir);
    Files.write(dir.resolve("sdn.csv"), sdnCsv.getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("alt.csv"), "");
    Files.writeString(dir.resolve("add.csv"), "");
    Files.writeString(dir.resolve("sdn_comments.csv"), "");
    FormatReader reader = Readers.forFormat("sanctions", "ofac-sdn-csv");
    List<String> files =
        Landing.list(dir.toString(), reader, lh.spark().sparkContext().hadoopConfiguration());
    StageRunner runner = new StageRunner(lh, settings);
    runner.run(
        "ingest.sanctions.ofac-sdn-csv", day, run -> new Ingestion(lh).ingest(run, reader, files));
    runner.run("silver.sanctions", day, run -> new SanctionsSilver(lh).build(run));
  }

  @BeforeAll
  static void loadTwoVersions(Lakehouse lh, Settings settings) throws Exception {
    String rasheed = sdn("901", "AL-RASHEED, Khalid", "DOB 12 Apr 1975; nationality Syria.");
    String other = sdn("903", "OKONKWO, Chidi", "DOB 01 Jan 1980.");
    loadVersion(lh, settings, V1, rasheed + other);
    // the second version adds Zhang Weiming; both versions are loaded before anything is screened
    loadVersion(
        lh, settings, V2, rasheed + other + sdn("902", "ZHANG, Weiming", "DOB 03 Mar 1969."));
  }

  private static List<ScreeningHit> screen(
      Lakehouse lh, Settings settings, String name, LocalDate on) {
    return new Screening(lh, settings)
        .screen(List.of(new Screening.Query("q", name, null, null)), on);
  }

  @Test
  void aDayBetweenTheVersionsGetsTheFirstVersionAndNotTheEntryAddedLater(
      Lakehouse lh, Settings settings) {
    assertThat(Screening.listVersionsOn(lh.spark(), BETWEEN)).containsEntry("OFAC_SDN", "" + V1);

    List<ScreeningHit> rasheed = screen(lh, settings, "Khalid Al Rasheed", BETWEEN);
    assertThat(rasheed).extracting(ScreeningHit::entityId).containsExactly("901");
    assertThat(rasheed.get(0).listVersion()).isEqualTo(V1.toString());

    assertThat(screen(lh, settings, "Zhang Weiming", BETWEEN)).isEmpty();
  }

  @Test
  void afterTheSecondVersionHitsCarryItAndTheNewEntryHits(Lakehouse lh, Settings settings) {
    assertThat(Screening.listVersionsOn(lh.spark(), AFTER)).containsEntry("OFAC_SDN", "" + V2);
    assertThat(screen(lh, settings, "Khalid Al Rasheed", AFTER))
        .extracting(ScreeningHit::entityId, ScreeningHit::listVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("901", V2.toString()));
    assertThat(screen(lh, settings, "Weiming Zhang", AFTER))
        .extracting(ScreeningHit::entityId, ScreeningHit::listVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("902", V2.toString()));
  }

  @Test
  void beforeTheFirstVersionNothingIsListed(Lakehouse lh, Settings settings) {
    assertThat(Screening.listVersionsOn(lh.spark(), V1.minusDays(1))).doesNotContainKey("OFAC_SDN");
    assertThat(screen(lh, settings, "Khalid Al Rasheed", V1.minusDays(1))).isEmpty();
  }
}
