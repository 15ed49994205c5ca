package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.pipeline.TableHashes;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restart proof on a one-day tiny generated world: {@code scamflow nightly} in a child JVM is
 * killed (SIGKILL) in the middle of a stage, then the date is rerun, and every table ends with the
 * same content as after a run never interrupted. Content is compared by {@link TableHashes} (audit
 * columns and the ops.runs log excluded, see there). The rerun-twice proof is
 * io.scamflow.pipeline.TestNightlyIdempotence, on the shared generated world.
 */
@SparkTest
class TestNightlyRestart {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final String KILLED_STAGE = "ingest.bank.ibm-aml-csv";
  private static final String STAGE_BEFORE = "ingest.bank.swift-mt103";
  private static Path landing;
  private static Map<String, String> uninterrupted;

  @BeforeAll
  static void oneUninterruptedRun(SparkSession spark, Settings settings) {
    Path world = SharedSparkExtension.testDir().resolve("proofs-world");
    Generator.generate(WorldParameters.of(Scale.TINY, DAY, 1, 42), world, () -> spark, false);
    landing = world.resolve("landing");
    Path root = SharedSparkExtension.testDir().resolve("proofs-uninterrupted");
    run(spark, settings, root, new ArrayList<>());
    uninterrupted = TableHashes.of(spark, root);
  }

  /** Points the session's catalog at {@code root} alone and runs the nightly for DAY there. */
  private static void run(SparkSession spark, Settings settings, Path root, List<String> progress) {
    SharedSparkExtension.dropCatalogKeepingData(spark);
    Settings here = settings.with(Map.of("scamflow.lakehouse", root.toString()));
    Lakehouse lh = Lakehouse.open(spark, here);
    new Pipeline(lh, here, Pipeline.standardStages())
        .run(DAY, Optional.of(landing.toString()), progress::add);
  }

  @Test
  void aRunKilledMidStageThenRerunEndsExactlyLikeAnUninterruptedRun(
      SparkSession spark, Settings settings) throws Exception {
    Path root = SharedSparkExtension.testDir().resolve("proofs-killed");
    Path bronzeLog = root.resolve("bronze/bank_transfers/_delta_log");
    Path out = SharedSparkExtension.testDir().resolve("proofs-killed.out");
    Process child =
        new ProcessBuilder(childCommand(root))
            .redirectOutput(out.toFile())
            .redirectError(SharedSparkExtension.testDir().resolve("proofs-killed.err").toFile())
            .start();
    try {
      // The stage before has finished: bronze.bank_transfers has its commits so far.
      await(child, () -> Files.exists(out) && Files.readString(out).contains(STAGE_BEFORE + ":"));
      long commits = commits(bronzeLog);
      // The killed stage has written its bronze rows but not yet recorded its files as loaded
      // nor itself as finished: the worst moment to die.
      await(child, () -> commits(bronzeLog) > commits);
      child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      if (child.isAlive()) {
        child.toHandle().destroyForcibly();
        child.waitFor();
      }
    }

    List<Row> killed =
        spark
            .read()
            .format("delta")
            .load(root.resolve("ops/runs").toString())
            .where("job = '" + KILLED_STAGE + "'")
            .select("status")
            .collectAsList();
    assertThat(killed).extracting(r -> r.getString(0)).containsExactly("RUNNING");

    List<String> progress = new ArrayList<>();
    run(spark, settings, root, progress);

    assertThat(progress)
        .anyMatch(l -> l.contains(STAGE_BEFORE) && l.contains("interrupted run, skipped"))
        .anyMatch(l -> l.contains(KILLED_STAGE) && !l.contains("skipped"));
    assertThat(TableHashes.of(spark, root)).isEqualTo(uninterrupted);
  }

  interface Check {
    boolean holds() throws IOException;
  }

  /**
   * Polls until {@code check} holds; fails if the child exits or 20 minutes pass (a guard against a
   * hung child on a crowded machine, not a timing assertion).
   */
  private static void await(Process child, Check check) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (!check.holds()) {
      assertThat(child.isAlive()).as("the nightly child ended before the kill point").isTrue();
      assertThat(System.nanoTime()).as("kill point not reached in 20 minutes").isLessThan(deadline);
      Thread.sleep(25);
    }
  }

  private static long commits(Path deltaLog) throws IOException {
    if (!Files.isDirectory(deltaLog)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(deltaLog)) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).count();
    }
  }

  /** {@code java <module flags> -cp <this JVM's classpath> io.scamflow.jobs.Scamflow nightly}. */
  private static List<String> childCommand(Path root) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")
          || arg.startsWith("-XX:+IgnoreUnrecognized")
          || arg.startsWith("-Dio.netty")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Dscamflow.home=" + System.getProperty("scamflow.home", "."));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.scamflow.jobs.Scamflow");
    for (String kv :
        List.of(
            "scamflow.spark.master=local[2]",
            "scamflow.spark.shuffle-partitions=4",
            "spark.driver.host=127.0.0.1",
            "spark.driver.bindAddress=127.0.0.1",
            "spark.databricks.delta.snapshotPartitions=2")) {
      cmd.add("-c");
      cmd.add(kv);
    }
    cmd.addAll(
        List.of(
            "--lakehouse",
            root.toString(),
            "nightly",
            "--landing",
            landing.toString(),
            "--run-date",
            DAY.toString()));
    return cmd;
  }
}
