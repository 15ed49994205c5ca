package io.scamflow.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A generated world's truth transfers in the shape detectors read (silver.transfers columns, keys
 * as the truth writes them), to measure the rules without running ingest: what the detectors would
 * see if ingest were perfect.
 */
public final class TruthTransfers {
  private TruthTransfers() {}

  static Dataset<Row> truth(SparkSession spark, Path world) {
    return truth(spark, world.resolve("truth/transfers").toString());
  }

  /** The truth transfers in the given files or folders (e.g. one day's shards). */
  public static Dataset<Row> truth(SparkSession spark, String... paths) {
    return spark.read().option("header", "true").csv(paths);
  }

  public static Dataset<Row> asSilver(Dataset<Row> truth) {
    return truth.select(
        col("transfer_id"),
        when(col("format").isin("trc20-json", "erc20-csv"), lit("CHAIN"))
            .otherwise(lit("FIAT"))
            .as("rail"),
        col("from_key").as("from_account"),
        col("to_key").as("to_account"),
        to_timestamp(col("timestamp")).as("value_ts"),
        to_date(col("date")).as("value_date"),
        col("amount").cast("decimal(38,6)").as("amount"),
        col("currency"),
        col("amount_usd").cast("decimal(24,2)").as("amount_usd"));
  }

  static Dataset<Row> accounts(SparkSession spark, Path world) {
    return spark
        .read()
        .option("header", "true")
        .csv(world.resolve("truth/accounts").toString())
        .select("account_key", "role");
  }
}
