package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.scamflow.config.Settings;
import io.scamflow.ingest.bank.AccountKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One account's activity on one day, as the mergeable unit of its baseline: counts, sums, a bounded
 * sample of outgoing amounts, a bounded counterparty set, an hour-of-day histogram and channel,
 * currency and country counts. Built the same way for the nightly baseline and for the detectors'
 * "today", so the two compare like with like.
 */
final class DailyActivity {
  private DailyActivity() {}

  /** The day summary stored per account and day inside silver.account_baselines.recent_days. */
  static final StructType DAY =
      new StructType()
          .add("day", DataTypes.DateType)
          .add("out_n", DataTypes.LongType)
          .add("out_usd", DataTypes.DoubleType)
          .add("in_n", DataTypes.LongType)
          .add("in_usd", DataTypes.DoubleType)
          .add("out_max_usd", DataTypes.DoubleType)
          .add("amounts", DataTypes.createArrayType(DataTypes.DoubleType))
          .add("counterparties", DataTypes.createArrayType(DataTypes.StringType))
          .add("payees", DataTypes.LongType)
          .add("max_same_payee", DataTypes.LongType)
          .add("round_n", DataTypes.LongType)
          .add("vasp_n", DataTypes.LongType)
          .add("vasp_usd", DataTypes.DoubleType)
          .add("hours", DataTypes.createArrayType(DataTypes.LongType))
          .add("formats", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
          .add("currencies", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
          .add("countries", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));

  private static final List<String> OPTIONAL =
      List.of(
          "rail",
          "value_ts",
          "from_name",
          "to_name",
          "from_country",
          "to_country",
          "payment_format",
          "chain");

  /** Transfers with every column this package reads, absent ones as nulls. */
  static Dataset<Row> complete(Dataset<Row> transfers) {
    Dataset<Row> out = transfers;
    for (String c : OPTIONAL) {
      if (!List.of(out.columns()).contains(c)) {
        out =
            out.withColumn(
                c, lit(null).cast(c.equals("value_ts") ? "timestamp" : DataTypes.StringType.sql()));
      }
    }
    return out;
  }

  /**
   * Each transfer seen from both ends: one row for the payer (direction out) and one for the payee
   * (in), with the counterparty, USD value, hour, channel and whether the amount is round or just
   * below a reporting threshold and whether the payee is a known exchange or OTC desk.
   */
  static Dataset<Row> sides(Dataset<Row> transfers, Settings settings, VaspAccounts vasps) {
    Dataset<Row> t =
        vasps.mark(
            complete(transfers)
                .where(col("from_account").isNotNull().and(col("to_account").isNotNull())));
    Column ts = coalesce(col("value_ts"), col("value_date").cast("timestamp"));
    Column kind =
        when(col("rail").equalTo("CHAIN"), functions.lower(coalesce(col("chain"), lit("chain"))))
            .otherwise(lit("bank"));
    Dataset<Row> flagged =
        t.join(thresholds(t, settings), t.col("currency").equalTo(col("th_currency")), "left")
            .withColumn("usd", col("amount_usd").cast("double"))
            .withColumn("ts", ts)
            .withColumn("unusual_amount", unusualAmount(settings));
    return side(flagged, "out", "from", "to", kind, col("unusual_amount"))
        .unionByName(side(flagged, "in", "to", "from", kind, lit(false)));
  }

  /** Currency reporting thresholds (scamflow.detect.structuring.thresholds), broadcast. */
  private static Dataset<Row> thresholds(Dataset<Row> t, Settings settings) {
    Map<String, Double> limits =
        settings.strings("scamflow.detect.structuring.thresholds").stream()
            .map(s -> s.split("="))
            .collect(
                Collectors.toMap(
                    p -> p[0].strip(), p -> Double.parseDouble(p[1].strip()), (a, b) -> a));
    List<Row> rows = new ArrayList<>();
    limits.forEach((ccy, v) -> rows.add(RowFactory.create(ccy, v)));
    StructType schema =
        new StructType()
            .add("th_currency", DataTypes.StringType)
            .add("th_limit", DataTypes.DoubleType);
    return functions.broadcast(t.sparkSession().createDataFrame(rows, schema));
  }

  /**
   * A round amount (a whole multiple of round-unit in its own currency) or one just below its
   * currency's reporting threshold, worth at least round-min-usd.
   */
  private static Column unusualAmount(Settings settings) {
    double unit = settings.decimal("scamflow.behaviour.round.unit");
    double minUsd = settings.decimal("scamflow.behaviour.round.min-usd");
    double band = settings.decimal("scamflow.detect.structuring.band");
    Column amount = col("amount").cast("double");
    Column round = functions.pmod(amount, lit(unit)).equalTo(0);
    Column nearLimit =
        col("th_limit")
            .isNotNull()
            .and(amount.geq(col("th_limit").multiply(1 - band)))
            .and(amount.lt(col("th_limit")));
    return coalesce(col("usd").geq(minUsd).and(round.or(nearLimit)), lit(false));
  }

  /**
   * Per account: its day summary ({@link #DAY}) for {@code day}, its kind, country (as payments
   * state it, else as its key states it: {@link AccountKeys#countryOfKey(Column)}) and whether it
   * is itself a known exchange or OTC account.
   */
  static Dataset<Row> perAccount(Dataset<Row> sides, java.time.LocalDate day, Settings settings) {
    int samples = settings.integer("scamflow.behaviour.max-amount-samples-per-day");
    int maxCp = settings.integer("scamflow.behaviour.max-counterparties");
    Column out = col("dir").equalTo("out");
    Dataset<Row> agg =
        sides
            .withColumn("hour", hour(col("ts")))
            .groupBy("account")
            .agg(
                functions.count_if(out).as("out_n"),
                // sums in exact decimal: a double sum depends on row order, a rerun must not
                coalesce(functions.sum(when(out, col("usd_exact"))).cast("double"), lit(0.0))
                    .as("out_usd"),
                functions.count_if(functions.not(out)).as("in_n"),
                coalesce(
                        functions.sum(when(functions.not(out), col("usd_exact"))).cast("double"),
                        lit(0.0))
                    .as("in_usd"),
                functions.max(when(out, col("usd"))).as("out_max_usd"),
                functions.array_sort(functions.collect_list(when(out, col("usd")))).as("amts"),
                functions.array_sort(functions.collect_set(col("cp"))).as("cps"),
                functions.collect_list(when(out, col("cp"))).as("payee_list"),
                functions.count_if(out.and(col("unusual_amount"))).as("round_n"),
                functions.count_if(out.and(col("cp_vasp"))).as("vasp_n"),
                coalesce(
                        functions
                            .sum(when(out.and(col("cp_vasp")), col("usd_exact")))
                            .cast("double"),
                        lit(0.0))
                    .as("vasp_usd"),
                functions.collect_list(col("hour")).as("hour_list"),
                functions.collect_list(col("payment_format")).as("format_list"),
                functions.collect_list(col("currency")).as("currency_list"),
                functions.collect_list(col("cp_country")).as("country_list"),
                functions.min(col("own_country")).as("country"),
                functions.max(col("kind")).as("rail_kind"),
                functions.max(col("self_vasp")).as("is_vasp"));
    Column sample = evenSample("amts", samples);
    Column dayStruct =
        functions.struct(
            lit(java.sql.Date.valueOf(day)).as("day"),
            col("out_n"),
            col("out_usd"),
            col("in_n"),
            col("in_usd"),
            col("out_max_usd"),
            sample.as("amounts"),
            functions.slice(col("cps"), 1, maxCp).as("counterparties"),
            expr("CAST(size(array_distinct(payee_list)) AS BIGINT)").as("payees"),
            expr("CAST(coalesce(array_max(transform(array_distinct(payee_list),"
                    + " p -> size(filter(payee_list, x -> x = p)))), 0) AS BIGINT)")
                .as("max_same_payee"),
            col("round_n"),
            col("vasp_n"),
            col("vasp_usd"),
            expr("transform(sequence(0, 23), h -> CAST(size(filter(hour_list, x -> x = h)) AS"
                    + " BIGINT))")
                .as("hours"),
            counts("format_list").as("formats"),
            counts("currency_list").as("currencies"),
            counts("country_list").as("countries"));
    return agg.select(
        col("account"),
        when(col("is_vasp"), lit("vasp")).otherwise(col("rail_kind")).as("account_kind"),
        // the account's own country when payments state it, else the one its key states (an
        // IBAN's, else its BIC's): most bank accounts carry none, and a peer group "bank:XX"
        // would mix every country
        coalesce(col("country"), AccountKeys.countryOfKey(col("account"))).as("country"),
        dayStruct.cast(DAY).as("today"));
  }

  /** A list of strings as a map from each distinct value to how often it occurs. */
  private static Column counts(String list) {
    return expr(
        String.format(
            "map_from_arrays(array_sort(array_distinct(filter(%1$s, x -> x IS NOT NULL))),"
                + " transform(array_sort(array_distinct(filter(%1$s, x -> x IS NOT NULL))),"
                + " k -> CAST(size(filter(%1$s, x -> x = k)) AS BIGINT)))",
            list));
  }

  /**
   * One side of every transfer as the account's activity: {@code self} is the account's end ("from"
   * for money out, "to" for money in), {@code cp} the counterparty's.
   */
  private static Dataset<Row> side(
      Dataset<Row> flagged, String dir, String self, String cp, Column kind, Column unusual) {
    return flagged.select(
        col(self + "_account").as("account"),
        lit(dir).as("dir"),
        col(cp + "_account").as("cp"),
        col("transfer_id"),
        col("usd"),
        col("amount_usd").as("usd_exact"),
        col("ts"),
        col("currency"),
        col("payment_format"),
        col(self + "_country").as("own_country"),
        col(cp + "_country").as("cp_country"),
        kind.as("kind"),
        col(self + "_vasp").as("self_vasp"),
        col(cp + "_vasp").as("cp_vasp"),
        unusual.as("unusual_amount"));
  }

  /**
   * At most {@code samples} evenly spaced order statistics of the sorted array column {@code
   * sorted} (the whole array when it is no longer): the bounded amount sample of a day.
   */
  static Column evenSample(String sorted, int samples) {
    return expr(
        String.format(
            "CASE WHEN size(%2$s) <= %1$d THEN %2$s ELSE transform(sequence(0, %1$d - 1),"
                + " i -> %2$s[CAST(floor(i * (size(%2$s) - 1) / (%1$d - 1)) AS INT)]) END",
            samples, sorted));
  }
}
