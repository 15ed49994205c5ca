package io.scamflow.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.ScamflowTables;
import io.scamflow.errors.ScamflowException;
import io.scamflow.run.RunContext;
import io.scamflow.testing.DataFrameAssert;
import io.scamflow.testing.SparkTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest
class TestTables {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  private static TableContract contract(String name) {
    return TableContract.builder("silver." + name)
        .comment("test table " + name)
        .column("id", DataTypes.StringType, false, "row id")
        .column("day", DataTypes.DateType, false, "run date")
        .column("amount", DataTypes.createDecimalType(20, 2), "amount in USD")
        .partitionedBy("day")
        .dateColumn("day")
        .keys("id")
        .build();
  }

  private static Dataset<Row> rows(SparkSession spark, Object[]... values) {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("amount", DataTypes.createDecimalType(20, 2));
    List<Row> list =
        java.util.Arrays.stream(values)
            .map(
                v ->
                    RowFactory.create(
                        v[0], Date.valueOf(DAY), new java.math.BigDecimal(v[1].toString())))
            .toList();
    return spark.createDataFrame(list, schema);
  }

  private static Dataset<Row> business(SparkSession spark, TableContract c) {
    return spark.table(c.name()).select("id", "day", "amount");
  }

  @Test
  void everyDeclaredTableIsCreatedOnceWithACommentOnEveryColumn(SparkSession spark, Lakehouse lh) {
    lh.ensureAll(ScamflowTables.all());
    lh.ensureAll(ScamflowTables.all()); // idempotent
    for (TableContract c : ScamflowTables.all()) {
      assertThat(lh.registeredTables()).contains(c.name());
      List<Row> described = spark.sql("DESCRIBE TABLE " + c.name()).collectAsList();
      Map<String, String> comments =
          described.stream()
              .filter(r -> !r.getString(0).startsWith("#") && !r.getString(0).isBlank())
              .collect(
                  Collectors.toMap(
                      r -> r.getString(0), r -> String.valueOf(r.get(2)), (a, b) -> a));
      for (var f : c.schema().fields()) {
        assertThat(comments.get(f.name()))
            .as(c.name() + "." + f.name())
            .isNotBlank()
            .isNotEqualTo("null");
      }
      String tableComment =
          spark.sql("DESCRIBE TABLE EXTENDED " + c.name()).collectAsList().stream()
              .filter(r -> r.getString(0).equals("Comment"))
              .map(r -> r.getString(1))
              .findFirst()
              .orElse("");
      assertThat(tableComment).isEqualTo(c.comment());
    }
  }

