package io.scamflow.quality;

import static org.apache.spark.sql.functions.lit;

import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ops.quarantine: every record a stage rejected, with the file, the position in it, the reason and
 * the raw text, so nothing bad vanishes and an operator can fix and replay it. Writes merge on
 * (stage, file, position, reason), so rerunning a date never duplicates a rejection.
 */
public final class Quarantine {
  public static final TableContract TABLE =
      TableContract.builder("ops.quarantine")
          .comment(
              "Records rejected by a stage, with where they were and why: nothing bad vanishes")
          .column(
              "run_date", DataTypes.DateType, false, "Business date of the run that rejected it")
          .column("stage", DataTypes.StringType, false, "Stage that rejected it, e.g. ingest.bank")
          .column(
              "source", DataTypes.StringType, false, "Source family: bank, chain, kyc, sanctions")
          .column("format", DataTypes.StringType, false, "Format name, e.g. iso20022-pacs008")
          .column(
              "position",
              DataTypes.StringType,
              false,
              "Where in the file: line number, record index or XML path")
          .column("reason", DataTypes.StringType, false, "Why the record was rejected")
          .column("raw", DataTypes.StringType, "The rejected record's text, as received")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("stage", TableContract.SOURCE_FILE, "position", "reason")
          .build();

  /** Columns a stage hands over for each rejected record. */
  public static final StructType REJECT_SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("format", DataTypes.StringType, false)
          .add(TableContract.SOURCE_FILE, DataTypes.StringType, false)
          .add("position", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, false)
          .add("raw", DataTypes.StringType, true);

  private final Lakehouse lakehouse;
  private final TableWriter writer;

  public Quarantine(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
    this.writer = new TableWriter(lakehouse);
  }

  /** Writes rejections collected on the driver (parsers of small files). */
  public WriteResult write(RunContext run, String stage, List<Rejection> rejections) {
    List<Row> rows = rejections.stream().map(Rejection::toRow).toList();
    return write(run, stage, lakehouse.spark().createDataFrame(rows, REJECT_SCHEMA));
  }

  /** Writes rejections computed by Spark; {@code rejects} has {@link #REJECT_SCHEMA}'s columns. */
  public WriteResult write(RunContext run, String stage, Dataset<Row> rejects) {
    Dataset<Row> rows =
        rejects
            .select("source", "format", TableContract.SOURCE_FILE, "position", "reason", "raw")
            .withColumn("run_date", lit(java.sql.Date.valueOf(run.runDate())))
            .withColumn("stage", lit(stage))
            .dropDuplicates("stage", TableContract.SOURCE_FILE, "position", "reason");
    return writer.merge(TABLE, rows, run);
  }
}
