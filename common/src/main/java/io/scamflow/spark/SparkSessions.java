package io.scamflow.spark;

import io.scamflow.config.Settings;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one way to get a SparkSession: Delta, UTC, Kryo, AQE, a checkpoint directory under the
 * lakehouse. The master comes only from settings (the embedded default sets {@code local[*]}); on a
 * cluster it is left to spark-submit.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(Settings settings) {
    String lakehouse = settings.lakehouse();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(settings.string("scamflow.spark.app-name"))
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
            .config("spark.sql.warehouse.dir", lakehouse + "/_warehouse")
            .config("spark.ui.enabled", String.valueOf(settings.bool("scamflow.spark.ui")))
            .config("spark.ui.showConsoleProgress", "false")
            // Delta writes of small tables should not leave hundreds of files per run.
            .config("spark.databricks.delta.optimizeWrite.enabled", "true")
            .config("spark.databricks.delta.schema.autoMerge.enabled", "false");

    settings.sparkMaster().ifPresent(builder::master);

    int partitions = settings.integer("scamflow.spark.shuffle-partitions");
    if (partitions <= 0) {
      partitions = 2 * Runtime.getRuntime().availableProcessors();
    }
    builder.config("spark.sql.shuffle.partitions", String.valueOf(partitions));

    if (settings.string("scamflow.catalog.type").equals("hive")) {
      builder.enableHiveSupport();
      settings
          .optional("scamflow.catalog.metastore-uri")
          .ifPresent(uri -> builder.config("spark.hadoop.hive.metastore.uris", uri));
    } else {
      builder.config("spark.sql.catalogImplementation", "in-memory");
    }

    for (Map.Entry<String, String> e : settings.sparkConf().entrySet()) {
      builder.config(e.getKey(), e.getValue());
    }

    SparkSession spark = builder.getOrCreate();
    String checkpoint =
        settings.optional("scamflow.spark.checkpoint-dir").orElse(lakehouse + "/_checkpoints");
    spark.sparkContext().setCheckpointDir(checkpoint);
    return spark;
  }
}
