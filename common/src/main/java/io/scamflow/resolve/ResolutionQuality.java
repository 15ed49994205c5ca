package io.scamflow.resolve;

import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Entity resolution measured against generator truth ({@code truth/entity-records}: which real
 * entity each bank account and exchange customer belongs to). The units are the party records
 * resolution clusters (silver.entity_members, member_kind PARTY, on the run date), each labelled
 * with the truth entity of its bank account ({@code ACCT:<BIC8>:<number>} or {@code IBAN:<iban>}
 * against the truth key {@code <BIC>:<number>}) or of its KYC customer ({@code KYC:<vasp>:<id>}
 * against {@code <vasp>:<id>}). Records no truth row names are left out and counted.
 */
public final class ResolutionQuality {
  private ResolutionQuality() {}

  /**
   * The figures: pairwise precision/recall (pairs of records put together), B-cubed
   * precision/recall/F1 (per record, averaged), and how many records were scored.
   */
  public record Figures(
      long records,
      long unlabelledRecords,
      long truthEntities,
      long resolvedEntities,
      double pairwisePrecision,
      double pairwiseRecall,
      double bcubedPrecision,
      double bcubedRecall,
      double bcubedF1) {

    public double pairwiseF1() {
      return f1(pairwisePrecision, pairwiseRecall);
    }

    /** One line for logs and reports. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%d records (%d unlabelled), %d true entities, %d resolved: pairwise P %.3f R %.3f;"
              + " B-cubed P %.3f R %.3f F1 %.3f",
          records,
          unlabelledRecords,
          truthEntities,
          resolvedEntities,
          pairwisePrecision,
          pairwiseRecall,
          bcubedPrecision,
          bcubedRecall,
          bcubedF1);
    }
  }

  /** Reads {@code truthDir/entity-records} (CSV with header) and scores the run date. */
  public static Figures evaluate(SparkSession spark, String truthDir, LocalDate runDate) {
    Dataset<Row> records = spark.read().option("header", "true").csv(truthDir + "/entity-records");
    return evaluate(spark, records, runDate);
  }

  /**
   * Scores silver.entity_members of the run date against truth entity records (columns source,
   * record_key, entity_id).
   */
  public static Figures evaluate(SparkSession spark, Dataset<Row> truthRecords, LocalDate runDate) {
    truthLabels(spark, truthRecords).createOrReplaceTempView("rq_truth");
    Dataset<Row> resolved =
        spark.sql(
            "SELECT member_id record_id, entity_id FROM silver.entity_members"
                + " WHERE member_kind = 'PARTY' AND run_date = DATE'"
                + runDate
                + "'");
    resolved.createOrReplaceTempView("rq_resolved");
    Row unlabelled =
        spark
            .sql(
                "SELECT count(*) FROM rq_resolved r LEFT ANTI JOIN rq_truth t"
                    + " ON r.record_id = t.record_id")
            .first();
    spark
        .sql(
            "SELECT t.truth_entity, r.entity_id, count(*) n FROM rq_resolved r JOIN rq_truth t"
                + " ON r.record_id = t.record_id GROUP BY t.truth_entity, r.entity_id")
        .createOrReplaceTempView("rq_cells");
    Row f =
        spark
            .sql(
                "SELECT sum(c.n) records, count(DISTINCT c.truth_entity) truth_entities,"
                    + " count(DISTINCT c.entity_id) resolved_entities,"
                    + " sum(c.n * (c.n - 1) / 2) together_and_true,"
                    + " sum(c.n * c.n / p.n) b3p, sum(c.n * c.n / t.n) b3r"
                    + " FROM rq_cells c"
                    + " JOIN (SELECT entity_id, sum(n) n FROM rq_cells GROUP BY entity_id) p"
                    + " ON c.entity_id = p.entity_id"
                    + " JOIN (SELECT truth_entity, sum(n) n FROM rq_cells GROUP BY truth_entity) t"
                    + " ON c.truth_entity = t.truth_entity")
            .first();
    Row pairs =
        spark
            .sql(
                "SELECT (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT sum(n) n FROM"
                    + " rq_cells GROUP BY entity_id)) resolved_pairs,"
                    + " (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT sum(n) n FROM"
                    + " rq_cells GROUP BY truth_entity)) truth_pairs")
            .first();
    long n = f.isNullAt(0) ? 0 : f.getLong(0);
    double tp = f.isNullAt(3) ? 0 : ((Number) f.get(3)).doubleValue();
    double resolvedPairs = ((Number) pairs.get(0)).doubleValue();
    double truthPairs = ((Number) pairs.get(1)).doubleValue();
    double b3p = n == 0 ? 0 : ((Number) f.get(4)).doubleValue() / n;
    double b3r = n == 0 ? 0 : ((Number) f.get(5)).doubleValue() / n;
    return new Figures(
        n,
        unlabelled.getLong(0),
        f.getLong(1),
        f.getLong(2),
        resolvedPairs == 0 ? 1.0 : tp / resolvedPairs,
        truthPairs == 0 ? 1.0 : tp / truthPairs,
        b3p,
        b3r,
        f1(b3p, b3r));
  }

  /**
   * record_id (as resolution writes it) -> truth entity, for every bank party and KYC customer the
   * truth names. A bank party is labelled through its account: every party record holding the
   * account gets the account holder's entity.
   */
  static Dataset<Row> truthLabels(SparkSession spark, Dataset<Row> truthRecords) {
    truthRecords.createOrReplaceTempView("rq_truth_records");
    Parties.read(spark).createOrReplaceTempView("rq_parties");
    return spark.sql(
        "SELECT DISTINCT p.record_id, t.entity_id truth_entity FROM rq_parties p JOIN ("
            + " SELECT entity_id, explode(array("
            + "   concat('ACCT:', substr(split_part(record_key, ':', 1), 1, 8), ':',"
            + "     regexp_replace(substr(record_key, instr(record_key, ':') + 1), '[ .-]', '')),"
            + "   concat('IBAN:', upper(regexp_replace(substr(record_key, instr(record_key, ':')"
            + "     + 1), '[ .-]', ''))))) account_key"
            + " FROM rq_truth_records WHERE source = 'bank_account') t"
            + " ON p.account_key = t.account_key AND p.record_id LIKE 'PARTY:%'"
            + " UNION SELECT concat('KYC:', record_key) record_id, entity_id truth_entity"
            + " FROM rq_truth_records WHERE source = 'kyc_customer'");
  }

  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
