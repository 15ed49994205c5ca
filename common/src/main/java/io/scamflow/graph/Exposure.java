package io.scamflow.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.SilverTransfers;
import java.io.Serializable;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Exposure to designated nodes, in both directions, by Pregel over the money graph: a node is
 * exposed TO_DESIGNATED when its money can reach a designated node along transfers (and ownership
 * links), FROM_DESIGNATED when money from one can reach it. Each superstep extends every known
 * route by one hop; a node keeps, per designated node, its shortest route (ties: the larger USD,
 * then the first path in text order).
 *
 * <p>exposure_usd is the route's bottleneck: the smallest USD moved on any transfer hop of the
 * route (ownership hops do not limit it), so "at most this much can have gone this way". Nodes
 * tagged as pass-through services (exchange hot wallets, bridges; conf) are exposed themselves but
 * do not pass exposure on: everyone who ever used an exchange would otherwise be exposed.
 */
public final class Exposure {
  public static final String TO = "TO_DESIGNATED";
  public static final String FROM = "FROM_DESIGNATED";

  public static final TableContract TABLE =
      TableContract.builder("gold.exposure")
          .comment(
              "How close each account, address and entity is to a designated (sanctioned or"
                  + " watchlisted) node along money and ownership links, in both directions")
          .column("run_date", DataTypes.DateType, false, "Run date (end of the look-back window)")
          .column("node", DataTypes.StringType, false, "Exposed account key, address key or entity")
          .column("node_kind", DataTypes.StringType, false, "ACCOUNT, ADDRESS or ENTITY")
          .column(
              "direction",
              DataTypes.StringType,
              false,
              "TO_DESIGNATED: this node's money can reach the designated node; FROM_DESIGNATED:"
                  + " money from the designated node can have reached this node")
          .column(
              "hops",
              DataTypes.IntegerType,
              false,
              "Fewest links between them: each transfer, KYC link (bank account to deposit"
                  + " address) and ownership link (entity to account) counts one")
          .column(
              "exposure_usd",
              SilverTransfers.USD,
              "Bottleneck USD of that route: the smallest total moved on one of its transfer hops"
                  + " within the window; null when the route is ownership links only")
          .column("designated_node", DataTypes.StringType, false, "The designated node reached")
          .column("list_id", DataTypes.StringType, "List that designates it")
          .column("list_version", DataTypes.StringType, "Version of that list on the run date")
          .column(
              "path",
              DataTypes.createArrayType(DataTypes.StringType),
              "Nodes of the route in the direction money moves, both ends included")
          .column(
              "path_transfers",
              DataTypes.createArrayType(DataTypes.StringType),
              "Transfers of the route in order (up to a few per hop, largest first)")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "node", "direction", "designated_node")
          .build();

  static final StructType ROW =
      new StructType()
          .add("node", DataTypes.StringType)
          .add("direction", DataTypes.StringType)
          .add("hops", DataTypes.IntegerType)
          .add("exposure_usd", DataTypes.DoubleType)
          .add("designated_node", DataTypes.StringType)
          .add("list_id", DataTypes.StringType)
          .add("list_version", DataTypes.StringType)
          .add("path", DataTypes.createArrayType(DataTypes.StringType))
          .add("path_transfers", DataTypes.createArrayType(DataTypes.StringType));

  private final Lakehouse lakehouse;

  public Exposure(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Nightly stage: replaces gold.exposure for the run date. */
  public StageOutcome run(GraphInput input, RunContext run) {
    Dataset<Row> out = compute(input);
    WriteResult written = new TableWriter(lakehouse).replaceDay(TABLE, out, run);
    return StageOutcome.derived(List.of(written), written.rowsWritten() + " exposure rows");
  }

  /** gold.exposure rows for the input's run date (without audit columns). */
  public static Dataset<Row> compute(GraphInput input) {
    var spark = input.spark();
    int maxHops = input.settings().integer("scamflow.graph.exposure.max-hops");
    int perNode = input.settings().integer("scamflow.graph.exposure.max-designated-per-node");
    int perHop = input.settings().integer("scamflow.graph.exposure.transfers-per-hop");
    List<String> stopCategories =
        input.settings().strings("scamflow.graph.exposure.stop-categories");

    // Parallel transfers between two nodes are one link: their USD summed, the largest ids kept.
    input.transfers().createOrReplaceTempView("exposure_transfers");
    Dataset<Row> links =
        spark.sql(
            "SELECT src, dst, sum(amount_usd) usd, slice(transform(sort_array(collect_list("
                + "struct(-amount_usd AS k, transfer_id AS id))), x -> x.id), 1, "
                + perHop
                + ") ids FROM exposure_transfers GROUP BY src, dst");
    Dataset<Row> owned = input.ownership();
    Dataset<Row> designated = input.designated();
    Dataset<Row> stops = input.tagged(stopCategories);

    Dataset<Row> nodes =
        GraphX.numbered(
            input.spark(),
            links
                .select(col("src").as("node"))
                .union(links.select(col("dst")))
                .union(owned.select(col("a")))
                .union(owned.select(col("b")))
                .union(designated.select(col("node")))
                .distinct());
    Dataset<Row> vertices =
        nodes
            .join(designated.withColumn("is_designated", lit(true)), "node", "left")
            .join(stops.withColumn("stop", lit(true)), "node", "left")
            .select("id", "node", "list_id", "list_version", "stop", "is_designated");
    Dataset<Row> linkIds =
        links
            .join(nodes.select(col("node").as("src"), col("id").as("src_id")), "src")
            .join(nodes.select(col("node").as("dst"), col("id").as("dst_id")), "dst")
            .select("src_id", "dst_id", "usd", "ids");
    Dataset<Row> ownIds =
        owned
            .join(nodes.select(col("node").as("a"), col("id").as("a_id")), "a")
            .join(nodes.select(col("node").as("b"), col("id").as("b_id")), "b")
            .select("a_id", "b_id");

    JavaPairRDD<Long, State> states =
        vertices
            .javaRDD()
            .mapToPair(
                r -> {
                  State s = new State();
                  s.node = r.getString(1);
                  s.stop = !r.isNullAt(4) && r.getBoolean(4);
                  if (!r.isNullAt(5)) {
                    Reach self = new Reach();
                    self.designated = s.node;
                    self.listId = r.getString(2);
                    self.listVersion = r.getString(3);
                    self.hops = 0;
                    self.usd = Double.POSITIVE_INFINITY;
                    self.path.add(s.node);
                    s.reach.put(s.node, self);
                  }
                  return new Tuple2<>(r.getLong(0), s);
                });
    states.cache();

    Dataset<Row> to = run(spark, states, linkIds, ownIds, true, maxHops, perNode, TO);
    Dataset<Row> from = run(spark, states, linkIds, ownIds, false, maxHops, perNode, FROM);
    states.unpersist(false); // both results are checkpointed
    return to.unionByName(from)
        .withColumn("node_kind", org.apache.spark.sql.functions.expr(GraphInput.kindSql("node")))
        .withColumn("run_date", lit(Date.valueOf(input.runDate())))
        .withColumn("exposure_usd", col("exposure_usd").cast(SilverTransfers.USD));
  }

  private static Dataset<Row> run(
      org.apache.spark.sql.SparkSession spark,
      JavaPairRDD<Long, State> states,
      Dataset<Row> links,
      Dataset<Row> owned,
      boolean backwards,
      int maxHops,
      int perNode,
      String direction) {
    // Messages travel against money for TO_DESIGNATED (from the designated node to its payers).
    JavaRDD<Edge<Link>> transferEdges =
        links
            .javaRDD()
            .map(
                r -> {
                  Link l = new Link();
                  l.usd = r.getDouble(2);
                  l.transfers = new ArrayList<>(r.getList(3));
                  long s = r.getLong(0);
                  long d = r.getLong(1);
                  return backwards ? new Edge<>(d, s, l) : new Edge<>(s, d, l);
                });
    JavaRDD<Edge<Link>> ownEdges =
        owned
            .javaRDD()
            .flatMap(
                r -> {
                  Link l = new Link();
                  l.usd = Double.POSITIVE_INFINITY;
                  return List.of(
                          new Edge<>(r.getLong(0), r.getLong(1), l),
                          new Edge<>(r.getLong(1), r.getLong(0), l))
                      .iterator();
                });
    JavaPairRDD<Long, State> result =
        GraphX.pregel(
            states,
            transferEdges.union(ownEdges),
            new State(),
            new HashMap<String, Reach>(),
            maxHops,
            (id, value, message) -> value.merged(message, perNode),
            (srcId, src, dstId, dst, link) -> src.extend(dstId, dst, link, backwards, maxHops),
            Exposure::better);
    JavaRDD<Row> rows =
        result
            .values()
            .flatMap(
                s -> {
                  List<Row> out = new ArrayList<>();
                  for (Reach r : s.reach.values()) {
                    if (r.hops == 0) {
                      continue;
                    }
                    out.add(
                        RowFactory.create(
                            s.node,
                            direction,
                            r.hops,
                            Double.isInfinite(r.usd) ? null : r.usd,
                            r.designated,
                            r.listId,
                            r.listVersion,
                            r.path.toArray(new String[0]),
                            r.transfers.toArray(new String[0])));
                  }
                  return out.iterator();
                });
    Dataset<Row> out = spark.createDataFrame(rows, ROW).localCheckpoint();
    result.unpersist(false);
    return out;
  }

  /** Merges two messages: per designated node, the better route. */
  static HashMap<String, Reach> better(HashMap<String, Reach> a, HashMap<String, Reach> b) {
    HashMap<String, Reach> out = new HashMap<>(a);
    for (Map.Entry<String, Reach> e : b.entrySet()) {
      out.merge(e.getKey(), e.getValue(), (x, y) -> x.isBetterThan(y) ? x : y);
    }
    return out;
  }

  /** A transfer link (USD moved, its transfers) or an ownership link (unbounded, none). */
  static final class Link implements Serializable {
    double usd;
    ArrayList<String> transfers = new ArrayList<>();
  }

  /** The best known route from a node to (or from) one designated node. */
  static final class Reach implements Serializable {
    String designated;
    String listId;
    String listVersion;
    int hops;
    double usd;
    ArrayList<String> path = new ArrayList<>();
    ArrayList<String> transfers = new ArrayList<>();

    // Shortest, then most USD; equal routes by path and transfers, so the kept route does not
    // depend on the order messages arrive in (another partitioning, e.g. on a cluster).
    static final Comparator<Reach> BEST_FIRST =
        Comparator.comparingInt((Reach r) -> r.hops)
            .thenComparing(r -> -r.usd)
            .thenComparing(r -> String.join("\u0000", r.path))
            .thenComparing(r -> String.join("\u0000", r.transfers))
            .thenComparing(r -> r.designated, Comparator.nullsFirst(Comparator.naturalOrder()));

    boolean isBetterThan(Reach other) {
      return BEST_FIRST.compare(this, other) < 0;
    }
  }

  /** A vertex: its node id, whether it stops propagation, its routes per designated node. */
  static final class State implements Serializable {
    String node;
    boolean stop;
    HashMap<String, Reach> reach = new HashMap<>();

    State merged(HashMap<String, Reach> message, int perNode) {
      if (message.isEmpty()) {
        return this;
      }
      State out = new State();
      out.node = node;
      out.stop = stop;
      out.reach = better(reach, message);
      if (out.reach.size() > perNode) {
        List<Reach> keep = new ArrayList<>(out.reach.values());
        keep.sort(Reach.BEST_FIRST);
        out.reach = new HashMap<>();
        for (Reach r : keep.subList(0, perNode)) {
          out.reach.put(r.designated, r);
        }
      }
      return out;
    }

    /** Routes this vertex offers its neighbour across {@code link}, where they improve on its. */
    List<Tuple2<Long, HashMap<String, Reach>>> extend(
        long dstId, State dst, Link link, boolean backwards, int maxHops) {
      HashMap<String, Reach> offer = new HashMap<>();
      for (Reach r : reach.values()) {
        if (r.hops >= maxHops || (stop && r.hops > 0) || dst.node == null) {
          continue;
        }
        if (r.path.contains(dst.node)) {
          continue;
        }
        Reach next = new Reach();
        next.designated = r.designated;
        next.listId = r.listId;
        next.listVersion = r.listVersion;
        next.hops = r.hops + 1;
        next.usd = Math.min(r.usd, link.usd);
        if (backwards) { // dst pays towards this vertex: prepend
          next.path.add(dst.node);
          next.path.addAll(r.path);
          next.transfers.addAll(link.transfers);
          next.transfers.addAll(r.transfers);
        } else {
          next.path.addAll(r.path);
          next.path.add(dst.node);
          next.transfers.addAll(r.transfers);
          next.transfers.addAll(link.transfers);
        }
        Reach known = dst.reach.get(r.designated);
        if (known == null || next.isBetterThan(known)) {
          offer.put(r.designated, next);
        }
      }
      return offer.isEmpty() ? List.of() : List.of(new Tuple2<>(dstId, offer));
    }
  }
}
