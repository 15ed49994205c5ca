package io.scamflow.pipeline;

import io.scamflow.ScamflowTables;
import io.scamflow.config.Settings;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Where the time of one nightly day goes: a one-day tiny generated world run through the standard
 * stages, then the same date again. Per stage: wall seconds and Spark jobs started (the job count
 * is the machine-independent figure; seconds depend on the load). Writes a section named by {@code
 * -Dbench.label} (default "current") into results/nightly.md.
 */
@SparkTest
class BenchNightly {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  record Line(String pass, String stage, double seconds, long jobs) {}

  @Test
  void oneTinyDayStageByStage(SparkSession spark, Lakehouse lh, Settings settings)
      throws Exception {
    Path world = SharedSparkExtension.testDir().resolve("bench-nightly-world");
    if (!Files.isDirectory(world.resolve("landing/" + DAY))) {
      Generator.generate(WorldParameters.of(Scale.TINY, DAY, 1, 42), world, () -> spark, false);
    }
    AtomicLong jobs = new AtomicLong();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart start) {
                jobs.incrementAndGet();
              }
            });
    lh.ensureAll(ScamflowTables.all());
    Pipeline pipeline = new Pipeline(lh, settings, Pipeline.standardStages());
    List<Line> lines = new ArrayList<>();
    for (String pass : List.of("first run", "rerun")) {
      long[] mark = {System.nanoTime(), 0};
      drain(spark);
      mark[1] = jobs.get();
      long dayStart = System.nanoTime();
      long dayJobs = jobs.get();
      pipeline.run(
          DAY,
          Optional.of(world.resolve("landing").toString()),
          line -> {
            drain(spark);
            long now = System.nanoTime();
            String stage = line.substring(line.indexOf(' ') + 1, line.indexOf(':'));
            lines.add(new Line(pass, stage, (now - mark[0]) / 1e9, jobs.get() - mark[1]));
            mark[0] = now;
            mark[1] = jobs.get();
          });
      drain(spark);
      lines.add(
          new Line(pass, "WHOLE DAY", (System.nanoTime() - dayStart) / 1e9, jobs.get() - dayJobs));
    }
    write(lines);
  }

  /** Waits until the listener has heard every job started so far. */
  private static void drain(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(List<Line> lines) throws Exception {
    String label = System.getProperty("bench.label", "current");
    StringBuilder section = new StringBuilder();
    section.append("## ").append(label).append("\n\n");
    section.append("| pass | stage | seconds | Spark jobs |\n|---|---|---:|---:|\n");
    for (Line l : lines) {
      section.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %d |%n",
              l.pass(),
              l.stage(),
              l.seconds(),
              l.jobs()));
    }
    Path file = Path.of(System.getProperty("scamflow.home", ".")).resolve("results/nightly.md");
    Files.createDirectories(file.getParent());
    String text =
        Files.exists(file)
            ? Files.readString(file)
            : "# Nightly run: where one tiny day's time goes\n\n"
                + "BenchNightly: a 1-day tiny generated world (seed 42), local[2], 4 shuffle"
                + " partitions.\nStage time includes the next stage's hasWork probe.\n\n";
    int at = text.indexOf("## " + label + "\n");
    if (at >= 0) {
      int next = text.indexOf("\n## ", at + 1);
      text = text.substring(0, at) + section + (next < 0 ? "" : text.substring(next + 1));
    } else {
      text = text + section + "\n";
    }
    Files.writeString(file, text);
    System.out.println(section);
  }
}
