package io.scamflow.graph;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * GraphX from Java without ClassTags: graphs go in and come out as DataFrames of long vertex ids.
 * Add algorithms here (PageRank, Pregel) so the rest of the code never sees Scala.
 */
public final class GraphX {
  private GraphX() {}

  private static final ClassTag<Integer> INT = ClassTag$.MODULE$.apply(Integer.class);

  public static final StructType COMPONENTS =
      new StructType()
          .add("vertex", DataTypes.LongType, false)
          .add("component", DataTypes.LongType, false);

  /**
   * Connected components of the undirected graph whose edges are the first two (long) columns of
   * {@code edges}: one row (vertex, component) per vertex on an edge; component is the smallest
   * vertex id of the component.
   */
  public static Dataset<Row> connectedComponents(SparkSession spark, Dataset<Row> edges) {
    JavaRDD<Edge<Integer>> rdd =
        edges
            .javaRDD()
            .map(
                r ->
                    new Edge<>(
                        ((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue(), 1));
    Graph<Integer, Integer> graph =
        Graph.fromEdges(
            rdd.rdd(), 0, StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(), INT, INT);
    Graph<Object, Integer> cc = ConnectedComponents.run(graph, INT, INT);
    JavaRDD<Row> rows =
        cc.vertices().toJavaRDD().map(t -> RowFactory.create((Long) t._1(), (Long) t._2()));
    Dataset<Row> out = spark.createDataFrame(rows, COMPONENTS).localCheckpoint();
    graph.unpersist(false);
    cc.unpersist(false);
    return out;
  }
}
