package io.scamflow.graph;

import io.scamflow.config.Settings;
import io.scamflow.resolve.EntityResolution;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Additive, explainable risk per node and per resolved entity. Every reason is one row of evidence
 * with its contribution, and the score is their sum:
 *
 * <ul>
 *   <li>alert: each alert typology a node takes part in adds {@code
 *       scamflow.risk.weights.<typology>} (or {@code scamflow.risk.default-weight}) times the
 *       alert's score, strongest alert per typology;
 *   <li>exposure: {@code exposure-weight} × {@code exposure-decay}^(hops − 1), per direction, for
 *       the nearest designated node;
 *   <li>screening: {@code screening-weight} × the hit score for a designated node, and {@code
 *       possible-match-weight} × the hit score for a name-only possible match;
 *   <li>network: {@code network-weight} × its personalised PageRank relative to the date's highest.
 * </ul>
 *
 * An entity's score is the sum over the distinct reasons of its accounts, addresses and itself.
 */
public final class EntityRisk {
  public static final StructType REASON =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("typology", DataTypes.StringType)
          .add("detail", DataTypes.StringType)
          .add("contribution", DataTypes.DoubleType);

  public static final TableContract TABLE =
      TableContract.builder("gold.entity_risk")
          .comment(
              "Risk score per account, address and resolved entity of one run date, the sum of its"
                  + " listed reasons")
          .column("run_date", DataTypes.DateType, false, "Run date scored")
          .column("node", DataTypes.StringType, false, "Account key, address key or entity id")
          .column("node_kind", DataTypes.StringType, false, "ACCOUNT, ADDRESS or ENTITY")
          .column(
              "entity_id",
              DataTypes.StringType,
              "Resolved entity (silver.entities) the node is or belongs to; null if unresolved")
          .column("score", DataTypes.DoubleType, false, "Sum of the reasons' contributions")
          .column(
              "reasons",
              DataTypes.createArrayType(REASON),
              "Why: source (alert, exposure, screening, network), typology, detail in words,"
                  + " contribution to the score; largest first")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "node")
          .build();

  private final Lakehouse lakehouse;

  public EntityRisk(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Nightly stage: replaces gold.entity_risk for the run date. */
  public StageOutcome run(GraphInput input, RunContext run) {
    WriteResult written = new TableWriter(lakehouse).replaceDay(TABLE, compute(input), run);
    return StageOutcome.derived(List.of(written), written.rowsWritten() + " risk scores");
  }

  /** The weight of an alert typology: its own key if declared, else the default. */
  static double weight(Settings settings, String typology) {
    return settings
        .optional("scamflow.risk.weights." + typology)
        .map(Double::parseDouble)
        .orElse(settings.decimal("scamflow.risk.default-weight"));
  }

  public static Dataset<Row> compute(GraphInput input) {
    SparkSession spark = input.spark();
    Settings s = input.settings();
    String day = "DATE'" + input.runDate() + "'";
    input.alerts().createOrReplaceTempView("risk_alerts");
    // Typologies are few; their weights become a SQL CASE so new detectors need no code here.
    List<String> typologies =
        spark.sql("SELECT DISTINCT typology FROM risk_alerts").collectAsList().stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    String weightCase =
        typologies.isEmpty()
            ? String.valueOf(s.decimal("scamflow.risk.default-weight"))
            : "CASE "
                + typologies.stream()
                    .map(
                        t ->
                            "WHEN typology = '"
                                + t.replace("'", "")
                                + "' THEN "
                                + String.format(Locale.ROOT, "%.6f", weight(s, t)))
                    .collect(Collectors.joining(" "))
                + " ELSE "
                + s.decimal("scamflow.risk.default-weight")
                + " END";
    input.designated().createOrReplaceTempView("risk_designated");
    input.possibleMatches().createOrReplaceTempView("risk_possible");

    String alerts =
        "SELECT node, 'alert' source, typology, detail, contribution FROM (SELECT node, typology,"
            + " concat('alert ', alert_id, ': ', rule, ' (score ', format_number(score, 2), ')')"
            + " detail, ("
            + weightCase
            + ") * score contribution, row_number() OVER (PARTITION BY node, typology ORDER BY"
            + " score DESC, alert_id) rn FROM (SELECT explode(array_distinct(array_union("
            + "coalesce(members, array()), array(anchor)))) node, * FROM risk_alerts)) WHERE rn = 1";
    String exposure =
        "SELECT node, 'exposure' source, lower(direction) typology, concat(hops, ' hop(s) ',"
            + " CASE WHEN direction = 'TO_DESIGNATED' THEN 'to ' ELSE 'from ' END,"
            + " designated_node, ' (', coalesce(list_id, '?'), ' ', coalesce(list_version, ''),"
            + " '), up to ', coalesce(CAST(exposure_usd AS STRING), 'n/a'), ' USD via ',"
            + " concat_ws(' > ', path)) detail, "
            + s.decimal("scamflow.risk.exposure-weight")
            + " * pow("
            + s.decimal("scamflow.risk.exposure-decay")
            + ", hops - 1) contribution FROM (SELECT *, row_number() OVER (PARTITION BY node,"
            + " direction ORDER BY hops, exposure_usd DESC NULLS LAST, designated_node) rn FROM "
            + Exposure.TABLE.name()
            + " WHERE run_date = "
            + day
            + ") WHERE rn = 1";
    String screening =
        "SELECT node, 'screening' source, lower(match_type) typology, concat('listed by ',"
            + " list_id, ' ', coalesce(list_version, ''), ' as ', listed_entity, ' (score ',"
            + " format_number(score, 2), ')') detail, "
            + s.decimal("scamflow.risk.screening-weight")
            + " * score contribution FROM risk_designated";
    String possible =
        "SELECT node, 'screening' source, 'possible_match' typology, concat('possible match, name"
            + " only (no date of birth or identifier to confirm it): ', list_id, ' ',"
            + " coalesce(list_version, ''), ' entry ', listed_entity, ' (', lower(match_type), '"
            + " score ', format_number(score, 2), ')') detail, "
            + s.decimal("scamflow.risk.possible-match-weight")
            + " * score contribution FROM risk_possible";
    String network =
        "SELECT node, 'network' source, lower(role) typology, concat('network ', network_id, ' of ',"
            + " network_size, ' nodes; personalised PageRank ', format_number(personalised_pagerank,"
            + " 5), ', PageRank ', format_number(pagerank, 3)) detail, "
            + s.decimal("scamflow.risk.network-weight")
            + " * personalised_pagerank / (SELECT max(personalised_pagerank) FROM "
            + Networks.TABLE.name()
            + " WHERE run_date = "
            + day
            + ") contribution FROM "
            + Networks.TABLE.name()
            + " WHERE run_date = "
            + day
            + " AND personalised_pagerank > 0";
    spark
        .sql(
            "SELECT * FROM ("
                + alerts
                + " UNION ALL "
                + exposure
                + " UNION ALL "
                + screening
                + " UNION ALL "
                + possible
                + " UNION ALL "
                + network
                + ") WHERE contribution > 0")
        .localCheckpoint()
        .createOrReplaceTempView("risk_reasons");
    spark
        .sql(
            "SELECT entity_id, member_id FROM "
                + EntityResolution.MEMBERS.name()
                + " WHERE member_kind IN ('ACCOUNT', 'ADDRESS') AND run_date = (SELECT"
                + " max(run_date) FROM "
                + EntityResolution.MEMBERS.name()
                + " WHERE run_date <= "
                + day
                + ")")
        .createOrReplaceTempView("risk_members");

    String perNode =
        "SELECT r.node, min(m.entity_id) entity_id, collect_set(struct(r.source, r.typology,"
            + " r.detail, r.contribution)) reasons FROM risk_reasons r LEFT JOIN risk_members m"
            + " ON m.member_id = r.node WHERE "
            + GraphInput.kindSql("r.node")
            + " <> 'ENTITY' GROUP BY r.node";
    // An entity: its own reasons plus its members', each distinct reason once.
    String perEntity =
        "SELECT entity_id node, entity_id, collect_set(struct(source, typology, detail,"
            + " contribution)) reasons FROM (SELECT m.entity_id, r.* FROM risk_reasons r JOIN"
            + " risk_members m ON m.member_id = r.node UNION ALL SELECT r.node, r.* FROM"
            + " risk_reasons r WHERE "
            + GraphInput.kindSql("r.node")
            + " = 'ENTITY') GROUP BY entity_id";
    // Reasons in a total order (largest contribution first, ties by source, typology, detail), and
    // the score summed in that order: collect_set's order varies between runs, and so would a
    // double summed in it, so a rerun of the date would not write the same rows.
    return spark.sql(
        "SELECT run_date, node, node_kind, entity_id, aggregate(reasons, 0D, (acc, x) -> acc +"
            + " x.contribution) score, reasons FROM (SELECT "
            + day
            + " run_date, node, "
            + GraphInput.kindSql("node")
            + " node_kind, entity_id, array_sort(reasons, (a, b) -> CASE WHEN a.contribution >"
            + " b.contribution THEN -1 WHEN a.contribution < b.contribution THEN 1 WHEN a.source <"
            + " b.source THEN -1 WHEN a.source > b.source THEN 1 WHEN a.typology < b.typology THEN"
            + " -1 WHEN a.typology > b.typology THEN 1 WHEN a.detail < b.detail THEN -1 WHEN"
            + " a.detail > b.detail THEN 1 ELSE 0 END) reasons FROM ("
            + perNode
            + " UNION ALL "
            + perEntity
            + "))");
  }
}
