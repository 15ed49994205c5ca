package io.scamflow.resolve;

import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import io.scamflow.graph.GraphX;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entity resolution for one run date: every party record ({@link Parties}) normalised, blocked
 * (phonetic name tokens, document, phone, email, account: near-linear, oversized blocks dropped),
 * compared feature by feature into levels, weighted by Fellegi-Sunter m/u estimated with EM, linked
 * above a probability, clustered with GraphX connected components over strong links, and weak links
 * admitted only where they cannot chain two strong clusters together. Writes silver.entities,
 * silver.entity_members (parties, accounts, KYC deposit addresses, Bitcoin co-spend addresses) and
 * silver.entity_links (every link with its evidence).
 */
public final class EntityResolution {
  private static final Logger LOG = LoggerFactory.getLogger(EntityResolution.class);

  static final List<String> FEATURES =
      List.of("name", "date_of_birth", "id_document", "phone", "email", "account", "country");

  public static final TableContract ENTITIES =
      TableContract.builder("silver.entities")
          .comment("Resolved real-world persons and organisations as of a run date, one row each")
          .column("run_date", DataTypes.DateType, false, "Run date of this resolution")
          .column("entity_id", DataTypes.StringType, false, "Id of the entity (hash of a member)")
          .column("name", DataTypes.StringType, "Most common name its records carry, as written")
          .column("name_normalised", DataTypes.StringType, "That name transliterated, no titles")
          .column("party_type", DataTypes.StringType, "PERSON or ORGANISATION, if known")
          .column("country", DataTypes.StringType, "Most common country or nationality")
          .column("date_of_birth", DataTypes.DateType, "Most common date of birth")
          .column("id_document", DataTypes.StringType, "Most common document number, normalised")
          .column("member_count", DataTypes.IntegerType, false, "Party records resolved into it")
          .column(
              "sources",
              DataTypes.createArrayType(DataTypes.StringType),
              "Sources its records came from, e.g. bank:swift-mt103, kyc:Huione")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "entity_id")
          .build();

  public static final TableContract MEMBERS =
      TableContract.builder("silver.entity_members")
          .comment("What belongs to each entity: its party records, accounts and crypto addresses")
          .column("run_date", DataTypes.DateType, false, "Run date of this resolution")
          .column("entity_id", DataTypes.StringType, false, "The entity (silver.entities)")
          .column("member_kind", DataTypes.StringType, false, "PARTY, ACCOUNT or ADDRESS")
          .column(
              "member_id",
              DataTypes.StringType,
              false,
              "Party record_id, or the account/address key as silver.transfers writes it")
          .column("source", DataTypes.StringType, "Source of the party record or link")
          .column(
              "attached_by",
              DataTypes.StringType,
              false,
              "RESOLUTION (party), ACCOUNT (held by a party), KYC_LINK (exchange deposit"
                  + " address), CO_SPEND (same Bitcoin wallet as an attached address)")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "entity_id", "member_kind", "member_id")
          .build();

  public static final TableContract LINKS =
      TableContract.builder("silver.entity_links")
          .comment("Pairs of party records judged the same entity, with the evidence for each")
          .column("run_date", DataTypes.DateType, false, "Run date of this resolution")
          .column("record_a", DataTypes.StringType, false, "One party record_id")
          .column("record_b", DataTypes.StringType, false, "The other party record_id")
          .column("entity_id", DataTypes.StringType, "Entity both ended in; null if not merged")
          .column("match_weight", DataTypes.DoubleType, false, "Fellegi-Sunter weight, log2 odds")
          .column("match_probability", DataTypes.DoubleType, false, "Probability of a match")
          .column(
              "levels",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType),
              "Comparison level per feature: name 3 exact, 2 close, 1 similar or phonetic, 0"
                  + " different; others 1 agree, 0 differ; missing features are absent")
          .column(
              "evidence",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType),
              "Weight each feature added (log2 m/u): what agreed and how much it counted")
          .column(
              "link_kind",
              DataTypes.StringType,
              false,
              "STRONG (clusters), WEAK (admitted) or BRIDGE_REJECTED (weak link between two"
                  + " clusters that would have chained them)")
          .partitionedBy("run_date")
          .dateColumn("run_date")
          .keys("run_date", "record_a", "record_b")
          .build();

  private final Lakehouse lakehouse;
  private final Settings settings;

  public EntityResolution(Lakehouse lakehouse, Settings settings) {
    this.lakehouse = lakehouse;
    this.settings = settings;
  }

  /** Nightly stage: replaces silver.entities, entity_members and entity_links for the date. */
  public StageOutcome run(RunContext run) {
    SparkSession spark = lakehouse.spark();
    registerFunctions(spark);
    String day = "DATE'" + run.runDate() + "'";
    Parties.read(spark).createOrReplaceTempView("er_party_rows");
    spark
        .sql(
            "SELECT record_id, first(source, true) source, first(name, true) name,"
                + " sf_name_norm(first(name, true)) name_norm,"
                + " first(party_type, true) party_type, sf_country(first(country, true)) country,"
                + " first(date_of_birth, true) dob, sf_document(first(id_document, true)) doc,"
                + " sf_phone(first(phone, true), sf_country(first(country, true))) phone,"
                + " sf_email(first(email, true)) email,"
                // a KYC customer may link several bank accounts: keep them all
                + " array_sort(collect_set(account_key)) accounts"
                + " FROM er_party_rows WHERE record_id IS NOT NULL GROUP BY record_id")
        .localCheckpoint()
        .createOrReplaceTempView("er_records");
    long records = spark.table("er_records").count();

    // blocking: every key a record holds; blocks above the cap say nothing and cost n^2
    int maxBlock = settings.integer("scamflow.resolve.max-block-size");
    spark
        .sql(
            "SELECT record_id, key FROM er_records LATERAL VIEW explode(concat(sf_name_keys(name),"
                + " filter(array(concat('d:', doc), concat('t:', phone), concat('e:', email)),"
                + " k -> k IS NOT NULL), transform(accounts, a -> concat('a:', a)))) k AS key")
        .createOrReplaceTempView("er_keys");
    spark
        .sql(
            "SELECT DISTINCT a.record_id a, b.record_id b FROM er_keys a JOIN er_keys b"
                + " ON a.key = b.key AND a.record_id < b.record_id JOIN (SELECT key FROM er_keys"
                + " GROUP BY key HAVING count(*) BETWEEN 2 AND "
                + maxBlock
                + ") k ON a.key = k.key")
        .createOrReplaceTempView("er_pairs");

    spark
        .sql(
            "SELECT p.a, p.b, "
                + "CASE WHEN x.name_norm = y.name_norm THEN 3 ELSE CASE"
                + " WHEN sf_name_sim(x.name, y.name) >= 0.92 THEN 2"
                + " WHEN sf_name_sim(x.name, y.name) >= 0.8 THEN 1 ELSE 0 END END l_name, "
                + level("x.dob", "y.dob")
                + " l_date_of_birth, "
                + level("x.doc", "y.doc")
                + " l_id_document, "
                + level("x.phone", "y.phone")
                + " l_phone, "
                + level("x.email", "y.email")
                + " l_email, "
                + "CASE WHEN size(x.accounts) = 0 OR size(y.accounts) = 0 THEN -1"
                + " WHEN arrays_overlap(x.accounts, y.accounts) THEN 1 ELSE 0 END"
                + " l_account, "
                + level("x.country", "y.country")
                + " l_country"
                + " FROM er_pairs p JOIN er_records x ON p.a = x.record_id"
                + " JOIN er_records y ON p.b = y.record_id")
        .localCheckpoint()
        .createOrReplaceTempView("er_compared");

    FellegiSunter model = estimate(spark);
    LOG.info("Fellegi-Sunter weights: {} prior {}", model.weights(), model.prior);
    spark.sql(scoreSql(model)).createOrReplaceTempView("er_scored");

    double linkAt = settings.decimal("scamflow.resolve.link-threshold");
    double strongAt = settings.decimal("scamflow.resolve.strong-threshold");
    spark
        .sql("SELECT * FROM er_scored WHERE match_probability >= " + linkAt)
        .localCheckpoint()
        .createOrReplaceTempView("er_links");
    Dataset<Row> clusters =
        cluster(spark, spark.table("er_records"), spark.table("er_links"), strongAt);
    clusters.createOrReplaceTempView("er_clusters");

    TableWriter writer = new TableWriter(lakehouse);
    List<WriteResult> writes = new ArrayList<>();
    writes.add(
        writer.replaceDay(
            LINKS,
            spark.sql(
                "SELECT "
                    + day
                    + " run_date, l.a record_a, l.b record_b,"
                    + " CASE WHEN ca.entity_id = cb.entity_id THEN ca.entity_id END entity_id,"
                    + " l.match_weight, l.match_probability, l.levels, l.evidence,"
                    + " CASE WHEN l.match_probability >= "
                    + strongAt
                    + " THEN 'STRONG' WHEN ca.entity_id = cb.entity_id THEN 'WEAK'"
                    + " ELSE 'BRIDGE_REJECTED' END link_kind FROM er_links l"
                    + " JOIN er_clusters ca ON l.a = ca.record_id"
                    + " JOIN er_clusters cb ON l.b = cb.record_id"),
            run));
    writes.add(
        writer.replaceDay(
            ENTITIES,
            spark.sql(
                "SELECT "
                    + day
                    + " run_date, c.entity_id, mode(r.name) name, mode(r.name_norm) name_normalised,"
                    + " mode(r.party_type) party_type, mode(r.country) country,"
                    + " mode(r.dob) date_of_birth, mode(r.doc) id_document,"
                    + " CAST(count(*) AS INT) member_count,"
                    + " array_sort(collect_set(r.source)) sources"
                    + " FROM er_clusters c JOIN er_records r ON c.record_id = r.record_id"
                    + " GROUP BY c.entity_id"),
            run));
    writes.add(
        writer.replaceDay(
            MEMBERS, members(spark).withColumn("run_date", lit(Date.valueOf(run.runDate()))), run));
    return StageOutcome.derived(
        writes,
        String.format(
            Locale.ROOT,
            "%d party records resolved into %d entities (%d links)",
            records,
            writes.get(1).rowsWritten(),
            writes.get(0).rowsWritten()));
  }

  private static String level(String a, String b) {
    return "CASE WHEN "
        + a
        + " IS NULL OR "
        + b
        + " IS NULL THEN -1 WHEN "
        + a
        + " = "
        + b
        + " THEN 1 ELSE 0 END";
  }

  private FellegiSunter estimate(SparkSession spark) {
    Map<List<Integer>, Long> patterns = new HashMap<>();
    String levels = String.join(", ", FEATURES.stream().map(f -> "l_" + f).toList());
    for (Row r :
        spark
            .sql("SELECT " + levels + ", count(*) n FROM er_compared GROUP BY " + levels)
            .collectAsList()) {
      List<Integer> p = new ArrayList<>();
      for (int i = 0; i < FEATURES.size(); i++) {
        p.add(r.getInt(i));
      }
      patterns.put(p, r.getLong(FEATURES.size()));
    }
    FellegiSunter model =
        new FellegiSunter(FEATURES, 4, settings.decimal("scamflow.resolve.prior-match-rate"));
    if (!patterns.isEmpty()) {
      model.estimate(patterns, settings.integer("scamflow.resolve.em-iterations"));
    }
    return model;
  }

  /** Weight of each feature's level as SQL; their sum plus the prior log-odds is the weight. */
  private static String scoreSql(FellegiSunter model) {
    List<String> levelMap = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    List<String> sum = new ArrayList<>();
    for (int f = 0; f < FEATURES.size(); f++) {
      String name = FEATURES.get(f);
      StringBuilder w = new StringBuilder("CASE l_" + name);
      for (int l = 0; l < model.levels; l++) {
        w.append(String.format(Locale.ROOT, " WHEN %d THEN %.6fD", l, model.weight(f, l)));
      }
      w.append(" ELSE 0.0D END");
      levelMap.add("'" + name + "', l_" + name);
      evidence.add("'" + name + "', " + w);
      sum.add(w.toString());
    }
    double priorWeight = Math.log(model.prior / (1 - model.prior)) / Math.log(2);
    String total =
        String.format(Locale.ROOT, "(%.6fD + ", priorWeight) + String.join(" + ", sum) + ")";
    return "SELECT a, b, map_filter(map("
        + String.join(", ", levelMap)
        + "), (k, v) -> v >= 0) levels, map_filter(map("
        + String.join(", ", evidence)
        + "), (k, v) -> v != 0.0D) evidence, "
        + total
        + " match_weight, 1.0D / (1.0D + pow(2.0D, -"
        + total
        + ")) match_probability FROM er_compared";
  }

  /**
   * record_id -> entity_id. Strong links form the cores (connected components); a weak link joins a
   * lone record to its best core only, and two cores merge only if weak links join at least half of
   * their record pairs, so a single weak bridge never chains two strong clusters.
   */
  static Dataset<Row> cluster(
      SparkSession spark, Dataset<Row> records, Dataset<Row> links, double strongAt) {
    links.select("a", "b", "match_probability").createOrReplaceTempView("er_cl_links");
    // Vertex ids for GraphX: zipWithIndex numbers the records partition by partition, without the
    // single-partition sort a global row_number() window would need. Entity ids do not depend on
    // these numbers (they hash each cluster's smallest record_id).
    org.apache.spark.api.java.JavaRDD<Row> numbered =
        records
            .select("record_id")
            .javaRDD()
            .zipWithIndex()
            .map(t -> org.apache.spark.sql.RowFactory.create(t._1().getString(0), t._2()));
    spark
        .createDataFrame(
            numbered,
            new org.apache.spark.sql.types.StructType()
                .add("record_id", org.apache.spark.sql.types.DataTypes.StringType, false)
                .add("vid", org.apache.spark.sql.types.DataTypes.LongType, false))
        .localCheckpoint()
        .createOrReplaceTempView("er_vid");
    Dataset<Row> strongEdges =
        spark.sql(
            "SELECT va.vid src, vb.vid dst FROM er_cl_links l JOIN er_vid va ON l.a = va.record_id"
                + " JOIN er_vid vb ON l.b = vb.record_id WHERE l.match_probability >= "
                + strongAt);
    GraphX.connectedComponents(spark, strongEdges).createOrReplaceTempView("er_cc1");
    spark
        .sql(
            "SELECT v.record_id, v.vid, coalesce(c.component, v.vid) core FROM er_vid v"
                + " LEFT JOIN er_cc1 c ON v.vid = c.vertex")
        .localCheckpoint()
        .createOrReplaceTempView("er_core");
    spark
        .sql("SELECT core, count(*) size FROM er_core GROUP BY core")
        .createOrReplaceTempView("er_core_size");
    spark
        .sql(
            "SELECT ca.core ca, cb.core cb, sa.size sa, sb.size sb, l.match_probability p,"
                + " l.a, l.b FROM er_cl_links l JOIN er_core ca ON l.a = ca.record_id"
                + " JOIN er_core cb ON l.b = cb.record_id"
                + " JOIN er_core_size sa ON sa.core = ca.core JOIN er_core_size sb ON sb.core = cb.core"
                + " WHERE l.match_probability < "
                + strongAt
                + " AND ca.core != cb.core")
        .createOrReplaceTempView("er_weak");
    Dataset<Row> merges =
        spark.sql(
            // a lone record: only its best weak link
            "SELECT ca src, cb dst FROM (SELECT *, row_number() OVER (PARTITION BY"
                + " CASE WHEN sa = 1 THEN ca ELSE cb END ORDER BY p DESC, a, b) rn FROM er_weak"
                + " WHERE sa = 1 OR sb = 1) WHERE rn = 1"
                + " UNION ALL "
                // two cores: only when weak links join at least half their record pairs
                + "SELECT least(ca, cb) src, greatest(ca, cb) dst FROM er_weak"
                + " WHERE sa > 1 AND sb > 1 GROUP BY least(ca, cb), greatest(ca, cb)"
                + " HAVING count(*) * 2 >= max(sa) * max(sb)");
    GraphX.connectedComponents(spark, merges).createOrReplaceTempView("er_cc2");
    return spark
        .sql(
            "SELECT c.record_id, concat('ENT-', substr(sha2(min(c.record_id) OVER (PARTITION BY"
                + " coalesce(m.component, c.core)), 256), 1, 16)) entity_id"
                + " FROM er_core c LEFT JOIN er_cc2 m ON c.core = m.vertex")
        .localCheckpoint();
  }

  /** Parties, the accounts they hold, KYC deposit addresses and their Bitcoin co-spend wallets. */
  private static Dataset<Row> members(SparkSession spark) {
    spark
        .sql(
            "SELECT c.entity_id, 'PARTY' member_kind, c.record_id member_id, r.source,"
                + " 'RESOLUTION' attached_by FROM er_clusters c JOIN er_records r"
                + " ON c.record_id = r.record_id"
                + " UNION ALL SELECT DISTINCT c.entity_id, 'ACCOUNT', p.account_key, p.source,"
                + " 'ACCOUNT' FROM er_party_rows p JOIN er_clusters c ON p.record_id = c.record_id"
                + " WHERE p.account_key IS NOT NULL"
                + " UNION ALL SELECT DISTINCT c.entity_id, 'ADDRESS', p.crypto_address, p.source,"
                + " 'KYC_LINK' FROM er_party_rows p JOIN er_clusters c ON p.record_id = c.record_id"
                + " WHERE p.crypto_address IS NOT NULL")
        .createOrReplaceTempView("er_members");
    if (!Parties.exists(spark, "silver.btc_wallets")) {
      return spark.table("er_members");
    }
    return spark.sql(
        "SELECT * FROM er_members UNION SELECT DISTINCT m.entity_id, 'ADDRESS',"
            + " concat('BITCOIN:', w2.address), 'silver.btc_wallets', 'CO_SPEND'"
            + " FROM er_members m JOIN silver.btc_wallets w1"
            + " ON m.member_id = concat('BITCOIN:', w1.address)"
            + " JOIN silver.btc_wallets w2 ON w1.wallet_id = w2.wallet_id"
            + " LEFT ANTI JOIN er_members x ON x.entity_id = m.entity_id"
            + " AND x.member_id = concat('BITCOIN:', w2.address)");
  }

  /** The normalisers as SQL functions (sf_*), for this stage and for analysts' notebooks. */
  public static void registerFunctions(SparkSession spark) {
    spark
        .udf()
        .register(
            "sf_name_norm",
            (UDF1<String, String>)
                s -> s == null ? null : emptyToNull(Names.normalise(s).sortedKey()),
            DataTypes.StringType);
    spark
        .udf()
        .register(
            "sf_name_sim",
            (UDF2<String, String, Double>)
                (a, b) -> a == null || b == null ? 0.0 : Names.similarity(a, b),
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "sf_name_keys",
            (UDF1<String, List<String>>)
                s -> {
                  List<String> out = new ArrayList<>();
                  if (s != null) {
                    for (String t : Names.normalise(s).tokens()) {
                      if (t.length() >= 2 && !Names.phonetic(t).isEmpty()) {
                        out.add("p:" + Names.phonetic(t));
                      }
                    }
                  }
                  return out;
                },
            DataTypes.createArrayType(DataTypes.StringType));
    spark
        .udf()
        .register(
            "sf_phone", (UDF2<String, String, String>) Identifiers::phone, DataTypes.StringType);
    spark
        .udf()
        .register(
            "sf_document", (UDF1<String, String>) Identifiers::document, DataTypes.StringType);
    spark
        .udf()
        .register("sf_country", (UDF1<String, String>) Identifiers::country, DataTypes.StringType);
    spark
        .udf()
        .register("sf_email", (UDF1<String, String>) Identifiers::email, DataTypes.StringType);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
