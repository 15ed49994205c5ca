package io.scamflow.ingest.kyc;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.when;

import io.scamflow.ingest.Ingestion;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * silver.vasp_links: the run date's KYC records merged by link (vasp, customer, bank account key,
 * chain, deposit address), the latest record's details winning, first and last seen kept.
 */
public final class VaspLinks {
  private final Lakehouse lakehouse;

  public VaspLinks(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  public WriteResult write(RunContext run) {
    SparkSession spark = lakehouse.spark();
    TableContract target = KycTables.SILVER_VASP_LINKS;
    lakehouse.ensure(target);
    Column day = lit(Date.valueOf(run.runDate()));
    if (!spark.catalog().tableExists(KycTables.BRONZE_VASP_KYC.name())) {
      lakehouse.ensure(KycTables.BRONZE_VASP_KYC);
    }
    Column linkId =
        sha2(
            concat_ws(
                "|",
                col("vasp"),
                col("customer_id"),
                coalesce(col("bank_account_key"), lit("")),
                coalesce(col("chain"), lit("")),
                coalesce(col("deposit_address"), lit(""))),
            256);
    Dataset<Row> kyc =
        spark
            .table(KycTables.BRONZE_VASP_KYC.name())
            .where(col(Ingestion.RUN_DATE).equalTo(day))
            .withColumn("link_id", linkId)
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("link_id")
                            .orderBy(
                                col(TableContract.SOURCE_FILE).desc(),
                                col(Ingestion.POSITION).desc())))
            .where(col("_n").equalTo(1));
    Dataset<Row> seen =
        spark
            .table(target.name())
            .select(col("link_id"), col("first_seen").as("_first"), col("last_seen").as("_last"));
    Dataset<Row> rows =
        kyc.join(seen, new String[] {"link_id"}, "left")
            .select(
                col("link_id"),
                col("vasp"),
                col("customer_id"),
                col("customer_name"),
                col("date_of_birth"),
                col("nationality"),
                col("id_document"),
                col("phone"),
                col("email"),
                col("bank_account_key"),
                col("bank_bic"),
                col("bank_country"),
                col("chain"),
                col("deposit_address"),
                when(
                        col("deposit_address").isNotNull(),
                        concat(col("chain"), lit(":"), col("deposit_address")))
                    .as("deposit_account_key"),
                col("linked_from"),
                col("linked_to"),
                coalesce(col("_first"), day).as("first_seen"),
                greatest(coalesce(col("_last"), day), day).as("last_seen"));
    return new TableWriter(lakehouse).merge(target, rows, run);
  }
}
