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
  public static Dataset<Row> detect(Lakehouse lakehouse, Settings settings, LocalDate runDate) {
    lakehouse.ensure(SilverTransfers.TABLE);
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
    DetectionContext context =
        new DetectionContext(runDate, window, settings, java.util.Optional.of(lakehouse));
    Dataset<Row> all = null;
    for (Detector d : Detectors.all()) {
      Dataset<Row> found = d.detect(context);
      all = all == null ? found : all.unionByName(found);
    }
    return all.withColumn(
            "alert_id",
            sha2(
                concat_ws("|", col("typology"), col("anchor"), col("window_start").cast("string")),
                256))
        .withColumn("run_date", lit(java.sql.Date.valueOf(runDate)));
  }
}
