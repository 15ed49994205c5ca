package io.scamflow.evaluate;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import io.scamflow.detect.Detectors;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Per-typology precision and recall of the detectors over a generated world's truth transfers
 * (-Dscamflow.world=DIR, from {@code scamflow generate}), one look-back window covering the whole
 * world, with wall time per detector. Writes results/detection-rules.md (SCAMFLOW_BENCH_OUT names
 * another file under results/; results/detection.md is the curated write-up, not this output).
 */
@SparkTest
class BenchDetection {
  @Test
  void measureEveryDetectorAgainstTheWorldsTruth(SparkSession spark, Settings base)
      throws IOException {
    Path world =
        Path.of(
            System.getProperty(
                "scamflow.world", System.getenv().getOrDefault("SCAMFLOW_WORLD", "target/world")));
    Dataset<Row> truth = TruthTransfers.truth(spark, world).cache();
    Dataset<Row> transfers = TruthTransfers.asSilver(truth).cache();
    LocalDate last =
        transfers
            .agg(org.apache.spark.sql.functions.max("value_date"))
            .first()
            .getDate(0)
            .toLocalDate();
    DetectionContext context = new DetectionContext(last, transfers, base);
    Map<String, String> families = new LinkedHashMap<>();
    Dataset<Row> alerts = null;
    StringBuilder timing = new StringBuilder("| detector | alerts | seconds |\n|---|---:|---:|\n");
    String only = System.getenv().getOrDefault("SCAMFLOW_BENCH_ONLY", "");
    for (Detector d : Detectors.all()) {
      if (!only.isEmpty() && !java.util.List.of(only.split(",")).contains(d.typology())) {
        continue;
      }
      long t0 = System.nanoTime();
      Dataset<Row> found = d.detect(context).cache();
      long n = found.count();
      timing.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f |%n",
              d.typology(),
              n,
              (System.nanoTime() - t0) / 1e9));
      families.put(d.typology(), d.family());
      Dataset<Row> a = found.select("typology", "members", "transfer_ids");
      alerts = alerts == null ? a : alerts.unionByName(a);
    }
    // what the false positives are: the truth kind of honest transfers each detector flagged
    Dataset<Row> falseKinds =
        alerts
            .select(
                org.apache.spark.sql.functions.col("typology"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .explode(org.apache.spark.sql.functions.col("transfer_ids"))
                    .as("transfer_id"))
            .join(
                truth
                    .where("laundering = '0'")
                    .select("transfer_id", "typology")
                    .withColumnRenamed("typology", "honest_kind"),
                "transfer_id")
            .groupBy("typology", "honest_kind")
            .count()
            .orderBy(org.apache.spark.sql.functions.desc("count"));
    StringBuilder fp =
        new StringBuilder("| detector | honest kind flagged | transfers |\n|---|---|---:|\n");
    for (Row r : falseKinds.collectAsList()) {
      fp.append("| " + r.getString(0) + " | " + r.getString(1) + " | " + r.getLong(2) + " |\n");
    }
    Report report =
        DetectionMetrics.compute(alerts, truth, TruthTransfers.accounts(spark, world), families);
    String md =
        "Detectors over the truth transfers of "
            + world
            + " ("
            + transfers.count()
            + " transfers, one window to "
            + last
            + ")\n\n"
            + report.toMarkdown()
            + "\n"
            + timing
            + "\nHonest transfers in alerts, by the generator's kind:\n\n"
            + fp;
    System.out.println(md);
    Path out = Path.of(System.getProperty("scamflow.home", "..")).resolve("results");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve(System.getenv().getOrDefault("SCAMFLOW_BENCH_OUT", "detection-rules.md")), md);
  }
}
