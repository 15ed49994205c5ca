package io.scamflow.testing;

import io.scamflow.ScamflowTables;
import io.scamflow.config.Settings;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import io.scamflow.table.Lakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A tiny generated world run through the whole nightly pipeline ({@link Pipeline#standardStages()})
 * once per test JVM, shared by every test class that checks results against the generator's truth.
 * The run costs minutes, so no test runs it again: a class calls {@link #open} in
 * {@code @BeforeAll} and gets the world's lakehouse registered in the catalog (the per-class
 * lakehouse of {@link SharedSparkExtension} is set aside for that class).
 */
public final class GeneratedWorld {
  public static final LocalDate START = LocalDate.of(2027, 1, 4);
  public static final int DAYS = 2;
  public static final long SEED = 7;

  private static World world;

  private GeneratedWorld() {}

  /** The world: generated and run on the first call, re-registered in the catalog on later ones. */
  public static synchronized World open(SparkSession spark) {
    if (world == null) {
      world = build(spark);
    } else {
      SharedSparkExtension.dropCatalogKeepingData(spark);
      world = world.withLakehouse(Lakehouse.open(spark, world.settings()));
    }
    return world;
  }

  private static World build(SparkSession spark) {
    Path dir = SharedSparkExtension.testDir().resolve("generated-world");
    Path root = SharedSparkExtension.testDir().resolve("generated-world-lakehouse");
    if (Files.exists(dir) || Files.exists(root)) {
      deleteRecursively(dir);
      deleteRecursively(root);
    }
    Generator.generate(WorldParameters.of(Scale.TINY, START, DAYS, SEED), dir, () -> spark, false);
    Settings settings =
        SharedSparkExtension.settings().with(Map.of("scamflow.lakehouse", root.toString()));
    SharedSparkExtension.dropCatalogKeepingData(spark);
    Lakehouse lakehouse = Lakehouse.open(spark, settings);
    lakehouse.ensureAll(ScamflowTables.all());
    Pipeline pipeline = new Pipeline(lakehouse, settings, Pipeline.standardStages());
    String landing = dir.resolve("landing").toString();
    for (int d = 0; d < DAYS; d++) {
      pipeline.run(START.plusDays(d), Optional.of(landing), line -> {});
    }
    return new World(dir, START, DAYS, lakehouse, settings);
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A generated world after the nightly run over all its days.
   *
   * @param dir the generator's output: {@code landing/} and {@code truth/}
   * @param start the first day
   * @param days how many days were generated and run
   * @param lakehouse the lakehouse the run wrote (registered in the catalog)
   * @param settings the settings of that run
   */
  public record World(Path dir, LocalDate start, int days, Lakehouse lakehouse, Settings settings) {
    public LocalDate lastDay() {
      return start.plusDays(days - 1L);
    }

    World withLakehouse(Lakehouse lh) {
      return new World(dir, start, days, lh, settings);
    }

    /**
     * One truth table as a Dataset of strings: transfers, accounts, entities, entity-records (CSV
     * folders) or screening, designations, schemes, summary (single CSV files).
     */
    public Dataset<Row> truth(SparkSession spark, String name) {
      Path folder = dir.resolve("truth").resolve(name);
      Path file = dir.resolve("truth").resolve(name + ".csv");
      Path path = Files.isDirectory(folder) ? folder : file;
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("no truth table " + name + " under " + dir);
      }
      return spark.read().option("header", "true").csv(path.toString());
    }

    /** A SQL predicate on run_date covering every day of the world. */
    public String runDates() {
      return "run_date BETWEEN DATE'" + start + "' AND DATE'" + lastDay() + "'";
    }
  }
}
