package io.scamflow.graph;

import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Appends test rows to a real table contract: the test names the columns it gives, in order; every
 * other column is null (or filled by the writer's audit defaults).
 */
final class GraphRows {
  private final Lakehouse lakehouse;
  private final TableContract contract;
  private final List<String> columns;
  private final List<Row> rows = new ArrayList<>();

  GraphRows(Lakehouse lakehouse, TableContract contract, String... columns) {
    this.lakehouse = lakehouse;
    this.contract = contract;
    this.columns = List.of(columns);
  }

  GraphRows row(Object... values) {
    rows.add(RowFactory.create(values));
    return this;
  }

  void write(LocalDate day) {
    List<StructField> fields = new ArrayList<>();
    for (String c : columns) {
      fields.add(contract.schema().apply(c));
    }
    var df =
        lakehouse.spark().createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    new TableWriter(lakehouse).append(contract, df, RunContext.start("test", day));
  }
}
