package io.scamflow.ingest.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.scamflow.ingest.Ingestion;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.SilverTransfers;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Daily FX rates: silver.fx_rates built from what fx-rates-csv delivered, and the one function
 * every rail uses to put a USD value on an amount ({@link #withAmountUsd}).
 */
public final class FxRates {
  /** Rates exact to 18 decimals (a unit of some currencies is worth 1e-5 USD). */
  public static final DataType RATE = DataTypes.createDecimalType(38, 18);

  /** How far back a rate may be used: weekends and holidays have none. */
  public static final int MAX_STALE_DAYS = 7;

  /** Tickers accepted as currencies besides ISO 4217: what exchanges, OTC desks and FIUs report. */
  static final Set<String> CRYPTO =
      Set.of(
          "BTC", "XBT", "ETH", "USDT", "USDC", "TRX", "BNB", "LTC", "XRP", "DAI", "BUSD", "XMR",
          "BCH", "DOGE", "SOL", "TUSD", "ZEC", "DASH", "ETC", "ADA", "MATIC", "FDUSD", "PYUSD");

  public static final TableContract TABLE =
      TableContract.builder("silver.fx_rates")
          .comment(
              "Daily FX rates: US dollars per unit of each currency, one row per date and currency")
          .column("rate_date", DataTypes.DateType, false, "Date the rate applies to")
          .column("currency", DataTypes.StringType, false, "ISO 4217 code or crypto ticker")
          .column("usd_per_unit", RATE, false, "US dollars for one unit of the currency")
          .keys("rate_date", "currency")
          .build();

  /** bronze.fx_rates: the rates as delivered, with lineage. */
  public static final TableContract BRONZE =
      Ingestion.bronzeTable("bronze.fx_rates", "Daily FX rates as delivered (fx-rates-csv)")
          .column("rate_date", DataTypes.DateType, "Date the rate applies to")
          .column("currency", DataTypes.StringType, "ISO 4217 code (or crypto ticker), upper case")
          .column("usd_per_unit", RATE, "US dollars for one unit of the currency on that date")
          .build();

  private final Lakehouse lakehouse;

  public FxRates(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Whether {@code code} is an ISO 4217 currency or a known crypto ticker (upper case). */
  public static boolean isKnownCurrency(String code) {
    if (code == null || code.length() < 3 || !code.equals(code.toUpperCase(Locale.ROOT))) {
      return false;
    }
    if (CRYPTO.contains(code)) {
      return true;
    }
    if (code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Merges the run date's delivered rates into silver.fx_rates (a rate delivered again replaces the
   * old one; rates of other dates are kept).
   */
  public StageOutcome build(RunContext run) {
    lakehouse.ensure(BRONZE);
    Dataset<Row> delivered =
        lakehouse
            .spark()
            .table(BRONZE.name())
            .where(col(Ingestion.RUN_DATE).equalTo(lit(java.sql.Date.valueOf(run.runDate()))))
            .groupBy("rate_date", "currency")
            .agg(
                max_by(
                        col("usd_per_unit"),
                        struct(col(TableContract.SOURCE_FILE), col(Ingestion.POSITION)))
                    .as("usd_per_unit"));
    WriteResult w = new TableWriter(lakehouse).merge(TABLE, delivered, run);
    return StageOutcome.derived(
        List.of(w), "silver.fx_rates: " + w.rowsWritten() + " rates inserted or changed");
  }

  /** silver.fx_rates, empty when no rates were ever loaded. */
  public Dataset<Row> rates() {
    lakehouse.ensure(TABLE);
    return lakehouse.spark().table(TABLE.name()).select("rate_date", "currency", "usd_per_unit");
  }

  /**
   * {@link #withAmountUsd(Dataset, Dataset, String, String, String, String)} with silver's rates.
   */
  public Dataset<Row> withAmountUsd(
      Dataset<Row> transfers,
      String dateColumn,
      String currencyColumn,
      String amountColumn,
      String outColumn) {
    return withAmountUsd(transfers, rates(), dateColumn, currencyColumn, amountColumn, outColumn);
  }

  /**
   * Adds {@code outColumn} (DECIMAL(24,2)): the amount times the latest rate of its currency on or
   * before its date, at most {@link #MAX_STALE_DAYS} days old; USD counts 1. No rate leaves it
   * null; no row is ever dropped or duplicated. {@code rates} has rate_date, currency,
   * usd_per_unit.
   */
  public static Dataset<Row> withAmountUsd(
      Dataset<Row> transfers,
      Dataset<Row> rates,
      String dateColumn,
      String currencyColumn,
      String amountColumn,
      String outColumn) {
    // Look up each distinct (date, currency) once, then join back: no row ids, no row loss.
    Dataset<Row> wanted =
        transfers
            .select(
                col(dateColumn).cast(DataTypes.DateType).as("_fx_d"),
                upper(col(currencyColumn)).as("_fx_c"))
            .where(col("_fx_d").isNotNull().and(col("_fx_c").isNotNull()))
            .distinct();
    Dataset<Row> r = rates.select(col("rate_date"), col("currency"), col("usd_per_unit"));
    Dataset<Row> lookup =
        wanted
            .join(
                r,
                r.col("currency")
                    .equalTo(wanted.col("_fx_c"))
                    .and(r.col("rate_date").leq(wanted.col("_fx_d")))
                    .and(r.col("rate_date").geq(date_sub(wanted.col("_fx_d"), MAX_STALE_DAYS))))
            .groupBy("_fx_d", "_fx_c")
            .agg(max_by(col("usd_per_unit"), col("rate_date")).as("_fx_rate"));
    Dataset<Row> joined =
        transfers.join(
            lookup,
            col(dateColumn)
                .cast(DataTypes.DateType)
                .equalTo(lookup.col("_fx_d"))
                .and(upper(col(currencyColumn)).equalTo(lookup.col("_fx_c"))),
            "left");
    var rate =
        when(upper(col(currencyColumn)).equalTo("USD"), lit(java.math.BigDecimal.ONE))
            .otherwise(col("_fx_rate"));
    var usd =
        round(col(amountColumn).try_cast(SilverTransfers.AMOUNT).multiply(rate), 2)
            .try_cast(SilverTransfers.USD);
    return joined.withColumn(outColumn, usd).drop("_fx_d", "_fx_c", "_fx_rate");
  }
}
