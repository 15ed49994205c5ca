package io.scamflow.ingest.sanctions;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the silver sanctions tables, with history, from every list version in bronze.sanctions_raw
 * up to the run date. A list version is the publication date the file states, else the run date it
 * landed on. Each silver row is one unbroken run of versions stating it: valid_from is the first of
 * them, valid_to the first later version that no longer does (null while listed). Rebuilding from
 * bronze keeps the result independent of load order; a table whose rows would not change is not
 * written at all, so reloading a version changes nothing.
 *
 * <p>Was wallet W designated on day D? {@code SELECT * FROM silver.sanctioned_crypto_addresses
 * WHERE address = W AND valid_from <= D AND (valid_to IS NULL OR valid_to > D)}.
 */
public final class SanctionsSilver {
  private static final String VERSION = "version";
  private static final String IDX = "_idx";
  private static final String FINGERPRINT = "scamflow.sanctions.input";

  private final Lakehouse lakehouse;
  private final TableWriter writer;

  public SanctionsSilver(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
    this.writer = new TableWriter(lakehouse);
  }

  /** Rebuilds every silver.sanctioned_* table as of the run date; writes only what changed. */
  public StageOutcome build(RunContext run) {
    lakehouse.ensureAll(SanctionsTables.all());
    Dataset<Row> bronze =
        lakehouse
            .spark()
            .table(SanctionsTables.BRONZE.name())
            .where(col("run_date").leq(lit(java.sql.Date.valueOf(run.runDate()))))
            .withColumn(VERSION, coalesce(col("list_version"), col("run_date")))
            .withColumn("_rank", formatRank())
            .withColumn("_best", min("_rank").over(Window.partitionBy("list_id", VERSION)))
            .where(col("_rank").equalTo(col("_best")))
            .drop("_rank", "_best")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String input = run.runDate() + "/" + fingerprint(bronze);
      if (input.equals(storedFingerprint())) {
        return StageOutcome.derived(
            List.of(), "sanctions lists unchanged up to " + run.runDate() + ": nothing to write");
      }
      WindowSpec byList = Window.partitionBy("list_id").orderBy(VERSION);
      Dataset<Row> versions =
          bronze
              .select("list_id", VERSION)
              .distinct()
              .withColumn(IDX, row_number().over(byList))
              .withColumn("_next", lead(VERSION, 1).over(byList))
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<WriteResult> writes = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Spec spec : specs()) {
          Dataset<Row> desired = history(spec.rows.apply(bronze), versions, spec.contract);
          writes.add(write(spec.contract, desired, run, summary));
        }
        long listVersions = versions.count();
        storeFingerprint(input);
        return StageOutcome.derived(
            writes,
            listVersions
                + " list versions up to "
                + run.runDate()
                + "; "
                + String.join(", ", summary));
      } finally {
        versions.unpersist();
      }
    } finally {
      bronze.unpersist();
    }
  }

  /**
   * When one list version arrives in several formats (the SDN list as CSV set and as XML on the
   * same day), only the richest is used, so their spelling differences never show as changes:
   * SDN_ADVANCED, then the SDN XML, then the CSV set.
   */
  private static Column formatRank() {
    Column f = col(io.scamflow.ingest.Ingestion.FORMAT);
    return when(f.equalTo("ofac-sdn-advanced-xml"), 1)
        .when(f.equalTo("ofac-sdn-xml"), 2)
        .when(f.equalTo("ofac-sdn-csv"), 3)
        .otherwise(0);
  }

  /** Crypto addresses designated on {@code day}, one row per list, entity and address. */
  public Dataset<Row> cryptoAddressesDesignatedOn(LocalDate day) {
    lakehouse.ensure(SanctionsTables.CRYPTO_ADDRESSES);
    java.sql.Date d = java.sql.Date.valueOf(day);
    return lakehouse
        .spark()
        .table(SanctionsTables.CRYPTO_ADDRESSES.name())
        .where(
            col("valid_from")
                .leq(lit(d))
                .and(col("valid_to").isNull().or(col("valid_to").gt(lit(d)))));
  }

  private record Spec(TableContract contract, Function<Dataset<Row>, Dataset<Row>> rows) {}

  /** Per table: the columns one list version states, from the bronze rows. */
  private static List<Spec> specs() {
    return List.of(
        new Spec(
            SanctionsTables.ENTITIES,
            b ->
                b.select(
                    base(
                        col("primary_name"),
                        col("entity_type"),
                        col("programs"),
                        col("listed_on"),
                        col("remarks")))),
        nested(
            SanctionsTables.NAMES,
            "names",
            col("n.name").as("name"),
            col("n.kind").as("name_kind"),
            col("n.quality").as("quality")),
        nested(
            SanctionsTables.IDENTIFIERS,
            "identifiers",
            col("n.type").as("id_type"),
            col("n.value").as("id_value"),
            col("n.country").as("issuing_country")),
        nested(
            SanctionsTables.CRYPTO_ADDRESSES,
            "crypto_addresses",
            col("n.asset").as("asset"),
            col("n.chain").as("chain"),
            col("n.address").as("address"),
            col("n.raw").as("address_as_listed"),
            col("n.validated").as("validated")),
        nested(
            SanctionsTables.ADDRESSES,
            "addresses",
            col("n.street").as("street"),
            col("n.city").as("city"),
            col("n.region").as("region"),
            col("n.postal_code").as("postal_code"),
            col("n.country").as("country"),
            col("n.full_text").as("full_text")),
        nested(
            SanctionsTables.DATES_OF_BIRTH,
            "dates_of_birth",
            col("n.as_stated").as("date_of_birth_text"),
            col("n.date").as("date_of_birth"),
            col("n.year").as("birth_year")),
        nested(SanctionsTables.NATIONALITIES, "nationalities", col("n").as("nationality")));
  }

  private static Spec nested(TableContract contract, String column, Column... fields) {
    return new Spec(
        contract,
        b ->
            b.select(
                    col("list_id"),
                    col("entity_id"),
                    col(VERSION),
                    col("source_file"),
                    explode(col(column)).as("n"))
                .select(base(fields)));
  }

  private static Column[] base(Column... fields) {
    List<Column> out = new ArrayList<>(List.of(col("list_id"), col("entity_id")));
    out.addAll(List.of(fields));
    out.add(col(VERSION));
    out.add(col("source_file"));
    return out.toArray(new Column[0]);
  }

  /**
   * Turns "row stated in version v" facts into validity intervals: consecutive versions of a list
   * that state the same row collapse into one row (gaps-and-islands on the version index).
   */
  private static Dataset<Row> history(
      Dataset<Row> stated, Dataset<Row> versions, TableContract contract) {
    List<String> identity = new ArrayList<>();
    for (String c : stated.columns()) {
      if (!c.equals(VERSION) && !c.equals("source_file")) {
        identity.add(c);
      }
    }
    Column[] identityCols = identity.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> presence =
        stated
            .join(versions, seq("list_id", VERSION))
            .groupBy(concat(identityCols, col(IDX)))
            .agg(max("source_file").as("source_file"));
    WindowSpec island = Window.partitionBy(identityCols).orderBy(IDX);
    Dataset<Row> runs =
        presence
            .withColumn("_grp", col(IDX).minus(row_number().over(island)))
            .groupBy(concat(identityCols, col("_grp")))
            .agg(
                min(IDX).as("_first"),
                max(IDX).as("_last"),
                expr("max_by(source_file, " + IDX + ")").as("source_file"));
    Dataset<Row> first =
        versions.select(
            col("list_id").as("_l1"), col(IDX).as("_i1"), col(VERSION).as("valid_from"));
    Dataset<Row> last =
        versions.select(
            col("list_id").as("_l2"),
            col(IDX).as("_i2"),
            col(VERSION).as("last_seen"),
            col("_next").as("valid_to"));
    Dataset<Row> out =
        runs.join(first, col("list_id").equalTo(col("_l1")).and(col("_first").equalTo(col("_i1"))))
            .join(last, col("list_id").equalTo(col("_l2")).and(col("_last").equalTo(col("_i2"))));
    List<Column> select = new ArrayList<>();
    for (String c : contract.schema().fieldNames()) {
      if (out.schema().getFieldIndex(c).isDefined()) {
        select.add(col(c));
      }
    }
    return out.select(select.toArray(new Column[0]));
  }

  private static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  private static Column[] concat(Column[] a, Column b) {
    Column[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }

  /** Replaces the table when its rows (audit columns aside) differ; otherwise writes nothing. */
  private WriteResult write(
      TableContract contract, Dataset<Row> desired, RunContext run, List<String> summary) {
    Column[] business = contract.businessColumns().stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> want = desired.select(business).withColumn("_s", lit(1L));
    Dataset<Row> have =
        lakehouse.spark().table(contract.name()).select(business).withColumn("_s", lit(-1L));
    // One pass instead of two EXCEPT ALLs: rows whose +1/-1 tally is not zero differ.
    Row diff =
        want.unionByName(have)
            .groupBy(business)
            .agg(sum("_s").as("_d"))
            .where(col("_d").notEqual(0))
            .agg(
                sum(when(col("_d").gt(0), col("_d")).otherwise(0L)),
                sum(when(col("_d").lt(0), col("_d").unary_$minus()).otherwise(0L)))
            .first();
    long added = diff.isNullAt(0) ? 0 : diff.getLong(0);
    long removed = diff.isNullAt(1) ? 0 : diff.getLong(1);
    summary.add(contract.table() + " +" + added + "/-" + removed);
    if (added == 0 && removed == 0) {
      return new WriteResult(contract.name(), -1, 0);
    }
    return writer.replaceWhere(contract, desired, run, "true");
  }

  /**
   * Row count and XOR of row hashes of the bronze input (lineage columns included, so rows are
   * distinct): equal fingerprints mean the silver tables would come out the same.
   */
  private static String fingerprint(Dataset<Row> bronze) {
    List<Column> cols = new ArrayList<>();
    for (String c : SanctionsTables.BRONZE.businessColumns()) {
      cols.add(col(c));
    }
    cols.add(col("source_file"));
    Row r =
        bronze
            .agg(
                org.apache.spark.sql.functions.count(lit(1)),
                expr(
                    "bit_xor(xxhash64("
                        + String.join(", ", SanctionsTables.BRONZE.businessColumns())
                        + ", source_file))"))
            .first();
    return r.getLong(0) + ":" + (r.isNullAt(1) ? 0 : r.getLong(1));
  }

  private String storedFingerprint() {
    Row[] props =
        (Row[])
            lakehouse
                .spark()
                .sql("SHOW TBLPROPERTIES " + SanctionsTables.ENTITIES.name())
                .where(col("key").equalTo(FINGERPRINT))
                .collect();
    return props.length == 0 ? null : props[0].getString(1);
  }

  private void storeFingerprint(String value) {
    lakehouse
        .spark()
        .sql(
            "ALTER TABLE "
                + SanctionsTables.ENTITIES.name()
                + " SET TBLPROPERTIES ('"
                + FINGERPRINT
                + "' = '"
                + value
                + "')");
  }
}
