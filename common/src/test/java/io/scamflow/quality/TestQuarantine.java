package io.scamflow.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.config.Settings;
import io.scamflow.errors.ScamflowException;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestQuarantine {
  private static final LocalDate DAY = LocalDate.of(2026, 4, 2);

  @Test
  void badRecordsLandWithFilePositionReasonAndRawTextOnceEvenWhenRerun(
      SparkSession spark, Lakehouse lh, Settings settings) {
    List<Rejection> bad =
        List.of(
            new Rejection(
                "bank", "swift-mt103", "in/a.rje", "message 3", "missing :32A:", "{1:F01..."),
            new Rejection(
                "bank", "swift-mt103", "in/a.rje", "message 7", "bad BIC 'XX'", "{1:F01..."));
    StageRunner runner = new StageRunner(lh, settings);
    for (int attempt = 0; attempt < 2; attempt++) {
      runner.run(
          "ingest.test",
          DAY,
          run -> {
            var w = new Quarantine(lh).write(run, "ingest.test", bad);
            return new StageOutcome(10, 8, bad.size(), List.of(w), "10 read");
          });
    }
    List<Row> rows =
        spark
            .sql(
                "SELECT source_file, position, reason, raw, run_id FROM ops.quarantine "
                    + "WHERE stage = 'ingest.test' ORDER BY position")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString(0)).isEqualTo("in/a.rje");
    assertThat(rows.get(0).getString(1)).isEqualTo("message 3");
    assertThat(rows.get(0).getString(2)).isEqualTo("missing :32A:");
    assertThat(rows.get(0).getString(3)).startsWith("{1:F01");
    assertThat(rows.get(0).getString(4)).startsWith("ingest.test-2026-04-02");

    List<Row> runs =
        spark
            .sql(
                "SELECT status, rows_read, rows_quarantined, tables_written FROM ops.runs "
                    + "WHERE job = 'ingest.test'")
            .collectAsList();
    assertThat(runs)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.getString(0)).isEqualTo("SUCCEEDED");
              assertThat(r.getLong(1)).isEqualTo(10);
              assertThat(r.getLong(2)).isEqualTo(2);
              assertThat(r.getJavaMap(3)).containsKey("ops.quarantine");
            });
  }

  @Test
  void aStageThatLosesRecordsFailsAndIsRecordedAsFailed(
      SparkSession spark, Lakehouse lh, Settings settings) {
    StageRunner runner = new StageRunner(lh, settings);
    assertThatThrownBy(
            () ->
                runner.run(
                    "ingest.leaky",
                    DAY,
                    (RunContext run) -> new StageOutcome(5, 3, 1, List.of(), "")))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("read 5 but accepted 3 + quarantined 1");
    Row run =
        spark
            .sql("SELECT status, message, ended_at FROM ops.runs WHERE job = 'ingest.leaky'")
            .first();
    assertThat(run.getString(0)).isEqualTo("FAILED");
    assertThat(run.getString(1)).contains("lost records");
    assertThat(run.isNullAt(2)).isFalse();
  }
}
