package io.scamflow.ingest.chain;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.scamflow.config.Settings;
import io.scamflow.ingest.Ingestion;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.SilverTransfers;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The chain rail's silver stage for a run date: the chain rows of silver.transfers (deduplicated by
 * transaction hash and log index, valued in USD), silver.address_tags, silver.addresses and
 * silver.btc_wallets. Each write is idempotent for the date; fiat rows are never touched.
 */
public final class ChainSilver {
  public static final String RAIL = "CHAIN";

  private static final Column NO_TAGS =
      org.apache.spark.sql.functions.expr(
          "filter(array(named_struct('label', '', 'category', '')), x -> false)");

  private final String fxTable;
  private final Lakehouse lakehouse;
  private final TokenRegistry tokens;
  private final Settings settings;
  private final TableWriter writer;

  public ChainSilver(Lakehouse lakehouse, Settings settings) {
    this(lakehouse, settings, "silver.fx_rates");
  }

  /** With the prices read from {@code fxTable} (rate_date, currency, usd_per_unit) if it exists. */
  ChainSilver(Lakehouse lakehouse, Settings settings, String fxTable) {
    this.fxTable = fxTable;
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.tokens = TokenRegistry.from(settings);
    this.writer = new TableWriter(lakehouse);
  }

  /** Everything chain-side in silver for {@code run}'s date, in dependency order. */
  public StageOutcome run(RunContext run) {
    List<WriteResult> writes = new ArrayList<>();
    writes.add(writeAddressTags(run));
    writes.add(writeTransfers(run));
    writes.add(writeAddresses(run));
    writes.add(new BtcWallets(lakehouse, settings).write(run));
    return StageOutcome.derived(writes, "chain silver for " + run.runDate());
  }

  /**
   * Chain rows of silver.transfers for {@code runDate}: one per transfer event, however many files
   * reported it (natural_ref {@code <tx hash>:<log index>}; TronGrid states no log index, so there
   * the index is {@code t} + 16 hex of a hash of contract, sender, receiver and value). A transfer
   * already in silver.transfers from an earlier run date is not repeated.
   */
  public Dataset<Row> transfers(LocalDate runDate) {
    SparkSession spark = lakehouse.spark();
    if (!exists(ChainTables.BRONZE_TRANSFERS)) {
      return spark.createDataFrame(List.of(), SilverTransfers.TABLE.schema());
    }
    Dataset<Row> bronze =
        spark
            .table(ChainTables.BRONZE_TRANSFERS.name())
            .where(col(Ingestion.RUN_DATE).equalTo(lit(Date.valueOf(runDate))))
            .where(col("event_type").equalTo("Transfer"));
    Column index =
        when(col("log_index").isNotNull(), col("log_index").cast("string"))
            .otherwise(
                concat(
                    lit("t"),
                    substring(
                        sha2(
                            concat_ws(
                                "|",
                                col("token_contract"),
                                col("from_address"),
                                col("to_address"),
                                col("value_raw")),
                            256),
                        1,
                        16)));
    Dataset<Row> events =
        bronze
            .withColumn("natural_ref", concat(col("tx_hash"), lit(":"), index))
            .withColumn(
                "source",
                struct(
                    col(Ingestion.FORMAT).as("format"),
                    col(TableContract.SOURCE_FILE).as("file"),
                    col(Ingestion.POSITION).as("position")));
    var byEvent = Window.partitionBy("chain", "natural_ref");
    Dataset<Row> deduped =
        events
            .withColumn("sources", array_sort(collect_list("source").over(byEvent)))
            .withColumn(
                "_n",
                row_number()
                    .over(byEvent.orderBy(col(TableContract.SOURCE_FILE), col(Ingestion.POSITION))))
            .where(col("_n").equalTo(1));

    Dataset<Row> rows =
        deduped
            .join(registry(spark), new String[] {"chain", "token_contract"}, "left")
            .withColumn("value_date", to_date(col("block_ts")));
    Column fxUsd = lit(null).cast(SilverTransfers.USD);
    if (lakehouse.spark().catalog().tableExists(fxTable)) {
      Dataset<Row> fx =
          spark
              .table(fxTable)
              .select(
                  col("rate_date").as("_rate_date"),
                  col("currency").as("_fx_currency"),
                  col("usd_per_unit").as("_usd_per_unit"));
      rows =
          rows.join(
              fx,
              col("_rate_date")
                  .equalTo(col("value_date"))
                  .and(col("_fx_currency").equalTo(col("price_currency"))),
              "left");
      fxUsd = col("amount").multiply(col("_usd_per_unit"));
    }
    Column usd =
        when(col("reg_stablecoin"), col("amount").multiply(col("usd_peg")))
            .when(col("price_currency").isNotNull(), fxUsd)
            .try_cast(SilverTransfers.USD);

    Dataset<Row> out =
        rows.select(
            sha2(concat(lit(RAIL + ":"), col("natural_ref")), 256).as("transfer_id"),
            col(Ingestion.RUN_DATE),
            lit(RAIL).as("rail"),
            col("natural_ref"),
            col("value_date"),
            col("block_ts").as("value_ts"),
            col("amount"),
            coalesce(
                    col("reg_symbol"),
                    concat(
                        lit("UNVERIFIED:"), coalesce(col("token_symbol"), col("token_contract"))))
                .as("currency"),
            usd.as("amount_usd"),
            concat(col("chain"), lit(":"), col("from_address")).as("from_account"),
            concat(col("chain"), lit(":"), col("to_address")).as("to_account"),
            col("chain").as("from_agent"),
            col("chain").as("to_agent"),
            lit("crypto").as("payment_format"),
            col("chain"),
            col("token_contract"),
            col("tx_hash"),
            col("log_index"),
            col("sources"));
    if (exists(SilverTransfers.TABLE)) {
      Dataset<Row> earlier =
          spark
              .table(SilverTransfers.TABLE.name())
              .where(col("rail").equalTo(RAIL))
              .where(col(Ingestion.RUN_DATE).lt(lit(Date.valueOf(runDate))))
              .select("transfer_id");
      out = out.join(earlier, new String[] {"transfer_id"}, "left_anti");
    }
    return out;
  }

