package io.scamflow.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark Connect client as a notebook would use it: {@code ConnectClientMain sc://HOST:PORT
 * "QUERY"} prints each result row, columns tab-separated. Run in its own JVM on the Connect client
 * jar (no Spark engine on its classpath), by TestServeIT.
 */
final class ConnectClientMain {
  private ConnectClientMain() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().remote(args[0]).getOrCreate();
    try {
      for (Row row : spark.sql(args[1]).collectAsList()) {
        System.out.println("row: " + row.mkString("\t"));
      }
    } finally {
      spark.close();
    }
  }
}
