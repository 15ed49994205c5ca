package io.scamflow.pipeline;

import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * ops.loaded_files: which landing files each ingest stage has loaded, by size and modification
 * time, so a nightly rerun reads only files that are new or changed (a late file is picked up by
 * rerunning its date; an unchanged file is not read twice).
 */
public final class LoadedFiles {
  public static final TableContract TABLE =
      TableContract.builder("ops.loaded_files")
          .comment("Landing files each ingest stage has loaded, so reruns read only new files")
          .column("run_date", DataTypes.DateType, false, "Landing date of the file")
          .column("stage", DataTypes.StringType, false, "Ingest stage that loaded it")
          .column("file", DataTypes.StringType, false, "Full path or URI of the landing file")
          .column("size_bytes", DataTypes.LongType, false, "File size when loaded")
          .column("modified_at", DataTypes.LongType, false, "File modification time (epoch ms)")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("stage", "file")
          .withoutLineage()
          .column("run_id", DataTypes.StringType, false, "Run that loaded it")
          .build();

  private final Lakehouse lakehouse;

  public LoadedFiles(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** The files among {@code files} that {@code stage} has not loaded in this exact version. */
  public List<String> notYetLoaded(RunContext run, String stage, List<String> files) {
    lakehouse.ensure(TABLE);
    Map<String, String> loaded = new HashMap<>();
    for (Row r :
        lakehouse
            .spark()
            .table(TABLE.name())
            .where(
                String.format(
                    "run_date = DATE'%s' AND stage = '%s'",
                    run.runDate(), stage.replace("'", "''")))
            .select("file", "size_bytes", "modified_at")
            .collectAsList()) {
      loaded.put(r.getString(0), r.getLong(1) + ":" + r.getLong(2));
    }
    List<String> out = new ArrayList<>();
    for (String f : files) {
      FileStatus s = status(f);
      if (!(s.getLen() + ":" + s.getModificationTime()).equals(loaded.get(f))) {
        out.add(f);
      }
    }
    return out;
  }

  /** Records that {@code stage} loaded {@code files}. */
  public WriteResult markLoaded(RunContext run, String stage, List<String> files) {
    List<Row> rows = new ArrayList<>();
    for (String f : files) {
      FileStatus s = status(f);
      rows.add(
          RowFactory.create(
              Date.valueOf(run.runDate()),
              stage,
              f,
              s.getLen(),
              s.getModificationTime(),
              run.runId()));
    }
    var data = lakehouse.spark().createDataFrame(rows, TABLE.schema());
    // Replace exactly these files' rows of the date: file stats on stage and file let Delta skip
    // every other file, so this is one small commit, where a MERGE joined the whole date.
    String predicate =
        String.format(
            "run_date = DATE'%s' AND stage = '%s' AND file IN (%s)",
            run.runDate(),
            stage.replace("'", "''"),
            files.stream()
                .map(f -> "'" + f.replace("'", "''") + "'")
                .collect(java.util.stream.Collectors.joining(", ")));
    return new TableWriter(lakehouse).replaceWhere(TABLE, data, run, predicate);
  }

  private FileStatus status(String file) {
    try {
      Path p = new Path(file);
      return p.getFileSystem(lakehouse.spark().sparkContext().hadoopConfiguration())
          .getFileStatus(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + file, e);
    }
  }
}
