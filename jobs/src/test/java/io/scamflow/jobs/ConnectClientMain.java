package io.scamflow.jobs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark Connect client as a notebook would use it: {@code ConnectClientMain sc://HOST:PORT
 * "QUERY"} prints each result row, columns tab-separated. Run in its own JVM on the Connect client
 * jar (no Spark engine on its classpath), by TestServeIT.
 */
final class ConnectClientMain {
  private ConnectClientMain() {}

  public static void main(String[] args) throws Throwable {
    // The Connect client's own builder (the API's SparkSession.builder() also serves the classic
    // engine and needs its classes). Looked up by name, one member at a time: the client jar is
    // not on this module's compile classpath, and reflecting over the class as a whole would load
    // engine types its other methods mention.
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Class<?> session = Class.forName("org.apache.spark.sql.connect.SparkSession");
    Class<?> builderType = Class.forName("org.apache.spark.sql.connect.SparkSession$Builder");
    Object builder =
        lookup.findStatic(session, "builder", MethodType.methodType(builderType)).invoke();
    builder =
        lookup
            .findVirtual(builderType, "remote", MethodType.methodType(builderType, String.class))
            .invoke(builder, args[0]);
    SparkSession spark =
        (SparkSession)
            lookup
                .findVirtual(builderType, "create", MethodType.methodType(session))
                .invoke(builder);
    try {
      for (Row row : spark.sql(args[1]).collectAsList()) {
        System.out.println("row: " + row.mkString("\t"));
      }
    } finally {
      spark.close();
    }
  }
}
