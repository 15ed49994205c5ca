package io.scamflow.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every party known to the lakehouse, from whichever source tables exist, in one shape for
 * resolution and screening. THE ONE PLACE that maps source columns: when a source table changes or
 * a new one lands (goAML persons and entities), adapt {@link #fromBankParties} / {@link
 * #fromVaspLinks} or add a method here.
 *
 * <p>Shape: record_id (unique per party record), source, source_key, name, party_type, country,
 * date_of_birth, id_document, phone, email, address, account_key, crypto_address ("CHAIN:addr", the
 * key silver.transfers uses).
 */
public final class Parties {
  private static final Logger LOG = LoggerFactory.getLogger(Parties.class);

  public static final String BANK_PARTIES = "silver.parties";
  public static final String VASP_LINKS = "silver.vasp_links";

  static final List<String> COLUMNS =
      List.of(
          "record_id",
          "source",
          "source_key",
          "name",
          "party_type",
          "country",
          "date_of_birth",
          "id_document",
          "phone",
          "email",
          "address",
          "account_key",
          "crypto_address");

  private Parties() {}

  /**
   * One row per party record and account or address it holds (a KYC customer with two deposit
   * addresses has two rows with one record_id); empty, with the shape, when no source exists.
   */
  public static Dataset<Row> read(SparkSession spark) {
    List<Dataset<Row>> parts = new ArrayList<>();
    if (exists(spark, BANK_PARTIES)) {
      parts.add(fromBankParties(spark.table(BANK_PARTIES)));
    }
    if (exists(spark, VASP_LINKS)) {
      parts.add(fromVaspLinks(spark.table(VASP_LINKS)));
    }
    if (parts.isEmpty()) {
      return empty(spark);
    }
    Dataset<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.unionByName(parts.get(i));
    }
    return all;
  }

  /** silver.parties: bank payers and payees as the bank formats report them. */
  static Dataset<Row> fromBankParties(Dataset<Row> t) {
    // Bank formats report a name, an account, a country and sometimes an address; no DOB or ids.
    return t.select(
        concat(lit("PARTY:"), col("party_key")).as("record_id"),
        lit("bank").as("source"),
        col("party_key").as("source_key"),
        col("party_name").as("name"),
        lit(null).cast(DataTypes.StringType).as("party_type"),
        upper(col("country")).as("country"),
        lit(null).cast(DataTypes.DateType).as("date_of_birth"),
        lit(null).cast(DataTypes.StringType).as("id_document"),
        lit(null).cast(DataTypes.StringType).as("phone"),
        lit(null).cast(DataTypes.StringType).as("email"),
        col("address"),
        col("account_key"),
        lit(null).cast(DataTypes.StringType).as("crypto_address"));
  }

  /** silver.vasp_links: exchange customers with their bank accounts and deposit addresses. */
  static Dataset<Row> fromVaspLinks(Dataset<Row> t) {
    Column chain = upper(col("chain"));
    // transfers key Ethereum addresses in lower case, the others as written
    Column address =
        when(
                chain.equalTo("ETHEREUM"),
                org.apache.spark.sql.functions.lower(col("deposit_address")))
            .otherwise(col("deposit_address"));
    return t.select(
        concat_ws(":", lit("KYC"), col("vasp"), col("customer_id")).as("record_id"),
        concat(lit("kyc:"), col("vasp")).as("source"),
        concat_ws(":", col("vasp"), col("customer_id")).as("source_key"),
        col("customer_name").as("name"),
        lit("PERSON").as("party_type"),
        upper(col("nationality")).as("country"),
        col("date_of_birth").cast(DataTypes.DateType).as("date_of_birth"),
        col("id_document"),
        col("phone"),
        col("email"),
        lit(null).cast(DataTypes.StringType).as("address"),
        col("bank_account_key").as("account_key"),
        when(col("deposit_address").isNull(), lit(null).cast(DataTypes.StringType))
            .otherwise(concat_ws(":", chain, address))
            .as("crypto_address"));
  }

  static Dataset<Row> empty(SparkSession spark) {
    return spark.sql(
        "SELECT CAST(NULL AS STRING) record_id, CAST(NULL AS STRING) source,"
            + " CAST(NULL AS STRING) source_key, CAST(NULL AS STRING) name,"
            + " CAST(NULL AS STRING) party_type, CAST(NULL AS STRING) country,"
            + " CAST(NULL AS DATE) date_of_birth, CAST(NULL AS STRING) id_document,"
            + " CAST(NULL AS STRING) phone, CAST(NULL AS STRING) email,"
            + " CAST(NULL AS STRING) address, CAST(NULL AS STRING) account_key,"
            + " CAST(NULL AS STRING) crypto_address WHERE false");
  }

  /** Whether a table is in the catalog; logs the ones a stage skips. */
  public static boolean exists(SparkSession spark, String table) {
    boolean found = spark.catalog().tableExists(table);
    if (!found) {
      LOG.info("{} does not exist yet: skipped", table);
    }
    return found;
  }
}
