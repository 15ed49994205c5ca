package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
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
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * silver.account_baselines and silver.peer_baselines: every account measured against its own recent
 * past, and every peer group (account kind x country) for accounts with too little past.
 *
 * <p>Incremental: the baseline as of D is the previous baseline's per-day summaries still inside
 * the window, plus D's own summary; lifetime facts (first and last seen, first exchange payment)
 * carry forward. Nothing older than the previous baseline is read, so a run costs the same on day
 * 10 as on day 1000.
 */
public final class AccountBaselines {
  public static final TableContract TABLE =
      TableContract.builder("silver.account_baselines")
          .comment(
              "Per account and as-of date: what is normal for it over the last window-days days"
                  + " (amounts, counterparties, velocity, channels, hours) and what it has done"
                  + " ever (first and last seen, first exchange payment)")
          .column("as_of_date", DataTypes.DateType, false, "Run date the baseline includes")
          .column("account", DataTypes.StringType, false, "Account key as in silver.transfers")
          .column(
              "account_kind",
              DataTypes.StringType,
              "bank, tron, ethereum, bitcoin, or vasp for a known exchange or OTC account")
          .column(
              "country",
              DataTypes.StringType,
              "Account's country as payments state it, else as its key states it (IBAN, else BIC)")
          .column(
              "peer_group",
              DataTypes.StringType,
              false,
              "kind:country, the group a cold-start account is judged against")
          .column("first_seen", DataTypes.DateType, false, "First day it sent or received")
          .column("last_seen", DataTypes.DateType, false, "Last day it sent or received")
          .column(
              "first_exchange_payment",
              DataTypes.DateType,
              "First day it paid a known exchange or OTC desk; null if it never has")
          .column("window_days", DataTypes.IntegerType, false, "Length of the rolling window")
          .column("active_days", DataTypes.IntegerType, false, "Days in the window with activity")
          .column("out_n", DataTypes.LongType, false, "Payments made in the window")
          .column("out_usd", DataTypes.DoubleType, false, "USD paid out in the window")
          .column("in_n", DataTypes.LongType, false, "Payments received in the window")
          .column("in_usd", DataTypes.DoubleType, false, "USD received in the window")
          .column(
              "amount_n",
              DataTypes.IntegerType,
              false,
              "Outgoing amounts in the bounded sample the quantiles are taken from")
          .column("amount_median", DataTypes.DoubleType, "Median outgoing payment, USD")
          .column(
              "amount_mad",
              DataTypes.DoubleType,
              "Median absolute deviation of outgoing payments from their median, USD")
          .column("amount_p25", DataTypes.DoubleType, "25th percentile outgoing payment, USD")
          .column("amount_p75", DataTypes.DoubleType, "75th percentile outgoing payment, USD")
          .column("amount_p95", DataTypes.DoubleType, "95th percentile outgoing payment, USD")
          .column("amount_max", DataTypes.DoubleType, "Largest outgoing payment, USD")
          .column(
              "counterparty_n",
              DataTypes.IntegerType,
              false,
              "Distinct counterparties (either direction) in the window")
          .column(
              "counterparties",
              DataTypes.createArrayType(DataTypes.StringType),
              "The window's counterparties, sorted, at most max-counterparties: the set a"
                  + " payee is new against")
          .column(
              "out_n_per_active_day",
              DataTypes.DoubleType,
              false,
              "Payments per day the account was active")
          .column(
              "out_usd_per_active_day",
              DataTypes.DoubleType,
              false,
              "USD paid out per day the account was active")
          .column("out_n_per_week", DataTypes.DoubleType, false, "Payments per week of window")
          .column("out_usd_per_week", DataTypes.DoubleType, false, "USD paid per week of window")
          .column("max_day_out_n", DataTypes.LongType, false, "Most payments made on one day")
          .column("max_day_out_usd", DataTypes.DoubleType, false, "Most USD paid on one day")
          .column(
              "max_same_payee",
              DataTypes.LongType,
              false,
              "Most payments to one payee on one day in the window")
          .column(
              "round_n",
              DataTypes.LongType,
              false,
              "Round or just-below-threshold payments in the window")
          .column(
              "payment_formats",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              "Transfers per channel (wire, ach, crypto, ...) in the window")
          .column(
              "currencies",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              "Transfers per currency in the window")
          .column(
              "countries",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              "Transfers per counterparty country in the window")
          .column(
              "hour_profile",
              DataTypes.createArrayType(DataTypes.LongType),
              "Transfers per hour of day (UTC), 24 counts, in the window")
          .column(
              "recent_days",
              DataTypes.createArrayType(DailyActivity.DAY),
              "Per-day summaries inside the window: the mergeable state the next day's baseline"
                  + " is built from")
          .partitionedBy("as_of_date")
          .dateColumn("as_of_date")
          .keys("account")
          .build();

