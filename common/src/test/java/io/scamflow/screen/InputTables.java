package io.scamflow.screen;

import io.scamflow.ingest.bank.FiatSilver;
import io.scamflow.ingest.chain.ChainTables;
import io.scamflow.ingest.kyc.KycTables;
import io.scamflow.ingest.sanctions.SanctionsTables;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes test rows into the REAL input tables screening and resolution read (the sanctions, bank
 * and chain ingest own their contracts). Each input names the columns the test rows give, in order:
 * {@code old>new} renames one, {@code -} drops one; other columns are null, or a plain value where
 * the contract says not null.
 */
public final class InputTables {
  private InputTables() {}

  /** A real contract and the order of the values test rows give for it. */
  public record Input(TableContract contract, List<String> columns) {}

  public static final Input NAMES =
      new Input(
          SanctionsTables.NAMES,
          List.of(
              "list_id",
              "entity_id",
              "name",
              "name_kind",
              "quality",
              "valid_from",
              "valid_to",
              "list_version>last_seen"));
  public static final Input ENTITIES =
      new Input(
          SanctionsTables.ENTITIES,
          List.of(
              "list_id",
              "entity_id",
              "primary_name",
              "entity_type",
              "programs",
              "listed_on",
              "valid_from",
              "valid_to",
              "list_version>last_seen"));
  public static final Input BIRTH_DATES =
      new Input(
          SanctionsTables.DATES_OF_BIRTH,
          List.of("list_id", "entity_id", "date_of_birth", "year>birth_year"));
  public static final Input CRYPTO =
      new Input(
          SanctionsTables.CRYPTO_ADDRESSES,
          List.of(
              "list_id",
              "entity_id",
              "asset",
              "chain",
              "address",
              "valid_from",
              "valid_to",
              "list_version>last_seen"));
  public static final Input PARTIES =
      new Input(
          FiatSilver.PARTIES,
          List.of(
              "party_key",
              "name>party_name",
              "-",
              "country",
              "-",
              "-",
              "-",
              "-",
              "address",
              "account_key",
              "-"));
  public static final Input VASP_LINKS =
      new Input(
          KycTables.SILVER_VASP_LINKS,
          List.of(
              "vasp",
              "customer_id",
              "customer_name",
              "date_of_birth",
              "nationality",
              "id_document",
              "phone",
              "email",
              "bank_account>bank_account_key",
              "deposit_address",
              "chain"));
  public static final Input BTC_WALLETS =
      new Input(ChainTables.SILVER_BTC_WALLETS, List.of("address", "wallet_id"));

  /** Replaces the whole table with these rows. */
  public static void write(Lakehouse lh, Input input, List<Row> rows) {
    TableContract c = input.contract();
    StructType schema = new StructType();
    for (String col : c.businessColumns()) {
      schema = schema.add(c.schema().apply(col));
    }
    List<Row> out = new ArrayList<>();
    int n = 0;
    for (Row r : rows) {
      n++;
      Map<String, Object> values = new HashMap<>();
      for (int i = 0; i < input.columns().size(); i++) {
        String name = input.columns().get(i);
        if (!name.equals("-")) {
          values.put(name.contains(">") ? name.substring(name.indexOf('>') + 1) : name, r.get(i));
        }
      }
      Object[] cells = new Object[schema.size()];
      for (int i = 0; i < schema.size(); i++) {
        StructField f = schema.fields()[i];
        Object v = values.get(f.name());
        if (v instanceof String text && f.dataType().sameType(DataTypes.DateType)) {
          v = text.matches("\\d{4}-\\d{2}-\\d{2}") ? java.sql.Date.valueOf(text) : null;
        }
        cells[i] = v != null || f.nullable() ? v : placeholder(f.dataType(), f.name(), n);
      }
      out.add(RowFactory.create(cells));
    }
    var df = lh.spark().createDataFrame(out, schema);
    new TableWriter(lh).replaceWhere(c, df, RunContext.start("test", LocalDate.now()), "true");
  }

  private static Object placeholder(DataType type, String column, int row) {
    if (type.sameType(DataTypes.DateType)) {
      return java.sql.Date.valueOf("2020-01-01");
    }
    if (type.sameType(DataTypes.LongType)) {
      return 1L;
    }
    if (type.sameType(DataTypes.IntegerType)) {
      return 1;
    }
    if (type.sameType(DataTypes.BooleanType)) {
      return Boolean.TRUE;
    }
    return column + "-" + row;
  }

  public static java.sql.Date date(String iso) {
    return iso == null ? null : java.sql.Date.valueOf(iso);
  }
}
