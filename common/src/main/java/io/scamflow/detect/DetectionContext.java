package io.scamflow.detect;

import io.scamflow.config.Settings;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a detector sees: the run date, the transfers of the look-back window ending on it (columns
 * of silver.transfers), the settings holding its thresholds and, when it runs inside a pipeline,
 * the lakehouse (for the tables a rule needs beyond transfers: screening hits, KYC links).
 */
public record DetectionContext(
    LocalDate runDate, Dataset<Row> transfers, Settings settings, Optional<Lakehouse> lakehouse) {

  /** A context over transfers alone (crafted tests): rules needing other tables find nothing. */
  public DetectionContext(LocalDate runDate, Dataset<Row> transfers, Settings settings) {
    this(runDate, transfers, settings, Optional.empty());
  }

  public int integer(String key) {
    return settings.integer("scamflow.detect." + key);
  }

  public double decimal(String key) {
    return settings.decimal("scamflow.detect." + key);
  }

  /** The table behind {@code contract}, if there is a lakehouse (created empty when absent). */
  public Optional<Dataset<Row>> table(TableContract contract) {
    return lakehouse.map(
        lh -> {
          lh.ensure(contract);
          return lh.spark().table(contract.name());
        });
  }
}
