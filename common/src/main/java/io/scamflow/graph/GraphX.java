package io.scamflow.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.EdgeDirection;
import org.apache.spark.graphx.EdgeTriplet;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.Pregel;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.graphx.lib.PageRank;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.AbstractFunction3;

/**
 * GraphX from Java without ClassTags: graphs go in and come out as DataFrames of long vertex ids
 * (or Java pair RDDs for Pregel state). Every algorithm scamflow runs on GraphX has one method here
 * so the rest of the code never sees Scala.
 */
public final class GraphX {
  private GraphX() {}

  private static final ClassTag<Integer> INT = ClassTag$.MODULE$.apply(Integer.class);
  private static final ClassTag<Double> DOUBLE = ClassTag$.MODULE$.apply(Double.class);

  @SuppressWarnings("unchecked")
  private static <T> ClassTag<T> anyTag() {
    return (ClassTag<T>) ClassTag$.MODULE$.apply(Object.class);
  }

  public static final StructType COMPONENTS =
      new StructType()
          .add("vertex", DataTypes.LongType, false)
          .add("component", DataTypes.LongType, false);

  public static final StructType RANKS =
      new StructType()
          .add("vertex", DataTypes.LongType, false)
          .add("rank", DataTypes.DoubleType, false);

  /**
   * Long vertex ids for the distinct string nodes in the first column of {@code nodes}: the nodes
   * sorted, then numbered in that order. The numbering is the same on every run over the same
   * nodes, however Spark partitioned them, so the graph runs on it are repeatable (unlike {@code
   * monotonically_increasing_id}, whose values depend on the partitioning). One row (node, id).
   */
  public static Dataset<Row> numbered(SparkSession spark, Dataset<Row> nodes) {
    String name = nodes.columns()[0];
    JavaRDD<Row> rows =
        nodes
            .select(name)
            .orderBy(name)
            .javaRDD()
            .zipWithIndex()
            .map(t -> RowFactory.create(t._1().getString(0), t._2()));
    return spark
        .createDataFrame(
            rows,
            new StructType()
                .add(name, DataTypes.StringType, false)
                .add("id", DataTypes.LongType, false))
        .localCheckpoint();
  }

  /**
   * A rank rounded to 10 significant digits. GraphX sums each vertex's incoming rank in whatever
   * order the shuffle delivers the messages, so the last bits of a double differ between two runs
   * of the same graph; rounded, a rerun of a date writes the same ranks.
   */
  static double stable(double rank) {
    if (rank == 0 || !Double.isFinite(rank)) {
      return rank;
    }
    return new java.math.BigDecimal(rank)
        .round(new java.math.MathContext(10, java.math.RoundingMode.HALF_EVEN))
        .doubleValue();
  }

  /**
   * Connected components of the undirected graph whose edges are the first two (long) columns of
   * {@code edges}: one row (vertex, component) per vertex on an edge; component is the smallest
   * vertex id of the component.
   */
  public static Dataset<Row> connectedComponents(SparkSession spark, Dataset<Row> edges) {
    Graph<Integer, Integer> graph = unitGraph(edges);
    Graph<Object, Integer> cc = ConnectedComponents.run(graph, INT, INT);
    JavaRDD<Row> rows =
        cc.vertices().toJavaRDD().map(t -> RowFactory.create((Long) t._1(), (Long) t._2()));
    Dataset<Row> out = spark.createDataFrame(rows, COMPONENTS).localCheckpoint();
    graph.unpersist(false);
    cc.unpersist(false);
    return out;
  }

  /**
   * PageRank of the directed graph whose edges are the first two (long) columns of {@code edges},
   * iterated until no rank moves by more than {@code tolerance}: one row (vertex, rank) per vertex,
   * ranks normalised to sum to the number of vertices (GraphX's convention).
   */
  public static Dataset<Row> pageRank(
      SparkSession spark, Dataset<Row> edges, double tolerance, double resetProbability) {
    Graph<Integer, Integer> graph = unitGraph(edges);
    Graph<Object, Object> ranks =
        PageRank.runUntilConvergence(graph, tolerance, resetProbability, INT, INT);
    JavaRDD<Row> rows =
        ranks
            .vertices()
            .toJavaRDD()
            .map(t -> RowFactory.create((Long) t._1(), stable((Double) t._2())));
    Dataset<Row> out = spark.createDataFrame(rows, RANKS).localCheckpoint();
    graph.unpersist(false);
    ranks.unpersist(false);
    return out;
  }