  public static final TableContract PEERS =
      TableContract.builder("silver.peer_baselines")
          .comment(
              "Per peer group (account kind x country) and as-of date: what is normal for accounts"
                  + " like it; accounts with little history of their own are judged against this")
          .column("as_of_date", DataTypes.DateType, false, "Run date the baseline includes")
          .column("peer_group", DataTypes.StringType, false, "kind:country")
          .column("accounts", DataTypes.LongType, false, "Accounts in the group")
          .column("amount_median", DataTypes.DoubleType, "Median outgoing payment, USD (approx)")
          .column(
              "amount_mad",
              DataTypes.DoubleType,
              "Spread of outgoing payments, USD: half the interquartile range (the MAD of a"
                  + " symmetric distribution), approx")
          .column("amount_p95", DataTypes.DoubleType, "95th percentile outgoing payment, USD")
          .column(
              "day_usd_median",
              DataTypes.DoubleType,
              "Median USD an account pays out on a day it pays anything")
          .column(
              "day_usd_mad",
              DataTypes.DoubleType,
              "Spread (half the interquartile range) of USD paid out per paying day")
          .column("day_n_p95", DataTypes.DoubleType, "95th percentile of payments per paying day")
          .column(
              "day_payees_p95",
              DataTypes.DoubleType,
              "95th percentile of distinct payees per paying day")
          .column(
              "paying_accounts",
              DataTypes.LongType,
              "Accounts of the group that paid on some day of their window: the sample the"
                  + " per-day and amount statistics come from (min-peers counts these)")
          .column(
              "day_usd_p95",
              DataTypes.DoubleType,
              "95th percentile of USD paid out per paying day: the upper tail a cold account's"
                  + " day is judged against")
          .column(
              "vasp_payer_share",
              DataTypes.DoubleType,
              "Share of the group's accounts that ever paid a known exchange or OTC desk")
          .partitionedBy("as_of_date")
          .dateColumn("as_of_date")
          .keys("peer_group")
          .build();

  private final Lakehouse lakehouse;
  private final Settings settings;
  // which transfers make up "day D": those loaded on D (nightly), or dated D (replays)
  private final String dayColumn;

  public AccountBaselines(Lakehouse lakehouse, Settings settings) {
    this(lakehouse, settings, Ingestion.RUN_DATE);
  }

