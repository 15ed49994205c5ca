package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.sanctions.SanctionsSilver;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scamflow screen} ad hoc and in batch, against a lakehouse holding the real-format OFAC SDN
 * XML (published 2026-01-20) and UN consolidated list (generated 2026-02-03) fixtures.
 */
@SparkTest
class TestScreenCommand {
  private static final LocalDate LOADED = LocalDate.of(2026, 2, 5);
  private static final String AS_OF = "2026-02-10";

  record Result(int exit, String out, String err) {}

  private static Result cli(Lakehouse lh, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--lakehouse", lh.root()));
    all.addAll(List.of(args));
    int exit = Scamflow.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Result(exit, out.toString(), err.toString());
  }

  private static Path fixture(String path) {
    return Path.of(System.getProperty("scamflow.home", ".."))
        .resolve("common/src/test/resources/fixtures/sanctions")
        .resolve(path);
  }

  @BeforeAll
  static void loadTheLists(Lakehouse lh, Settings settings) {
    for (String format : List.of("ofac-sdn-xml", "un-sc-xml")) {
      Result r =
          cli(
              lh,
              "ingest",
              "sanctions",
              "--format",
              format,
              "--input",
              fixture(format).toString(),
              "--run-date",
              LOADED.toString());
      assertThat(r.exit()).as(r.err()).isZero();
    }
    new StageRunner(lh, settings)
        .run("silver.sanctions", LOADED, run -> new SanctionsSilver(lh).build(run));
  }

  @Test
  void aNameIsPrintedWithItsHitsScoresAndExplanations(Lakehouse lh) {
    Result r = cli(lh, "screen", "--name", "KHORASHADIZADEH, Ali", "--as-of", AS_OF);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("OFAC_SDN 26137").contains("name 1.00");

    Result reordered =
        cli(lh, "screen", "--name", "Won Ho Ri", "--dob", "1964-07-17", "--as-of", AS_OF);
    assertThat(reordered.out()).contains("UN_SC KPi.001").contains("date of birth 1964-07-17");

    assertThat(cli(lh, "screen", "--name", "Maria Garcia Lopez", "--as-of", AS_OF).out())
        .contains("no hits");
  }

  @Test
  void aBatchWritesOneRowPerHitAtOrAboveTheThresholdBestFirstPerId(Lakehouse lh) throws Exception {
    Path dir = SharedSparkExtension.testDir().resolve("screen-batch");
    Files.createDirectories(dir);
    Path input = dir.resolve("names.csv");
    Files.writeString(
        input,
        "id,name,dob,nationality\n"
            + "a1,Ali Khorashadizadeh,,\n"
            + "a2,\"Ri, Won Ho\",1964-07-17,KP\n"
            + "a3,Tron Desk Ltd,,\n"
            + "a4,Alice Khoury,,\n"
            + "a5,Ri Won Ho,1990-01-01,\n",
        StandardCharsets.UTF_8);
    Path output = dir.resolve("hits.csv");
    Result r =
        cli(
            lh,
            "screen",
            "--input",
            input.toString(),
            "--out",
            output.toString(),
            "--as-of",
            AS_OF);
    assertThat(r.exit()).as(r.err()).isZero();

    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("id,list_id,entity_id,matched_name,score,");
    List<String[]> rows = lines.stream().skip(1).map(ScreenCommand::parseCsv).toList();
    assertThat(rows)
        .extracting(f -> f[0] + " " + f[1] + " " + f[2])
        .contains("a1 OFAC_SDN 26137", "a2 UN_SC KPi.001", "a3 OFAC_SDN 39796")
        .noneMatch(s -> s.startsWith("a4 "));
    double threshold = 0.85;
    String previousId = null;
    double previous = Double.MAX_VALUE;
    for (String[] f : rows) {
      double score = Double.parseDouble(f[4]);
      assertThat(score).isGreaterThanOrEqualTo(threshold);
      if (f[0].equals(previousId)) {
        assertThat(score).as("best first within " + f[0]).isLessThanOrEqualTo(previous);
      }
      previousId = f[0];
      previous = score;
    }
    // the same name with a date of birth the list contradicts scores lower than with the right one
    double right = score(rows, "a2", "KPi.001");
    double wrongDob =
        rows.stream().anyMatch(f -> f[0].equals("a5")) ? score(rows, "a5", "KPi.001") : 0;
    assertThat(wrongDob).isLessThan(right);
  }

  @Test
  void batchModeWithoutOutIsAOneLineError(Lakehouse lh) {
    Result r = cli(lh, "screen", "--input", "names.csv");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err().strip()).doesNotContain("\n").contains("--out");
  }

  private static double score(List<String[]> rows, String id, String entity) {
    return rows.stream()
        .filter(f -> f[0].equals(id) && f[2].equals(entity))
        .mapToDouble(f -> Double.parseDouble(f[4]))
        .findFirst()
        .orElseThrow();
  }
}
