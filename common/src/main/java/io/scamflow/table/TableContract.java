package io.scamflow.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table declared once, in code: name, columns with analyst-facing comments, partitioning, keys
 * and properties. Every table also carries the audit columns {@code run_id}, {@code source_file}
 * and {@code ingested_at} unless it opts out with {@link Builder#withoutLineage()}.
 *
 * <pre>{@code
 * static final TableContract TRANSFERS =
 *     TableContract.builder("silver.transfers")
 *         .comment("One row per real-world transfer, whatever its source format.")
 *         .column("transfer_id", DataTypes.StringType, false, "Stable id of the transfer")
 *         .column("run_date", DataTypes.DateType, false, "Nightly run date that loaded the row")
 *         .partitionedBy("run_date").dateColumn("run_date").keys("transfer_id")
 *         .build();
 * }</pre>
 */
public final class TableContract {
  public static final String RUN_ID = "run_id";
  public static final String SOURCE_FILE = "source_file";
  public static final String INGESTED_AT = "ingested_at";
  static final List<String> AUDIT_COLUMNS = List.of(RUN_ID, SOURCE_FILE, INGESTED_AT);

  private final String database;
  private final String table;
  private final String comment;
  private final StructType schema;
  private final List<String> partitionColumns;
  private final List<String> keyColumns;
  private final Optional<String> dateColumn;
  private final Map<String, String> properties;

  private TableContract(Builder b) {
    this.database = b.database;
    this.table = b.table;
    this.comment = b.comment;
    this.schema = new StructType(b.fields.toArray(new StructField[0]));
    this.partitionColumns = List.copyOf(b.partitionColumns);
    this.keyColumns = List.copyOf(b.keyColumns);
    this.dateColumn = Optional.ofNullable(b.dateColumn);
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
  }

  public static Builder builder(String qualifiedName) {
    return new Builder(qualifiedName);
  }

  /** {@code database.table}, the name analysts query. */
  public String name() {
    return database + "." + table;
  }

  public String database() {
    return database;
  }

  public String table() {
    return table;
  }

  public String comment() {
    return comment;
  }

  /** The declared schema; every field's comment sits in its metadata under "comment". */
  public StructType schema() {
    return schema;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  /** Columns that identify a row, for MERGE. */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /** The run-date column used for replace-day writes and as MERGE's target-side predicate. */
  public Optional<String> dateColumn() {
    return dateColumn;
  }

  public Map<String, String> properties() {
    return properties;
  }

  public boolean hasColumn(String column) {
    return schema.getFieldIndex(column).isDefined();
  }

  /** Columns that carry meaning (not the audit columns): what an idempotent rewrite compares. */
  public List<String> businessColumns() {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!AUDIT_COLUMNS.contains(f.name())) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** The column's comment, never empty: the builder refuses columns without one. */
  public static String commentOf(StructField field) {
    return field.getComment().isDefined() ? field.getComment().get() : "";
  }

  @Override
  public String toString() {
    return name();
  }

  /** Builds a contract; refuses a column without a comment or a key that is not a column. */
  public static final class Builder {
    private final String database;
    private final String table;
    private String comment;
    private final List<StructField> fields = new ArrayList<>();
    private final List<String> partitionColumns = new ArrayList<>();
    private final List<String> keyColumns = new ArrayList<>();
    private String dateColumn;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private boolean lineage = true;

    private Builder(String qualifiedName) {
      String[] parts = qualifiedName.split("\\.");
      if (parts.length != 2) {
        throw new IllegalArgumentException("table name must be database.table: " + qualifiedName);
      }
      this.database = parts[0];
      this.table = parts[1];
      properties.put("delta.enableChangeDataFeed", "false");
      properties.put("delta.appendOnly", "false");
    }

    public Builder comment(String text) {
      this.comment = text;
      return this;
    }

    public Builder column(String name, DataType type, boolean nullable, String columnComment) {
      if (columnComment == null || columnComment.isBlank()) {
        throw new IllegalArgumentException(
            database + "." + table + "." + name + " needs a comment for analysts");
      }
      for (StructField f : fields) {
        if (f.name().equals(name)) {
          throw new IllegalArgumentException("duplicate column " + name + " in " + table);
        }
      }
      Metadata metadata = new MetadataBuilder().putString("comment", columnComment).build();
      fields.add(new StructField(name, type, nullable, metadata));
      return this;
    }

    /** A nullable column. */
    public Builder column(String name, DataType type, String columnComment) {
      return column(name, type, true, columnComment);
    }

    public Builder partitionedBy(String... columns) {
      partitionColumns.addAll(List.of(columns));
      return this;
    }

    public Builder keys(String... columns) {
      keyColumns.addAll(List.of(columns));
      return this;
    }

    public Builder dateColumn(String column) {
      this.dateColumn = column;
      return this;
    }

    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** For the ops tables, whose rows are about runs, not about source records. */
    public Builder withoutLineage() {
      this.lineage = false;
      return this;
    }

    public TableContract build() {
      if (comment == null || comment.isBlank()) {
        throw new IllegalArgumentException(database + "." + table + " needs a table comment");
      }
      if (lineage) {
        if (fields.stream().noneMatch(f -> f.name().equals(RUN_ID))) {
          column(RUN_ID, DataTypes.StringType, false, "Id of the scamflow run that wrote the row");
        }
        column(SOURCE_FILE, DataTypes.StringType, "Landing file the row came from, if any");
        column(INGESTED_AT, DataTypes.TimestampType, false, "When scamflow wrote the row (UTC)");
      }
      List<String> names = fields.stream().map(StructField::name).toList();
      for (String c : partitionColumns) {
        require(names.contains(c), "partition column " + c);
      }
      for (String c : keyColumns) {
        require(names.contains(c), "key column " + c);
      }
      if (dateColumn != null) {
        require(names.contains(dateColumn), "date column " + dateColumn);
      }
      return new TableContract(this);
    }

    private void require(boolean ok, String what) {
      if (!ok) {
        throw new IllegalArgumentException(what + " is not a column of " + database + "." + table);
      }
    }
  }
}
