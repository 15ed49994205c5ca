package io.scamflow.screen;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import io.scamflow.ingest.sanctions.SanctionsTables;
import io.scamflow.resolve.Parties;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Sanctions screening. The nightly stage ({@link #run}) screens every party and resolved entity
 * against the names valid on the run date and matches every address seen in transfers exactly
 * against listed crypto addresses and watchlists, writing {@code gold.screening_hits}; {@link
 * #screen} screens ad-hoc names for the CLI.
 */
public final class Screening {
  // The lists as the sanctions ingest writes them (io.scamflow.ingest.sanctions.SanctionsTables).
  public static final String NAMES = SanctionsTables.NAMES.name();
  public static final String ENTITIES = SanctionsTables.ENTITIES.name();
  public static final String IDENTIFIERS = SanctionsTables.IDENTIFIERS.name();
  public static final String BIRTH_DATES = SanctionsTables.DATES_OF_BIRTH.name();
  public static final String NATIONALITIES = SanctionsTables.NATIONALITIES.name();
  public static final String CRYPTO = SanctionsTables.CRYPTO_ADDRESSES.name();

  public static final TableContract HITS =
      TableContract.builder("gold.screening_hits")
          .comment(
              "Sanctions and watchlist hits of one run date: parties, entities and addresses"
                  + " matched to listed entities, with the score and why")
          .column("run_date", DataTypes.DateType, false, "Run date the lists were applied as of")
          .column("hit_id", DataTypes.StringType, false, "Stable id of the hit within the date")
          .column(
              "subject_kind",
              DataTypes.StringType,
              false,
              "What was screened: PARTY (a source record), ENTITY (resolved) or ADDRESS")
          .column(
              "subject_id",
              DataTypes.StringType,
              false,
              "record_id of the party, entity_id, or the address key (CHAIN:address)")
          .column("subject_name", DataTypes.StringType, "Name as the source wrote it (or address)")
          .column("subject_source", DataTypes.StringType, "Source of the party, e.g. kyc:Binance")
          .column("list_id", DataTypes.StringType, false, "List or watchlist that matched")
          .column("list_version", DataTypes.StringType, "Version of the list valid on run_date")
          .column("entity_id", DataTypes.StringType, false, "Listed entity's id within its list")
          .column("listed_name", DataTypes.StringType, "Listed entity's primary name")
          .column(
              "match_type",
              DataTypes.StringType,
              false,
              "NAME, ALIAS, CRYPTO_ADDRESS or WATCHLIST_ADDRESS")
          .column("matched_value", DataTypes.StringType, "The listed name, alias or address hit")
          .column("name_kind", DataTypes.StringType, "primary, aka, fka or nka (name hits)")
          .column("score", DataTypes.DoubleType, false, "0..1; address hits are exactly 1")
          .column(
              "score_parts",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType),
              "Contribution of each feature: name, alias_quality, date_of_birth, nationality,"
                  + " identifier, party_type, address")
          .column("explanation", DataTypes.StringType, "The score in words, feature by feature")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "hit_id")
          .build();

  static final StructType HIT_ROW =
      new StructType()
          .add("subject_kind", DataTypes.StringType)
          .add("subject_id", DataTypes.StringType)
          .add("subject_name", DataTypes.StringType)
          .add("subject_source", DataTypes.StringType)
          .add("list_id", DataTypes.StringType)
          .add("list_version", DataTypes.StringType)
          .add("entity_id", DataTypes.StringType)
          .add("listed_name", DataTypes.StringType)
          .add("match_type", DataTypes.StringType)
          .add("matched_value", DataTypes.StringType)
          .add("name_kind", DataTypes.StringType)
          .add("score", DataTypes.DoubleType)
          .add("score_parts", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add("explanation", DataTypes.StringType);

  /** An ad-hoc name to screen; everything but id and name may be null. */
  public record Query(String id, String name, LocalDate dateOfBirth, String nationality) {}

  private final Lakehouse lakehouse;
  private final Settings settings;

  public Screening(Lakehouse lakehouse, Settings settings) {
    this.lakehouse = lakehouse;
    this.settings = settings;
  }

  /** The configured threshold: hits below it are not reported. */
  public double threshold() {
    return settings.decimal("scamflow.screen.threshold");
  }

  /** Screens ad-hoc names against the lists valid on {@code asOf}; per query, best first. */
  public List<ScreeningHit> screen(List<Query> queries, LocalDate asOf) {
    ScreeningIndex index = loadIndex(asOf);
    List<ScreeningHit> out = new ArrayList<>();
    for (Query q : queries) {
      out.addAll(
          index.screen(
              new ScreeningIndex.Subject(
                  q.id(), q.name(), q.dateOfBirth(), q.nationality(), null, null)));
    }
    return out;
  }

  /** Nightly stage: replaces gold.screening_hits for the run date. */
  public StageOutcome run(RunContext run) {
    SparkSession spark = lakehouse.spark();
    LocalDate date = run.runDate();
    ScreeningIndex index = loadIndex(date);
    // Java-serialised bytes: the session's Kryo serializer cannot write records
    Broadcast<byte[]> shared =
        spark
            .sparkContext()
            .broadcast(index.toBytes(), scala.reflect.ClassTag$.MODULE$.apply(byte[].class));

    Dataset<Row> subjects = subjects(spark, date);
    Dataset<Row> nameHits =
        subjects.mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows -> screenRows(rows, ScreeningIndex.fromBytes(shared.value())),
            Encoders.row(HIT_ROW));
    Dataset<Row> addressHits = addressHits(spark, date);
    Dataset<Row> hits =
        nameHits
            .unionByName(addressHits)
            .withColumn("run_date", lit(Date.valueOf(date)))
            .withColumn(
                "hit_id",
                org.apache.spark.sql.functions.sha2(
                    org.apache.spark.sql.functions.concat_ws(
                        "|",
                        col("subject_kind"),
                        col("subject_id"),
                        col("list_id"),
                        col("entity_id"),
                        col("match_type"),
                        col("matched_value")),
                    256))
            .dropDuplicates("hit_id");
    WriteResult written = new TableWriter(lakehouse).replaceDay(HITS, hits, run);
    return StageOutcome.derived(
        List.of(written),
        written.rowsWritten()
            + " screening hits for "
            + date
            + " against "
            + index.size()
            + " listed names");
  }

  private static Iterator<Row> screenRows(Iterator<Row> rows, ScreeningIndex index) {
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      Date dob = r.getAs("date_of_birth");
      ScreeningIndex.Subject subject =
          new ScreeningIndex.Subject(
              r.getAs("subject_id"),
              r.getAs("name"),
              dob == null ? null : dob.toLocalDate(),
              r.getAs("country"),
              r.getAs("id_document"),
              r.getAs("party_type"));
      for (ScreeningHit h : index.screen(subject)) {
        out.add(
            RowFactory.create(
                r.getAs("subject_kind"),
                h.subjectId(),
                h.subjectName(),
                r.getAs("subject_source"),
                h.listId(),
                h.listVersion(),
                h.entityId(),
                h.listedName(),
                h.matchType(),
                h.matchedValue(),
                h.nameKind(),
                h.score(),
                CollectionConverters.asScala(h.parts()),
                h.explanation()));
      }
    }
    return out.iterator();
  }

  /** Raw parties (one row per record) and, when resolution has run, resolved entities. */
  static Dataset<Row> subjects(SparkSession spark, LocalDate date) {
    Dataset<Row> parties =
        Parties.read(spark)
            .dropDuplicates("record_id")
            .select(
                lit("PARTY").as("subject_kind"),
                col("record_id").as("subject_id"),
                col("source").as("subject_source"),
                col("name"),
                col("party_type"),
                col("country"),
                col("date_of_birth"),
                col("id_document"));
    if (!spark.catalog().tableExists("silver.entities")) {
      return parties;
    }
    Dataset<Row> entities =
        spark.sql(
            "SELECT 'ENTITY' subject_kind, entity_id subject_id, 'resolved' subject_source,"
                + " name, party_type, country, date_of_birth, id_document"
                + " FROM silver.entities WHERE run_date = (SELECT max(run_date)"
                + " FROM silver.entities WHERE run_date <= DATE'"
                + date
                + "')");
    return parties.unionByName(entities);
  }

  /** Every address in transfers up to the date, matched exactly; score 1. */
  Dataset<Row> addressHits(SparkSession spark, LocalDate date) {
    List<String> lists = new ArrayList<>();
    if (Parties.exists(spark, CRYPTO)) {
      lists.add(addressListSql(CRYPTO, ScreeningHit.CRYPTO_ADDRESS, date));
    }
    for (String table : settings.strings("scamflow.screen.watchlist-tables")) {
      if (Parties.exists(spark, table)) {
        lists.add(addressListSql(table, ScreeningHit.WATCHLIST_ADDRESS, date));
      }
    }
    if (lists.isEmpty() || !Parties.exists(spark, "silver.transfers")) {
      return spark.createDataFrame(List.of(), HIT_ROW);
    }
    spark
        .sql(
            "SELECT DISTINCT account FROM (SELECT from_account account FROM silver.transfers"
                + " WHERE run_date <= DATE'"
                + date
                + "' UNION ALL SELECT to_account FROM silver.transfers WHERE run_date <= DATE'"
                + date
                + "') WHERE account IS NOT NULL")
        .createOrReplaceTempView("screen_seen_accounts");
    spark.sql(String.join(" UNION ALL ", lists)).createOrReplaceTempView("screen_listed");
    listVersionsView(spark, date).createOrReplaceTempView("screen_list_versions");
    return spark.sql(
        "SELECT 'ADDRESS' subject_kind, a.account subject_id, a.account subject_name,"
            + " 'silver.transfers' subject_source, l.list_id, v.list_version, l.entity_id,"
            + " e.primary_name listed_name, l.match_type, l.address matched_value,"
            + " CAST(NULL AS STRING) name_kind, 1.0D score, map('address', 1.0D) score_parts,"
            + " concat('address ', l.address, ' on ', l.chain, ' listed by ', l.list_id,"
            + " ' (exact match)') explanation"
            + " FROM screen_seen_accounts a JOIN screen_listed l ON a.account = l.account_key"
            + " LEFT JOIN screen_list_versions v ON v.list_id = l.list_id"
            + " LEFT JOIN ("
            + entityNamesSql(spark, date)
            + ") e ON e.list_id = l.list_id AND e.entity_id = l.entity_id");
  }

  /** Listed addresses keyed like silver.transfers accounts: CHAIN:address. */
  private static String addressListSql(String table, String matchType, LocalDate date) {
    return "SELECT list_id, entity_id, chain, address, '"
        + matchType
        + "' match_type, concat(upper(chain), ':', CASE WHEN upper(chain) = 'ETHEREUM'"
        + " THEN lower(address) ELSE address END) account_key FROM "
        + table
        + " WHERE "
        + validOn(date);
  }

  private static String entityNamesSql(SparkSession spark, LocalDate date) {
    if (!spark.catalog().tableExists(ENTITIES)) {
      return "SELECT CAST(NULL AS STRING) list_id, CAST(NULL AS STRING) entity_id,"
          + " CAST(NULL AS STRING) primary_name WHERE false";
    }
    return "SELECT list_id, entity_id, max(primary_name) primary_name FROM "
        + ENTITIES
        + " WHERE "
        + validOn(date)
        + " GROUP BY list_id, entity_id";
  }

  /**
   * Per list, the version in force on {@code date}: the latest list version (the publication date
   * the file states, else the day it landed) on or before the date. Versions come from every list
   * file in bronze.sanctions_raw and, for lists written straight to silver (tests, watchlist
   * tables), from the validity bounds of the silver rows; a list with no version on or before the
   * date is absent.
   */
  public static Map<String, String> listVersionsOn(SparkSession spark, LocalDate date) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : listVersionsView(spark, date).collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private static Dataset<Row> listVersionsView(SparkSession spark, LocalDate date) {
    List<String> versions = new ArrayList<>();
    if (spark.catalog().tableExists(SanctionsTables.BRONZE.name())) {
      versions.add(
          "SELECT list_id, coalesce(list_version, run_date) v FROM "
              + SanctionsTables.BRONZE.name());
    }
    for (String table : List.of(ENTITIES, NAMES, CRYPTO)) {
      if (spark.catalog().tableExists(table)) {
        for (String bound : List.of("valid_from", "valid_to", "last_seen")) {
          versions.add("SELECT list_id, " + bound + " v FROM " + table);
        }
      }
    }
    if (versions.isEmpty()) {
      return spark.sql(
          "SELECT CAST(NULL AS STRING) list_id, CAST(NULL AS STRING) list_version"
              + " WHERE false");
    }
    return spark.sql(
        "SELECT list_id, CAST(max(v) AS STRING) list_version FROM ("
            + String.join(" UNION ALL ", versions)
            + ") WHERE v <= DATE'"
            + date
            + "' GROUP BY list_id");
  }

  /**
   * valid_from is the first day a row holds; valid_to (null = still current) the first it does not.
   */
  static String validOn(LocalDate date) {
    return "(valid_from IS NULL OR valid_from <= DATE'"
        + date
        + "') AND (valid_to IS NULL OR valid_to > DATE'"
        + date
        + "')";
  }

  /** Builds the index of the names valid on the date, from whatever list tables exist. */
  ScreeningIndex loadIndex(LocalDate date) {
    SparkSession spark = lakehouse.spark();
    ScreeningIndex index =
        new ScreeningIndex(
            threshold(),
            settings.decimal("scamflow.screen.min-name-similarity"),
            settings.integer("scamflow.screen.max-hits-per-subject"));
    if (!Parties.exists(spark, NAMES)) {
      return index;
    }
    Map<String, String> versions = listVersionsOn(spark, date);
    for (Row r :
        spark
            .sql(
                "SELECT list_id, entity_id, name, name_kind, quality FROM "
                    + NAMES
                    + " WHERE name IS NOT NULL AND "
                    + validOn(date))
            .collectAsList()) {
      index.addName(
          r.getString(0),
          r.getString(1),
          r.getString(2),
          r.getString(3),
          r.getString(4),
          versions.get(r.getString(0)));
    }
    if (Parties.exists(spark, ENTITIES)) {
      for (Row r :
          spark
              .sql(
                  "SELECT list_id, entity_id, primary_name, entity_type FROM "
                      + ENTITIES
                      + " WHERE "
                      + validOn(date))
              .collectAsList()) {
        ScreeningIndex.ListedEntity e = index.entity(r.getString(0), r.getString(1));
        e.primaryName = r.getString(2);
        e.entityType = r.getString(3);
      }
    }
    if (Parties.exists(spark, IDENTIFIERS)) {
      for (Row r :
          spark
              .sql(
                  "SELECT list_id, entity_id, id_value FROM "
                      + IDENTIFIERS
                      + " WHERE id_value IS NOT NULL AND "
                      + validOn(date))
              .collectAsList()) {
        String doc = io.scamflow.resolve.Identifiers.document(r.getString(2));
        if (doc != null) {
          index.entity(r.getString(0), r.getString(1)).identifiers.add(doc);
        }
      }
    }
    if (Parties.exists(spark, BIRTH_DATES)) {
      for (Row r :
          spark
              .sql(
                  "SELECT list_id, entity_id, date_of_birth, birth_year FROM "
                      + BIRTH_DATES
                      + " WHERE "
                      + validOn(date))
              .collectAsList()) {
        ScreeningIndex.ListedEntity e = index.entity(r.getString(0), r.getString(1));
        if (!r.isNullAt(2)) {
          LocalDate d = r.getDate(2).toLocalDate();
          e.birthDates.add(d);
          e.birthYears.add(d.getYear());
        } else if (!r.isNullAt(3)) {
          e.birthYears.add(r.getInt(3));
        }
      }
    }
    if (Parties.exists(spark, NATIONALITIES)) {
      for (Row r :
          spark
              .sql(
                  "SELECT list_id, entity_id, nationality FROM "
                      + NATIONALITIES
                      + " WHERE "
                      + validOn(date))
              .collectAsList()) {
        String c = io.scamflow.resolve.Identifiers.country(r.getString(2));
        if (c != null) {
          index.entity(r.getString(0), r.getString(1)).nationalities.add(c);
        }
      }
    }
    return index;
  }
}
