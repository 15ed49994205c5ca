package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Structuring: one sender makes several transfers on one day, each just below the reporting
 * threshold of its currency (thresholds in conf, in the currency's own units), to one or two
 * receivers: a business paying several suppliers large invoices on one day is not splitting.
 */
public final class StructuringDetector implements Detector {
  @Override
  public String typology() {
    return "structuring";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int minCount = context.integer("structuring.min-count");
    double band = context.decimal("structuring.band");
    int maxReceivers = context.integer("structuring.max-receivers");
    Map<String, String> thresholds =
        context.settings().strings("scamflow.detect.structuring.thresholds").stream()
            .map(s -> s.split("="))
            .collect(java.util.stream.Collectors.toMap(p -> p[0].strip(), p -> p[1].strip()));
    List<Row> rows = new ArrayList<>();
    thresholds.forEach((ccy, v) -> rows.add(RowFactory.create(ccy, Double.parseDouble(v))));
    StructType schema =
        new StructType()
            .add("currency", DataTypes.StringType)
            .add("threshold", DataTypes.DoubleType);
    Dataset<Row> limits =
        context.transfers().sparkSession().createDataFrame(rows, schema).hint("broadcast");

    Dataset<Row> near =
        Detections.edges(context.transfers())
            .join(limits, "currency")
            .where(
                col("amount")
                    .cast("double")
                    .geq(col("threshold").multiply(1.0 - band))
                    .and(col("amount").cast("double").lt(col("threshold"))));
    Dataset<Row> perDay =
        near.groupBy(col("from_account").as("account"), to_date(col("ts")).as("day"))
            .agg(
                count("transfer_id").as("n"),
                sum("amount_usd").as("usd"),
                min("ts").as("first_ts"),
                max("ts").as("last_ts"),
                max("threshold").as("threshold"),
                org.apache.spark.sql.functions.first("currency").as("currency"),
                collect_list("transfer_id").as("ids"),
                collect_list("to_account").as("receivers"))
            .where(
                col("n")
                    .geq(minCount)
                    .and(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .size(org.apache.spark.sql.functions.array_distinct(col("receivers")))
                            .leq(maxReceivers)));
    String rule =
        String.format(
            "structuring: >= %d transfers by one sender to <= %d receivers on one day, each within"
                + " %.0f%% below its currency's reporting threshold",
            minCount, maxReceivers, band * 100);
    return Detections.alerts(
        perDay,
        typology(),
        col("account"),
        concat(array(col("account")), col("receivers")),
        col("ids"),
        col("usd"),
        col("first_ts"),
        col("last_ts"),
        least(lit(1.0), lit(0.5).plus(col("n").divide(4.0 * minCount))),
        rule,
        struct(col("n"), col("day"), col("currency"), col("threshold"), col("usd")));
  }
}
