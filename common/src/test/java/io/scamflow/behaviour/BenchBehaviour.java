package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Cost per run date of the behavioural part of a nightly run as history grows: the same daily
 * volume (accounts paying each other) loaded day after day; each night the baseline stage
 * (silver.account_baselines + silver.peer_baselines, previous baseline + the day's transfers) and
 * the eight signals (over the detection window, against the previous night's baselines) are timed.
 * Beside them, for contrast, the same baseline recomputed from scratch over every day so far.
 * Writes its section of results/behaviour.md; numbers, never assertions.
 *
 * <p>With {@code -Dbench.behaviour.world=DIR} (a world from {@code scamflow generate}) the days are
 * the world's own: each generated date's truth transfers (optionally only the first {@code
 * -Dbench.behaviour.shards} shards of each day) in silver.transfers' shape ({@code
 * io.scamflow.evaluate.TruthTransfers}), keys written as ingest writes them; the table goes to its
 * own section ("BenchBehaviour world"), rewritten after every day so a run stopped early leaves the
 * days it measured.
 */
@SparkTest
class BenchBehaviour {
  private static final LocalDate START = LocalDate.of(2026, 1, 5);
  private static final int DAYS = Integer.getInteger("bench.behaviour.days", 14);
  private static final int ACCOUNTS = Integer.getInteger("bench.behaviour.accounts", 10_000);
  private static final int PER_DAY = Integer.getInteger("bench.behaviour.transfers", 20_000);
  private static final int WINDOW = Integer.getInteger("bench.behaviour.window", 7);
  private static final String WORLD = System.getProperty("bench.behaviour.world", "");
  private static final int SHARDS = Integer.getInteger("bench.behaviour.shards", 0);
  // recomputing from scratch over all days is the contrast; on a world's days it is optional
  private static final boolean SCRATCH =
      Boolean.parseBoolean(
          System.getProperty("bench.behaviour.scratch", String.valueOf(WORLD.isEmpty())));

