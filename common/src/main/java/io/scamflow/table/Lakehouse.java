package io.scamflow.table;

import io.scamflow.config.Settings;
import io.scamflow.errors.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * The lakehouse: a root folder (or s3a:// prefix) holding {@code <database>/<table>} Delta tables.
 * Opening it registers every table found there by its location, so any process (CLI, notebook, job)
 * can query {@code gold.alerts} by name at once without a metastore lock.
 */
public final class Lakehouse {
  public static final List<String> DATABASES = List.of("bronze", "silver", "gold", "ops");
  private static final Logger LOG = LoggerFactory.getLogger(Lakehouse.class);

  private final SparkSession spark;
  private final String root;
  // contracts already made to match in this session: ensure() is on every write's path
  private final java.util.Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Lakehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  /** Creates the databases and registers every Delta table already under the root. */
  public static Lakehouse open(SparkSession spark, Settings settings) {
    return open(spark, settings.lakehouse());
  }

  public static Lakehouse open(SparkSession spark, String root) {
    Lakehouse lakehouse = new Lakehouse(spark, root);
    lakehouse.registerExisting();
    return lakehouse;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String location(TableContract contract) {
    return location(contract.database(), contract.table());
  }

  public String location(String database, String table) {
    return root + "/" + database + "/" + table;
  }

  private void registerExisting() {
    for (String db : DATABASES) {
      spark.sql(
          String.format(
              "CREATE DATABASE IF NOT EXISTS %s COMMENT '%s' LOCATION '%s'",
              db, databaseComment(db), escape(root + "/" + db)));
      for (String table : tablesOnDisk(db)) {
        register(db, table);
      }
    }
  }

  private static String databaseComment(String db) {
    return switch (db) {
      case "bronze" -> "Parsed, typed source records with lineage, one table per source family";
      case "silver" -> "Clean, unified, resolved data: transfers, entities, sanctions";
      case "gold" -> "What analysts read: alerts, flows, cases, screening hits, risk";
      default -> "Operations: runs, quarantine, data-quality results";
    };
  }

  /** Delta tables present under {@code root/db}, found by their {@code _delta_log} folder. */
  List<String> tablesOnDisk(String db) {
    List<String> out = new ArrayList<>();
    try {
      Path dir = new Path(root + "/" + db);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus status : fs.listStatus(dir)) {
        if (status.isDirectory() && fs.exists(new Path(status.getPath(), "_delta_log"))) {
          out.add(status.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the lakehouse at " + root + "/" + db, e);
    }
    out.sort(String::compareTo);
    return out;
  }

  /**
   * Whether {@code root/db/table} is a Delta table: one existence check, not a listing of the
   * database (on S3 a listing plus a request per table, for every contract a job ensures).
   */
  private boolean onDisk(String db, String table) {
    Path log = new Path(location(db, table) + "/_delta_log");
    try {
      return log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lakehouse at " + location(db, table), e);
    }
  }

  private void register(String db, String table) {
    if (isRegistered(db, table)) {
      return;
    }
    spark.sql(
        String.format(
            "CREATE TABLE IF NOT EXISTS %s.%s USING delta LOCATION '%s'",
            db, table, escape(location(db, table))));
  }

  private boolean isRegistered(String db, String table) {
    return spark.sessionState().catalog().tableExists(new TableIdentifier(table, Option.apply(db)));
  }

  /**
   * Makes the table exist with its contract: creates it if absent; if present, adds columns the
   * contract declares and the table lacks (the one explicit evolution scamflow does), and fails on
   * any other difference.
   */
  public void ensure(TableContract contract) {
    String key = contract.name() + "@" + contract.schema().json().hashCode();
    if (ensured.contains(key)) {
      return;
    }
    ensureNow(contract);
    ensured.add(key);
  }

  private void ensureNow(TableContract contract) {
    String db = contract.database();
    if (!onDisk(db, contract.table())) {
      create(contract);
      return;
    }
    register(db, contract.table());
    evolve(contract);
  }

  public void ensureAll(Collection<TableContract> contracts) {
    for (TableContract c : contracts) {
      ensure(c);
    }
  }

  private void create(TableContract contract) {
    String columns =
        java.util.Arrays.stream(contract.schema().fields())
            .map(Lakehouse::columnDdl)
            .collect(Collectors.joining(",\n  "));
    StringBuilder ddl = new StringBuilder();
    ddl.append("CREATE TABLE IF NOT EXISTS ")
        .append(contract.name())
        .append(" (\n  ")
        .append(columns)
        .append("\n) USING delta");
    if (!contract.partitionColumns().isEmpty()) {
      ddl.append(" PARTITIONED BY (")
          .append(String.join(", ", contract.partitionColumns()))
          .append(")");
    }
    ddl.append(" LOCATION '").append(escape(location(contract))).append("'");
    ddl.append(" COMMENT '").append(escape(contract.comment())).append("'");
    Map<String, String> props = new TreeMap<>(contract.properties());
    if (!props.isEmpty()) {
      ddl.append(" TBLPROPERTIES (")
          .append(
              props.entrySet().stream()
                  .map(e -> "'" + escape(e.getKey()) + "' = '" + escape(e.getValue()) + "'")
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    LOG.info("creating table {}", contract.name());
    spark.sql(ddl.toString());
  }

  private void evolve(TableContract contract) {
    StructType actual = spark.table(contract.name()).schema();
    List<String> problems = new ArrayList<>();
    List<StructField> missing = new ArrayList<>();
    for (StructField want : contract.schema().fields()) {
      scala.Option<Object> index = actual.getFieldIndex(want.name());
      if (index.isEmpty()) {
        missing.add(want);
        continue;
      }
      StructField have = actual.fields()[(Integer) index.get()];
      if (!have.dataType().sameType(want.dataType())) {
        problems.add(
            want.name()
                + " is "
                + have.dataType().simpleString()
                + " in the table but "
                + want.dataType().simpleString()
                + " in the contract");
      }
    }
    for (StructField have : actual.fields()) {
      if (!contract.hasColumn(have.name())) {
        problems.add(have.name() + " is in the table but not in the contract");
      }
    }
    if (!problems.isEmpty()) {
      throw Errors.schemaMismatch(contract.name(), String.join("; ", problems));
    }
    if (!missing.isEmpty()) {
      // Additive evolution only: new nullable columns, each with its comment.
      String columns =
          missing.stream()
              .map(f -> columnDdl(f.copy(f.name(), f.dataType(), true, f.metadata())))
              .collect(Collectors.joining(", "));
      LOG.info("evolving {}: adding {}", contract.name(), columns);
      spark.sql("ALTER TABLE " + contract.name() + " ADD COLUMNS (" + columns + ")");
    }
  }

  private static String columnDdl(StructField f) {
    return "`"
        + f.name()
        + "` "
        + f.dataType().sql()
        + (f.nullable() ? "" : " NOT NULL")
        + " COMMENT '"
        + escape(TableContract.commentOf(f))
        + "'";
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("'", "\\'");
  }

  /** Every registered table in the scamflow databases, as database.table, sorted. */
  public List<String> registeredTables() {
    List<String> out = new ArrayList<>();
    for (String db : DATABASES) {
      for (org.apache.spark.sql.Row t : spark.sql("SHOW TABLES IN " + db).collectAsList()) {
        if (!t.getBoolean(2)) { // skip temporary views
          out.add(db + "." + t.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    out.sort(String::compareTo);
    return out;
  }
}
