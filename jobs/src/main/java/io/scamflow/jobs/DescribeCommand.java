package io.scamflow.jobs;

import io.scamflow.ScamflowTables;
import io.scamflow.errors.Errors;
import io.scamflow.table.Lakehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scamflow describe TABLE}: the table's columns, types and comments. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Show a table's columns with their types and comments.")
final class DescribeCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TABLE", description = "database.table, e.g. gold.alerts")
  String table;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ResultFormat format;

  @Override
  public Integer call() {
    Lakehouse lakehouse = root.global.lakehouse();
    lakehouse.ensureAll(ScamflowTables.all());
    if (!lakehouse.registeredTables().contains(table.toLowerCase(java.util.Locale.ROOT))) {
      throw Errors.unknownTable(table);
    }
    var spark = lakehouse.spark();
    var all = spark.sql("DESCRIBE TABLE " + table);
    // DESCRIBE lists the columns, then a blank line and "# Partition Information": keep the first.
    var rows =
        all.collectAsList().stream()
            .takeWhile(r -> !r.getString(0).isBlank() && !r.getString(0).startsWith("#"))
            .toList();
    var columns = spark.createDataFrame(rows, all.schema());
    format.print(columns, Integer.MAX_VALUE, spec.commandLine().getOut());
    return 0;
  }
}
