package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionContext;
import io.scamflow.table.TableContract;
import io.scamflow.transfers.SilverTransfers;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * What every behavioural signal reads, one row per account active on the run date: today's summary
 * ({@code t}, same shape as a baseline day), today's outgoing payments ({@code outs}), the
 * account's baseline as of the previous run date ({@code b_*} columns, null when it has none) and
 * its peer group's ({@code p_*}), and whether it is cold (too little history of its own).
 *
 * <p>The baselines come through {@link DetectionContext#table} (the context's lakehouse), like
 * every other table a detector reads, so a detection run over a scratch lakehouse (evaluation,
 * tests) reads that lakehouse's baselines. A context without a lakehouse (crafted tests of other
 * detectors) has none: every account is cold and peerless, and only the signals that need no
 * baseline can fire.
 */
final class BehaviourFrame {
  private static final Map<DetectionContext, Dataset<Row>> MEMO =
      Collections.synchronizedMap(new WeakHashMap<>());

  private BehaviourFrame() {}

  /**
   * The frame for {@code context}, computed once per detection run and shared by the signals: it is
   * checkpointed locally, so the eight signals' plans start from its rows instead of each
   * re-running its joins (Spark's cleaner drops the blocks once the run's context is gone).
   */
  static Dataset<Row> of(DetectionContext context) {
    return MEMO.computeIfAbsent(context, c -> build(c).localCheckpoint(true));
  }

  /** The shared settings of the signals (cold start, peers, robust z). */
  static BehaviourConf conf(DetectionContext context) {
    return BehaviourConf.of(context.settings());
  }

  private static Dataset<Row> build(DetectionContext context) {
    Settings settings = context.settings();
    LocalDate day = context.runDate();
    SparkSession spark = context.transfers().sparkSession();
    BehaviourConf conf = BehaviourConf.of(settings);
    Dataset<Row> todays =
        context.transfers().where(col("value_date").equalTo(lit(Date.valueOf(day))));
    Dataset<Row> sides =
        DailyActivity.sides(todays, settings, VaspAccounts.known(spark, context::table));
    Dataset<Row> today = DailyActivity.perAccount(sides, day, settings);
    Dataset<Row> lists =
        sides
            .groupBy("account")
            .agg(
                functions
                    .collect_list(
                        functions.when(
                            col("dir").equalTo("out"),
                            functions.struct(
                                col("transfer_id"),
                                col("cp"),
                                col("usd"),
                                col("ts"),
                                col("unusual_amount"),
                                col("cp_vasp"))))
                    .as("outs"),
                functions.collect_list(col("transfer_id")).as("ids"),
                functions.min("ts").as("first_ts"),
                functions.max("ts").as("last_ts"));
    Dataset<Row> base = prefixed(prior(context, spark, AccountBaselines.TABLE), "b_");
    Dataset<Row> peers = prefixed(prior(context, spark, AccountBaselines.PEERS), "p_");
    Column group =
        functions.concat_ws(
            ":",
            functions.coalesce(col("account_kind"), lit("unknown")),
            functions.coalesce(col("country"), lit("XX")));
    Dataset<Row> accounts =
        today
            .withColumnRenamed("today", "t")
            .withColumn("peer_group", group)
            .join(lists, "account")
            .join(base, col("account").equalTo(col("b_account")), "left")
            .join(
                functions.broadcast(peers), col("peer_group").equalTo(col("p_peer_group")), "left")
            // cold start, explicit: no baseline, or too few active days in its window
            .withColumn(
                "cold",
                col("b_account")
                    .isNull()
                    .or(col("b_active_days").lt(conf.coldStartMinActiveDays())))
            // the peer group is a reference only with min-peers accounts that paid: its per-day and
            // amount statistics come from them alone (a group of 40 accounts of which 3 paid
            // anything
            // is a 3-account reference). Partitions written before paying_accounts existed:
            // accounts.
            .withColumn("p_payers", functions.coalesce(col("p_paying_accounts"), col("p_accounts")))
            .withColumn(
                "peers_ok", functions.coalesce(col("p_payers").geq(conf.minPeers()), lit(false)))
            .withColumn(
                "cold_start",
                functions.when(
                    col("cold"),
                    functions.format_string(
                        "cold start: compared with peers (%d accounts of kind %s, country %s)",
                        functions.coalesce(col("p_payers"), lit(0L)),
                        functions.coalesce(col("account_kind"), lit("unknown")),
                        functions.coalesce(col("country"), lit("XX")))));
    return withEntities(context, spark, accounts, conf);
  }

