package io.scamflow.graph;

import static org.apache.spark.sql.functions.col;

import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.SilverTransfers;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Networks: connected components of the suspicious subgraph (nodes named by alerts of the network
 * families, exposed within a few hops, on traced flows, or designated; the transfer and ownership
 * links among them), with PageRank over it and personalised PageRank restarting at designated nodes
 * and at the anchors of scam-typology alerts, so the nodes money concentrates on near known bad
 * actors rank first.
 */
public final class Networks {
  public static final TableContract TABLE =
      TableContract.builder("gold.networks")
          .comment(
              "Suspicious networks of one run date: each node of the suspicious subgraph with its"
                  + " network, role and ranks")
          .column("run_date", DataTypes.DateType, false, "Run date (end of the look-back window)")
          .column(
              "network_id",
              DataTypes.StringType,
              false,
              "The network (connected component): its smallest node id on that date")
          .column("node", DataTypes.StringType, false, "Account key, address key or entity id")
          .column("node_kind", DataTypes.StringType, false, "ACCOUNT, ADDRESS or ENTITY")
          .column(
              "role",
              DataTypes.StringType,
              false,
              "DESIGNATED (list hit), VICTIM (victim-pattern alert or traced victim), OTC or"
                  + " EXCHANGE (address tags), MULE (in another alert), OTHER")
          .column(
              "pagerank",
              DataTypes.DoubleType,
              false,
              "PageRank over the suspicious subgraph (1 = average node)")
          .column(
              "personalised_pagerank",
              DataTypes.DoubleType,
              false,
              "PageRank restarting at designated nodes and scam-alert anchors (sums to 1 over"
                  + " the date); 0 when there is no seed")
          .column("network_size", DataTypes.LongType, "Nodes in the network")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "node")
          .build();

  public static final TableContract EDGES =
      TableContract.builder("gold.network_edges")
          .comment(
              "Links inside each suspicious network, transfers aggregated per pair, to draw it")
          .column("run_date", DataTypes.DateType, false, "Run date (end of the look-back window)")
          .column("network_id", DataTypes.StringType, false, "The network (gold.networks)")
          .column("src", DataTypes.StringType, false, "Paying node (or owner for ownership links)")
          .column("dst", DataTypes.StringType, false, "Receiving node (or what is owned)")
          .column("transfers", DataTypes.IntegerType, false, "Transfers src paid dst; 0 for links")
          .column("amount_usd", SilverTransfers.USD, "USD src paid dst in the window")
          .column("first_ts", DataTypes.TimestampType, "First of those transfers")
          .column("last_ts", DataTypes.TimestampType, "Last of those transfers")
          .column(
              "kind", DataTypes.StringType, "TRANSFER, or MEMBER / KYC_LINK / CO_SPEND ownership")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "src", "dst", "kind")
          .build();

  private final Lakehouse lakehouse;

  public Networks(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** The two tables' rows for a run date (without audit columns). */
  public record Result(Dataset<Row> nodes, Dataset<Row> edges) {}

  /** Nightly stage: replaces gold.networks and gold.network_edges for the run date. */
  public StageOutcome run(GraphInput input, RunContext run) {
    Result r = compute(input);
    TableWriter writer = new TableWriter(lakehouse);
    WriteResult nodes = writer.replaceDay(TABLE, r.nodes(), run);
    WriteResult edges = writer.replaceDay(EDGES, r.edges(), run);
    return StageOutcome.derived(
        List.of(nodes, edges),
        nodes.rowsWritten() + " network nodes, " + edges.rowsWritten() + " network edges");
  }

  public static Result compute(GraphInput input) {
    SparkSession spark = input.spark();
    var s = input.settings();
    String day = "DATE'" + input.runDate() + "'";
    int exposureHops = s.integer("scamflow.graph.networks.max-exposure-hops");
    // Only alerts of the configured families (network shapes) put their members in the suspicious
    // subgraph: a behavioural signal alone says "unusual for this account", not "part of a
    // laundering network"; it still adds risk, and attaches to a case its account is a member of.
    List<String> families = s.strings("scamflow.graph.networks.alert-families");
    List<String> typologies =
        io.scamflow.detect.Detectors.all().stream()
            .filter(d -> families.contains(d.family()))
            .map(d -> d.typology())
            .toList();
    input
        .alerts()
        .where(org.apache.spark.sql.functions.col("typology").isin(typologies.toArray()))
        .createOrReplaceTempView("net_alerts");
    input.designated().createOrReplaceTempView("net_designated");
    input.transfers().createOrReplaceTempView("net_transfers");
    input.ownership().createOrReplaceTempView("net_owned");
    input
        .tagged(s.strings("scamflow.graph.networks.exchange-categories"))
        .createOrReplaceTempView("net_exchange");
    input
        .tagged(s.strings("scamflow.graph.networks.otc-categories"))
        .createOrReplaceTempView("net_otc");
    String victimTypologies = quoted(s.strings("scamflow.graph.flows.victim-typologies"));
    String seedTypologies = quoted(s.strings("scamflow.graph.networks.seed-typologies"));

    Dataset<Row> suspicious =
        spark.sql(
            "SELECT DISTINCT node FROM ("
                + "SELECT explode(array_union(coalesce(members, array()), array(anchor))) node"
                + " FROM net_alerts"
                + " UNION ALL SELECT node FROM "
                + Exposure.TABLE.name()
                + " WHERE run_date = "
                + day
                + " AND hops <= "
                + exposureHops
                + " UNION ALL SELECT src FROM "
                + Flows.TABLE.name()
                + " WHERE run_date = "
                + day
                + " UNION ALL SELECT dst FROM "
                + Flows.TABLE.name()
                + " WHERE run_date = "
                + day
                + " UNION ALL SELECT node FROM net_designated) WHERE node IS NOT NULL");
    suspicious.localCheckpoint().createOrReplaceTempView("net_suspicious");

    Dataset<Row> links =
        spark
            .sql(
                "SELECT t.src, t.dst, CAST(count(*) AS INT) transfers,"
                    + " CAST(sum(t.amount_usd) AS DECIMAL(24,2)) amount_usd, min(t.ts) first_ts,"
                    + " max(t.ts) last_ts, 'TRANSFER' kind FROM net_transfers t"
                    + " JOIN net_suspicious a ON a.node = t.src JOIN net_suspicious b"
                    + " ON b.node = t.dst GROUP BY t.src, t.dst"
                    + " UNION ALL SELECT o.a, o.b, 0, CAST(NULL AS DECIMAL(24,2)),"
                    + " CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP), o.kind FROM net_owned o"
                    + " JOIN net_suspicious a ON a.node = o.a JOIN net_suspicious b ON b.node = o.b")
            .localCheckpoint();
    links.createOrReplaceTempView("net_links");

    Dataset<Row> ids =
        GraphX.numbered(
            spark,
            spark.sql(
                "SELECT DISTINCT node FROM (SELECT src node FROM net_links UNION ALL"
                    + " SELECT dst FROM net_links)"));
    ids.createOrReplaceTempView("net_ids");
    // Money direction for ranks; ownership links count both ways.
    Dataset<Row> directed =
        spark.sql(
            "SELECT a.id src, b.id dst FROM net_links l JOIN net_ids a ON a.node = l.src"
                + " JOIN net_ids b ON b.node = l.dst UNION ALL SELECT b.id, a.id FROM net_links l"
                + " JOIN net_ids a ON a.node = l.src JOIN net_ids b ON b.node = l.dst"
                + " WHERE l.kind <> 'TRANSFER'");
    directed = directed.localCheckpoint();

    GraphX.connectedComponents(spark, directed).createOrReplaceTempView("net_cc");
    GraphX.pageRank(
            spark,
            directed,
            s.decimal("scamflow.graph.networks.pagerank-tolerance"),
            s.decimal("scamflow.graph.networks.reset-probability"))
        .createOrReplaceTempView("net_pr");
    // The seeds are few (designated nodes and scam-alert anchors in the subgraph), capped in conf.
    long[] seeds =
        spark
            .sql(
                "SELECT DISTINCT i.id FROM net_ids i WHERE i.node IN (SELECT node FROM"
                    + " net_designated UNION ALL SELECT anchor FROM net_alerts WHERE typology IN ("
                    + seedTypologies
                    + ")) ORDER BY i.id LIMIT "
                    + s.integer("scamflow.graph.networks.max-seeds"))
            .collectAsList()
            .stream()
            .mapToLong(r -> r.getLong(0))
            .toArray();
    GraphX.personalisedPageRank(
            spark,
            directed,
            seeds,
            s.integer("scamflow.graph.networks.ppr-iterations"),
            s.decimal("scamflow.graph.networks.reset-probability"))
        .createOrReplaceTempView("net_ppr");

    Dataset<Row> nodes =
        spark
            .sql(
                "WITH comp AS (SELECT i.node, c.component FROM net_ids i JOIN net_cc c"
                    + " ON c.vertex = i.id), named AS (SELECT node, component,"
                    + " min(node) OVER (PARTITION BY component) network_id,"
                    + " count(*) OVER (PARTITION BY component) network_size FROM comp)"
                    + " SELECT "
                    + day
                    + " run_date, n.network_id, n.node, "
                    + GraphInput.kindSql("n.node")
                    + " node_kind, CASE"
                    + " WHEN n.node IN (SELECT node FROM net_designated) THEN 'DESIGNATED'"
                    + " WHEN n.node IN (SELECT anchor FROM net_alerts WHERE typology IN ("
                    + victimTypologies
                    + ")) OR n.node IN (SELECT origin FROM "
                    + Flows.TABLE.name()
                    + " WHERE run_date = "
                    + day
                    + " AND trace = 'FORWARD') THEN 'VICTIM'"
                    + " WHEN n.node IN (SELECT node FROM net_otc) THEN 'OTC'"
                    + " WHEN n.node IN (SELECT node FROM net_exchange) THEN 'EXCHANGE'"
                    + " WHEN n.node IN (SELECT explode(members) FROM net_alerts) THEN 'MULE'"
                    + " ELSE 'OTHER' END role, coalesce(p.rank, 0D) pagerank,"
                    + " coalesce(q.rank, 0D) personalised_pagerank, n.network_size"
                    + " FROM named n JOIN net_ids i ON i.node = n.node"
                    + " LEFT JOIN net_pr p ON p.vertex = i.id LEFT JOIN net_ppr q ON q.vertex = i.id")
            .localCheckpoint();
    nodes.createOrReplaceTempView("net_nodes");
    Dataset<Row> edges =
        spark.sql(
            "SELECT "
                + day
                + " run_date, n.network_id, l.* FROM net_links l JOIN net_nodes n"
                + " ON n.node = l.src");
    return new Result(nodes, edges.select(col("*")));
  }

  private static String quoted(List<String> values) {
    return values.isEmpty()
        ? "''"
        : String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
  }
}
