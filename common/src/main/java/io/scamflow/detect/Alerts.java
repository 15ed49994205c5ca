package io.scamflow.detect;

import io.scamflow.table.TableContract;
import io.scamflow.transfers.SilverTransfers;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** gold.alerts: one row per detection, with the rule, the members, the transfers and evidence. */
public final class Alerts {
  private Alerts() {}

  public static final TableContract TABLE =
      TableContract.builder("gold.alerts")
          .comment(
              "One row per detection of a laundering typology: which rule fired, on which"
                  + " accounts and transfers, for how much, and why")
          .column(
              "alert_id",
              DataTypes.StringType,
              false,
              "Stable id: hash of typology, anchor account and first transfer time")
          .column("run_date", DataTypes.DateType, false, "Run date that raised it")
          .column("typology", DataTypes.StringType, false, "e.g. fan_in, rapid_pass_through")
          .column("anchor", DataTypes.StringType, false, "The account the pattern centres on")
          .column(
              "members",
              DataTypes.createArrayType(DataTypes.StringType),
              "Every account in the pattern (anchor included)")
          .column(
              "transfer_ids",
              DataTypes.createArrayType(DataTypes.StringType),
              "silver.transfers ids that make up the pattern")
          .column("amount_usd", SilverTransfers.USD, "USD moved through the pattern")
          .column("window_start", DataTypes.TimestampType, "First transfer of the pattern")
          .column("window_end", DataTypes.TimestampType, "Last transfer of the pattern")
          .column("score", DataTypes.DoubleType, false, "Strength of the detection, 0 to 1")
          .column("rule", DataTypes.StringType, false, "The rule in words, with its thresholds")
          .column("evidence", DataTypes.StringType, "What was measured, as JSON")
          .column("list_version", DataTypes.StringType, "Sanctions list version, for list rules")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("alert_id")
          .build();

  /** What a detector returns: the alert columns without run date and audit columns. */
  public static final StructType DETECTION =
      new StructType()
          .add("typology", DataTypes.StringType, false)
          .add("anchor", DataTypes.StringType, false)
          .add("members", DataTypes.createArrayType(DataTypes.StringType))
          .add("transfer_ids", DataTypes.createArrayType(DataTypes.StringType))
          .add("amount_usd", SilverTransfers.USD)
          .add("window_start", DataTypes.TimestampType)
          .add("window_end", DataTypes.TimestampType)
          .add("score", DataTypes.DoubleType, false)
          .add("rule", DataTypes.StringType, false)
          .add("evidence", DataTypes.StringType)
          .add("list_version", DataTypes.StringType);
}
