package io.scamflow.cases;

import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Path;
import io.scamflow.errors.Errors;
import io.scamflow.table.Lakehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything an analyst needs about one case on one run date, read from the gold tables, and the
 * self-contained HTML page made of it ({@link #html()}): no scripts, styles or fonts from
 * elsewhere, the network drawn as inline SVG.
 */
public final class CaseReport {
  /** Rows a table shows at most; the page says when it cut. */
  static final int MAX_ROWS = 500;

  record Node(String node, String kind, String role, double pagerank) {}

  record Edge(String src, String dst, int transfers, BigDecimal amountUsd) {}

  record Flow(
      String trace,
      String origin,
      int hop,
      String src,
      String dst,
      String transferId,
      String ts,
      BigDecimal amountUsd,
      BigDecimal tracedUsd) {}

  record Alert(
      String alertId,
      String typology,
      String anchor,
      List<String> members,
      BigDecimal amountUsd,
      String window,
      double score,
      String rule,
      String evidence) {}

  record Hit(
      String subject,
      String listId,
      String listVersion,
      String listedName,
      String matchType,
      double score,
      String explanation) {}

  record Risk(String node, double score, List<String> reasons) {}

  final CaseRow caseRow;
  final List<Node> nodes;
  final List<Edge> edges;
  final List<Flow> flows;
  final long flowCount;
  final List<Alert> alerts;
  final List<Path> exposures;
  final long exposureCount;
  final List<Hit> hits;
  final List<Risk> risks;

  CaseReport(
      CaseRow caseRow,
      List<Node> nodes,
      List<Edge> edges,
      List<Flow> flows,
      long flowCount,
      List<Alert> alerts,
      List<Path> exposures,
      long exposureCount,
      List<Hit> hits,
      List<Risk> risks) {
    this.caseRow = caseRow;
    this.nodes = nodes;
    this.edges = edges;
    this.flows = flows;
    this.flowCount = flowCount;
    this.alerts = alerts;
    this.exposures = exposures;
    this.exposureCount = exposureCount;
    this.hits = hits;
    this.risks = risks;
  }

  public String caseId() {
    return caseRow.caseId();
  }

  public LocalDate runDate() {
    return caseRow.runDate();
  }

  /** The page, as text. */
  public String html() {
    return CaseReportHtml.render(this);
  }

  /** Writes the page to {@code file} (UTF-8), creating its folder. */
  public void write(java.nio.file.Path file) {
    try {
      java.nio.file.Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the case report " + file, e);
    }
  }

  /**
   * Loads case {@code caseId} as of {@code runDate}, or as of the latest run date that has it.
   *
   * @throws io.scamflow.errors.ScamflowException when no such case exists
   */
  public static CaseReport load(Lakehouse lakehouse, String caseId, Optional<LocalDate> runDate) {
    lakehouse.ensure(Cases.TABLE);
    SparkSession spark = lakehouse.spark();
    String id = caseId.replace("'", "''");
    List<Row> found =
        spark
            .sql(
                "SELECT * FROM gold.cases WHERE case_id = '"
                    + id
                    + "'"
                    + runDate.map(d -> " AND run_date = DATE'" + d + "'").orElse("")
                    + " ORDER BY run_date DESC LIMIT 1")
            .collectAsList();
    if (found.isEmpty()) {
      throw Errors.invalidArgument(
          "No case '" + caseId + "'" + runDate.map(d -> " on " + d).orElse(""),
          "gold.cases has no row for it",
          "List the cases with: scamflow sql \"SELECT run_date, case_id, status, score FROM"
              + " gold.cases ORDER BY run_date DESC, score DESC\"");
    }
    CaseRow c = CaseRows.fromRow(found.get(0));
    String day = "DATE'" + c.runDate() + "'";
    spark
        .createDataset(c.members(), Encoders.STRING())
        .toDF("node")
        .createOrReplaceTempView("report_members");

    List<Node> nodes = new ArrayList<>();
    if (c.networkId() != null && CaseInputs.exists(lakehouse, CaseInputs.NETWORKS)) {
      for (Row r :
          spark
              .sql(
                  "SELECT node, first(node_kind), first(role), max(pagerank) FROM gold.networks"
                      + " WHERE run_date = "
                      + day
                      + " AND network_id = '"
                      + c.networkId().replace("'", "''")
                      + "' GROUP BY node ORDER BY node")
              .collectAsList()) {
        nodes.add(
            new Node(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.isNullAt(3) ? 0 : r.getDouble(3)));
      }
    }
    if (nodes.isEmpty()) { // a CLOSED case: its members, roles as far as the case row knows them
      for (String m : c.members()) {
        String role =
            c.designatedNodes().contains(m)
                ? "DESIGNATED"
                : c.victims().contains(m) ? "VICTIM" : "OTHER";
        nodes.add(new Node(m, null, role, 0));
      }
    }

    List<Edge> edges = new ArrayList<>();
    if (c.networkId() != null && CaseInputs.exists(lakehouse, "gold.network_edges")) {
      for (Row r :
          spark
              .sql(
                  "SELECT src, dst, sum(transfers), sum(amount_usd) FROM gold.network_edges WHERE"
                      + " run_date = "
                      + day
                      + " AND network_id = '"
                      + c.networkId().replace("'", "''")
                      + "' GROUP BY src, dst ORDER BY src, dst")
              .collectAsList()) {
        edges.add(
            new Edge(
                r.getString(0),
                r.getString(1),
                r.isNullAt(2) ? 0 : ((Number) r.get(2)).intValue(),
                CaseInputs.usd(r.getDecimal(3))));
      }
    }

    List<Flow> flows = new ArrayList<>();
    long flowCount = 0;
    if (CaseInputs.exists(lakehouse, CaseInputs.FLOWS)) {
      String where =
          " FROM gold.flows WHERE run_date = "
              + day
              + " AND src IN (SELECT node FROM report_members)"
              + " AND dst IN (SELECT node FROM report_members)";
      flowCount = spark.sql("SELECT count(*)" + where).first().getLong(0);
      for (Row r :
          spark
              .sql(
                  "SELECT trace, origin, hop, src, dst, transfer_id, CAST(ts AS STRING),"
                      + " amount_usd, traced_usd"
                      + where
                      + " ORDER BY trace DESC, origin, hop, ts, transfer_id LIMIT "
                      + MAX_ROWS)
              .collectAsList()) {
        flows.add(
            new Flow(
                r.getString(0),
                r.getString(1),
                r.isNullAt(2) ? 0 : ((Number) r.get(2)).intValue(),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                CaseInputs.usd(r.getDecimal(7)),
                CaseInputs.usd(r.getDecimal(8))));
      }
    }

    List<Alert> alerts = new ArrayList<>();
    if (!c.alertIds().isEmpty() && CaseInputs.exists(lakehouse, CaseInputs.ALERTS)) {
      spark
          .createDataset(c.alertIds(), Encoders.STRING())
          .toDF("alert_id")
          .createOrReplaceTempView("report_alerts");
      for (Row r :
          spark
              .sql(
                  "SELECT alert_id, typology, anchor, members, amount_usd, concat_ws(' to ',"
                      + " CAST(window_start AS STRING), CAST(window_end AS STRING)), score, rule,"
                      + " evidence FROM gold.alerts WHERE run_date = "
                      + day
                      + " AND alert_id IN (SELECT alert_id FROM report_alerts)"
                      + " ORDER BY score DESC, alert_id")
              .collectAsList()) {
        alerts.add(
            new Alert(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.isNullAt(3) ? List.of() : List.copyOf(r.<String>getList(3)),
                CaseInputs.usd(r.getDecimal(4)),
                r.getString(5),
                r.getDouble(6),
                r.getString(7),
                r.getString(8)));
      }
    }

    List<Path> exposures = new ArrayList<>();
    long exposureCount = 0;
    if (CaseInputs.exists(lakehouse, CaseInputs.EXPOSURE)) {
      String where =
          " FROM gold.exposure WHERE run_date = "
              + day
              + " AND node IN (SELECT node FROM report_members)";
      exposureCount = spark.sql("SELECT count(*)" + where).first().getLong(0);
      for (Row r :
          spark
              .sql(
                  "SELECT node, direction, path, path_transfers AS transfers, designated_node,"
                      + " list_id, list_version, hops, CAST(exposure_usd AS DECIMAL(24,2)) AS"
                      + " exposure_usd"
                      + where
                      + " ORDER BY hops, exposure_usd DESC, node, designated_node LIMIT "
                      + MAX_ROWS)
              .collectAsList()) {
        exposures.add(CaseRows.path(r));
      }
    }

    List<Hit> hits = new ArrayList<>();
    if (CaseInputs.exists(lakehouse, "gold.screening_hits")) {
      for (Row r :
          spark
              .sql(
                  "SELECT subject_id, list_id, list_version, listed_name, match_type, score,"
                      + " explanation FROM gold.screening_hits WHERE run_date = "
                      + day
                      + " AND subject_id IN (SELECT node FROM report_members)"
                      + " ORDER BY score DESC, subject_id, list_id LIMIT "
                      + MAX_ROWS)
              .collectAsList()) {
        hits.add(
            new Hit(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getDouble(5),
                r.getString(6)));
      }
    }

    List<Risk> risks = new ArrayList<>();
    if (CaseInputs.exists(lakehouse, CaseInputs.ENTITY_RISK)) {
      for (Row r :
          spark
              .sql(
                  "SELECT node, score, transform(reasons, x -> concat(x.source, ' ',"
                      + " coalesce(x.typology, ''), ': ', coalesce(x.detail, ''), ' (+',"
                      + " format_number(x.contribution, 2), ')')) FROM gold.entity_risk WHERE"
                      + " run_date = "
                      + day
                      + " AND node IN (SELECT node FROM report_members)"
                      + " ORDER BY score DESC, node LIMIT "
                      + MAX_ROWS)
              .collectAsList()) {
        risks.add(
            new Risk(
                r.getString(0),
                r.isNullAt(1) ? 0 : r.getDouble(1),
                r.isNullAt(2) ? List.of() : List.copyOf(r.<String>getList(2))));
      }
    }
    return new CaseReport(
        c, nodes, edges, flows, flowCount, alerts, exposures, exposureCount, hits, risks);
  }
}
