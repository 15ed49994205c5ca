package io.scamflow.jobs;

import io.scamflow.ScamflowTables;
import io.scamflow.table.Lakehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scamflow tables}: every table with its row count and comment. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = "List every table in the lakehouse with its row count and comment.")
final class TablesCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ResultFormat format;

  @Override
  public Integer call() {
    Lakehouse lakehouse = root.global.lakehouse();
    lakehouse.ensureAll(ScamflowTables.all());
    var spark = lakehouse.spark();
    List<Row> rows = new ArrayList<>();
    for (String name : lakehouse.registeredTables()) {
      // Delta keeps row counts in its log statistics: no data file is read.
      long count = spark.table(name).count();
      String comment =
          spark.sql("DESCRIBE TABLE EXTENDED " + name).collectAsList().stream()
              .filter(r -> "Comment".equals(r.getString(0)))
              .map(r -> r.getString(1))
              .findFirst()
              .orElse("");
      rows.add(RowFactory.create(name, count, comment));
    }
    StructType schema =
        new StructType()
            .add("table", DataTypes.StringType)
            .add("rows", DataTypes.LongType)
            .add("comment", DataTypes.StringType);
    format.print(
        spark.createDataFrame(rows, schema), Integer.MAX_VALUE, spec.commandLine().getOut());
    return 0;
  }
}
