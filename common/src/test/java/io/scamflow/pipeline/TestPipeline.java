package io.scamflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.config.Settings;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.LinesReader;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestPipeline {
  /** A derived stage that counts its runs and can be told to crash once. */
  static final class Flaky implements Stage {
    final String name;
    final AtomicInteger runs = new AtomicInteger();
    volatile boolean crashNext;

    Flaky(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public StageOutcome run(StageContext context) {
      runs.incrementAndGet();
      if (crashNext) {
        crashNext = false;
        throw new IllegalStateException("executor lost");
      }
      return StageOutcome.derived(List.of(), "ok");
    }
  }

  private static Path landing(String name, LocalDate day, String file, String text)
      throws Exception {
    Path root = SharedSparkExtension.testDir().resolve(name);
    Path dir = root.resolve(day + "/bank/test-lines");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(file), text);
    return root;
  }

  /** Order-independent hash of a table's business content (audit columns excluded). */
  private static String contentHash(SparkSession spark, String table, String where) {
    return spark
        .sql(
            "SELECT concat(coalesce(sum(cast(xxhash64(id, amount, record_position, source_file)"
                + " AS DECIMAL(38, 0))), 0), '/', count(*))"
                + " FROM "
                + table
                + " WHERE "
                + where)
        .first()
        .getString(0);
  }

  @Test
  void aRerunOfTheSameDateLeavesBronzeExactlyAsItWasAndALateFileIsPickedUp(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    LocalDate day = LocalDate.of(2026, 7, 1);
    Path root = landing("pipe-rerun", day, "a.csv", "p1,1\np2,2\nbad\n");
    Pipeline pipeline = new Pipeline(lh, settings, List.of(new IngestStage(new LinesReader())));
    List<String> progress = new ArrayList<>();

    pipeline.run(day, Optional.of(root.toString()), progress::add);
    String where = "run_date = DATE'" + day + "'";
    String first = contentHash(spark, "bronze.test_lines", where);
    long versionAfterFirst =
        spark.sql("DESCRIBE HISTORY bronze.test_lines LIMIT 1").first().getLong(0);

    pipeline.run(day, Optional.of(root.toString()), progress::add);
    assertThat(contentHash(spark, "bronze.test_lines", where)).isEqualTo(first);
    assertThat(spark.sql("DESCRIBE HISTORY bronze.test_lines LIMIT 1").first().getLong(0))
        .as("an unchanged file is not loaded again")
        .isEqualTo(versionAfterFirst);
    assertThat(progress.get(1)).contains("all loaded before");

    landing("pipe-rerun", day, "b.csv", "p3,3\n");
    pipeline.run(day, Optional.of(root.toString()), progress::add);
    assertThat(
            spark
                .sql("SELECT id FROM bronze.test_lines WHERE " + where + " ORDER BY id")
                .collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("p1", "p2", "p3");
    assertThat(progress.get(2)).contains("1 test-lines files");
  }

  @Test
  void aRunThatDiesMidwayResumesAtTheFirstStageNotCompleted(Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 7, 2);
    Flaky a = new Flaky("test.resume.a");
    Flaky b = new Flaky("test.resume.b");
    Flaky c = new Flaky("test.resume.c");
    Pipeline pipeline = new Pipeline(lh, settings, List.of(a, b, c));
    b.crashNext = true;
    assertThatThrownBy(() -> pipeline.run(day, Optional.empty(), line -> {}))
        .hasMessageContaining("executor lost");
    assertThat(List.of(a.runs.get(), b.runs.get(), c.runs.get())).containsExactly(1, 1, 0);

    List<String> progress = new ArrayList<>();
    pipeline.run(day, Optional.empty(), progress::add);
    assertThat(List.of(a.runs.get(), b.runs.get(), c.runs.get())).containsExactly(1, 2, 1);
    assertThat(progress.get(0)).contains("test.resume.a").contains("skipped");

    // after a successful run, a rerun runs every stage again (each is idempotent)
    pipeline.run(day, Optional.empty(), line -> {});
    assertThat(List.of(a.runs.get(), b.runs.get(), c.runs.get())).containsExactly(2, 3, 2);
  }

  @Test
  void aRunStoppedByADataQualityGateStartsOverOnRerunSoFixedInputIsRebuilt(
      Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 7, 3);
    Flaky a = new Flaky("test.gate.silver");
    Flaky gate = new Flaky(Pipeline.DQ_PREFIX + "test-gate");
    Flaky b = new Flaky("test.gate.gold");
    Pipeline pipeline = new Pipeline(lh, settings, List.of(a, gate, b));
    gate.crashNext = true;
    assertThatThrownBy(() -> pipeline.run(day, Optional.empty(), line -> {}))
        .hasMessageContaining("executor lost");

    List<String> progress = new ArrayList<>();
    pipeline.run(day, Optional.empty(), progress::add);
    assertThat(List.of(a.runs.get(), gate.runs.get(), b.runs.get())).containsExactly(2, 2, 1);
    assertThat(progress).noneMatch(l -> l.contains("skipped"));
    assertThat(progress.get(0))
        .matches(day + " test.gate.silver: ok \\[0 rows written, [0-9.]+ s\\]");
  }
}
