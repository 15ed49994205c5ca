package io.scamflow.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;

import io.scamflow.detect.Alerts;
import io.scamflow.detect.Detector;
import io.scamflow.detect.Detectors;
import io.scamflow.table.Lakehouse;
import io.scamflow.transfers.SilverTransfers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * gold.alerts of a lakehouse that ran a generated world, against that world's truth. Alerts speak
 * silver ids (transfer_id, account keys); the truth speaks the generator's. Each truth transfer is
 * found in silver.transfers by what the reader saw: the UETR (pacs.008, MT103), the tx hash and log
 * index (chain), or file and line (the domestic AMLworld CSV); accounts map through the transfers
 * they took part in.
 */
public final class TruthEvaluation {
  private final Lakehouse lakehouse;

  public TruthEvaluation(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** What was compared, beside the scores. */
  public record Result(Report report, long truthTransfers, long matchedTransfers, long alerts) {}

  /** Every detector's typology and family, in registration order. */
  public static Map<String, String> families() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Detector d : Detectors.all()) {
      out.put(d.typology(), d.family());
    }
    return out;
  }

  /**
   * Which run dates are scored. {@code from} empty: every run date against the whole truth.
   * Otherwise only alerts of run dates on or after {@code from}, against the truth transfers those
   * runs could see (value date within the look-back of a scored run date, i.e. on or after {@code
   * from - (lookbackDays - 1)}) and the scheme accounts of those transfers. Precision still judges
   * a flagged account or transfer by the whole truth. A new deployment's first dates see a partly
   * empty window (docs/operations.md); scoring from the first full-window date measures the steady
   * state.
   */
  public record Scope(Optional<LocalDate> from, int lookbackDays) {
    public static final Scope ALL = new Scope(Optional.empty(), 1);

    /** First value date of the truth in scope, if scoped. */
    public Optional<LocalDate> truthFrom() {
      return from.map(d -> d.minusDays(lookbackDays - 1L));
    }

    Dataset<Row> alerts(Dataset<Row> alerts) {
      return from.map(d -> alerts.where(col("run_date").geq(lit(java.sql.Date.valueOf(d)))))
          .orElse(alerts);
    }

    Dataset<Row> truth(Dataset<Row> truthTransfers) {
      return truthFrom()
          .map(
              d ->
                  truthTransfers.where(col("date").cast("date").geq(lit(java.sql.Date.valueOf(d)))))
          .orElse(truthTransfers);
    }
  }

  public Result evaluate(Path world) {
    return evaluate(world, Scope.ALL);
  }

  public Result evaluate(Path world, Scope scope) {
    SparkSession spark = lakehouse.spark();
    lakehouse.ensure(SilverTransfers.TABLE);
    lakehouse.ensure(Alerts.TABLE);
    Dataset<Row> truth =
        scope.truth(
            spark.read().option("header", "true").csv(world.resolve("truth/transfers").toString()));
    Dataset<Row> accounts =
        spark
            .read()
            .option("header", "true")
            .csv(world.resolve("truth/accounts").toString())
            .select("account_key", "role");
    Dataset<Row> ids = idMap(truth, spark.table(SilverTransfers.TABLE.name())).cache();
    Dataset<Row> keys = accountMap(truth, spark.table(SilverTransfers.TABLE.name()), ids);

    Dataset<Row> alerts = scope.alerts(spark.table(Alerts.TABLE.name()));
    Dataset<Row> byTransfer =
        alerts
            .select(col("alert_id"), col("typology"), explode(col("transfer_ids")).as("sid"))
            .join(ids, "sid")
            .groupBy("alert_id", "typology")
            .agg(collect_set("tid").as("transfer_ids"));
    Dataset<Row> byMember =
        alerts
            .select(col("alert_id"), col("typology"), explode(col("members")).as("skey"))
            .join(keys, "skey")
            .groupBy("alert_id", "typology")
            .agg(collect_set("tkey").as("members"));
    Dataset<Row> mapped =
        byMember
            .join(byTransfer, new String[] {"alert_id", "typology"}, "full_outer")
            .select(
                col("typology"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .coalesce(
                        col("members"),
                        org.apache.spark.sql.functions.array().cast("array<string>"))
                    .as("members"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .coalesce(
                        col("transfer_ids"),
                        org.apache.spark.sql.functions.array().cast("array<string>"))
                    .as("transfer_ids"));
    Report report = DetectionMetrics.compute(mapped, truth, accounts, families());
    long matched = ids.select("tid").distinct().count();
    Result r = new Result(report, truth.count(), matched, alerts.count());
    ids.unpersist();
    return r;
  }

  /** (tid, sid): truth transfer id to silver transfer id. */
  static Dataset<Row> idMap(Dataset<Row> truth, Dataset<Row> silver) {
    Dataset<Row> byUetr =
        truth
            .where(col("uetr").isNotNull().and(col("uetr").notEqual("")))
            .join(
                silver.select(col("transfer_id").as("sid"), col("natural_ref")),
                col("natural_ref").equalTo(concat(lit("UETR:"), lower(col("uetr")))))
            .select(col("transfer_id").as("tid"), col("sid"));
    Dataset<Row> byHash =
        truth
            .where(col("format").isin("trc20-json", "erc20-csv"))
            .select(col("transfer_id").as("tid"), col("record_id"), col("log_index").as("t_log"))
            .join(
                silver
                    .where(col("tx_hash").isNotNull())
                    .select(
                        col("transfer_id").as("sid"), col("tx_hash"), col("log_index").as("s_log")),
                col("tx_hash")
                    .equalTo(col("record_id"))
                    .and(
                        col("t_log")
                            .isNull()
                            .or(col("t_log").equalTo(""))
                            .or(col("t_log").cast("bigint").equalTo(col("s_log")))))
            .select(col("tid"), col("sid"));
    Dataset<Row> bySource =
        truth
            .where(col("format").equalTo("ibm-aml-csv"))
            .select(
                col("transfer_id").as("tid"),
                col("file").as("rel"),
                concat(lit("line "), col("line")).as("position"))
            .join(
                silver
                    .select(col("transfer_id").as("sid"), explode(col("sources")).as("s"))
                    .where(col("s.format").equalTo("ibm-aml-csv"))
                    .select(
                        col("sid"),
                        regexp_extract(col("s.file"), "(\\d{4}-\\d{2}-\\d{2}/bank/.*)$", 1)
                            .as("rel"),
                        col("s.position").as("position")),
                new String[] {"rel", "position"})
            .select("tid", "sid");
    return byUetr.union(byHash).union(bySource).distinct();
  }

  /** (skey, tkey): silver account key to truth account key, through matched transfers. */
  static Dataset<Row> accountMap(Dataset<Row> truth, Dataset<Row> silver, Dataset<Row> ids) {
    Dataset<Row> pairs =
        ids.join(truth.withColumnRenamed("transfer_id", "tid"), "tid")
            .join(
                silver.select(
                    col("transfer_id").as("sid"),
                    col("from_account").as("s_from"),
                    col("to_account").as("s_to")),
                "sid");
    return pairs
        .select(col("s_from").as("skey"), col("from_key").as("tkey"))
        .union(pairs.select(col("s_to").as("skey"), col("to_key").as("tkey")))
        .where(col("skey").isNotNull())
        .distinct();
  }
}