  /** The world's generated dates (truth/transfers/transfers-DATE-sNNN.csv), oldest first. */
  private static List<LocalDate> worldDays() throws IOException {
    try (var files = Files.list(Path.of(WORLD, "truth", "transfers"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("transfers-\\d{4}-\\d{2}-\\d{2}-s\\d+\\.csv"))
          .map(n -> LocalDate.parse(n.substring("transfers-".length(), "transfers-".length() + 10)))
          .distinct()
          .sorted()
          .limit(Integer.getInteger("bench.behaviour.days", Integer.MAX_VALUE))
          .toList();
    }
  }

  /** One generated day's truth transfers (the first SHARDS shards when set) as silver rows. */
  private static Dataset<Row> worldDay(SparkSession spark, LocalDate d) throws IOException {
    List<String> files;
    try (var all = Files.list(Path.of(WORLD, "truth", "transfers"))) {
      files =
          all.filter(f -> f.getFileName().toString().startsWith("transfers-" + d + "-s"))
              .map(Path::toString)
              .sorted()
              .limit(SHARDS > 0 ? SHARDS : Long.MAX_VALUE)
              .toList();
    }
    Dataset<Row> truth =
        io.scamflow.evaluate.TruthTransfers.truth(spark, files.toArray(String[]::new));
    return io.scamflow.evaluate.TruthTransfers.asSilver(truth)
        .withColumn(
            "chain",
            org.apache.spark.sql.functions.when(
                col("rail").equalTo("CHAIN"),
                org.apache.spark.sql.functions.upper(
                    org.apache.spark.sql.functions.substring_index(col("from_account"), ":", 1))))
        .withColumn("from_account", ingestKey(col("from_account")))
        .withColumn("to_account", ingestKey(col("to_account")))
        .withColumn("run_date", lit(java.sql.Date.valueOf(d)))
        .withColumn("natural_ref", col("transfer_id"))
        .withColumn("amount", col("amount").cast(SilverTransfers.AMOUNT))
        .withColumn("amount_usd", col("amount_usd").cast(SilverTransfers.USD));
  }

  /**
   * A truth key ({@code BIC:account}, {@code tron:address}) as ingest keys it: {@code IBAN:<iban>}
   * when the account has an IBAN's shape (the generator's IBANs are valid), else {@code
   * ACCT:<BIC8>:<number>}; chain addresses with the chain upper-cased.
   */
  private static org.apache.spark.sql.Column ingestKey(org.apache.spark.sql.Column k) {
    org.apache.spark.sql.Column last = org.apache.spark.sql.functions.substring_index(k, ":", -1);
    return org.apache
        .spark
        .sql
        .functions
        .when(
            k.rlike("^(tron|ethereum|bitcoin):"),
            org.apache.spark.sql.functions.concat(
                org.apache.spark.sql.functions.upper(
                    org.apache.spark.sql.functions.substring_index(k, ":", 1)),
                lit(":"),
                last))
        .when(
            k.rlike("^[A-Z0-9]{8,11}:[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"),
            org.apache.spark.sql.functions.concat(lit("IBAN:"), last))
        .when(
            k.rlike("^[A-Z0-9]{8,11}:"),
            org.apache.spark.sql.functions.concat(
                lit("ACCT:"), org.apache.spark.sql.functions.substring(k, 1, 8), lit(":"), last))
        .otherwise(k);
  }

  private static Dataset<Row> day(SparkSession spark, LocalDate d, int index) {
    long seed = index * 1_000_003L;
    return spark
        .range(PER_DAY)
        .select(
            expr("concat('b', " + index + ", '-', id)").as("transfer_id"),
            lit(java.sql.Date.valueOf(d)).as("run_date"),
            lit("FIAT").as("rail"),
            expr("concat('b', " + index + ", '-', id)").as("natural_ref"),
            lit(java.sql.Date.valueOf(d)).as("value_date"),
            expr("timestamp_seconds(unix_timestamp(DATE'"
                    + d
                    + "') + CAST(pmod(hash(id, "
                    + seed
                    + "), 86400) AS BIGINT))")
                .as("value_ts"),
            expr("CAST(round(exp(3.5 + 1.2 * randn(" + seed + ")), 2) AS DECIMAL(38,18))")
                .as("amount"),
            lit("USD").as("currency"),
            expr("concat('ACCT:TH:', pmod(hash(id, " + seed + " + 1), " + ACCOUNTS + "))")
                .as("from_account"),
            expr("concat('ACCT:TH:', pmod(hash(id, " + seed + " + 2), " + ACCOUNTS + "))")
                .as("to_account"),
            lit("TH").as("from_country"),
            lit("TH").as("to_country"),
            lit("wire").as("payment_format"))
        .withColumn("amount_usd", col("amount").cast(SilverTransfers.USD));
  }

  /** The signals of {@code d} as the nightly detection stage runs them; returns detections. */
  private static long signals(Lakehouse lh, Settings conf, LocalDate d) {
    DetectionContext context = io.scamflow.detect.DetectionStage.context(lh, conf, d);
    Dataset<Row> all = null;
    for (Detector s : BehaviourReplay.signals()) {
      Dataset<Row> one = s.detect(context);
      all = all == null ? one : all.unionByName(one);
    }
    long n = all.count();
    context.transfers().unpersist();
    return n;
  }

  @Test
  void costPerRunDateDoesNotGrowWithHistory(SparkSession spark, Lakehouse lh, Settings settings)
      throws IOException {
    Settings conf = settings.with(Map.of("scamflow.behaviour.window-days", String.valueOf(WINDOW)));
    TableWriter writer = new TableWriter(lh);
    AccountBaselines baselines = new AccountBaselines(lh, conf);
    List<String> lines = new ArrayList<>();
    boolean world = !WORLD.isEmpty();
    List<LocalDate> dates = new ArrayList<>();
    if (world) {
      dates.addAll(worldDays());
    } else {
      for (int i = 0; i < DAYS; i++) {
        dates.add(START.plusDays(i));
      }
    }
    long soFar = 0;
    for (int i = 0; i < dates.size(); i++) {
      LocalDate d = dates.get(i);
      RunContext run = RunContext.start("bench", d);
      long tl = System.nanoTime();
      Dataset<Row> input = world ? worldDay(spark, d) : day(spark, d, i);
      writer.replaceDay(SilverTransfers.TABLE, input, run);
      double load = (System.nanoTime() - tl) / 1e9;
      long today =
          world
              ? spark
                  .table(SilverTransfers.TABLE.name())
                  .where(col("run_date").equalTo(lit(java.sql.Date.valueOf(d))))
                  .count()
              : PER_DAY;
      soFar += today;
      // the nightly order: baselines as of d, then detection (which reads d - 1's)
      long t0 = System.nanoTime();
      var outcome = baselines.run(run);
      double stage = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      long detections = signals(lh, conf, d);
      double detect = (System.nanoTime() - t1) / 1e9;
      String scratch = "";
      if (SCRATCH && (i == 0 || (i + 1) % WINDOW == 0 || i == dates.size() - 1)) {
        // what a nightly run would cost if it recomputed over every day so far
        Settings all =
            settings.with(Map.of("scamflow.behaviour.window-days", String.valueOf(i + 1)));
        long t2 = System.nanoTime();
        new AccountBaselines(lh, all)
            .fromScratch(d)
            .write()
            .format("noop")
            .mode("overwrite")
            .save();
        scratch = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t2) / 1e9);
      }
      long stored = spark.table(AccountBaselines.TABLE.name()).count();
      if (world) {
        Row peers =
            spark
                .table(AccountBaselines.PEERS.name())
                .where(col("as_of_date").equalTo(lit(java.sql.Date.valueOf(d))))
                .agg(
                    org.apache.spark.sql.functions.count(lit(1)),
                    org.apache.spark.sql.functions.max("accounts"))
                .first();
        lines.add(
            String.format(
                Locale.ROOT,
                "| %d | %s | %,d | %,d | %.1f | %s | %d (largest %,d accounts) | %,d | %.1f | %.1f"
                    + " | %.1f | %,d | %s |",
                i + 1,
                d,
                today,
                soFar,
                load,
                outcome.summary(),
                peers.getLong(0),
                peers.isNullAt(1) ? 0L : peers.getLong(1),
                stored,
                stage,
                detect,
                stage + detect,
                detections,
                loadAverage()));
        writeWorld(conf, lines);
        continue;
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "| %d | %s | %,d | %s | %,d | %.1f | %.1f | %.1f | %,d | %s |",
              i + 1,
              d,
              (long) PER_DAY * (i + 1),
              outcome.summary(),
              stored,
              stage,
              detect,
              stage + detect,
              detections,
              scratch));
    }
    if (world) {
      return;
    }
    String load = loadAverage();
    StringBuilder md = new StringBuilder();
    md.append("## Cost per run date as history grows (BenchBehaviour)\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Crafted history: %,d accounts (one peer group), %,d transfers a day, window %d"
                    + " days, detection look-back %d days; local[2], shuffle partitions 4, on a"
                    + " 2-core machine shared with other builds (load average at the end: %s)."
                    + " Baseline stage = the nightly stage (previous baseline + the day's transfers,"
                    + " both tables written). Signals = the eight behavioural detectors of the date"
                    + " against the previous night's baselines (detections counted). From scratch"
                    + " = the same baseline recomputed over every day so far (not written), for"
                    + " contrast.%n%n",
                ACCOUNTS,
                PER_DAY,
                WINDOW,
                conf.integer("scamflow.detect.lookback-days"),
                load))
        .append(
            "| day | run date | transfers so far | stage wrote | baseline rows stored |"
                + " baseline stage s | signals s | total s | detections | from scratch over all"
                + " days s |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    lines.forEach(l -> md.append(l).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "%nCommand: `nice -n 10 mvn -B -o verify -Pbench -pl common -Dtest=BenchBehaviour"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dbench.behaviour.days=%d"
                + " -Dbench.behaviour.window=%d -Dbench.behaviour.accounts=%d"
                + " -Dbench.behaviour.transfers=%d`%n",
            DAYS,
            WINDOW,
            ACCOUNTS,
            PER_DAY));
    ResultsSection.write("behaviour.md", "BenchBehaviour", md.toString());
  }

  /** The "BenchBehaviour world" section of results/behaviour.md, with the days measured so far. */
  private static void writeWorld(Settings conf, List<String> lines) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("## Cost per run date on a generated world (BenchBehaviour, world mode)\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "World: `%s`, %s of each generated day's truth transfers (ingest's account keys,"
                    + " no ingest cost), window %d days, detection look-back %d days; local[2],"
                    + " shuffle partitions 4, -Xmx8g, nice -n 10, on a 2-core machine shared with"
                    + " other builds (load average 1/5/15 min after each day in the last column)."
                    + " Load = writing the day into silver.transfers (CSV parse included). Baseline"
                    + " stage = the nightly stage (previous baseline + the day's transfers, both"
                    + " tables written). Signals = the eight behavioural detectors of the date"
                    + " against the previous night's baselines (detections counted). Baseline rows"
                    + " stored = all partitions so far.%n%n",
                WORLD,
                SHARDS > 0 ? "the first " + SHARDS + " shards" : "all shards",
                WINDOW,
                conf.integer("scamflow.detect.lookback-days")))
        .append(
            "| day | run date | transfers that day | transfers so far | load s | stage wrote |"
                + " peer groups | baseline rows stored | baseline stage s | signals s | stage +"
                + " signals s | detections | load average |\n")
        .append("|---|---|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---|\n");
    lines.forEach(l -> md.append(l).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "%nCommand: `nice -n 10 mvn -B -o verify -Pbench -pl common -Dtest=BenchBehaviour"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dbench.behaviour.world=%s"
                + " -Dbench.behaviour.window=%d%s`%n",
            WORLD,
            WINDOW,
            SHARDS > 0 ? " -Dbench.behaviour.shards=" + SHARDS : ""));
    ResultsSection.write("behaviour.md", "BenchBehaviour world", md.toString());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"))
          .strip()
          .replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    } catch (IOException | RuntimeException e) {
      return String.format(
          Locale.ROOT,
          "%.2f (1 min)",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
