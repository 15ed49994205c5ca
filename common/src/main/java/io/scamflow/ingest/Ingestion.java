package io.scamflow.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.errors.Errors;
import io.scamflow.quality.Quarantine;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Loads landing files of one format into its bronze table: files are parsed in Spark tasks (one
 * file per reader call), accepted records replace that run date's rows from the same files, every
 * rejected record goes to ops.quarantine, and read = accepted + quarantined is reconciled.
 */
public final class Ingestion {
  public static final String RUN_DATE = "run_date";
  public static final String FORMAT = "source_format";
  public static final String POSITION = "record_position";

  private static final String KIND = "_kind";
  private static final String ACCEPTED = "A";
  private static final String REJECTED = "R";
  private static final String UNREADABLE = "F";

  private final Lakehouse lakehouse;

  public Ingestion(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /**
   * Starts a bronze contract with the lineage columns every ingested row carries (run date, format,
   * position in the file), partitioned by run date. The family adds its own columns.
   */
  public static TableContract.Builder bronzeTable(String name, String comment) {
    return TableContract.builder(name)
        .comment(comment)
        .column(RUN_DATE, DataTypes.DateType, false, "Landing date the file was delivered under")
        .column(FORMAT, DataTypes.StringType, false, "Landing format, e.g. iso20022-pacs008")
        .column(
            POSITION,
            DataTypes.StringType,
            false,
            "Where the record sits in its file: line, message number or XML element")
        .partitionedBy(RUN_DATE)
        .dateColumn(RUN_DATE);
  }

  /** Parses {@code files} with {@code reader} and writes bronze and quarantine for the run. */
  public StageOutcome ingest(RunContext run, FormatReader reader, List<String> files) {
    if (files.isEmpty()) {
      return new StageOutcome(0, 0, 0, List.of(), "no " + reader.format() + " files");
    }
    TableContract bronze = reader.bronzeTable();
    StructType parsedSchema = parsedSchema(reader);
    Dataset<Row> parsed =
        lakehouse
            .spark()
            .createDataFrame(parse(reader, files), parsedSchema)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long accepted = 0;
      long rejected = 0;
      for (Row r : parsed.groupBy(KIND).count().collectAsList()) {
        switch (r.getString(0)) {
          case ACCEPTED -> accepted = r.getLong(1);
          case REJECTED -> rejected = r.getLong(1);
          default -> {
            Row failure =
                parsed.where(col(KIND).equalTo(UNREADABLE)).select("_file", "_reason").first();
            throw Errors.unreadableFile(
                failure.getString(0), new RuntimeException(failure.getString(1)));
          }
        }
      }

      List<Column> record = new ArrayList<>();
      for (String c : reader.recordColumns()) {
        record.add(col(c));
      }
      record.add(lit(java.sql.Date.valueOf(run.runDate())).as(RUN_DATE));
      record.add(lit(reader.format()).as(FORMAT));
      record.add(col("_position").as(POSITION));
      record.add(col("_file").as(TableContract.SOURCE_FILE));
      Dataset<Row> rows =
          parsed.where(col(KIND).equalTo(ACCEPTED)).select(record.toArray(new Column[0]));

      String fileList =
          files.stream()
              .map(f -> "'" + f.replace("'", "''") + "'")
              .collect(Collectors.joining(", "));
      String predicate =
          String.format(
              "%s = DATE'%s' AND %s = '%s' AND %s IN (%s)",
              RUN_DATE,
              run.runDate(),
              FORMAT,
              reader.format(),
              TableContract.SOURCE_FILE,
              fileList);
      List<WriteResult> writes = new ArrayList<>();
      WriteResult bronzeWrite =
          new TableWriter(lakehouse).replaceWhere(bronze, rows, run, predicate);
      writes.add(bronzeWrite);

      Dataset<Row> rejects =
          parsed
              .where(col(KIND).equalTo(REJECTED))
              .select(
                  lit(reader.source()).as("source"),
                  lit(reader.format()).as("format"),
                  col("_file").as(TableContract.SOURCE_FILE),
                  col("_position").as("position"),
                  col("_reason").as("reason"),
                  col("_raw").as("raw"));
      if (rejected > 0) {
        writes.add(new Quarantine(lakehouse).write(run, run.job(), rejects));
      }
      String summary =
          String.format(
              "%d %s files: %d records read, %d accepted, %d quarantined",
              files.size(), reader.format(), accepted + rejected, accepted, rejected);
      return new StageOutcome(
          accepted + rejected, bronzeWrite.rowsWritten(), rejected, writes, summary);
    } finally {
      parsed.unpersist();
    }
  }

  private JavaRDD<Row> parse(FormatReader reader, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lakehouse.spark().sparkContext());
    int width = reader.recordColumns().size();
    return jsc.binaryFiles(
            String.join(",", files), Math.min(files.size(), jsc.defaultParallelism()))
        .flatMap(file -> parseOne(reader, file, width));
  }

  private static Iterator<Row> parseOne(
      FormatReader reader, Tuple2<String, PortableDataStream> file, int width) {
    List<Row> out = new ArrayList<>();
    String path = file._1();
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(String position, Object... values) {
            if (values.length != width) {
              throw new IllegalStateException(
                  reader.format() + " reader gave " + values.length + " values, expected " + width);
            }
            Object[] row = new Object[5 + width];
            row[0] = ACCEPTED;
            row[1] = path;
            row[2] = position;
            System.arraycopy(values, 0, row, 5, width);
            out.add(RowFactory.create(row));
          }

          @Override
          public void reject(String position, String reason, String raw) {
            Object[] row = new Object[5 + width];
            row[0] = REJECTED;
            row[1] = path;
            row[2] = position;
            row[3] = reason;
            row[4] = raw != null && raw.length() > 8192 ? raw.substring(0, 8192) + "…" : raw;
            out.add(RowFactory.create(row));
          }
        };
    try (InputStream in = file._2().open()) {
      reader.read(path, in, sink);
    } catch (Exception | StackOverflowError e) {
      // The file as a whole is unreadable: report only that, so none of its records load.
      out.clear();
      Object[] row = new Object[5 + width];
      row[0] = UNREADABLE;
      row[1] = path;
      row[3] = e.getMessage() == null ? e.toString() : e.getMessage();
      out.add(RowFactory.create(row));
    }
    return out.iterator();
  }

  private static StructType parsedSchema(FormatReader reader) {
    StructType bronze = reader.bronzeTable().schema();
    StructType schema =
        new StructType()
            .add(KIND, DataTypes.StringType, false)
            .add("_file", DataTypes.StringType, true)
            .add("_position", DataTypes.StringType, true)
            .add("_reason", DataTypes.StringType, true)
            .add("_raw", DataTypes.StringType, true);
    for (String c : reader.recordColumns()) {
      StructField f = bronze.apply(c);
      schema = schema.add(c, f.dataType(), true);
    }
    return schema;
  }
}
