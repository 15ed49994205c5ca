package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import io.scamflow.detect.Detectors;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.transfers.SilverTransfers;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The behavioural signals replayed night by night over history that was loaded in one go (a public
 * benchmark laid out as one landing day). Signals compare an account's day with its baseline as of
 * the day before, so a single run over all of history finds nothing to compare; the replay builds
 * silver.account_baselines / silver.peer_baselines as of each value date in turn (from the
 * transfers dated that day) and runs the signals of that date, exactly as the nightly run would
 * have had the transfers arrived one day at a time.
 */
public final class BehaviourReplay {
  private BehaviourReplay() {}

  /** The registered detectors of family "behaviour". */
  public static List<Detector> signals() {
    return Detectors.all().stream().filter(d -> "behaviour".equals(d.family())).toList();
  }

  /**
   * Every behavioural signal's detections (the columns of io.scamflow.detect.Alerts.DETECTION, plus
   * run_date) on every value date of silver.transfers, oldest first. Writes the baselines of each
   * date into the lakehouse as it goes.
   */
  public static Dataset<Row> run(
      Lakehouse lakehouse, Settings settings, Consumer<String> progress) {
    lakehouse.ensure(SilverTransfers.TABLE);
    var spark = lakehouse.spark();
    Dataset<Row> transfers = spark.table(SilverTransfers.TABLE.name());
    List<LocalDate> days =
        transfers
            .select("value_date")
            .where(col("value_date").isNotNull())
            .distinct()
            .orderBy("value_date")
            .collectAsList()
            .stream()
            .map(r -> r.getDate(0).toLocalDate())
            .toList();
    int lookback = settings.integer("scamflow.detect.lookback-days");
    AccountBaselines baselines = AccountBaselines.byValueDate(lakehouse, settings);
    List<Detector> signals = signals();
    Dataset<Row> all = null;
    for (LocalDate day : days) {
      long t0 = System.nanoTime();
      Dataset<Row> window =
          transfers.where(
              col("value_date")
                  .between(
                      lit(Date.valueOf(day.minusDays(lookback - 1L))), lit(Date.valueOf(day))));
      DetectionContext context =
          new DetectionContext(day, window, settings, Optional.of(lakehouse));
      Dataset<Row> found = null;
      for (Detector d : signals) {
        Dataset<Row> one = d.detect(context);
        found = found == null ? one : found.unionByName(one);
      }
      // materialised now: the next night's baselines replace what this one read
      Dataset<Row> today =
          found.withColumn("run_date", lit(Date.valueOf(day))).localCheckpoint(true);
      all = all == null ? today : all.unionByName(today);
      // the baseline as of this date, which tomorrow's signals compare against
      String wrote = baselines.run(RunContext.start("behaviour-replay", day)).summary();
      // and the entities' (from the resolution on or before that date, if any)
      wrote +=
          ", "
              + new EntityBaselines(lakehouse, settings)
                  .run(RunContext.start("behaviour-replay", day))
                  .summary();
      progress.accept(
          String.format(
              "%s: %d behavioural detections, %s (%.1f s)",
              day, today.count(), wrote, (System.nanoTime() - t0) / 1e9));
    }
    return all != null
        ? all
        : spark.createDataFrame(
            List.of(), io.scamflow.detect.Alerts.DETECTION.add("run_date", "date"));
  }
}