  private AccountBaselines(Lakehouse lakehouse, Settings settings, String dayColumn) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.dayColumn = dayColumn;
  }

  /**
   * Baselines whose day D is the transfers with value date D, for a replay of history that was
   * loaded in one go (a public benchmark laid out as one landing day); the nightly stage takes the
   * transfers loaded on D.
   */
  static AccountBaselines byValueDate(Lakehouse lakehouse, Settings settings) {
    return new AccountBaselines(lakehouse, settings, "value_date");
  }

  /** The nightly stage: baselines as of the run date, then the peer groups from them. */
  public StageOutcome run(RunContext run) {
    Dataset<Row> baselines = incremental(run.runDate()).cache();
    try {
      TableWriter writer = new TableWriter(lakehouse);
      WriteResult accounts = writer.replaceDay(TABLE, baselines, run);
      WriteResult peers = writer.replaceDay(PEERS, peers(baselines, run.runDate()), run);
      return StageOutcome.derived(
          List.of(accounts, peers),
          accounts.rowsWritten() + " account baselines, " + peers.rowsWritten() + " peer groups");
    } finally {
      baselines.unpersist();
    }
  }

  /** The latest as-of date strictly before {@code day} that has baselines, if any. */
  public static Optional<LocalDate> previousAsOf(Lakehouse lakehouse, LocalDate day) {
    if (!lakehouse.spark().catalog().tableExists(TABLE.name())) {
      return Optional.empty();
    }
    Row r =
        lakehouse
            .spark()
            .table(TABLE.name())
            .where(col("as_of_date").lt(lit(Date.valueOf(day))))
            .agg(functions.max("as_of_date"))
            .first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getDate(0).toLocalDate());
  }

  /**
   * The baseline as of {@code day}: the previous one's window state plus {@code day}'s transfers.
   */
  Dataset<Row> incremental(LocalDate day) {
    lakehouse.ensure(TABLE);
    lakehouse.ensure(SilverTransfers.TABLE);
    var spark = lakehouse.spark();
    Dataset<Row> today = today(day);
    Optional<LocalDate> prevDay = previousAsOf(lakehouse, day);
    Dataset<Row> prev =
        prevDay
            .map(
                p ->
                    spark
                        .table(TABLE.name())
                        .where(col("as_of_date").equalTo(lit(Date.valueOf(p))))
                        .select(
                            "account",
                            "account_kind",
                            "country",
                            "first_seen",
                            "last_seen",
                            "first_exchange_payment",
                            "recent_days"))
            .orElseGet(() -> spark.createDataFrame(List.of(), stateSchema()));
    int window = settings.integer("scamflow.behaviour.window-days");
    int retain = settings.integer("scamflow.behaviour.retain-days");
    Date d = Date.valueOf(day);
    Date from = Date.valueOf(day.minusDays(window - 1L));
    Dataset<Row> joined = prev.as("p").join(today.as("t"), "account", "full_outer");
    Column kept =
        expr(
            String.format(
                "filter(p.recent_days, x -> x.day >= DATE'%s' AND x.day < DATE'%s')", from, d));
    Column days =
        when(col("t.today").isNull(), coalesce(kept, functions.array().cast(dayArray())))
            .when(kept.isNull(), functions.array(col("t.today")))
            .otherwise(functions.concat(kept, functions.array(col("t.today"))));
    Column paidVasp = col("t.today").getField("vasp_n").gt(0);
    Dataset<Row> state =
        joined.select(
            col("account"),
            coalesce(col("t.account_kind"), col("p.account_kind")).as("account_kind"),
            coalesce(col("t.country"), col("p.country")).as("country"),
            when(col("p.first_seen").isNull(), lit(d))
                .otherwise(col("p.first_seen"))
                .as("first_seen"),
            when(col("t.today").isNotNull(), lit(d)).otherwise(col("p.last_seen")).as("last_seen"),
            coalesce(col("p.first_exchange_payment"), when(paidVasp, lit(d)))
                .as("first_exchange_payment"),
            days.as("recent_days"));
    return derive(state.where(col("last_seen").geq(lit(Date.valueOf(day.minusDays(retain))))), day);
  }

  /**
   * The same baseline computed from scratch: every day of the window read from silver.transfers.
   * Lifetime columns cover the window only. For tests and audits; the nightly run never does this.
   */
  Dataset<Row> fromScratch(LocalDate day) {
    int window = settings.integer("scamflow.behaviour.window-days");
    Dataset<Row> all = null;
    for (int i = window - 1; i >= 0; i--) {
      Dataset<Row> one = today(day.minusDays(i));
      all = all == null ? one : all.unionByName(one);
    }
    Dataset<Row> state =
        all.groupBy("account")
            .agg(
                functions.max_by(col("account_kind"), col("today.day")).as("account_kind"),
                functions.max_by(col("country"), col("today.day")).as("country"),
                functions.min(col("today.day")).as("first_seen"),
                functions.max(col("today.day")).as("last_seen"),
                functions
                    .min(when(col("today.vasp_n").gt(0), col("today.day")))
                    .as("first_exchange_payment"),
                functions.collect_list(col("today")).as("recent_days"));
    return derive(state, day);
  }

  /** Per account, {@code day}'s summary from the transfers loaded on that day (or dated it). */
  Dataset<Row> today(LocalDate day) {
    Dataset<Row> transfers =
        lakehouse
            .spark()
            .table(SilverTransfers.TABLE.name())
            .where(col(dayColumn).equalTo(lit(Date.valueOf(day))));
    VaspAccounts vasps =
        VaspAccounts.known(
            lakehouse.spark(),
            contract -> {
              lakehouse.ensure(contract);
              return Optional.of(lakehouse.spark().table(contract.name()));
            });
    return DailyActivity.perAccount(DailyActivity.sides(transfers, settings, vasps), day, settings);
  }

  private static org.apache.spark.sql.types.ArrayType dayArray() {
    return DataTypes.createArrayType(DailyActivity.DAY);
  }

  private static org.apache.spark.sql.types.StructType stateSchema() {
    return new org.apache.spark.sql.types.StructType()
        .add("account", DataTypes.StringType)
        .add("account_kind", DataTypes.StringType)
        .add("country", DataTypes.StringType)
        .add("first_seen", DataTypes.DateType)
        .add("last_seen", DataTypes.DateType)
        .add("first_exchange_payment", DataTypes.DateType)
        .add("recent_days", dayArray());
  }

  /** Every derived column of the contract from the window state (recent_days sorted by day). */
  Dataset<Row> derive(Dataset<Row> state, LocalDate day) {
    return derive(state, day, List.of());
  }

  /**
   * The same, keeping {@code passThrough} columns of the state as they are (entity baselines carry
   * their member accounts through).
   */
  Dataset<Row> derive(Dataset<Row> state, LocalDate day, List<String> passThrough) {
    int window = settings.integer("scamflow.behaviour.window-days");
    int maxCp = settings.integer("scamflow.behaviour.max-counterparties");
    Dataset<Row> s =
        state
            .withColumn("recent_days", byDay("recent_days"))
            .withColumn(
                "amts",
                expr(
                    "array_sort(flatten(transform(recent_days, d -> coalesce(d.amounts,"
                        + " array()))))"))
            .withColumn("med", quantile("amts", 0.5))
            .withColumn(
                "all_cps",
                expr(
                    "array_sort(array_distinct(flatten(transform(recent_days, d ->"
                        + " d.counterparties))))"));
    List<Column> columns = new java.util.ArrayList<>();
    columns.addAll(
        List.of(
            lit(Date.valueOf(day)).as("as_of_date"),
            col("account"),
            col("account_kind"),
            col("country"),
            concat_ws(
                    ":",
                    coalesce(col("account_kind"), lit("unknown")),
                    coalesce(col("country"), lit("XX")))
                .as("peer_group"),
            col("first_seen"),
            col("last_seen"),
            col("first_exchange_payment"),
            lit(window).as("window_days"),
            functions.size(col("recent_days")).as("active_days"),
            sum("out_n", "0L").as("out_n"),
            sum("out_usd", "0D").as("out_usd"),
            sum("in_n", "0L").as("in_n"),
            sum("in_usd", "0D").as("in_usd"),
            functions.size(col("amts")).as("amount_n"),
            col("med").as("amount_median"),
            expr("CASE WHEN size(amts) = 0 THEN CAST(NULL AS DOUBLE) ELSE"
                    + " element_at(array_sort(transform(amts, x -> abs(x - med))),"
                    + " CAST(round((size(amts) - 1) * 0.5) AS INT) + 1) END")
                .as("amount_mad"),
            quantile("amts", 0.25).as("amount_p25"),
            quantile("amts", 0.75).as("amount_p75"),
            quantile("amts", 0.95).as("amount_p95"),
            functions.array_max(col("amts")).as("amount_max"),
            functions.size(col("all_cps")).as("counterparty_n"),
            functions.slice(col("all_cps"), 1, maxCp).as("counterparties"),
            sum("out_n", "0L")
                .divide(functions.greatest(functions.size(col("recent_days")), lit(1)))
                .cast("double")
                .as("out_n_per_active_day"),
            sum("out_usd", "0D")
                .divide(functions.greatest(functions.size(col("recent_days")), lit(1)))
                .as("out_usd_per_active_day"),
            sum("out_n", "0L").multiply(7.0 / window).as("out_n_per_week"),
            sum("out_usd", "0D").multiply(7.0 / window).as("out_usd_per_week"),
            maxOf("out_n", "0L").as("max_day_out_n"),
            maxOf("out_usd", "0D").as("max_day_out_usd"),
            maxOf("max_same_payee", "0L").as("max_same_payee"),
            sum("round_n", "0L").as("round_n"),
            mapSum("formats").as("payment_formats"),
            mapSum("currencies").as("currencies"),
            mapSum("countries").as("countries"),
            expr("transform(sequence(0, 23), h -> aggregate(recent_days, 0L, (a, d) -> a +"
                    + " d.hours[h]))")
                .as("hour_profile"),
            col("recent_days")));
    passThrough.forEach(c -> columns.add(col(c)));
    return s.select(columns.toArray(new Column[0]));
  }

  /** The per-day summaries ordered by day (maps inside make the structs themselves unorderable). */
  private static Column byDay(String days) {
    return expr(
        String.format(
            "transform(array_sort(transform(%1$s, x -> x.day)), dd -> filter(%1$s, x -> x.day ="
                + " dd)[0])",
            days));
  }

  private static Column quantile(String sorted, double q) {
    return expr(
        String.format(
            "CASE WHEN size(%1$s) = 0 THEN CAST(NULL AS DOUBLE) ELSE element_at(%1$s,"
                + " CAST(round((size(%1$s) - 1) * %2$s) AS INT) + 1) END",
            sorted, q));
  }

  private static Column sum(String field, String zero) {
    return expr(
        "aggregate(recent_days, "
            + zero
            + ", (a, d) -> a + coalesce(d."
            + field
            + ", "
            + zero
            + "))");
  }

  private static Column maxOf(String field, String zero) {
    return expr("coalesce(array_max(transform(recent_days, d -> d." + field + ")), " + zero + ")");
  }

  private static Column mapSum(String field) {
    String keys =
        "array_sort(array_distinct(flatten(transform(recent_days, d -> map_keys(d."
            + field
            + ")))))";
    return expr(
        "map_from_arrays("
            + keys
            + ", transform("
            + keys
            + ", k -> aggregate(recent_days, 0L, (a, d) -> a + coalesce(d."
            + field
            + "[k], 0L))))");
  }

  /**
   * Peer groups from the accounts' baselines of the same as-of date: one pass over their sampled
   * amounts, one over their paying days. Spread is half the interquartile range (the MAD of a
   * symmetric distribution), which needs no second pass around the median.
   */
  Dataset<Row> peers(Dataset<Row> baselines, LocalDate day) {
    Column q = functions.array(lit(0.25), lit(0.5), lit(0.75), lit(0.95));
    Dataset<Row> days =
        baselines.select(
            col("peer_group"),
            col("account"),
            col("first_exchange_payment"),
            functions.explode_outer(col("recent_days")).as("d"));
    Dataset<Row> byDay =
        days.groupBy("peer_group")
            .agg(
                functions.countDistinct("account").as("accounts"),
                functions
                    .countDistinct(when(col("first_exchange_payment").isNotNull(), col("account")))
                    .as("vasp_payers"),
                functions
                    .countDistinct(when(col("d.out_n").gt(0), col("account")))
                    .as("paying_accounts"),
                functions
                    .percentile_approx(when(col("d.out_n").gt(0), col("d.out_usd")), q, lit(1000))
                    .as("usd_q"),
                functions
                    .percentile_approx(
                        when(col("d.out_n").gt(0), col("d.out_n").cast("double")),
                        lit(0.95),
                        lit(1000))
                    .as("day_n_p95"),
                functions
                    .percentile_approx(
                        when(col("d.out_n").gt(0), col("d.payees").cast("double")),
                        lit(0.95),
                        lit(1000))
                    .as("day_payees_p95"));
    Dataset<Row> byAmount =
        days.select(col("peer_group"), functions.explode(col("d.amounts")).as("x"))
            .groupBy("peer_group")
            .agg(functions.percentile_approx(col("x"), q, lit(1000)).as("amount_q"));
    return byDay
        .join(byAmount, new String[] {"peer_group"}, "left")
        .select(
            lit(Date.valueOf(day)).as("as_of_date"),
            col("peer_group"),
            col("accounts"),
            col("amount_q").getItem(1).as("amount_median"),
            col("amount_q").getItem(2).minus(col("amount_q").getItem(0)).divide(2).as("amount_mad"),
            col("amount_q").getItem(3).as("amount_p95"),
            col("usd_q").getItem(1).as("day_usd_median"),
            col("usd_q").getItem(2).minus(col("usd_q").getItem(0)).divide(2).as("day_usd_mad"),
            col("day_n_p95").cast("double").as("day_n_p95"),
            col("day_payees_p95").cast("double").as("day_payees_p95"),
            col("paying_accounts"),
            col("usd_q").getItem(3).as("day_usd_p95"),
            col("vasp_payers").divide(col("accounts")).as("vasp_payer_share"));
  }
}
