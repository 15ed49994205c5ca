package io.scamflow.detect;

import io.scamflow.config.Settings;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a detector sees: the run date, the transfers of the look-back window ending on it (columns
 * of silver.transfers), and the settings holding its thresholds.
 */
public record DetectionContext(LocalDate runDate, Dataset<Row> transfers, Settings settings) {
  public int integer(String key) {
    return settings.integer("scamflow.detect." + key);
  }

  public double decimal(String key) {
    return settings.decimal("scamflow.detect." + key);
  }
}
