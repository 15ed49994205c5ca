package io.scamflow.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import io.scamflow.config.Settings;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.transfers.SilverTransfers;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Runs every registered detector over the look-back window ending on the run date and replaces that
 * date's gold.alerts with what they found.
 */
public final class DetectionStage implements Stage {
  @Override
  public String name() {
    return "gold.alerts";
  }

  @Override
  public StageOutcome run(StageContext context) {
    Dataset<Row> alerts = detect(context.lakehouse(), context.settings(), context.run().runDate());
    var write =
        new TableWriter(context.lakehouse()).replaceDay(Alerts.TABLE, alerts, context.run());
    return StageOutcome.derived(List.of(write), write.rowsWritten() + " alerts");
  }

  /** Every detector's alerts for {@code runDate}, with ids and the run date. */
  /**
   * The look-back window of silver.transfers ending on {@code runDate}, cached, as detectors see
   * it.
   */
  public static DetectionContext context(
      Lakehouse lakehouse, Settings settings, LocalDate runDate) {
    int lookback = settings.integer("scamflow.detect.lookback-days");
    Dataset<Row> window =
        lakehouse
            .spark()
            .table(SilverTransfers.TABLE.name())
            .where(
                col("value_date")
                    .between(
                        lit(java.sql.Date.valueOf(runDate.minusDays(lookback - 1L))),
                        lit(java.sql.Date.valueOf(runDate))))
            .cache();
    return new DetectionContext(runDate, window, settings, java.util.Optional.of(lakehouse));
  }

  public static Dataset<Row> detect(Lakehouse lakehouse, Settings settings, LocalDate runDate) {
    lakehouse.ensure(SilverTransfers.TABLE);
    DetectionContext context = context(lakehouse, settings, runDate);
    Dataset<Row> all = null;
    for (Detector d : Detectors.all()) {
      Dataset<Row> found = d.detect(context);
      all = all == null ? found : all.unionByName(found);
    }
    // One row per alert id: a rule may find the same anchor and start twice (e.g. two fan-in
    // windows ending differently); the strongest, widest one is kept, deterministically.
    org.apache.spark.sql.expressions.WindowSpec strongestFirst =
        org.apache.spark.sql.expressions.Window.partitionBy("alert_id")
            .orderBy(
                col("score").desc(),
                functions.size(col("transfer_ids")).desc(),
                col("window_end").desc(),
                functions.to_json(col("members")),
                col("evidence"));
    return all.withColumn(
            "alert_id",
            sha2(
                concat_ws("|", col("typology"), col("anchor"), col("window_start").cast("string")),
                256))
        .withColumn("alert_rank", functions.row_number().over(strongestFirst))
        .where(col("alert_rank").equalTo(1))
        .drop("alert_rank")
        .withColumn("run_date", lit(java.sql.Date.valueOf(runDate)));
  }
}