  /** Replaces the run date's chain rows of silver.transfers; fiat rows stay as they are. */
  public WriteResult writeTransfers(RunContext run) {
    String predicate =
        String.format("%s = DATE'%s' AND rail = '%s'", Ingestion.RUN_DATE, run.runDate(), RAIL);
    return writer.replaceWhere(SilverTransfers.TABLE, transfers(run.runDate()), run, predicate);
  }

  /** The run date's tag files merged into silver.address_tags (first and last seen kept). */
  public WriteResult writeAddressTags(RunContext run) {
    TableContract target = ChainTables.SILVER_ADDRESS_TAGS;
    SparkSession spark = lakehouse.spark();
    Column day = lit(Date.valueOf(run.runDate()));
    Dataset<Row> tags =
        exists(ChainTables.BRONZE_ADDRESS_TAGS)
            ? spark
                .table(ChainTables.BRONZE_ADDRESS_TAGS.name())
                .where(col(Ingestion.RUN_DATE).equalTo(day))
                .groupBy("chain", "address", "label")
                .agg(max("category").as("category"), first("address_hex").as("address_hex"))
            : spark.createDataFrame(
                List.of(),
                new StructType()
                    .add("chain", DataTypes.StringType)
                    .add("address", DataTypes.StringType)
                    .add("label", DataTypes.StringType)
                    .add("category", DataTypes.StringType)
                    .add("address_hex", DataTypes.StringType));
    lakehouse.ensure(target);
    Dataset<Row> seen =
        spark
            .table(target.name())
            .select(
                col("chain"),
                col("address"),
                col("label"),
                col("first_seen").as("_first"),
                col("last_seen").as("_last"));
    Dataset<Row> rows =
        tags.join(seen, new String[] {"chain", "address", "label"}, "left")
            .select(
                col("chain"),
                col("address"),
                concat(col("chain"), lit(":"), col("address")).as("account_key"),
                col("address_hex"),
                col("label"),
                col("category"),
                coalesce(col("_first"), day).as("first_seen"),
                greatest(coalesce(col("_last"), day), day).as("last_seen"));
    return writer.merge(target, rows, run);
  }