  /**
   * Personalised PageRank with restarts spread evenly over {@code seeds}: by linearity the average
   * of one single-seed personalised PageRank per seed, which GraphX runs in parallel as one sparse
   * vector per vertex. One row (vertex, rank) per vertex; ranks sum to about 1.
   */
  public static Dataset<Row> personalisedPageRank(
      SparkSession spark,
      Dataset<Row> edges,
      long[] seeds,
      int iterations,
      double resetProbability) {
    if (seeds.length == 0) {
      return spark.createDataFrame(List.of(), RANKS);
    }
    Graph<Integer, Integer> graph = unitGraph(edges);
    Graph<Vector, Object> ppr =
        PageRank.runParallelPersonalizedPageRank(
            graph, iterations, resetProbability, seeds, INT, INT);
    int n = seeds.length;
    JavaRDD<Row> rows =
        ppr.vertices()
            .toJavaRDD()
            .map(t -> RowFactory.create((Long) t._1(), stable(sum(t._2()) / n)));
    Dataset<Row> out = spark.createDataFrame(rows, RANKS).localCheckpoint();
    graph.unpersist(false);
    ppr.unpersist(false);
    return out;
  }

  private static double sum(Vector v) {
    double[] values = v.toSparse().values();
    double s = 0;
    for (double x : values) {
      s += x;
    }
    return s;
  }

  private static Graph<Integer, Integer> unitGraph(Dataset<Row> edges) {
    JavaRDD<Edge<Integer>> rdd =
        edges
            .javaRDD()
            .map(
                r ->
                    new Edge<>(
                        ((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue(), 1));
    return Graph.fromEdges(
        rdd.rdd(), 0, StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(), INT, INT);
  }

  /** The vertex program of a Pregel run: a vertex's new value from its value and its messages. */
  public interface VertexProgram<V, M> extends Serializable {
    V apply(long id, V value, M message);
  }

  /** What one edge sends, given both ends' values: (vertex id, message) pairs, possibly none. */
  public interface SendProgram<V, E, M> extends Serializable {
    List<Tuple2<Long, M>> apply(long srcId, V src, long dstId, V dst, E edge);
  }

  /** Combines two messages to the same vertex (commutative and associative). */
  public interface MergeProgram<M> extends Serializable {
    M apply(M a, M b);
  }

  /**
   * Runs Pregel over the graph of {@code vertices} and {@code edges} for at most {@code
   * maxIterations} supersteps; messages travel along edge direction (a vertex sends on its
   * out-edges after it changed). Vertices only named by edges get {@code defaultValue}. Returns
   * every vertex with its final value.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <V, E, M> JavaPairRDD<Long, V> pregel(
      JavaPairRDD<Long, V> vertices,
      JavaRDD<Edge<E>> edges,
      V defaultValue,
      M initialMessage,
      int maxIterations,
      VertexProgram<V, M> vprog,
      SendProgram<V, E, M> send,
      MergeProgram<M> merge) {
    ClassTag<V> vTag = anyTag();
    ClassTag<E> eTag = anyTag();
    ClassTag<M> mTag = anyTag();
    RDD<Tuple2<Object, V>> vertexRdd = (RDD) vertices.rdd();
    Graph<V, E> graph =
        Graph.apply(
            vertexRdd,
            edges.rdd(),
            defaultValue,
            StorageLevel.MEMORY_AND_DISK(),
            StorageLevel.MEMORY_AND_DISK(),
            vTag,
            eTag);
    Graph<V, E> result =
        Pregel.apply(
            graph,
            initialMessage,
            maxIterations,
            EdgeDirection.Out(),
            new Vprog<>(vprog),
            new Send<>(send),
            new Merge<>(merge),
            vTag,
            eTag,
            mTag);
    JavaPairRDD<Long, V> out =
        result
            .vertices()
            .toJavaRDD()
            .mapToPair(t -> new Tuple2<>((Long) t._1(), t._2()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    out.count();
    graph.unpersist(false);
    result.unpersist(false);
    return out;
  }

  private static final class Vprog<V, M> extends AbstractFunction3<Object, V, M, V>
      implements Serializable {
    private final VertexProgram<V, M> body;

    Vprog(VertexProgram<V, M> body) {
      this.body = body;
    }

    @Override
    public V apply(Object id, V value, M message) {
      return body.apply((Long) id, value, message);
    }
  }

  private static final class Send<V, E, M>
      extends AbstractFunction1<EdgeTriplet<V, E>, scala.collection.Iterator<Tuple2<Object, M>>>
      implements Serializable {
    private final SendProgram<V, E, M> body;

    Send(SendProgram<V, E, M> body) {
      this.body = body;
    }

    @Override
    public scala.collection.Iterator<Tuple2<Object, M>> apply(EdgeTriplet<V, E> t) {
      List<Tuple2<Long, M>> sent =
          body.apply(t.srcId(), t.srcAttr(), t.dstId(), t.dstAttr(), t.attr());
      List<Tuple2<Object, M>> out = new ArrayList<>(sent.size());
      for (Tuple2<Long, M> m : sent) {
        out.add(new Tuple2<>(m._1(), m._2()));
      }
      return CollectionConverters.asScala(out.iterator());
    }
  }

  private static final class Merge<M> extends AbstractFunction2<M, M, M> implements Serializable {
    private final MergeProgram<M> body;

    Merge(MergeProgram<M> body) {
      this.body = body;
    }

    @Override
    public M apply(M a, M b) {
      return body.apply(a, b);
    }
  }
}
