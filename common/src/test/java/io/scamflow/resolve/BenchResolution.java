package io.scamflow.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.ingest.kyc.VaspLinks;
import io.scamflow.run.StageRunner;
import io.scamflow.screen.InputTables;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (numbers, not assertions on time): party records resolved per second on the local[2]
 * session, over a generated tiny world's whole population: every bank account of the truth as a
 * bank party (named as its bank wrote it) and every exchange customer through the real KYC ingest.
 * Also scores that resolution against the truth. Appends to results/resolution.md.
 */
@SparkTest
class BenchResolution {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  @Test
  void measuresRecordsResolvedPerSecond(SparkSession spark, Lakehouse lh, Settings settings)
      throws IOException {
    Path world = SharedSparkExtension.testDir().resolve("bench-resolution-world");
    Generator.generate(WorldParameters.of(Scale.TINY, DAY, 1, 11), world, () -> spark, false);
    FormatReader reader = Readers.forFormat("kyc", "vasp-kyc-csv");
    List<String> files =
        Landing.list(
            world.resolve("landing/" + DAY + "/kyc/vasp-kyc-csv").toString(),
            reader,
            spark.sparkContext().hadoopConfiguration());
    StageRunner runner = new StageRunner(lh, settings);
    runner.run("ingest.kyc.vasp-kyc-csv", DAY, run -> new Ingestion(lh).ingest(run, reader, files));
    runner.run(
        "silver.vasp_links",
        DAY,
        run -> io.scamflow.run.StageOutcome.derived(List.of(new VaspLinks(lh).write(run)), "kyc"));

    String truth = world.resolve("truth").toString();
    List<Row> parties = new ArrayList<>();
    int i = 0;
    for (Row r :
        spark
            .read()
            .option("header", "true")
            .csv(truth + "/entity-records")
            .where("source = 'bank_account'")
            .collectAsList()) {
      String key = r.getAs("record_key");
      int colon = key.indexOf(':');
      String account =
          "ACCT:" + key.substring(0, Math.min(8, colon)) + ":" + key.substring(colon + 1);
      parties.add(
          RowFactory.create(
              "B" + i++,
              r.getAs("name_as_written"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              account,
              "b"));
    }
    InputTables.write(lh, InputTables.PARTIES, parties);
    long records = Parties.read(spark).select("record_id").distinct().count();

    long start = System.nanoTime();
    runner.run("resolve", DAY, run -> new EntityResolution(lh, settings).run(run));
    double seconds = (System.nanoTime() - start) / 1e9;
    ResolutionQuality.Figures q = ResolutionQuality.evaluate(spark, truth, DAY);

    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String md =
        String.format(
            Locale.ROOT,
            "## Throughput (`BenchResolution`)%n%n"
                + "A tiny world's whole population: every truth bank account as a bank party and"
                + " every exchange customer through the KYC ingest; local[2], machine load average"
                + " %.1f when measured (shared box: a floor).%n%n"
                + "| party records | seconds | records/s | pairwise P | pairwise R | B-cubed F1 |%n"
                + "|---|---|---|---|---|---|%n"
                + "| %d | %.1f | %.0f | %.3f | %.3f | %.3f |%n",
            load,
            records,
            seconds,
            records / seconds,
            q.pairwisePrecision(),
            q.pairwiseRecall(),
            q.bcubedF1());
    ResultsFile.writeSection("resolution.md", "bench-resolution", md);
    System.out.print(md);
    assertThat(records).isPositive();
  }
}
