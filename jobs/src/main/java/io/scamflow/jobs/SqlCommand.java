package io.scamflow.jobs;

import io.scamflow.ScamflowTables;
import io.scamflow.errors.Errors;
import io.scamflow.errors.ScamflowException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scamflow sql "QUERY"}: any Spark SQL over the lakehouse catalog, results to stdout. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Run a Spark SQL query over the lakehouse tables (e.g. SELECT * FROM gold.alerts).")
final class SqlCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL statement.")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ResultFormat format;

  @Option(
      names = "--limit",
      defaultValue = "10000",
      description = "Print at most this many rows (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    var lakehouse = root.global.lakehouse();
    lakehouse.ensureAll(ScamflowTables.all());
    Dataset<Row> result;
    try {
      result = lakehouse.spark().sql(query);
    } catch (ScamflowException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException is checked but undeclared
      throw Errors.queryFailed(query, e);
    }
    try {
      format.print(result, limit, spec.commandLine().getOut());
    } catch (ScamflowException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException is checked but undeclared
      throw Errors.queryFailed(query, e);
    }
    return 0;
  }
}
