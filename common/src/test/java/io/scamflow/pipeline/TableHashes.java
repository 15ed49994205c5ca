package io.scamflow.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * Order-independent content hashes of every Delta table under a lakehouse root, read by path.
 *
 * <p>Excluded, because they say when and by which attempt a row was written, not what it says:
 * {@code run_id} and {@code ingested_at} (audit columns of every table); and the whole of {@code
 * ops.runs}, the log of attempts, which gains rows with every run by design. Everything else
 * counts, including ops.quarantine, ops.loaded_files and ops.dq_results.
 */
public final class TableHashes {
  public static final Set<String> EXCLUDED_COLUMNS = Set.of("run_id", "ingested_at");
  public static final Set<String> EXCLUDED_TABLES = Set.of("ops.runs");

  private TableHashes() {}

  /** database.table -> "rows/hash" for every table under {@code root}. */
  public static Map<String, String> of(SparkSession spark, Path root) {
    Map<String, String> out = new TreeMap<>();
    for (String db : List.of("bronze", "silver", "gold", "ops")) {
      Path dir = root.resolve(db);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> tables = Files.list(dir)) {
        for (Path t : tables.filter(p -> Files.isDirectory(p.resolve("_delta_log"))).toList()) {
          String name = db + "." + t.getFileName();
          if (!EXCLUDED_TABLES.contains(name)) {
            out.put(name, hash(spark.read().format("delta").load(t.toString())));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static boolean containsMap(org.apache.spark.sql.types.DataType t) {
    if (t instanceof MapType) {
      return true;
    }
    if (t instanceof org.apache.spark.sql.types.ArrayType a) {
      return containsMap(a.elementType());
    }
    if (t instanceof org.apache.spark.sql.types.StructType st) {
      for (StructField f : st.fields()) {
        if (containsMap(f.dataType())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Row count and the sum of each row's 64-bit hash: equal for equal multisets of rows. */
  public static String hash(Dataset<Row> table) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      if (EXCLUDED_COLUMNS.contains(f.name())) {
        continue;
      }
      Column c = functions.col("`" + f.name() + "`");
      // Spark does not hash maps; their JSON (keys in insertion order) stands in.
      columns.add(containsMap(f.dataType()) ? functions.to_json(c) : c);
    }
    Row r =
        table
            .select(
                functions.xxhash64(columns.toArray(new Column[0])).cast("decimal(38,0)").as("h"))
            .agg(functions.count("*"), functions.coalesce(functions.sum("h"), functions.lit(0)))
            .first();
    return r.getLong(0) + "/" + r.get(1);
  }
}
