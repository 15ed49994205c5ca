package io.scamflow.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.ingest.sanctions.SanctionsSilver;
import io.scamflow.run.StageRunner;
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
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (numbers, not assertions on time): names screened per second against the generated
 * sanctions lists (a tiny world's OFAC SDN XML and UN XML through the real ingest), in one thread
 * through the index and through the nightly stage on the local[2] session; and in one thread
 * against a 20,000-name synthetic list built from 30 given x 30 family names, the worst case for
 * blocking. Writes results/screening.md.
 */
@SparkTest
class BenchScreening {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final String[] GIVEN = {
    "sergei", "ivan", "olga", "wang", "li", "chen", "nguyen", "somchai", "aung", "mohammed",
    "ahmed", "maria", "john", "james", "yusuf", "dmitri", "alexander", "huong", "thanh", "kyaw",
    "min", "hassan", "omar", "elena", "anna", "peter", "paul", "jose", "carlos", "ali"
  };
  private static final String[] FAMILY = {
    "petrov", "ivanov", "smirnov", "zhang", "liu", "huang", "tran", "le", "pham", "jaidee",
    "suksawat", "win", "oo", "rashid", "khan", "hussein", "garcia", "lopez", "smith", "jones",
    "brown", "okonkwo", "adebayo", "kumar", "singh", "sokolov", "volkov", "popov", "kim", "park"
  };

  @Test
  void measuresNamesScreenedPerSecond(SparkSession spark, Lakehouse lh, Settings settings)
      throws IOException {
    Path world = SharedSparkExtension.testDir().resolve("bench-screening-world");
    Generator.generate(WorldParameters.of(Scale.TINY, DAY, 1, 11), world, () -> spark, false);
    Path landing = world.resolve("landing").resolve(DAY.toString()).resolve("sanctions");
    for (String format : List.of("ofac-sdn-xml", "un-sc-xml")) {
      FormatReader reader = Readers.forFormat("sanctions", format);
      List<String> files =
          Landing.list(
              landing.resolve(format).toString(),
              reader,
              spark.sparkContext().hadoopConfiguration());
      new StageRunner(lh, settings)
          .run(
              "ingest.sanctions." + format,
              DAY,
              run -> new Ingestion(lh).ingest(run, reader, files));
    }
    new StageRunner(lh, settings)
        .run("silver.sanctions", DAY, run -> new SanctionsSilver(lh).build(run));

    // every generated person's and company's name, and the names as banks wrote them
    List<String> names = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .option("header", "true")
            .csv(world.resolve("truth/entity-records").toString())
            .select("name_as_written")
            .where("name_as_written IS NOT NULL")
            .limit(20_000)
            .collectAsList()) {
      names.add(r.getString(0));
    }
    Screening screening = new Screening(lh, settings);
    ScreeningIndex generated = screening.loadIndex(DAY);
    Measure oneThread = oneThread(generated, names);

    // the nightly stage over the same names as bank parties
    List<Row> parties = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      parties.add(
          RowFactory.create(
              "B" + i, names.get(i), null, "TH", null, null, null, null, null, "ACCT:X:" + i, "b"));
    }
    InputTables.write(lh, InputTables.PARTIES, parties);
    StageRunner runner = new StageRunner(lh, settings);
    long start = System.nanoTime();
    runner.run("screen", DAY, screening::run);
    double cold = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    runner.run("screen", DAY, screening::run);
    double warm = (System.nanoTime() - start) / 1e9;
    long hits =
        spark
            .sql("SELECT count(*) FROM gold.screening_hits WHERE run_date = DATE'" + DAY + "'")
            .first()
            .getLong(0);

    ScreeningIndex synthetic = new ScreeningIndex(0.85, 0.7, 10);
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      synthetic.addName(
          "BENCH",
          "E" + i,
          GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + GIVEN[random.nextInt(GIVEN.length)]
              + "a "
              + FAMILY[random.nextInt(FAMILY.length)]
              + (i % 97),
          "primary",
          "good",
          "v1");
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      queries.add(
          GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + FAMILY[random.nextInt(FAMILY.length)]
              + (i % 97));
    }
    Measure worst = oneThread(synthetic, queries);

    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String md =
        String.format(
            Locale.ROOT,
            "# Screening throughput%n%n"
                + "`BenchScreening` on 2 cores (local[2]); machine load average %.1f when measured"
                + " (the box is shared, so these are floors).%n%n"
                + "| path | listed names | names screened | seconds | names/s | hits |%n"
                + "|---|---|---|---|---|---|%n"
                + "| index, one thread, generated lists (tiny world OFAC SDN + UN) | %d | %d | %.2f |"
                + " %.0f | %d |%n"
                + "| nightly stage, local[2], same lists and names, first run (incl. index load,"
                + " write) | %d | %d | %.2f | %.0f | %d |%n"
                + "| nightly stage, second run | %d | %d | %.2f | %.0f | %d |%n"
                + "| index, one thread, 20,000 synthetic names (30x30 name parts, worst case) |"
                + " %d | %d | %.2f | %.0f | %d |%n%n"
                + "Per CPU-second of the screening thread (independent of the box's load):"
                + " generated lists %.0f names/s, 20,000 synthetic names %.0f names/s.%n",
            load,
            generated.size(),
            names.size(),
            oneThread.seconds,
            names.size() / oneThread.seconds,
            oneThread.hits,
            generated.size(),
            names.size(),
            cold,
            names.size() / cold,
            hits,
            generated.size(),
            names.size(),
            warm,
            names.size() / warm,
            hits,
            synthetic.size(),
            queries.size(),
            worst.seconds,
            queries.size() / worst.seconds,
            worst.hits,
            names.size() / oneThread.cpuSeconds,
            queries.size() / worst.cpuSeconds);
    io.scamflow.resolve.ResultsFile.writeSection("screening.md", "bench-screening", md);
    System.out.print(md);
    assertThat(generated.size()).isPositive();
  }

  /** Wall seconds, and CPU seconds of the screening thread (robust to a loaded, shared box). */
  private record Measure(double seconds, double cpuSeconds, long hits) {}

  private static Measure oneThread(ScreeningIndex index, List<String> names) {
    for (int i = 0; i < Math.min(200, names.size()); i++) { // warm up the JIT
      index.screen(new ScreeningIndex.Subject("w", names.get(i), null, null, null, null));
    }
    long hits = 0;
    var threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < names.size(); i++) {
      hits +=
          index
              .screen(new ScreeningIndex.Subject("q" + i, names.get(i), null, null, null, null))
              .size();
    }
    return new Measure(
        (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9, hits);
  }
}
