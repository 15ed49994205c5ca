package io.scamflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What spark-testing-base would give, for JUnit 5 and AssertJ: order-insensitive DataFrame equality
 * with a numeric tolerance, and schema assertions.
 */
public final class DataFrameAssert {
  private DataFrameAssert() {}

  /** Same columns and the same multiset of rows, numbers equal within {@code tolerance}. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    assertThat(actual.columns()).as("columns").containsExactly(expected.columns());
    List<List<Object>> want = sortedRows(expected);
    List<List<Object>> have = sortedRows(actual);
    assertThat(have.size()).as("row count").isEqualTo(want.size());
    for (int i = 0; i < want.size(); i++) {
      List<Object> w = want.get(i);
      List<Object> h = have.get(i);
      for (int c = 0; c < w.size(); c++) {
        if (!valuesMatch(w.get(c), h.get(c), tolerance)) {
          fail(
              "row %d column %s differs: expected %s but was %s%nexpected row %s%nactual row %s",
              i, expected.columns()[c], w.get(c), h.get(c), w, h);
        }
      }
    }
  }

  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    assertSameRows(expected, actual, 0.0);
  }

  /** Field names and types equal, ignoring nullability and metadata. */
  public static void assertSchema(StructType actual, StructType expected) {
    List<String> have = Arrays.stream(actual.fields()).map(DataFrameAssert::describe).toList();
    List<String> want = Arrays.stream(expected.fields()).map(DataFrameAssert::describe).toList();
    assertThat(have).as("schema").containsExactlyElementsOf(want);
  }

  private static String describe(StructField f) {
    return f.name() + ":" + f.dataType().simpleString();
  }

  private static boolean valuesMatch(Object w, Object h, double tolerance) {
    if (w == null || h == null) {
      return w == h;
    }
    if (w instanceof Number wn && h instanceof Number hn) {
      BigDecimal a = new BigDecimal(wn.toString());
      BigDecimal b = new BigDecimal(hn.toString());
      return a.subtract(b).abs().doubleValue() <= tolerance;
    }
    return w.equals(h);
  }

  private static List<List<Object>> sortedRows(Dataset<Row> df) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        values.add(r.get(i));
      }
      rows.add(values);
    }
    rows.sort(Comparator.comparing(Object::toString));
    return rows;
  }
}
