package io.scamflow.graph;

import io.scamflow.ScamflowTables;
import io.scamflow.config.Settings;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Wall time of each graph algorithm on a generated world (scale and days from the system properties
 * scamflow.bench.scale, default small, and scamflow.bench.days, default 1): the world is generated
 * and run through the nightly pipeline, then each algorithm is run again alone for the last day and
 * timed until its result is counted. Writes results/graph.md. Numbers, never assertions.
 */
@SparkTest
class BenchGraph {
  private record Timing(String what, long rows, double seconds) {}

  private static Timing time(String what, Supplier<Long> body) {
    long t0 = System.nanoTime();
    long rows = body.get();
    return new Timing(what, rows, (System.nanoTime() - t0) / 1e9);
  }

  @Test
  void wallTimePerAlgorithm(SparkSession spark, Settings base) throws IOException {
    Scale scale = Scale.valueOf(System.getProperty("scamflow.bench.scale", "small").toUpperCase());
    int days = Integer.getInteger("scamflow.bench.days", 1);
    LocalDate start = LocalDate.of(2027, 1, 4);
    Path dir = SharedSparkExtension.testDir().resolve("bench-graph-world");
    Path root = SharedSparkExtension.testDir().resolve("bench-graph-lakehouse");
    long g0 = System.nanoTime();
    Generator.generate(WorldParameters.of(scale, start, days, 11), dir, () -> spark, false);
    double generate = (System.nanoTime() - g0) / 1e9;
    Settings settings = base.with(Map.of("scamflow.lakehouse", root.toString()));
    Lakehouse lh = Lakehouse.open(spark, settings);
    lh.ensureAll(ScamflowTables.all());
    Pipeline pipeline = new Pipeline(lh, settings, Pipeline.standardStages());
    long p0 = System.nanoTime();
    for (int d = 0; d < days; d++) {
      pipeline.run(start.plusDays(d), Optional.of(dir.resolve("landing").toString()), l -> {});
    }
    double nightly = (System.nanoTime() - p0) / 1e9;
    LocalDate last = start.plusDays(days - 1L);
    GraphInput input = new GraphInput(lh, settings, last);

    List<Timing> timings = new ArrayList<>();
    timings.add(time("graph input: transfer edges in window", () -> input.transfers().count()));
    timings.add(time("graph input: ownership links", () -> input.ownership().count()));
    timings.add(time("graph input: designated nodes", () -> input.designated().count()));
    timings.add(time("exposure (Pregel, both directions)", () -> Exposure.compute(input).count()));
    timings.add(
        time(
            "flows (iterative joins, forward + backward)",
            () ->
                Flows.trace(input, Flows.victimPayments(input), Flows.designatedReceipts(input))
                    .count()));
    timings.add(
        time(
            "networks (components, PageRank, personalised PageRank)",
            () -> Networks.compute(input).nodes().count()));
    timings.add(time("entity risk", () -> EntityRisk.compute(input).count()));

    long transfers = spark.sql("SELECT count(*) FROM silver.transfers").first().getLong(0);
    StringBuilder md = new StringBuilder();
    md.append("# Graph algorithms: wall time\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "World: scale %s, %d day(s), %,d transfers in silver.transfers; generated in %.0f"
                    + " s, nightly pipeline (all stages, all days) %.0f s. local[2] on the shared"
                    + " 2-core machine (load average %.1f at the end), each algorithm re-run alone"
                    + " for %s until its result is counted (first run in the JVM for each).\n\n",
                scale.name().toLowerCase(Locale.ROOT),
                days,
                transfers,
                generate,
                nightly,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage(),
                last))
        .append("| algorithm | rows out | wall s |\n|---|---:|---:|\n");
    for (Timing t : timings) {
      md.append(
          String.format(Locale.ROOT, "| %s | %,d | %.1f |%n", t.what(), t.rows(), t.seconds()));
    }
    Path out =
        Path.of(System.getProperty("scamflow.home", ".")).resolve("results").resolve("graph.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
