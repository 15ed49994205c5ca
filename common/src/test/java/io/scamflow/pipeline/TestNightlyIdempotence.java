package io.scamflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SparkTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotence proof on the shared generated world (already run through every stage once): running
 * its last date again leaves every table's content exactly as it was, and the data-quality gate
 * recorded its results for every date. Content is compared by {@link TableHashes} (audit columns
 * run_id and ingested_at and the ops.runs log excluded).
 */
@SparkTest
class TestNightlyIdempotence {
  private static GeneratedWorld.World world;

  @BeforeAll
  static void openTheWorld(SparkSession spark) {
    world = GeneratedWorld.open(spark);
  }

  @Test
  void aRerunOfTheSameDateLeavesEveryTableIdentical(SparkSession spark) {
    Path root = Path.of(world.lakehouse().root());
    Map<String, String> before = TableHashes.of(spark, root);
    assertThat(before)
        .containsKeys(
            "bronze.bank_transfers",
            "silver.transfers",
            "gold.screening_hits",
            "ops.loaded_files",
            "ops.dq_results")
        .hasSizeGreaterThan(20);
    assertThat(before.get("silver.transfers")).doesNotStartWith("0/");

    List<String> progress = new ArrayList<>();
    new Pipeline(world.lakehouse(), world.settings(), Pipeline.standardStages())
        .run(
            world.lastDay(), Optional.of(world.dir().resolve("landing").toString()), progress::add);

    assertThat(progress)
        .anyMatch(l -> l.contains("ingest.bank.") && l.contains("all loaded before"))
        .anyMatch(l -> l.contains(" silver.transfer_edges: "));
    assertThat(TableHashes.of(spark, root)).isEqualTo(before);
  }

  @Test
  void theDataQualityGateRecordedEveryCheckForEveryDateWithoutAFailure(SparkSession spark) {
    var rows =
        spark
            .sql(
                "SELECT check_name, count(DISTINCT run_date), max(severity = 'FAIL')"
                    + " FROM ops.dq_results WHERE "
                    + world.runDates()
                    + " GROUP BY check_name ORDER BY check_name")
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0) + ":" + r.getLong(1) + ":" + r.getBoolean(2))
        .contains(
            "fx_coverage:" + world.days() + ":false",
            "null_rate:" + world.days() + ":false",
            "quarantine_rate:" + world.days() + ":false",
            "reconciliation:" + world.days() + ":false",
            "sanctions_freshness:" + world.days() + ":false",
            "volume_drop:" + world.days() + ":false");
  }
}
