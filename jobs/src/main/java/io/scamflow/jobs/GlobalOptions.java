package io.scamflow.jobs;

import io.scamflow.config.Settings;
import io.scamflow.spark.SparkSessions;
import io.scamflow.table.Lakehouse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes ({@code --lakehouse}, {@code --conf-file}, {@code -c key=value}),
 * before or after the command name (picocli inherited options), and the one place a command gets
 * its settings, session and lakehouse.
 */
public final class GlobalOptions {
  @Option(
      names = "--lakehouse",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Root of every table and of the catalog (default from conf: ./lakehouse).")
  String lakehouse;

  @Option(
      names = "--conf-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "HOCON conf file to use instead of conf/local.conf.")
  Path confFile;

  @Option(
      names = "-c",
      scope = ScopeType.INHERIT,
      paramLabel = "KEY=VALUE",
      description = "Override one setting (repeatable), e.g. -c spark.executor.memory=4g.")
  Map<String, String> overrides = new LinkedHashMap<>();

  private Settings settings;
  private SparkSession spark;
  private Lakehouse lakehouseHandle;

  public Settings settings() {
    if (settings == null) {
      Map<String, String> all = new LinkedHashMap<>(overrides);
      if (lakehouse != null) {
        all.put("scamflow.lakehouse", lakehouse);
      }
      settings = Settings.load(Optional.ofNullable(confFile), all);
    }
    return settings;
  }

  public SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.create(settings());
    }
    return spark;
  }

  /** The lakehouse with every table registered by name. */
  public Lakehouse lakehouse() {
    if (lakehouseHandle == null) {
      lakehouseHandle = Lakehouse.open(spark(), settings());
    }
    return lakehouseHandle;
  }
}
