package io.scamflow.screen;

import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The input tables screening and resolution read, declared here in TEST code with exactly the
 * columns of the input contracts (the sanctions and party ingest own the real ones).
 */
public final class InputTables {
  private InputTables() {}

  private static TableContract table(String name, Object... columns) {
    TableContract.Builder b = TableContract.builder(name).comment("test input " + name);
    for (int i = 0; i < columns.length; i += 2) {
      b.column((String) columns[i], (DataType) columns[i + 1], "test column");
    }
    return b.build();
  }

  private static final DataType S = DataTypes.StringType;
  private static final DataType D = DataTypes.DateType;

  public static final TableContract NAMES =
      table(
          "silver.sanctioned_names",
          "list_id",
          S,
          "entity_id",
          S,
          "name",
          S,
          "name_kind",
          S,
          "quality",
          S,
          "valid_from",
          D,
          "valid_to",
          D,
          "list_version",
          S);
  public static final TableContract ENTITIES =
      table(
          "silver.sanctioned_entities",
          "list_id",
          S,
          "entity_id",
          S,
          "primary_name",
          S,
          "entity_type",
          S,
          "programs",
          DataTypes.createArrayType(S),
          "listed_on",
          D,
          "valid_from",
          D,
          "valid_to",
          D,
          "list_version",
          S);
  public static final TableContract BIRTH_DATES =
      table(
          "silver.sanctioned_birth_dates",
          "list_id",
          S,
          "entity_id",
          S,
          "date_of_birth",
          D,
          "year",
          DataTypes.IntegerType);
  public static final TableContract CRYPTO =
      table(
          "silver.sanctioned_crypto_addresses",
          "list_id",
          S,
          "entity_id",
          S,
          "asset",
          S,
          "chain",
          S,
          "address",
          S,
          "valid_from",
          D,
          "valid_to",
          D,
          "list_version",
          S);
  public static final TableContract PARTIES =
      table(
          "silver.parties",
          "party_key",
          S,
          "name",
          S,
          "party_type",
          S,
          "country",
          S,
          "date_of_birth",
          D,
          "id_document",
          S,
          "phone",
          S,
          "email",
          S,
          "address",
          S,
          "account_key",
          S,
          "source_format",
          S);
  public static final TableContract VASP_LINKS =
      table(
          "silver.vasp_links",
          "vasp",
          S,
          "customer_id",
          S,
          "customer_name",
          S,
          "date_of_birth",
          D,
          "nationality",
          S,
          "id_document",
          S,
          "phone",
          S,
          "email",
          S,
          "bank_account",
          S,
          "deposit_address",
          S,
          "chain",
          S);
  public static final TableContract BTC_WALLETS =
      table("silver.btc_wallets", "address", S, "wallet_id", S);

  /** Replaces the whole table with these rows (values in contract column order, no lineage). */
  public static void write(Lakehouse lh, TableContract c, List<Row> rows) {
    var schema = new org.apache.spark.sql.types.StructType();
    for (String col : c.businessColumns()) {
      if (!col.equals(TableContract.SOURCE_FILE)) {
        schema = schema.add(c.schema().apply(col));
      }
    }
    var df = lh.spark().createDataFrame(rows, schema);
    new TableWriter(lh).replaceWhere(c, df, RunContext.start("test", LocalDate.now()), "true");
  }

  public static java.sql.Date date(String iso) {
    return iso == null ? null : java.sql.Date.valueOf(iso);
  }
}
