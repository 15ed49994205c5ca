package io.scamflow.screen;

import io.scamflow.resolve.Parties;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Screening measured against generator truth ({@code truth/screening.csv}: which bank accounts and
 * addresses belong to which designated entity, under which list entry, listed from which day).
 * Units are (subject, designated entity): a subject is an address ({@code CHAIN:address}) or a bank
 * account (every bank party record holding it stands for it); a hit's list entry is mapped to the
 * designated entity through the truth's entity records (OFAC uid, UN reference), so one entity
 * listed by OFAC and the UN counts once, and a wallet only OFAC lists is not expected under the UN.
 * Expected on the run date: truth rows listed on or before it whose subject the lakehouse has seen
 * (an account or address absent from silver.parties and silver.transfers cannot be screened);
 * found: the ADDRESS and bank PARTY hits of gold.screening_hits for the date at or above the
 * threshold. KYC-customer and resolved ENTITY hits are not scored: the truth does not list them.
 */
public final class ScreeningQuality {
  private ScreeningQuality() {}

  /** Precision and recall at the threshold, and the counts behind them. */
  public record Figures(
      double threshold,
      long expected,
      long found,
      long truePositives,
      double precision,
      double recall) {

    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "at %.2f: %d expected hits, %d found, %d right: precision %.3f recall %.3f",
          threshold,
          expected,
          found,
          truePositives,
          precision,
          recall);
    }
  }

  /**
   * Reads {@code truthDir/screening.csv} and {@code truthDir/entity-records} and scores the run
   * date's hits.
   */
  public static Figures evaluate(
      SparkSession spark, String truthDir, LocalDate runDate, double threshold) {
    return evaluate(
        spark,
        spark.read().option("header", "true").csv(truthDir + "/screening.csv"),
        spark.read().option("header", "true").csv(truthDir + "/entity-records"),
        runDate,
        threshold);
  }

  /**
   * Scores gold.screening_hits of the run date against truth screening rows (entity_id, list,
   * list_entry_id, listed_on, party_kind, party_key) and entity records (source, record_key,
   * entity_id: which entity each list entry is).
   */
  public static Figures evaluate(
      SparkSession spark,
      Dataset<Row> truth,
      Dataset<Row> entityRecords,
      LocalDate runDate,
      double threshold) {
    String day = "DATE'" + runDate + "'";
    truth.createOrReplaceTempView("sq_truth_rows");
    entityRecords.createOrReplaceTempView("sq_entity_records");
    // the subjects the lakehouse has seen, keyed the way the truth writes them
    Parties.read(spark).createOrReplaceTempView("sq_parties");
    spark
        .sql(
            "SELECT DISTINCT record_id, account_key FROM sq_parties"
                + " WHERE record_id LIKE 'PARTY:%' AND account_key IS NOT NULL")
        .createOrReplaceTempView("sq_bank_parties");
    String seenAddresses =
        Parties.exists(spark, "silver.transfers")
            ? "SELECT from_account a FROM silver.transfers WHERE run_date <= "
                + day
                + " UNION SELECT to_account FROM silver.transfers WHERE run_date <= "
                + day
            : "SELECT CAST(NULL AS STRING) a WHERE false";
    spark.sql(seenAddresses).createOrReplaceTempView("sq_seen_addresses");
    spark
        .sql(
            "SELECT entity_id, CASE WHEN party_kind ="
                + " 'address' THEN concat(upper(split_part(party_key, ':', 1)), ':',"
                + " CASE WHEN lower(split_part(party_key, ':', 1)) = 'ethereum'"
                + " THEN lower(substr(party_key, instr(party_key, ':') + 1))"
                + " ELSE substr(party_key, instr(party_key, ':') + 1) END)"
                + " ELSE concat('ACCT:', substr(split_part(party_key, ':', 1), 1, 8), ':',"
                + " substr(party_key, instr(party_key, ':') + 1)) END subject,"
                + " party_kind FROM sq_truth_rows WHERE CAST(listed_on AS DATE) <= "
                + day)
        .createOrReplaceTempView("sq_truth_all");
    spark
        .sql(
            "SELECT DISTINCT t.entity_id, t.subject FROM sq_truth_all t"
                + " WHERE (t.party_kind = 'address' AND t.subject IN"
                + " (SELECT a FROM sq_seen_addresses))"
                + " OR (t.party_kind != 'address' AND t.subject IN"
                + " (SELECT account_key FROM sq_bank_parties))")
        .createOrReplaceTempView("sq_expected");
    spark
        .sql(
            "SELECT DISTINCT coalesce(e.entity_id, concat(h.list_id, ':', h.entity_id)) entity_id,"
                + " CASE WHEN h.subject_kind = 'ADDRESS' THEN h.subject_id"
                + " ELSE coalesce(p.account_key, h.subject_id) END subject"
                + " FROM gold.screening_hits h LEFT JOIN sq_bank_parties p"
                + " ON h.subject_kind = 'PARTY' AND h.subject_id = p.record_id"
                + " LEFT JOIN sq_entity_records e ON upper(e.source) = h.list_id"
                + " AND e.record_key = h.entity_id"
                + " WHERE h.run_date = "
                + day
                + " AND h.score >= "
                + threshold
                + " AND (h.subject_kind = 'ADDRESS' OR h.subject_id LIKE 'PARTY:%')")
        .createOrReplaceTempView("sq_found");
    Row r =
        spark
            .sql(
                "SELECT (SELECT count(*) FROM sq_expected), (SELECT count(*) FROM sq_found),"
                    + " (SELECT count(*) FROM sq_found f JOIN sq_expected e"
                    + " ON f.entity_id = e.entity_id AND f.subject = e.subject)")
            .first();
    long expected = r.getLong(0);
    long found = r.getLong(1);
    long tp = r.getLong(2);
    return new Figures(
        threshold,
        expected,
        found,
        tp,
        found == 0 ? 1.0 : (double) tp / found,
        expected == 0 ? 1.0 : (double) tp / expected);
  }
}