  @Test
  void contractsRefuseColumnsWithoutComments() {
    assertThatThrownBy(
            () ->
                TableContract.builder("gold.x").comment("x").column("a", DataTypes.IntegerType, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold.x.a");
  }

  @Test
  void appendOnceTwiceWithTheSameBatchLeavesOneCopy(SparkSession spark, Lakehouse lh) {
    TableContract c = contract("t_append");
    TableWriter w = new TableWriter(lh);
    RunContext run = RunContext.start("test", DAY);
    WriteResult first =
        w.appendOnce(c, rows(spark, new Object[] {"a", 1}, new Object[] {"b", 2}), run, "batch-1");
    WriteResult second =
        w.appendOnce(
            c,
            rows(spark, new Object[] {"a", 1}, new Object[] {"b", 2}),
            RunContext.start("test", DAY),
            "batch-1");
    assertThat(first.rowsWritten()).isEqualTo(2);
    assertThat(second.version()).isEqualTo(-1);
    assertThat(spark.table(c.name()).count()).isEqualTo(2);
    assertThat(spark.table(c.name()).select("run_id").distinct().first().getString(0))
        .isEqualTo(run.runId());
  }

  @Test
  void mergeTwiceLeavesTheSameTableAndUpdatesOnlyChangedRows(SparkSession spark, Lakehouse lh) {
    TableContract c = contract("t_merge");
    TableWriter w = new TableWriter(lh);
    w.merge(
        c, rows(spark, new Object[] {"a", 1}, new Object[] {"b", 2}), RunContext.start("t", DAY));
    Dataset<Row> after1 = business(spark, c).localCheckpoint();
    WriteResult again =
        w.merge(
            c,
            rows(spark, new Object[] {"a", 1}, new Object[] {"b", 2}),
            RunContext.start("t", DAY));
    assertThat(again.rowsWritten()).isZero();
    DataFrameAssert.assertSameRows(after1, business(spark, c));

    WriteResult changed =
        w.merge(
            c,
            rows(spark, new Object[] {"a", 5}, new Object[] {"c", 3}),
            RunContext.start("t", DAY));
    assertThat(changed.rowsWritten()).isEqualTo(2);
    DataFrameAssert.assertSameRows(
        rows(spark, new Object[] {"a", 5}, new Object[] {"b", 2}, new Object[] {"c", 3}),
        business(spark, c),
        0.001);
  }

  @Test
  void replaceDayTwiceLeavesTheSameRowsAndOtherDaysUntouched(SparkSession spark, Lakehouse lh) {
    TableContract c = contract("t_replace");
    TableWriter w = new TableWriter(lh);
    RunContext otherDay = RunContext.start("t", DAY.plusDays(1));
    Dataset<Row> next =
        rows(spark, new Object[] {"z", 9})
            .withColumn("day", org.apache.spark.sql.functions.lit(Date.valueOf(DAY.plusDays(1))));
    w.replaceDay(c, next, otherDay);
    w.replaceDay(
        c, rows(spark, new Object[] {"a", 1}, new Object[] {"b", 2}), RunContext.start("t", DAY));
    Dataset<Row> after1 = business(spark, c).localCheckpoint();
    w.replaceDay(
        c, rows(spark, new Object[] {"a", 1}, new Object[] {"b", 2}), RunContext.start("t", DAY));
    DataFrameAssert.assertSameRows(after1, business(spark, c));
    assertThat(business(spark, c).count()).isEqualTo(3);
  }

  @Test
  void writesRefuseUnknownColumnsAndUnsafeCasts(SparkSession spark, Lakehouse lh) {
    TableContract c = contract("t_refuse");
    TableWriter w = new TableWriter(lh);
    RunContext run = RunContext.start("t", DAY);
    Dataset<Row> extra =
        rows(spark, new Object[] {"a", 1})
            .withColumn("surprise", org.apache.spark.sql.functions.lit(1));
    assertThatThrownBy(() -> w.merge(c, extra, run))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("unknown column surprise");
    Dataset<Row> badType =
        rows(spark, new Object[] {"a", 1})
            .withColumn("amount", org.apache.spark.sql.functions.lit("lots"));
    assertThatThrownBy(() -> w.merge(c, badType, run))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("amount is string");
  }

  @Test
  void addingAColumnToAContractEvolvesTheTableAndKeepsItsRows(SparkSession spark, Lakehouse lh) {
    TableContract v1 = contract("t_evolve");
    new TableWriter(lh).merge(v1, rows(spark, new Object[] {"a", 1}), RunContext.start("t", DAY));
    TableContract v2 =
        TableContract.builder("silver.t_evolve")
            .comment("test table t_evolve")
            .column("id", DataTypes.StringType, false, "row id")
            .column("day", DataTypes.DateType, false, "run date")
            .column("amount", DataTypes.createDecimalType(20, 2), "amount in USD")
            .column("currency", DataTypes.StringType, "ISO 4217 code")
            .partitionedBy("day")
            .dateColumn("day")
            .keys("id")
            .build();
    lh.ensure(v2);
    assertThat(spark.table(v2.name()).columns()).contains("currency");
    assertThat(spark.table(v2.name()).count()).isEqualTo(1);

    TableContract conflicting =
        TableContract.builder("silver.t_evolve")
            .comment("test table t_evolve")
            .column("id", DataTypes.LongType, false, "row id")
            .build();
    assertThatThrownBy(() -> lh.ensure(conflicting))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("id is string in the table but bigint in the contract");
  }
}
