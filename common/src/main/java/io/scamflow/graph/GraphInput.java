package io.scamflow.graph;

import io.scamflow.config.Settings;
import io.scamflow.detect.Alerts;
import io.scamflow.ingest.chain.ChainTables;
import io.scamflow.ingest.kyc.KycTables;
import io.scamflow.resolve.EntityResolution;
import io.scamflow.screen.Screening;
import io.scamflow.table.Lakehouse;
import io.scamflow.transfers.TransferEdges;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The money graph of one run date, as DataFrames (nothing is collected to the driver): transfer
 * edges of the look-back window ending on the run date, ownership links (entity to its accounts and
 * addresses, exchange KYC links between a customer's bank account and deposit address, Bitcoin
 * co-spend wallets to their addresses), and the designated nodes (listed crypto addresses seen in
 * transfers, and the accounts and addresses of entities whose name hit a list).
 *
 * <p>Node ids are strings: account keys as silver.transfers writes them (IBAN:…, ACCT:…, TRON:…,
 * ETHEREUM:0x…, BITCOIN:…), silver.entities ids for entities and BTCW:… for co-spend wallets.
 */
public final class GraphInput {
  private final Lakehouse lakehouse;
  private final Settings settings;
  private final LocalDate runDate;

  public GraphInput(Lakehouse lakehouse, Settings settings, LocalDate runDate) {
    this.lakehouse = lakehouse;
    this.settings = settings;
    this.runDate = runDate;
    lakehouse.ensureAll(
        List.of(
            TransferEdges.TABLE,
            EntityResolution.MEMBERS,
            KycTables.SILVER_VASP_LINKS,
            ChainTables.SILVER_BTC_WALLETS,
            ChainTables.SILVER_ADDRESS_TAGS,
            Screening.HITS,
            Alerts.TABLE,
            Exposure.TABLE,
            Flows.TABLE,
            Networks.TABLE));
  }

  public LocalDate runDate() {
    return runDate;
  }

  public Settings settings() {
    return settings;
  }

  public SparkSession spark() {
    return lakehouse.spark();
  }

  /** SQL for a node's kind from its id: ADDRESS (chain key), ACCOUNT (bank key) or ENTITY. */
  public static String kindSql(String column) {
    return "CASE WHEN "
        + column
        + " RLIKE '^(TRON|ETHEREUM|BITCOIN):' THEN 'ADDRESS' WHEN "
        + column
        + " RLIKE '^(IBAN|ACCT):' THEN 'ACCOUNT' ELSE 'ENTITY' END";
  }

  private String day() {
    return "DATE'" + runDate + "'";
  }

  /** First run date of the look-back window. */
  LocalDate windowStart() {
    return runDate.minusDays(settings.integer("scamflow.graph.lookback-days") - 1L);
  }

  /**
   * Transfers of the window, one row each: src, dst, ts, ts_late, amount_usd (DOUBLE, 0 when no
   * rate), rail, transfer_id. {@code ts} and {@code ts_late} are the earliest and latest the
   * transfer can have happened (equal when the source gives a time; the value date's span for a
   * date-only transfer, see {@link TransferEdges}); edges written before ts_late existed get ts.
   * Self-transfers are left out: they move nothing between nodes.
   */
  public Dataset<Row> transfers() {
    return spark()
        .sql(
            "SELECT src, dst, ts, coalesce(ts_late, ts) ts_late,"
                + " CAST(coalesce(amount_usd, 0) AS DOUBLE) amount_usd, rail, transfer_id FROM "
                + TransferEdges.TABLE.name()
                + " WHERE run_date BETWEEN DATE'"
                + windowStart()
                + "' AND "
                + day()
                + " AND src <> dst");
  }

  /**
   * Ownership links (undirected, one row per pair): a, b, kind = MEMBER (entity → its account or
   * address, from resolution), KYC_LINK (a customer's bank account ↔ their deposit address, as the
   * exchange reported it, valid on the run date) or CO_SPEND (Bitcoin wallet → its addresses).
   */
  public Dataset<Row> ownership() {
    String members =
        "SELECT entity_id a, member_id b, 'MEMBER' kind FROM "
            + EntityResolution.MEMBERS.name()
            + " WHERE member_kind IN ('ACCOUNT', 'ADDRESS') AND run_date = (SELECT max(run_date)"
            + " FROM "
            + EntityResolution.MEMBERS.name()
            + " WHERE run_date <= "
            + day()
            + ")";
    String kyc =
        "SELECT bank_account_key a, deposit_account_key b, 'KYC_LINK' kind FROM "
            + KycTables.SILVER_VASP_LINKS.name()
            + " WHERE bank_account_key IS NOT NULL AND deposit_account_key IS NOT NULL"
            + " AND first_seen <= "
            + day()
            + " AND (linked_from IS NULL OR linked_from <= "
            + day()
            + ") AND (linked_to IS NULL OR linked_to > "
            + day()
            + ")";
    String coSpend =
        "SELECT wallet_id a, concat('BITCOIN:', address) b, 'CO_SPEND' kind FROM "
            + ChainTables.SILVER_BTC_WALLETS.name()
            + " WHERE wallet_size > 1";
    return spark()
        .sql(
            "SELECT a, b, min(kind) kind FROM ("
                + members
                + " UNION ALL "
                + kyc
                + " UNION ALL "
                + coSpend
                + ") WHERE a <> b GROUP BY a, b");
  }

