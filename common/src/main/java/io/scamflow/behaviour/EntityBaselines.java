package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import io.scamflow.resolve.EntityResolution;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * silver.entity_baselines: every resolved entity (a person or organisation with one or more
 * accounts and addresses) measured over all of its accounts together, so a person who spreads
 * behaviour over several accounts is judged as one, and a new account of a known person is judged
 * against that person's past rather than against strangers of its peer group.
 *
 * <p>Incremental without a state of its own: the baseline as of D is the same day's
 * silver.account_baselines partition (whose {@code recent_days} hold each account's per-day
 * summaries over the window) joined with silver.entity_members of the latest resolution on or
 * before D. The member accounts' days are merged per entity and calendar day (two accounts active
 * on the same day are one active day of the person; their counts and sums add up, their amount
 * samples merge weighted by the payments each stands for), then derived exactly as an account's
 * baseline is. It reads one partition of each table, never older history, and re-clustering is
 * handled for free: tomorrow's entity is built from tomorrow's members.
 */
public final class EntityBaselines {
  public static final TableContract TABLE =
      TableContract.builder("silver.entity_baselines")
          .comment(
              "Per resolved entity and as-of date: what is normal for the person or organisation"
                  + " over all its accounts together in the last window-days days (amounts,"
                  + " counterparties, velocity, channels, hours) and what it has done ever. An"
                  + " account with little history of its own is judged against its entity's")
          .column("as_of_date", DataTypes.DateType, false, "Run date the baseline includes")
          .column("entity_id", DataTypes.StringType, false, "The entity (silver.entities)")
          .column(
              "accounts",
              DataTypes.createArrayType(DataTypes.StringType),
              false,
              "Its member accounts and addresses that have a baseline on this date, sorted")
          .column("accounts_n", DataTypes.IntegerType, false, "How many: the accounts merged here")
          .column(
              "member_accounts",
              DataTypes.IntegerType,
              false,
              "Accounts and addresses silver.entity_members gives it, with or without history")
          .column(
              "members_run_date",
              DataTypes.DateType,
              false,
              "Run date of the silver.entity_members partition the membership came from")
          .column("first_seen", DataTypes.DateType, false, "First day any of its accounts was seen")
          .column("last_seen", DataTypes.DateType, false, "Last day any of its accounts was seen")
          .column(
              "first_exchange_payment",
              DataTypes.DateType,
              "First day any of its accounts paid a known exchange or OTC desk; null if never")
          .column("window_days", DataTypes.IntegerType, false, "Length of the rolling window")
          .column(
              "active_days",
              DataTypes.IntegerType,
              false,
              "Days in the window on which any of its accounts was active (two accounts on one"
                  + " day count once)")
          .column("out_n", DataTypes.LongType, false, "Payments its accounts made in the window")
          .column("out_usd", DataTypes.DoubleType, false, "USD its accounts paid out in the window")
          .column("in_n", DataTypes.LongType, false, "Payments its accounts received in the window")
          .column("in_usd", DataTypes.DoubleType, false, "USD its accounts received in the window")
          .column(
              "amount_n",
              DataTypes.IntegerType,
              false,
              "Outgoing amounts in the merged bounded sample the quantiles are taken from")
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
              "Distinct counterparties of its accounts (either direction) in the window, as far"
                  + " as each account-day kept them (max-counterparties)")
          .column(
              "counterparties",
              DataTypes.createArrayType(DataTypes.StringType),
              "The window's counterparties, sorted, at most max-counterparties: the set a payee"
                  + " is new to the entity against")
          .column(
              "out_n_per_active_day",
              DataTypes.DoubleType,
              false,
              "Payments per day the entity was active")
          .column(
              "out_usd_per_active_day",
              DataTypes.DoubleType,
              false,
              "USD paid out per day the entity was active")
          .column("out_n_per_week", DataTypes.DoubleType, false, "Payments per week of window")
          .column("out_usd_per_week", DataTypes.DoubleType, false, "USD paid per week of window")
          .column(
              "max_day_out_n",
              DataTypes.LongType,
              false,
              "Most payments its accounts made together on one day")
          .column(
              "max_day_out_usd",
              DataTypes.DoubleType,
              false,
              "Most USD its accounts paid together on one day")
          .column(
              "max_same_payee",
              DataTypes.LongType,
              false,
              "Most payments one of its accounts made to one payee on one day (a lower bound for"
                  + " the entity: two accounts paying the same payee are not added)")
          .column(
              "round_n",
              DataTypes.LongType,
              false,
              "Round or just-below-threshold payments in the window")
          .column(
              "payment_formats",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              "Transfers per channel in the window")
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
          .partitionedBy("as_of_date")
          .dateColumn("as_of_date")
          .keys("entity_id")
          .build();

  private static final List<String> LINEAGE =
      List.of(TableContract.RUN_ID, TableContract.SOURCE_FILE, TableContract.INGESTED_AT);

  private final Lakehouse lakehouse;
  private final Settings settings;

  public EntityBaselines(Lakehouse lakehouse, Settings settings) {
    this.lakehouse = lakehouse;
    this.settings = settings;
  }

  /** The nightly stage: entity baselines as of the run date (replaces that date's partition). */
  public StageOutcome run(RunContext run) {
    WriteResult write = new TableWriter(lakehouse).replaceDay(TABLE, asOf(run.runDate()), run);
    return StageOutcome.derived(List.of(write), write.rowsWritten() + " entity baselines");
  }

  /**
   * The membership the baseline of {@code day} uses: accounts and addresses of each entity in the
   * latest silver.entity_members partition on or before {@code day}, without entities holding more
   * than max-accounts of them (a cluster that large is a resolution error or an institution, not a
   * person whose habits mean anything); empty when no resolution ran yet.
   */
  Dataset<Row> members(LocalDate day) {
    lakehouse.ensure(EntityResolution.MEMBERS);
    var spark = lakehouse.spark();
    Dataset<Row> all = spark.table(EntityResolution.MEMBERS.name());
    Row latest =
        all.where(col("run_date").leq(lit(Date.valueOf(day))))
            .agg(functions.max("run_date"))
            .first();
    if (latest.isNullAt(0)) {
      return spark.createDataFrame(
          List.of(),
          new org.apache.spark.sql.types.StructType()
              .add("entity_id", DataTypes.StringType)
              .add("account", DataTypes.StringType)
              .add("member_accounts", DataTypes.IntegerType)
              .add("members_run_date", DataTypes.DateType));
    }
    int maxAccounts = settings.integer("scamflow.behaviour.entity.max-accounts");
    Dataset<Row> m =
        all.where(
                col("run_date")
                    .equalTo(lit(latest.getDate(0)))
                    .and(col("member_kind").isin("ACCOUNT", "ADDRESS")))
            .select(col("entity_id"), col("member_id").as("account"), col("run_date"))
            .distinct();
    Dataset<Row> sizes =
        m.groupBy("entity_id")
            .agg(functions.count(lit(1)).cast("int").as("member_accounts"))
            .where(col("member_accounts").leq(maxAccounts));
    return m.join(sizes, "entity_id")
        .select(
            col("entity_id"),
            col("account"),
            col("member_accounts"),
            col("run_date").as("members_run_date"));
  }

  /**
   * Entity baselines as of {@code day}: the day's account baselines of every member account, merged
   * per entity and calendar day, then derived like an account's baseline.
   */
  Dataset<Row> asOf(LocalDate day) {
    lakehouse.ensure(TABLE);
    lakehouse.ensure(AccountBaselines.TABLE);
    Dataset<Row> accounts =
        lakehouse
            .spark()
            .table(AccountBaselines.TABLE.name())
            .where(col("as_of_date").equalTo(lit(Date.valueOf(day))))
            .select("account", "first_seen", "last_seen", "first_exchange_payment", "recent_days");
    return fromAccounts(accounts, members(day), day);
  }

  /**
   * Per entity, from its member accounts' baselines (columns account, first_seen, last_seen,
   * first_exchange_payment, recent_days) and the membership (entity_id, account, member_accounts,
   * members_run_date).
   */
  Dataset<Row> fromAccounts(Dataset<Row> accounts, Dataset<Row> members, LocalDate day) {
    Dataset<Row> joined = members.join(accounts, "account");
    Dataset<Row> lifetime =
        joined
            .groupBy("entity_id")
            .agg(
                functions.array_sort(functions.collect_set(col("account"))).as("accounts"),
                functions.first("member_accounts").as("member_accounts"),
                functions.first("members_run_date").as("members_run_date"),
                functions.min("first_seen").as("first_seen"),
                functions.max("last_seen").as("last_seen"),
                functions.min("first_exchange_payment").as("first_exchange_payment"));
    Dataset<Row> days =
        mergedDays(
            joined.select(col("entity_id"), functions.explode(col("recent_days")).as("d")),
            settings);
    Dataset<Row> state =
        lifetime
            .join(days, new String[] {"entity_id"}, "left")
            .select(
                col("entity_id").as("account"),
                lit(null).cast("string").as("account_kind"),
                lit(null).cast("string").as("country"),
                col("first_seen"),
                col("last_seen"),
                col("first_exchange_payment"),
                functions
                    .coalesce(
                        col("recent_days"),
                        functions.array().cast(DataTypes.createArrayType(DailyActivity.DAY)))
                    .as("recent_days"),
                col("accounts"),
                col("member_accounts"),
                col("members_run_date"));
    Dataset<Row> derived =
        new AccountBaselines(lakehouse, settings)
            .derive(state, day, List.of("accounts", "member_accounts", "members_run_date"))
            .withColumnRenamed("account", "entity_id");
    List<Column> out = new ArrayList<>();
    for (StructField f : TABLE.schema().fields()) {
      if (LINEAGE.contains(f.name())) {
        continue; // the writer adds them
      }
      out.add(
          f.name().equals("accounts_n")
              ? functions.size(col("accounts")).as("accounts_n")
              : col(f.name()));
    }
    return derived.select(out.toArray(new Column[0]));
  }

  /**
   * One {@link DailyActivity#DAY} per entity and calendar day from its accounts' days (column
   * {@code d}): counts and sums added (USD in exact decimal, so a rerun writes the same bits),
   * largest payment and most payments to one payee the largest of the accounts', counterparties and
   * hours merged, distinct payees added (an upper bound: two accounts may pay the same payee), and
   * the amount samples merged with each value repeated for the payments it stands for (an
   * account-day of 1,000 payments sampled to 16 values weighs 1,000, not 16), then evenly spaced
   * order statistics of the merge kept, at most max-amount-samples-per-day. An entity of one
   * account gets back exactly that account's days.
   */
  static Dataset<Row> mergedDays(Dataset<Row> accountDays, Settings settings) {
    int samples = settings.integer("scamflow.behaviour.max-amount-samples-per-day");
    int maxCp = settings.integer("scamflow.behaviour.max-counterparties");
    Dataset<Row> merged =
        accountDays
            .groupBy(col("entity_id"), col("d.day").as("day"))
            .agg(
                functions.sum(col("d.out_n")).as("out_n"),
                exactSum("d.out_usd").as("out_usd"),
                functions.sum(col("d.in_n")).as("in_n"),
                exactSum("d.in_usd").as("in_usd"),
                functions.max(col("d.out_max_usd")).as("out_max_usd"),
                functions
                    .array_sort(
                        functions.flatten(
                            functions.collect_list(
                                expr(
                                    "flatten(transform(coalesce(d.amounts, array()), a ->"
                                        + " array_repeat(a, CAST(greatest(1, round(d.out_n /"
                                        + " size(d.amounts))) AS INT))))"))))
                    .as("amts"),
                functions.count(lit(1)).as("accounts_that_day"),
                functions.first(col("d.amounts")).as("amts_one"),
                functions
                    .array_sort(
                        functions.array_distinct(
                            functions.flatten(functions.collect_list(col("d.counterparties")))))
                    .as("cps"),
                functions.sum(col("d.payees")).as("payees"),
                functions.max(col("d.max_same_payee")).as("max_same_payee"),
                functions.sum(col("d.round_n")).as("round_n"),
                functions.sum(col("d.vasp_n")).as("vasp_n"),
                exactSum("d.vasp_usd").as("vasp_usd"),
                functions.collect_list(col("d.hours")).as("hour_lists"),
                functions.collect_list(col("d.formats")).as("format_maps"),
                functions.collect_list(col("d.currencies")).as("currency_maps"),
                functions.collect_list(col("d.countries")).as("country_maps"));
    Column sample = DailyActivity.evenSample("amts", samples);
    Column day =
        functions.struct(
            col("day"),
            col("out_n"),
            col("out_usd"),
            col("in_n"),
            col("in_usd"),
            col("out_max_usd"),
            // one account's day is kept as it is: its sample is already the account's own
            functions
                .when(col("accounts_that_day").equalTo(1), col("amts_one"))
                .otherwise(sample)
                .as("amounts"),
            functions.slice(col("cps"), 1, maxCp).as("counterparties"),
            col("payees"),
            col("max_same_payee"),
            col("round_n"),
            col("vasp_n"),
            col("vasp_usd"),
            expr("transform(sequence(0, 23), h -> aggregate(hour_lists, 0L, (a, x) -> a +"
                    + " coalesce(x[h], 0L)))")
                .as("hours"),
            mapSum("format_maps").as("formats"),
            mapSum("currency_maps").as("currencies"),
            mapSum("country_maps").as("countries"));
    return merged
        .groupBy("entity_id")
        .agg(functions.collect_list(day.cast(DailyActivity.DAY)).as("recent_days"));
  }

  /** A sum of doubles that does not depend on row order (exact decimal, then double). */
  private static Column exactSum(String field) {
    return functions
        .coalesce(functions.sum(col(field).cast("decimal(38,10)")), lit(0))
        .cast("double");
  }

  /** Maps of counts (a list of them) added key by key. */
  private static Column mapSum(String maps) {
    String keys =
        "array_sort(array_distinct(flatten(transform("
            + maps
            + ", m -> coalesce(map_keys(m), array())))))";
    return expr(
        "map_from_arrays("
            + keys
            + ", transform("
            + keys
            + ", k -> aggregate("
            + maps
            + ", 0L, (a, m) -> a + coalesce(m[k], 0L))))");
  }
}
