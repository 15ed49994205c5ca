package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
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
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Cost per run date of silver.account_baselines as history grows: the same daily volume (accounts
 * paying each other) loaded for many days, the incremental baseline built night by night and timed,
 * beside a from-scratch recomputation over all days so far for contrast. Writes
 * results/behaviour-bench.md; numbers, never assertions.
 */
@SparkTest
class BenchBehaviour {
  private static final LocalDate START = LocalDate.of(2026, 1, 5);
  private static final int DAYS = Integer.getInteger("bench.behaviour.days", 21);
  private static final int ACCOUNTS = Integer.getInteger("bench.behaviour.accounts", 20_000);
  private static final int PER_DAY = Integer.getInteger("bench.behaviour.transfers", 60_000);
  private static final int WINDOW = 7;

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

  @Test
  void costPerRunDateDoesNotGrowWithHistory(SparkSession spark, Lakehouse lh, Settings settings)
      throws IOException {
    Settings conf = settings.with(Map.of("scamflow.behaviour.window-days", String.valueOf(WINDOW)));
    TableWriter writer = new TableWriter(lh);
    AccountBaselines baselines = new AccountBaselines(lh, conf);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < DAYS; i++) {
      LocalDate d = START.plusDays(i);
      RunContext run = RunContext.start("bench", d);
      writer.replaceDay(SilverTransfers.TABLE, day(spark, d, i), run);
      long t0 = System.nanoTime();
      var outcome = baselines.run(run);
      double incremental = (System.nanoTime() - t0) / 1e9;
      String scratch = "";
      if (i % 5 == 4 || i == DAYS - 1) {
        // what a nightly run would cost if it recomputed over every day so far
        Settings all =
            settings.with(Map.of("scamflow.behaviour.window-days", String.valueOf(i + 1)));
        long t1 = System.nanoTime();
        new AccountBaselines(lh, all)
            .fromScratch(d)
            .write()
            .format("noop")
            .mode("overwrite")
            .save();
        scratch = String.format("%.1f", (System.nanoTime() - t1) / 1e9);
      }
      lines.add(
          String.format(
              "| %d | %s | %,d | %s | %.1f | %s |",
              i + 1, d, (long) PER_DAY * (i + 1), outcome.summary(), incremental, scratch));
    }
    StringBuilder md = new StringBuilder();
    md.append("# silver.account_baselines: cost per run date as history grows\n\n")
        .append(
            String.format(
                "BenchBehaviour: %,d accounts, %,d transfers a day, window %d days, local[2],"
                    + " shuffle partitions 4, on a 2-core machine shared with other builds."
                    + " Incremental = the nightly stage (previous baseline + the day's transfers,"
                    + " both tables written). From scratch = the same baseline recomputed over"
                    + " every day so far (not written), for contrast.%n%n",
                ACCOUNTS, PER_DAY, WINDOW))
        .append(
            "| day | run date | transfers so far | stage wrote | incremental s | from scratch"
                + " over all days s |\n")
        .append("|---|---|---|---|---|---|\n");
    lines.forEach(l -> md.append(l).append('\n'));
    Path out = Path.of(System.getProperty("scamflow.home", "."), "results", "behaviour-bench.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
