package io.scamflow.cases;

import io.scamflow.cases.CaseModel.AlertRef;
import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Network;
import io.scamflow.cases.CaseModel.Path;
import io.scamflow.table.Lakehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Summarises each of the run date's networks from the gold tables the graph and detection stages
 * write. Joins and rankings run in Spark; only per-network summaries (members, a few paths, alert
 * ids) reach the driver. A table that does not exist yet counts as empty.
 */
final class CaseInputs {
  static final String NETWORKS = "gold.networks";
  static final String ALERTS = "gold.alerts";
  static final String FLOWS = "gold.flows";
  static final String EXPOSURE = "gold.exposure";
  static final String ENTITY_RISK = "gold.entity_risk";

  private final Lakehouse lakehouse;
  private final SparkSession spark;
  private final String day;
  private final int topPaths;

  CaseInputs(Lakehouse lakehouse, LocalDate day, int topPaths) {
    this.lakehouse = lakehouse;
    this.spark = lakehouse.spark();
    this.day = "DATE'" + day + "'";
    this.topPaths = topPaths;
  }

  static boolean exists(Lakehouse lakehouse, String table) {
    return lakehouse.spark().catalog().tableExists(table);
  }

  List<Network> networks() {
    spark
        .sql("SELECT DISTINCT network_id, node, role FROM " + NETWORKS + " WHERE run_date = " + day)
        .createOrReplaceTempView("case_nodes");
    Map<String, TreeSet<String>> members = new TreeMap<>();
    Map<String, TreeSet<String>> designated = new HashMap<>();
    Map<String, TreeSet<String>> victims = new HashMap<>();
    for (Row r : spark.sql("SELECT network_id, node, role FROM case_nodes").collectAsList()) {
      String id = r.getString(0);
      members.computeIfAbsent(id, k -> new TreeSet<>()).add(r.getString(1));
      if ("DESIGNATED".equals(r.getString(2))) {
        designated.computeIfAbsent(id, k -> new TreeSet<>()).add(r.getString(1));
      } else if ("VICTIM".equals(r.getString(2))) {
        victims.computeIfAbsent(id, k -> new TreeSet<>()).add(r.getString(1));
      }
    }
    Map<String, List<AlertRef>> alerts = alerts();
    Map<String, BigDecimal> traced = forwardTraced();
    Map<String, BigDecimal> intoDesignated = backwardTraced();
    Map<String, List<Path>> top = new HashMap<>();
    Map<String, Path> strongest = new HashMap<>();
    Map<String, TreeSet<String>> exposed = new HashMap<>();
    exposures(top, strongest, exposed);
    Map<String, Row> risk = riskiest();

    List<Network> out = new ArrayList<>();
    for (Map.Entry<String, TreeSet<String>> e : members.entrySet()) {
      String id = e.getKey();
      Row r = risk.get(id);
      out.add(
          new Network(
              id,
              List.copyOf(e.getValue()),
              List.copyOf(designated.getOrDefault(id, new TreeSet<>())),
              List.copyOf(victims.getOrDefault(id, new TreeSet<>())),
              alerts.getOrDefault(id, List.of()),
              traced.getOrDefault(id, BigDecimal.ZERO.setScale(2)),
              intoDesignated.getOrDefault(id, BigDecimal.ZERO.setScale(2)),
              List.copyOf(exposed.getOrDefault(id, new TreeSet<>())),
              top.getOrDefault(id, List.of()),
              strongest.get(id),
              r == null ? null : r.getString(1),
              r == null || r.isNullAt(2) ? 0 : r.getDouble(2),
              r == null ? null : r.getString(3)));
    }
    return out;
  }

  private Map<String, List<AlertRef>> alerts() {
    Map<String, List<AlertRef>> out = new HashMap<>();
    if (!exists(lakehouse, ALERTS)) {
      return out;
    }
    String q =
        "SELECT DISTINCT n.network_id, a.alert_id, a.typology, a.score FROM (SELECT alert_id,"
            + " typology, score, explode(members) AS node FROM "
            + ALERTS
            + " WHERE run_date = "
            + day
            + ") a JOIN case_nodes n ON a.node = n.node ORDER BY 1, 2";
    for (Row r : spark.sql(q).collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(new AlertRef(r.getString(1), r.getString(2), r.getDouble(3)));
    }
    return out;
  }

  /** Victims' payments into each network: the first edge of every FORWARD trace. */
  private Map<String, BigDecimal> forwardTraced() {
    if (!exists(lakehouse, FLOWS)) {
      return new HashMap<>();
    }
    return sums(
        "SELECT n.network_id, sum(f.t) FROM (SELECT origin, transfer_id, dst, max(traced_usd) AS t"
            + " FROM "
            + FLOWS
            + " WHERE run_date = "
            + day
            + " AND trace = 'FORWARD' AND src = origin GROUP BY origin, transfer_id, dst) f"
            + " JOIN case_nodes n ON f.dst = n.node GROUP BY n.network_id");
  }