  /**
   * The account's resolved entity ({@code entity_id}, from the latest silver.entity_members on or
   * before the run date), the entity's baseline as of the previous date ({@code e_*}), today's
   * figures of all its accounts together ({@code et_*}: payments, USD, the accounts that paid, the
   * one that paid most, their payments) and whether the entity is a reference ({@code entity_ok}:
   * it has a baseline with cold-start-min-active-days active days). {@code entity_judged}: the
   * account is cold and its entity is a reference, so it is judged against the entity, not its
   * peers. With scamflow.behaviour.entity.enabled off, or no resolution yet, these are null.
   */
  private static Dataset<Row> withEntities(
      DetectionContext context, SparkSession spark, Dataset<Row> accounts, BehaviourConf conf) {
    Dataset<Row> entities = prefixed(prior(context, spark, EntityBaselines.TABLE), "e_");
    Dataset<Row> membership = membership(context, spark);
    Dataset<Row> joined =
        accounts
            .join(membership, "account", "left")
            .join(entities, col("entity_id").equalTo(col("e_entity_id")), "left")
            .withColumn(
                "entity_ok",
                functions.coalesce(
                    col("e_active_days").geq(conf.coldStartMinActiveDays()), lit(false)))
            .withColumn("entity_judged", col("cold").and(col("entity_ok")))
            .withColumn(
                "entity_reference",
                functions.when(
                    col("e_entity_id").isNotNull(),
                    functions.format_string(
                        "judged against entity %s: %d accounts, active %d days",
                        col("e_entity_id"), col("e_accounts_n"), col("e_active_days"))));
    Dataset<Row> together =
        joined
            .where(col("entity_id").isNotNull())
            .groupBy(col("entity_id").as("et_entity_id"))
            .agg(
                functions.sum(col("t.out_n")).as("et_out_n"),
                functions
                    .sum(col("t.out_usd").cast("decimal(38,10)"))
                    .cast("double")
                    .as("et_out_usd"),
                functions
                    .array_sort(
                        functions.collect_list(
                            functions.when(col("t.out_n").gt(0), col("account"))))
                    .as("et_paying"),
                functions
                    .min_by(
                        col("account"),
                        functions.struct(functions.negate(col("t.out_usd")), col("account")))
                    .as("et_top"),
                functions.max(col("cold").and(col("t.out_n").gt(0))).as("et_cold_paying"),
                functions.flatten(functions.collect_list(outs())).as("et_outs"),
                functions.min("first_ts").as("et_first_ts"),
                functions.max("last_ts").as("et_last_ts"));
    return joined.join(together, col("entity_id").equalTo(col("et_entity_id")), "left");
  }

  /**
   * Account -> entity from the latest silver.entity_members on or before the run date (accounts and
   * addresses; an account two entities claim goes to the smaller id); empty when disabled or none.
   */
  private static Dataset<Row> membership(DetectionContext context, SparkSession spark) {
    Dataset<Row> none =
        spark.createDataFrame(
            List.of(),
            new org.apache.spark.sql.types.StructType()
                .add("account", org.apache.spark.sql.types.DataTypes.StringType)
                .add("entity_id", org.apache.spark.sql.types.DataTypes.StringType));
    Optional<Dataset<Row>> table =
        context.settings().bool("scamflow.behaviour.entity.enabled")
            ? context.table(io.scamflow.resolve.EntityResolution.MEMBERS)
            : Optional.empty();
    if (table.isEmpty()) {
      return none;
    }
    Dataset<Row> m = table.get();
    Row latest =
        m.where(col("run_date").leq(lit(Date.valueOf(context.runDate()))))
            .agg(functions.max("run_date"))
            .first();
    if (latest.isNullAt(0)) {
      return none;
    }
    return m.where(
            col("run_date")
                .equalTo(lit(latest.getDate(0)))
                .and(col("member_kind").isin("ACCOUNT", "ADDRESS")))
        .groupBy(col("member_id").as("account"))
        .agg(functions.min("entity_id").as("entity_id"));
  }

  /**
   * The rows of {@code contract} with the latest as-of date before the run date; empty (with the
   * schema) when there is none or the context has no lakehouse.
   */
  private static Dataset<Row> prior(
      DetectionContext context, SparkSession spark, TableContract contract) {
    Dataset<Row> none = spark.createDataFrame(List.of(), contract.schema());
    Optional<Dataset<Row>> table = context.table(contract);
    if (table.isEmpty()) {
      return none;
    }
    Dataset<Row> t = table.get();
    Row latest =
        t.where(col("as_of_date").lt(lit(Date.valueOf(context.runDate()))))
            .agg(functions.max("as_of_date"))
            .first();
    if (latest.isNullAt(0)) {
      return none;
    }
    return t.where(col("as_of_date").equalTo(lit(latest.getDate(0))));
  }

  private static Dataset<Row> prefixed(Dataset<Row> df, String prefix) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      cols.add(col(f.name()).as(prefix + f.name()));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /** A detector's output row (the columns of io.scamflow.detect.Alerts.DETECTION). */
  static Dataset<Row> alerts(
      Dataset<Row> found,
      String typology,
      Column members,
      Column transferIds,
      Column amountUsd,
      Column score,
      String rule,
      Column evidence) {
    return found.select(
        lit(typology).as("typology"),
        col("account").as("anchor"),
        functions
            .array_sort(
                functions.array_distinct(
                    functions.concat(functions.array(col("account")), members)))
            .as("members"),
        functions.array_sort(functions.array_distinct(transferIds)).as("transfer_ids"),
        amountUsd.cast(SilverTransfers.USD).as("amount_usd"),
        col("first_ts").as("window_start"),
        col("last_ts").as("window_end"),
        functions
            .round(functions.least(lit(1.0), functions.greatest(lit(0.0), score)), 3)
            .cast("double")
            .as("score"),
        lit(rule).as("rule"),
        functions.to_json(evidence).as("evidence"),
        lit(null).cast("string").as("list_version"));
  }

  /** Today's outgoing payments (structs of transfer_id, cp, usd, ts, unusual_amount, cp_vasp). */
  static Column outs() {
    return functions.filter(col("outs"), x -> x.isNotNull());
  }

  /** Where the signal's reference values came from. */
  static Column basis(Column own) {
    return functions.when(own, lit("own")).otherwise(lit("peers"));
  }

  /** The same, with the account's resolved entity as the reference between the two. */
  static Column basis(Column own, Column entity) {
    return functions.when(own, lit("own")).when(entity, lit("entity")).otherwise(lit("peers"));
  }
}