  /**
   * Designated nodes, one row each: node, list_id, list_version, listed_entity (the list's entity
   * id), match_type, score. Listed crypto and watchlist addresses hit on the run date, and every
   * account or address of a resolved entity (or of a party record's entity) whose name hit a list
   * at or above the screening threshold <em>and</em> was corroborated by a second identifier (a
   * positive {@code scamflow.graph.designation.corroborating-parts} part of the hit's score, e.g.
   * the date of birth). A name alone is a possible match for an analyst to dispose of, not a
   * designation: bank records carry no date of birth, and honest namesakes of listed people are
   * common (see {@link #possibleMatches()}). Where several hits name a node, the strongest wins.
   */
  public Dataset<Row> designated() {
    return strongestPerNode(
        "SELECT node, list_id, list_version, listed_entity, match_type, score FROM ("
            + addressHits()
            + ") UNION ALL SELECT node, list_id, list_version, listed_entity, match_type, score"
            + " FROM ("
            + heldByNameHits()
            + ") WHERE corroborated");
  }

  /**
   * Possible matches, one row each (same columns as {@link #designated()}): accounts and addresses
   * held by a party or entity whose name hit a list at or above the screening threshold with
   * nothing but the name (and weak parts such as nationality) to support it, and that are not
   * designated otherwise. They add risk, explained as a possible match, but do not seed exposure,
   * flows or networks.
   */
  public Dataset<Row> possibleMatches() {
    return strongestPerNode(
        "SELECT p.node, p.list_id, p.list_version, p.listed_entity, p.match_type, p.score FROM ("
            + heldByNameHits()
            + ") p LEFT ANTI JOIN (SELECT node FROM ("
            + addressHits()
            + ") UNION ALL SELECT node FROM ("
            + heldByNameHits()
            + ") WHERE corroborated) d ON d.node = p.node WHERE NOT p.corroborated");
  }

  private String screeningHits() {
    return "(SELECT * FROM " + Screening.HITS.name() + " WHERE run_date = " + day() + ")";
  }

  private String addressHits() {
    return "SELECT subject_id node, list_id, list_version, entity_id listed_entity, match_type,"
        + " score FROM "
        + screeningHits()
        + " WHERE match_type IN ('CRYPTO_ADDRESS', 'WATCHLIST_ADDRESS')";
  }

  /**
   * Name and alias hits at or above the screening threshold, carried to every account and address
   * of the matched party's or entity's resolved entity, with {@code corroborated}.
   */
  private String heldByNameHits() {
    double threshold = settings.decimal("scamflow.screen.threshold");
    List<String> parts = settings.strings("scamflow.graph.designation.corroborating-parts");
    String corroborated =
        parts.isEmpty()
            ? "true"
            : String.join(
                " OR ",
                parts.stream()
                    .map(p -> "coalesce(h.score_parts['" + p.replace("'", "") + "'], 0) > 0")
                    .toList());
    String members =
        "(SELECT * FROM "
            + EntityResolution.MEMBERS.name()
            + " WHERE run_date = (SELECT max(run_date) FROM "
            + EntityResolution.MEMBERS.name()
            + " WHERE run_date <= "
            + day()
            + "))";
    String nameHits =
        "SELECT h.subject_kind, h.subject_id, h.list_id, h.list_version, h.entity_id, h.match_type,"
            + " h.score, ("
            + corroborated
            + ") corroborated FROM "
            + screeningHits()
            + " h WHERE h.match_type IN ('NAME', 'ALIAS') AND h.score >= "
            + threshold;
    String entityOf =
        "SELECT n.*, CASE WHEN n.subject_kind = 'ENTITY' THEN n.subject_id ELSE p.entity_id END"
            + " resolved FROM ("
            + nameHits
            + ") n LEFT JOIN "
            + members
            + " p ON n.subject_kind = 'PARTY' AND p.member_kind = 'PARTY' AND p.member_id ="
            + " n.subject_id";
    return "SELECT m.member_id node, e.list_id, e.list_version, e.entity_id listed_entity,"
        + " e.match_type, e.score, e.corroborated FROM ("
        + entityOf
        + ") e JOIN "
        + members
        + " m ON m.entity_id = e.resolved AND m.member_kind IN ('ACCOUNT', 'ADDRESS')";
  }

  private Dataset<Row> strongestPerNode(String rows) {
    return spark()
        .sql(
            "SELECT node, list_id, list_version, listed_entity, match_type, score FROM (SELECT *,"
                + " row_number() OVER (PARTITION BY node ORDER BY score DESC, match_type, list_id,"
                + " listed_entity) rn FROM ("
                + rows
                + ")) WHERE rn = 1");
  }

  /** Address keys tagged with one of {@code categories} in silver.address_tags: node. */
  public Dataset<Row> tagged(List<String> categories) {
    String in =
        categories.isEmpty()
            ? "''"
            : String.join(", ", categories.stream().map(c -> "'" + c + "'").toList());
    return spark()
        .sql(
            "SELECT DISTINCT account_key node FROM "
                + ChainTables.SILVER_ADDRESS_TAGS.name()
                + " WHERE lower(category) IN ("
                + in
                + ") AND first_seen <= "
                + day());
  }

  /** gold.alerts of the run date (empty before detection has run). */
  public Dataset<Row> alerts() {
    return spark().sql("SELECT * FROM " + Alerts.TABLE.name() + " WHERE run_date = " + day());
  }
}
