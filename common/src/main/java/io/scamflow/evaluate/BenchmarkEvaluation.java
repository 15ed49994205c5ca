package io.scamflow.evaluate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.scamflow.behaviour.AccountBaselines;
import io.scamflow.behaviour.BehaviourReplay;
import io.scamflow.config.Settings;
import io.scamflow.detect.Alerts;
import io.scamflow.detect.Detector;
import io.scamflow.errors.Errors;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Readers;
import io.scamflow.ingest.bank.BankTables;
import io.scamflow.ingest.bank.FiatSilver;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.transfers.SilverTransfers;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A public benchmark (AMLSim or IBM's AMLworld) through the whole pipeline in a scratch lakehouse:
 * its bank transfers are laid out as one landing day, every stage runs once with a look-back that
 * spans the whole file, and the alerts are scored against the benchmark's labels, which ingest
 * keeps apart (silver.benchmark_labels) and no detector reads. Labels: IBM's Is Laundering per
 * transfer (an account is positive when it took part in one); AMLSim's per-account isFraud / SAR
 * flag from its accounts file (a transfer is positive when both its accounts are). Writes
 * metrics.json and flagged_accounts.csv (account id exactly as in the input, score, flagged).
 */
public final class BenchmarkEvaluation {
  /** The benchmarks and their reader formats. */
  public static final Map<String, String> DATASETS =
      Map.of("amlsim", "amlsim-csv", "ibm-aml", "ibm-aml-csv");

  private final SparkSession spark;
  private final Settings settings;

  public BenchmarkEvaluation(SparkSession spark, Settings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  /** What the run found, beside the files it wrote. */
  public record Result(Report report, long transfers, long accounts, long positives, long alerts) {}

  public Result run(String dataset, Path input, Path out, Consumer<String> progress) {
    String format = DATASETS.get(dataset);
    if (format == null) {
      throw Errors.invalidArgument(
          "Unknown dataset '" + dataset + "'",
          "the benchmarks are " + String.join(", ", DATASETS.keySet()),
          "e.g. --dataset amlsim");
    }
    if (!Files.exists(input)) {
      throw Errors.invalidArgument(
          "No such input: " + input, "--input must be a benchmark file or folder", "");
    }
    FormatReader reader = Readers.forFormat("bank", format);
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    Path scratch = out.resolve("lakehouse");
    Path landing = out.resolve("landing");
    List<Path> files = layOut(input, reader, landing.resolve(day + "/bank/" + format));
    if (files.isEmpty()) {
      throw Errors.invalidArgument(
          "No " + format + " transfer files in " + input,
          "the " + dataset + " reader recognises none of the files there",
          "point --input at the benchmark's transaction CSV or its folder");
    }
    // one nightly run whose look-back window reaches back over the whole benchmark
    Settings wide =
        settings.with(
            Map.of(
                "scamflow.detect.lookback-days",
                "60000",
                // a public benchmark holds bank transfers only: no lists to screen against
                "scamflow.dq.sanctions.required",
                "false",
                "scamflow.lakehouse",
                scratch.toAbsolutePath().toString()));
    Lakehouse lakehouse = Lakehouse.open(spark, scratch.toAbsolutePath().toString());
    lakehouse.ensureAll(io.scamflow.ScamflowTables.all());
    new Pipeline(lakehouse, wide, Pipeline.standardStages())
        .run(day, Optional.of(landing.toAbsolutePath().toString()), progress);

    Dataset<Row> silver =
        spark
            .table(SilverTransfers.TABLE.name())
            .select(
                col("transfer_id"),
                col("from_account").as("from_key"),
                col("to_account").as("to_key"));
    // account id as written in the input, per account key
    Dataset<Row> bronze = spark.table(BankTables.BRONZE.name());
    Dataset<Row> written =
        bronze
            .select(col("debtor_account_key").as("account_key"), col("debtor_account").as("id"))
            .union(
                bronze.select(
                    col("creditor_account_key").as("account_key"),
                    col("creditor_account").as("id")))
            .where(col("account_key").isNotNull().and(col("id").isNotNull()))
            .distinct()
            .cache();
    Optional<Dataset<Row>> accountLabels = accountLabels(input);
    Dataset<Row> transferLabels =
        spark
            .table(FiatSilver.LABELS.name())
            .groupBy("transfer_id")
            .agg(max(col("is_laundering").cast("int")).as("label"));
    Dataset<Row> positiveKeys;
    Dataset<Row> truthTransfers;
    if (accountLabels.isPresent()) {
      positiveKeys =
          written
              .join(accountLabels.get().where(col("positive")), "id")
              .select("account_key")
              .distinct();
      Dataset<Row> p = positiveKeys.withColumn("pos", lit(1));
      truthTransfers =
          silver
              .join(
                  p.withColumnRenamed("account_key", "from_key").withColumnRenamed("pos", "a"),
                  new String[] {"from_key"},
                  "left")
              .join(
                  p.withColumnRenamed("account_key", "to_key").withColumnRenamed("pos", "b"),
                  new String[] {"to_key"},
                  "left")
              .withColumn(
                  "laundering", when(col("a").equalTo(1).and(col("b").equalTo(1)), 1).otherwise(0));
    } else {
      truthTransfers =
          silver
              .join(transferLabels, new String[] {"transfer_id"}, "left")
              .withColumn("laundering", coalesce(col("label"), lit(0)));
      Dataset<Row> pos = truthTransfers.where(col("laundering").equalTo(1));
      positiveKeys =
          pos.select(col("from_key").as("account_key"))
              .union(pos.select(col("to_key").as("account_key")))
              .distinct();
    }
    truthTransfers =
        truthTransfers
            .withColumn(
                "typology", when(col("laundering").equalTo(1), "laundering").otherwise("honest"))
            .select("transfer_id", "from_key", "to_key", "laundering", "typology")
            .cache();
    Dataset<Row> roles =
        written
            .select("account_key")
            .distinct()
            .join(positiveKeys.withColumn("pos", lit(true)), new String[] {"account_key"}, "left")
            .select(
                col("account_key"),
                when(col("pos"), lit("mule")).otherwise(lit("honest")).as("role"))
            .cache();
    // The one run is dated today and detection looks back from it: a benchmark dated after today
    // (a generated world of 2027 in a benchmark's format) would fall outside every window, so the
    // network detectors run again over the window ending on the file's last value date.
    java.sql.Date lastValue =
        spark.table(SilverTransfers.TABLE.name()).agg(max("value_date")).first().getDate(0);
    Dataset<Row> network =
        lastValue != null && lastValue.toLocalDate().isAfter(day)
            ? io.scamflow.detect.DetectionStage.detect(lakehouse, wide, lastValue.toLocalDate())
            : spark.table(Alerts.TABLE.name());
    Dataset<Row> alerts = withReplayedBehaviour(network, lakehouse, wide, progress).cache();
    Report report =
        DetectionMetrics.compute(
            alerts.select("typology", "members", "transfer_ids"),
            truthTransfers,
            roles,
            TruthEvaluation.families());
    long transfers = truthTransfers.count();
    long accounts = roles.count();
    long positives = roles.where(col("role").equalTo("mule")).count();
    Map<String, String> header = new LinkedHashMap<>();
    header.put("dataset", dataset);
    header.put("input", input.toString());
    header.put("transfers", Long.toString(transfers));
    header.put("accounts", Long.toString(accounts));
    header.put("positive_accounts", Long.toString(positives));
    header.put(
        "labels",
        accountLabels.isPresent()
            ? "account flags from the accounts file; a transfer is positive when both ends are"
            : "transfer labels (Is Laundering); an account is positive when it took part in one");
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("metrics.json"), report.toJson(header));
      // flagged as the headline counts it: by a network typology's alert (docs/detect.md)
      writeFlagged(
          written,
          alerts.where(col("typology").isin(networkTypologies().toArray())),
          out.resolve("flagged_accounts.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(report, transfers, accounts, positives, alerts.count());
  }

  private static List<String> networkTypologies() {
    return TruthEvaluation.families().entrySet().stream()
        .filter(e -> !DetectionMetrics.BEHAVIOUR.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The network detectors' alerts of the one run over the whole file, and the behavioural signals'
   * detections replayed date by date (they compare a day with the days before it, which one run
   * over all of history cannot do: see {@link BehaviourReplay}).
   */
  private static Dataset<Row> withReplayedBehaviour(
      Dataset<Row> alerts, Lakehouse lakehouse, Settings settings, Consumer<String> progress) {
    String[] kept = {"typology", "members", "transfer_ids", "score"};
    Object[] behaviour = BehaviourReplay.signals().stream().map(Detector::typology).toArray();
    Dataset<Row> network = alerts.select(kept[0], kept[1], kept[2], kept[3]);
    if (behaviour.length == 0) {
      return network;
    }
    // the one run's baselines lump the whole file into today's date: the replay must not read them
    // (a benchmark dated after today would see its own future)
    TableWriter writer = new TableWriter(lakehouse);
    RunContext clear = RunContext.start("behaviour-replay", LocalDate.now(ZoneOffset.UTC));
    for (var contract : List.of(AccountBaselines.TABLE, AccountBaselines.PEERS)) {
      lakehouse.ensure(contract);
      writer.replaceWhere(
          contract, lakehouse.spark().createDataFrame(List.of(), contract.schema()), clear, "true");
    }
    Dataset<Row> replayed = BehaviourReplay.run(lakehouse, settings, progress);
    return network
        .where(not(col("typology").isin(behaviour)))
        .unionByName(replayed.select(kept[0], kept[1], kept[2], kept[3]));
  }

  /** Links (or copies) the reader's files under the landing folder. */
  private static List<Path> layOut(Path input, FormatReader reader, Path folder) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.isDirectory(input) ? Files.walk(input) : Stream.of(input)) {
      Files.createDirectories(folder);
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        if (!reader.accepts(p.getFileName().toString())) {
          continue;
        }
        Path target = folder.resolve(p.getFileName().toString());
        if (!Files.exists(target)) {
          try {
            Files.createSymbolicLink(target, p.toAbsolutePath());
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(p, target);
          }
        }
        out.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * AMLSim's per-account labels (id, positive) from a CSV beside the transfers whose header has an
   * account id column and an isFraud / is_sar / SAR flag column; empty when there is none.
   */
  Optional<Dataset<Row>> accountLabels(Path input) {
    Path dir = Files.isDirectory(input) ? input : input.getParent();
    if (dir == null) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        String header;
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          header = Optional.ofNullable(r.readLine()).orElse("");
        }
        List<String> cols = List.of(header.strip().split(","));
        String id = pick(cols, "ACCOUNT_ID", "acct_id", "ACCT_ID", "nodeId", "account_id");
        String flag = pick(cols, "isFraud", "IS_FRAUD", "is_fraud", "is_sar", "IS_SAR", "SAR_FLAG");
        if (id != null && flag != null) {
          Dataset<Row> rows = spark.read().option("header", "true").csv(p.toString());
          return Optional.of(
              rows.select(
                      col(id).as("id"),
                      lower(col(flag).cast("string"))
                          .isin("true", "1", "yes", "y", "t")
                          .as("positive"))
                  .groupBy("id")
                  .agg(org.apache.spark.sql.functions.bool_or(col("positive")).as("positive")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  private static String pick(List<String> cols, String... names) {
    for (String n : names) {
      for (String c : cols) {
        if (c.strip().equals(n)) {
          return c.strip();
        }
      }
    }
    return null;
  }

  /** One row per account id as written: its best alert score, and whether any alert holds it. */
  private static void writeFlagged(Dataset<Row> written, Dataset<Row> alerts, Path file)
      throws IOException {
    Dataset<Row> scores =
        alerts
            .select(explode(col("members")).as("account_key"), col("score"))
            .groupBy("account_key")
            .agg(max("score").as("score"));
    Dataset<Row> rows =
        written
            .join(scores, new String[] {"account_key"}, "left")
            .groupBy("id")
            .agg(max(coalesce(col("score"), lit(0.0))).as("score"))
            .orderBy(col("score").desc(), col("id"));
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("account_id,score,flagged\n");
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        double score = r.getDouble(1);
        w.write(
            csv(r.getString(0))
                + ","
                + String.format(Locale.ROOT, "%.3f", score)
                + ","
                + (score > 0 ? "1" : "0")
                + "\n");
      }
    }
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
