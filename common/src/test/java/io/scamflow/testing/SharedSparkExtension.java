package io.scamflow.testing;

import io.scamflow.config.Settings;
import io.scamflow.spark.SparkSessions;
import io.scamflow.table.Lakehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession per test JVM ({@code local[2]}, 4 shuffle partitions, UI off, driver on
 * loopback), a fresh lakehouse under target/ per test class, injected as {@link SparkSession},
 * {@link Lakehouse} or {@link Settings} parameters. Starting Spark costs ~14 s; every test class
 * shares it.
 */
public final class SharedSparkExtension implements ParameterResolver, BeforeAllCallback {
  private static Settings settings;
  private static SparkSession spark;
  private static Lakehouse lakehouse;
  private static int classes;
  private static int dropped;

  /**
   * Each test class gets a lakehouse of its own (same session): the catalog's databases are dropped
   * and re-created over a fresh root, so no class sees another's tables.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (SharedSparkExtension.class) {
      SparkSession session = spark();
      classes++;
      Path root = testDir().resolve("lakehouse-" + ProcessHandle.current().pid() + "-" + classes);
      settings = settings().with(Map.of("scamflow.lakehouse", root.toString()));
      dropCatalogKeepingData(session);
      lakehouse = Lakehouse.open(session, settings);
    }
  }

  /**
   * Forgets the catalog's databases and tables without deleting their data: the in-memory catalog
   * deletes a database's folder when it is dropped, so each database is first pointed at an empty
   * folder. Tables are external (registered by location) and keep their files, so a lakehouse
   * shared by several classes (see {@link GeneratedWorld}) survives.
   */
  public static synchronized void dropCatalogKeepingData(SparkSession session) {
    dropped++;
    for (String db : Lakehouse.DATABASES) {
      if (session.catalog().databaseExists(db)) {
        Path empty = testDir().resolve("dropped-" + ProcessHandle.current().pid() + "-" + dropped);
        session.sql("ALTER DATABASE " + db + " SET LOCATION '" + empty.resolve(db) + "'");
        session.sql("DROP DATABASE " + db + " CASCADE");
      }
    }
  }

  /** The shared settings: defaults, a test lakehouse, local[2]. */
  public static synchronized Settings settings() {
    if (settings == null) {
      Path dir = testDir().resolve("lakehouse-" + ProcessHandle.current().pid());
      settings =
          Settings.defaults(
              Map.of(
                  "scamflow.lakehouse", dir.toString(),
                  "scamflow.spark.master", "local[2]",
                  "scamflow.spark.shuffle-partitions", "4",
                  "spark.driver.host", "127.0.0.1",
                  "spark.driver.bindAddress", "127.0.0.1",
                  "spark.sql.adaptive.coalescePartitions.initialPartitionNum", "4",
                  "spark.databricks.delta.snapshotPartitions", "2"));
    }
    return settings;
  }

  public static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.create(settings());
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  public static synchronized Lakehouse lakehouse() {
    if (lakehouse == null) {
      lakehouse = Lakehouse.open(spark(), settings());
    }
    return lakehouse;
  }

  /** target/test-work of the module under test (surefire sets it). */
  public static Path testDir() {
    Path dir = Path.of(System.getProperty("scamflow.test.dir", "target/test-work"));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.toAbsolutePath();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> type = p.getParameter().getType();
    return type == SparkSession.class || type == Lakehouse.class || type == Settings.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    Class<?> type = p.getParameter().getType();
    if (type == SparkSession.class) {
      return spark();
    }
    if (type == Lakehouse.class) {
      return lakehouse();
    }
    return settings();
  }
}
