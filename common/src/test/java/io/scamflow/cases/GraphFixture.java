package io.scamflow.cases;

import io.scamflow.detect.Alerts;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.transfers.SilverTransfers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One run date of the gold tables cases are built from, crafted row by row: gold.networks,
 * gold.network_edges, gold.flows, gold.exposure, gold.entity_risk (declared here with the columns
 * the graph stages write) and the real gold.alerts.
 */
final class GraphFixture {
  private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType);

  static final TableContract NETWORKS =
      contract("gold.networks")
          .column("network_id", DataTypes.StringType, false, "network")
          .column("node", DataTypes.StringType, false, "node")
          .column("node_kind", DataTypes.StringType, "kind")
          .column("role", DataTypes.StringType, "role")
          .column("pagerank", DataTypes.DoubleType, "pagerank")
          .column("personalised_pagerank", DataTypes.DoubleType, "ppr")
          .build();
  static final TableContract EDGES =
      contract("gold.network_edges")
          .column("network_id", DataTypes.StringType, false, "network")
          .column("src", DataTypes.StringType, false, "src")
          .column("dst", DataTypes.StringType, false, "dst")
          .column("transfers", DataTypes.IntegerType, "transfers")
          .column("amount_usd", SilverTransfers.USD, "usd")
          .column("first_ts", DataTypes.TimestampType, "first")
          .column("last_ts", DataTypes.TimestampType, "last")
          .build();
  static final TableContract FLOWS =
      contract("gold.flows")
          .column("flow_id", DataTypes.StringType, false, "flow")
          .column("trace", DataTypes.StringType, "trace")
          .column("origin", DataTypes.StringType, "origin")
          .column("hop", DataTypes.IntegerType, "hop")
          .column("src", DataTypes.StringType, "src")
          .column("dst", DataTypes.StringType, "dst")
          .column("transfer_id", DataTypes.StringType, "transfer")
          .column("ts", DataTypes.TimestampType, "ts")
          .column("amount_usd", SilverTransfers.USD, "usd")
          .column("traced_usd", SilverTransfers.USD, "traced")
          .column("path_id", DataTypes.StringType, "path")
          .build();
  static final TableContract EXPOSURE =
      contract("gold.exposure")
          .column("node", DataTypes.StringType, false, "node")
          .column("node_kind", DataTypes.StringType, "kind")
          .column("direction", DataTypes.StringType, "direction")
          .column("hops", DataTypes.IntegerType, "hops")
          .column("exposure_usd", SilverTransfers.USD, "usd")
          .column("designated_node", DataTypes.StringType, "designated")
          .column("list_id", DataTypes.StringType, "list")
          .column("list_version", DataTypes.StringType, "version")
          .column("path", STRINGS, "path")
          .column("path_transfers", STRINGS, "transfers")
          .build();
  static final StructType REASON =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("typology", DataTypes.StringType)
          .add("detail", DataTypes.StringType)
          .add("contribution", DataTypes.DoubleType);
  static final TableContract RISK =
      contract("gold.entity_risk")
          .column("node", DataTypes.StringType, false, "node")
          .column("node_kind", DataTypes.StringType, "kind")
          .column("entity_id", DataTypes.StringType, "entity")
          .column("score", DataTypes.DoubleType, "score")
          .column("reasons", DataTypes.createArrayType(REASON), "reasons")
          .build();

  private static TableContract.Builder contract(String name) {
    return TableContract.builder(name)
        .comment("test copy of " + name)
        .column("run_date", DataTypes.DateType, false, "run date")
        .partitionedBy("run_date")
        .dateColumn("run_date");
  }

  private final LocalDate day;
  private final Date date;
  private final List<Row> nodes = new ArrayList<>();
  private final List<Row> edges = new ArrayList<>();
  private final List<Row> flows = new ArrayList<>();
  private final List<Row> exposures = new ArrayList<>();
  private final List<Row> alerts = new ArrayList<>();
  private final List<Row> risks = new ArrayList<>();

  GraphFixture(LocalDate day) {
    this.day = day;
    this.date = Date.valueOf(day);
  }

  LocalDate day() {
    return day;
  }

  GraphFixture node(String network, String node, String role) {
    String kind =
        node.startsWith("ENTITY:")
            ? "ENTITY"
            : node.startsWith("TRON:") || node.startsWith("ETHEREUM:") ? "ADDRESS" : "ACCOUNT";
    nodes.add(RowFactory.create(date, network, node, kind, role, 0.1, 0.2));
    return this;
  }

  GraphFixture edge(String network, String src, String dst, int transfers, double usd) {
    Timestamp ts = Timestamp.valueOf(day.atTime(10, 0));
    edges.add(RowFactory.create(date, network, src, dst, transfers, usd(usd), ts, ts));
    return this;
  }

  GraphFixture flow(
      String trace, String origin, int hop, String src, String dst, String tid, double usd) {
    flows.add(
        RowFactory.create(
            date,
            trace + ":" + origin + ":" + tid,
            trace,
            origin,
            hop,
            src,
            dst,
            tid,
            Timestamp.valueOf(day.atTime(9, hop)),
            usd(usd),
            usd(usd),
            "p:" + origin));
    return this;
  }

  GraphFixture exposure(
      String node, int hops, double usd, String designated, String list, String version) {
    List<String> path = new ArrayList<>();
    path.add(node);
    for (int i = 1; i < hops; i++) {
      path.add("…" + i);
    }
    path.add(designated);
    List<String> transfers = new ArrayList<>();
    for (int i = 0; i < hops; i++) {
      transfers.add("x" + node.hashCode() + "-" + i);
    }
    exposures.add(
        RowFactory.create(
            date,
            node,
            "ACCOUNT",
            "TO_DESIGNATED",
            hops,
            usd(usd),
            designated,
            list,
            version,
            path.toArray(new String[0]),
            transfers.toArray(new String[0])));
    return this;
  }

  GraphFixture alert(String id, String typology, double score, String... members) {
    alerts.add(
        RowFactory.create(
            id,
            date,
            typology,
            members[0],
            members,
            new String[] {"t-" + id},
            usd(1000),
            "rule of " + typology,
            score,
            "{\"measured\":\"" + id + "\"}"));
    return this;
  }

  GraphFixture risk(String node, double score, String typology, String detail) {
    risks.add(
        RowFactory.create(
            date,
            node,
            "ACCOUNT",
            null,
            score,
            new Row[] {RowFactory.create("alert", typology, detail, score)}));
    return this;
  }

  void write(Lakehouse lakehouse) {
    RunContext run = RunContext.start("test", day);
    TableWriter w = new TableWriter(lakehouse);
    w.replaceDay(NETWORKS, frame(lakehouse, NETWORKS, nodes), run);
    w.replaceDay(EDGES, frame(lakehouse, EDGES, edges), run);
    w.replaceDay(FLOWS, frame(lakehouse, FLOWS, flows), run);
    w.replaceDay(EXPOSURE, frame(lakehouse, EXPOSURE, exposures), run);
    w.replaceDay(RISK, frame(lakehouse, RISK, risks), run);
    StructType alertSchema =
        new StructType()
            .add("alert_id", DataTypes.StringType)
            .add("run_date", DataTypes.DateType)
            .add("typology", DataTypes.StringType)
            .add("anchor", DataTypes.StringType)
            .add("members", STRINGS)
            .add("transfer_ids", STRINGS)
            .add("amount_usd", SilverTransfers.USD)
            .add("rule", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("evidence", DataTypes.StringType);
    w.replaceDay(Alerts.TABLE, lakehouse.spark().createDataFrame(alerts, alertSchema), run);
  }

  private static org.apache.spark.sql.Dataset<Row> frame(
      Lakehouse lakehouse, TableContract contract, List<Row> rows) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : contract.schema().fields()) {
      if (contract.businessColumns().contains(f.name())) {
        fields.add(f);
      }
    }
    return lakehouse
        .spark()
        .createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
  }

  static BigDecimal usd(double x) {
    return new BigDecimal(String.valueOf(x)).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
