package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.ingest.chain.ChainTables;
import io.scamflow.ingest.kyc.KycTables;
import io.scamflow.table.TableContract;
import io.scamflow.transfers.ServiceNames;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Accounts known to belong to an exchange or an OTC desk: addresses tagged exchange or OTC in
 * silver.address_tags, customers' deposit addresses in silver.vasp_links, and bank accounts whose
 * holder name (as the payment states it) is the name of a VASP reporting KYC links or of a tagged
 * exchange or OTC desk. Tables not yet built simply contribute nothing.
 */
final class VaspAccounts {
  static final List<String> CATEGORIES = List.of("exchange_hot", "exchange_deposit", "otc_desk");

  private final Dataset<Row> keys;
  private final Dataset<Row> names;

  private VaspAccounts(Dataset<Row> keys, Dataset<Row> names) {
    this.keys = keys;
    this.names = names;
  }

  /**
   * What the lakehouse knows now, through {@code tables} (a detection context's {@code table}, or
   * the stage's lakehouse): a table absent or empty contributes nothing.
   */
  static VaspAccounts known(
      SparkSession spark, Function<TableContract, Optional<Dataset<Row>>> tables) {
    StructType keySchema = new StructType().add("vasp_key", DataTypes.StringType);
    StructType nameSchema = new StructType().add("vasp_name", DataTypes.StringType);
    Dataset<Row> keys = spark.createDataFrame(List.of(), keySchema);
    Dataset<Row> names = spark.createDataFrame(List.of(), nameSchema);
    String in = "category IN ('" + String.join("', '", CATEGORIES) + "')";
    Optional<Dataset<Row>> tagsTable = tables.apply(ChainTables.SILVER_ADDRESS_TAGS);
    if (tagsTable.isPresent()) {
      Dataset<Row> tags = tagsTable.get().where(in);
      keys = keys.union(tags.select(col("account_key").as("vasp_key")));
      // "X EXCHANGE LTD. hot wallet" / "... deposit": the service's name is the label's stem
      names = names.union(tags.select(ServiceNames.ofLabel(col("label")).as("vasp_name")));
    }
    Optional<Dataset<Row>> linksTable = tables.apply(KycTables.SILVER_VASP_LINKS);
    if (linksTable.isPresent()) {
      Dataset<Row> links = linksTable.get();
      keys =
          keys.union(
              links
                  .where(col("deposit_account_key").isNotNull())
                  .select(col("deposit_account_key").as("vasp_key")));
      names = names.union(links.select(ServiceNames.normalised(col("vasp")).as("vasp_name")));
    }
    return new VaspAccounts(
        functions.broadcast(keys.distinct()),
        functions.broadcast(names.where(functions.length(col("vasp_name")).geq(4)).distinct()));
  }

  /** The transfers with from_vasp / to_vasp: whether each end is a known exchange or OTC desk. */
  Dataset<Row> mark(Dataset<Row> transfers) {
    Dataset<Row> withFrom = flag(transfers, "from_account", "from_name", "from_vasp");
    return flag(withFrom, "to_account", "to_name", "to_vasp");
  }

  private Dataset<Row> flag(Dataset<Row> t, String account, String name, String flag) {
    Dataset<Row> byKey =
        t.join(keys.withColumn("k_hit", lit(true)), col(account).equalTo(col("vasp_key")), "left")
            .drop("vasp_key");
    Dataset<Row> byName =
        byKey
            .withColumn("_norm", ServiceNames.normalised(col(name)))
            .join(
                names.withColumn("n_hit", lit(true)),
                col("_norm").equalTo(col("vasp_name")),
                "left")
            .drop("vasp_name", "_norm");
    return byName
        .withColumn(
            flag,
            functions
                .coalesce(col("k_hit"), lit(false))
                .or(functions.coalesce(col("n_hit"), lit(false))))
        .drop("k_hit", "n_hit");
  }
}