  /**
   * silver.addresses rebuilt from every chain transfer, tag and KYC deposit address seen so far,
   * merged by (chain, address).
   */
  public WriteResult writeAddresses(RunContext run) {
    SparkSession spark = lakehouse.spark();
    TableContract target = ChainTables.SILVER_ADDRESSES;
    StructType endpoint =
        new StructType()
            .add("chain", DataTypes.StringType)
            .add("address", DataTypes.StringType)
            .add("address_hex", DataTypes.StringType)
            .add("seen", DataTypes.DateType)
            .add("is_transfer", DataTypes.IntegerType);
    Dataset<Row> points = spark.createDataFrame(List.<Row>of(), endpoint);
    if (exists(SilverTransfers.TABLE)) {
      Dataset<Row> chainRows =
          spark.table(SilverTransfers.TABLE.name()).where(col("rail").equalTo(RAIL));
      for (String side : List.of("from_account", "to_account")) {
        points =
            points.unionByName(
                chainRows.select(
                    col("chain"),
                    org.apache
                        .spark
                        .sql
                        .functions
                        .expr("substring(" + side + ", length(chain) + 2)")
                        .as("address"),
                    lit(null).cast("string").as("address_hex"),
                    col("value_date").as("seen"),
                    lit(1).as("is_transfer")));
      }
    }
    Dataset<Row> tags = null;
    if (exists(ChainTables.SILVER_ADDRESS_TAGS)) {
      Dataset<Row> t = spark.table(ChainTables.SILVER_ADDRESS_TAGS.name());
      points =
          points.unionByName(
              t.select(
                  col("chain"),
                  col("address"),
                  col("address_hex"),
                  lit(null).cast("date").as("seen"),
                  lit(0).as("is_transfer")));
      tags = t;
    }
    Dataset<Row> vasps = null;
    if (lakehouse.spark().catalog().tableExists("silver.vasp_links")) {
      Dataset<Row> links =
          spark
              .table("silver.vasp_links")
              .where(col("deposit_address").isNotNull().and(col("chain").isNotNull()));
      points =
          points.unionByName(
              links.select(
                  col("chain"),
                  col("deposit_address").as("address"),
                  lit(null).cast("string").as("address_hex"),
                  lit(null).cast("date").as("seen"),
                  lit(0).as("is_transfer")));
      vasps =
          links
              .groupBy(col("chain"), col("deposit_address").as("address"))
              .agg(org.apache.spark.sql.functions.min("vasp").as("vasp"));
    }
    Dataset<Row> addresses =
        points
            .groupBy("chain", "address")
            .agg(
                max("address_hex").as("address_hex"),
                org.apache.spark.sql.functions.min("seen").as("first_seen"),
                max("seen").as("last_seen"),
                org.apache.spark.sql.functions.sum("is_transfer").cast("long").as("transfers"));
    if (tags != null) {
      Dataset<Row> grouped =
          tags.groupBy("chain", "address")
              .agg(array_sort(collect_list(struct(col("label"), col("category")))).as("tags"));
      addresses = addresses.join(grouped, new String[] {"chain", "address"}, "left");
    } else {
      addresses =
          addresses.withColumn("tags", lit(null).cast(DataTypes.createArrayType(ChainTables.TAG)));
    }
    addresses =
        vasps == null
            ? addresses.withColumn("vasp", lit(null).cast("string"))
            : addresses.join(vasps, new String[] {"chain", "address"}, "left");
    Dataset<Row> rows =
        addresses.select(
            col("chain"),
            col("address"),
            concat(col("chain"), lit(":"), col("address")).as("account_key"),
            when(
                    col("chain").equalTo("TRON"),
                    coalesce(col("address_hex"), tronHex(col("address"))))
                .as("address_hex"),
            coalesce(col("tags"), NO_TAGS).as("tags"),
            col("vasp"),
            col("first_seen"),
            col("last_seen"),
            col("transfers"));
    return writer.merge(target, rows, run);
  }

  private Column tronHex(Column address) {
    SparkSession spark = lakehouse.spark();
    spark
        .udf()
        .register(
            "scamflow_tron_hex",
            (org.apache.spark.sql.api.java.UDF1<String, String>)
                a -> a == null ? null : io.scamflow.crypto.CryptoAddresses.parse("TRON", a).hex(),
            DataTypes.StringType);
    return org.apache.spark.sql.functions.call_udf("scamflow_tron_hex", address);
  }

  private Dataset<Row> registry(SparkSession spark) {
    StructType schema =
        new StructType()
            .add("chain", DataTypes.StringType)
            .add("token_contract", DataTypes.StringType)
            .add("reg_symbol", DataTypes.StringType)
            .add("reg_stablecoin", DataTypes.BooleanType)
            .add("usd_peg", DataTypes.createDecimalType(20, 8))
            .add("price_currency", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (TokenRegistry.Token t : tokens.tokens()) {
      rows.add(
          RowFactory.create(
              t.chain(), t.contract(), t.symbol(), t.stablecoin(), t.usdPeg(), t.priceCurrency()));
    }
    return spark.createDataFrame(rows, schema);
  }

  private boolean exists(TableContract table) {
    return lakehouse.spark().catalog().tableExists(table.name());
  }
}