  /** Money traced into each network's designated wallets: the last edge of BACKWARD traces. */
  private Map<String, BigDecimal> backwardTraced() {
    if (!exists(lakehouse, FLOWS)) {
      return new HashMap<>();
    }
    return sums(
        "SELECT n.network_id, sum(f.t) FROM (SELECT origin, transfer_id, max(traced_usd) AS t"
            + " FROM "
            + FLOWS
            + " WHERE run_date = "
            + day
            + " AND trace = 'BACKWARD' AND dst = origin GROUP BY origin, transfer_id) f"
            + " JOIN case_nodes n ON f.origin = n.node GROUP BY n.network_id");
  }

  private Map<String, BigDecimal> sums(String query) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Row r : spark.sql(query).collectAsList()) {
      if (!r.isNullAt(1)) {
        out.put(r.getString(0), usd(r.getDecimal(1)));
      }
    }
    return out;
  }

  /** Top paths (most USD first) and the strongest exposure (fewest hops) of each network. */
  private void exposures(
      Map<String, List<Path>> top, Map<String, Path> strongest, Map<String, TreeSet<String>> all) {
    if (!exists(lakehouse, EXPOSURE)) {
      return;
    }
    String q =
        "SELECT * FROM (SELECT n.network_id, e.node, e.direction, e.path, e.path_transfers,"
            + " e.designated_node, e.list_id, e.list_version, e.hops, e.exposure_usd,"
            + " row_number() OVER (PARTITION BY n.network_id ORDER BY e.exposure_usd DESC NULLS"
            + " LAST, e.hops, e.node, e.designated_node, e.direction) AS by_usd,"
            + " row_number() OVER (PARTITION BY n.network_id ORDER BY e.hops, e.exposure_usd DESC"
            + " NULLS LAST, e.node, e.designated_node, e.direction) AS by_hops,"
            + " collect_set(e.designated_node) OVER (PARTITION BY n.network_id) AS reached"
            + " FROM "
            + EXPOSURE
            + " e JOIN case_nodes n ON e.node = n.node WHERE e.run_date = "
            + day
            + ") WHERE by_usd <= "
            + topPaths
            + " OR by_hops = 1 ORDER BY network_id, by_usd";
    for (Row r : spark.sql(q).collectAsList()) {
      String id = r.getString(0);
      Path p =
          new Path(
              r.getString(1),
              r.getString(2),
              r.isNullAt(3) ? List.of() : List.copyOf(r.<String>getList(3)),
              r.isNullAt(4) ? List.of() : List.copyOf(r.<String>getList(4)),
              r.getString(5),
              r.getString(6),
              r.getString(7),
              r.isNullAt(8) ? 0 : ((Number) r.get(8)).intValue(),
              r.isNullAt(9) ? null : usd(r.getDecimal(9)));
      if (r.getInt(10) <= topPaths) {
        top.computeIfAbsent(id, k -> new ArrayList<>()).add(p);
      }
      if (r.getInt(11) == 1) {
        strongest.put(id, p);
      }
      all.computeIfAbsent(id, k -> new TreeSet<>()).addAll(r.<String>getList(12));
    }
  }

  /** Per network: network_id, the riskiest member, its score and its strongest reason. */
  private Map<String, Row> riskiest() {
    Map<String, Row> out = new HashMap<>();
    if (!exists(lakehouse, ENTITY_RISK)) {
      return out;
    }
    String q =
        "SELECT network_id, node, score, concat_ws(' ', best.source, best.typology, best.detail)"
            + " AS top_reason FROM (SELECT n.network_id, r.node, r.score,"
            + " max_by(x, x.contribution) AS best,"
            + " row_number() OVER (PARTITION BY n.network_id ORDER BY r.score DESC, r.node) AS k"
            + " FROM (SELECT node, score, explode_outer(reasons) AS x FROM "
            + ENTITY_RISK
            + " WHERE run_date = "
            + day
            + ") r JOIN case_nodes n ON r.node = n.node GROUP BY n.network_id, r.node, r.score)"
            + " WHERE k = 1";
    for (Row r : spark.sql(q).collectAsList()) {
      out.put(r.getString(0), r);
    }
    return out;
  }

  /** The open cases of the latest run before {@code day}: what today's networks continue. */
  static List<CaseRow> previousCases(Lakehouse lakehouse, LocalDate day) {
    lakehouse.ensure(Cases.TABLE);
    String d = "DATE'" + day + "'";
    return lakehouse
        .spark()
        .sql(
            "SELECT * FROM "
                + Cases.TABLE.name()
                + " WHERE status <> 'CLOSED' AND run_date = (SELECT max(run_date) FROM "
                + Cases.TABLE.name()
                + " WHERE run_date < "
                + d
                + ")")
        .collectAsList()
        .stream()
        .map(CaseRows::fromRow)
        .toList();
  }

  static BigDecimal usd(BigDecimal x) {
    return x == null ? null : x.setScale(2, RoundingMode.HALF_UP);
  }
}
