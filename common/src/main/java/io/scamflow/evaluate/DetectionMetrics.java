package io.scamflow.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Precision and recall of alerts against ground truth, per detector typology and overall, at
 * transfer and account level, plus the account-level ablation by detector family. Everything is in
 * the truth's id space: alerts arrive with truth transfer ids and truth account keys.
 *
 * <ul>
 *   <li>Transfer level: a flagged transfer is correct when the truth marks it laundering (any
 *       typology); recall of typology T is the share of the truth's T transfers that T's alerts
 *       hold.
 *   <li>Account level: a flagged account is correct when its truth role is a scam role (victim,
 *       mule, controller, designated); service accounts (exchange, otc) are neither right nor wrong
 *       and are left out; recall of T is the share of scam-role parties of the truth's T transfers
 *       among T's alert members; overall recall is over every scam-role account that moved money.
 * </ul>
 */
public final class DetectionMetrics {
  private DetectionMetrics() {}

  /** Roles of accounts that belong to a scam (victims included: an alert on them is wanted). */
  public static final Set<String> SCAM_ROLES = Set.of("victim", "mule", "controller", "designated");

  /** Roles neither right nor wrong to flag: services that also carry honest money. */
  public static final Set<String> SERVICE_ROLES = Set.of("exchange", "otc");

  /** Detector typologies whose truth carries other names. */
  static final Map<String, List<String>> TRUTH_NAMES =
      Map.of(
          "victim_pattern", List.of("victim_payment", "fake_return"),
          "offramp_chain", List.of("vasp_cashout"));

  /** Truth typologies a detector typology is measured against. */
  public static List<String> truthNames(String typology) {
    return TRUTH_NAMES.getOrDefault(typology, List.of(typology));
  }

  /**
   * @param alerts typology, members (truth account keys), transfer_ids (truth transfer ids)
   * @param truthTransfers transfer_id, from_key, to_key, laundering (0/1), typology
   * @param truthAccounts account_key, role
   * @param families detector typology → family ("network", "behaviour"), in report order
   */
  public static Report compute(
      Dataset<Row> alerts,
      Dataset<Row> truthTransfers,
      Dataset<Row> truthAccounts,
      Map<String, String> families) {
    SparkSession spark = alerts.sparkSession();
    Dataset<Row> truth =
        truthTransfers
            .select(
                col("transfer_id").as("tid"),
                col("from_key"),
                col("to_key"),
                col("laundering").cast("int").equalTo(1).as("laundering"),
                col("typology").as("truth_typology"))
            .cache();
    Dataset<Row> roles =
        truthAccounts.select(col("account_key").as("acct"), col("role")).dropDuplicates("acct");
    Dataset<Row> scamAccounts =
        roles.where(col("role").isin(SCAM_ROLES.toArray())).select("acct").cache();
    Dataset<Row> laundering = truth.where(col("laundering"));
    // scam-role parties of each truth typology's transfers
    Dataset<Row> partiesByTypology =
        laundering
            .select(col("from_key").as("acct"), col("truth_typology"))
            .union(laundering.select(col("to_key").as("acct"), col("truth_typology")))
            .join(scamAccounts, "acct")
            .distinct()
            .cache();

    List<Row> mapRows = new ArrayList<>();
    families
        .keySet()
        .forEach(t -> truthNames(t).forEach(n -> mapRows.add(RowFactory.create(t, n))));
    Dataset<Row> names =
        spark.createDataFrame(
            mapRows,
            new StructType()
                .add("typology", DataTypes.StringType)
                .add("truth_typology", DataTypes.StringType));

    Dataset<Row> flaggedTransfers =
        alerts.select(col("typology"), explode(col("transfer_ids")).as("tid")).distinct().cache();
    Dataset<Row> flaggedAccounts =
        alerts
            .select(col("typology"), explode(col("members")).as("acct"))
            .distinct()
            .join(roles, "acct")
            .where(col("role").isin(SERVICE_ROLES.toArray()).unary_$bang())
            .cache();

    Map<String, long[]> transferCounts = new HashMap<>();
    // flagged, correct per typology
    for (Row r :
        flaggedTransfers
            .join(truth, "tid")
            .groupBy("typology")
            .agg(
                org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum(col("laundering").cast("long")))
            .collectAsList()) {
      transferCounts.put(r.getString(0), new long[] {r.getLong(1), nz(r, 2), 0, 0});
    }
    for (Row r : truth.join(names, "truth_typology").groupBy("typology").count().collectAsList()) {
      transferCounts.computeIfAbsent(r.getString(0), k -> new long[4])[2] = r.getLong(1);
    }
    for (Row r :
        flaggedTransfers
            .join(truth, "tid")
            .join(names, new String[] {"typology", "truth_typology"})
            .groupBy("typology")
            .agg(countDistinct("tid"))
            .collectAsList()) {
      transferCounts.computeIfAbsent(r.getString(0), k -> new long[4])[3] = r.getLong(1);
    }

    Map<String, long[]> accountCounts = new HashMap<>();
    for (Row r :
        flaggedAccounts
            .groupBy("typology")
            .agg(
                org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum(
                    org.apache
                        .spark
                        .sql
                        .functions
                        .when(col("role").isin(SCAM_ROLES.toArray()), 1L)
                        .otherwise(0L)))
            .collectAsList()) {
      accountCounts.put(r.getString(0), new long[] {r.getLong(1), nz(r, 2), 0, 0});
    }
    Dataset<Row> expectedAccounts =
        partiesByTypology.join(names, "truth_typology").select("typology", "acct").distinct();
    for (Row r : expectedAccounts.groupBy("typology").count().collectAsList()) {
      accountCounts.computeIfAbsent(r.getString(0), k -> new long[4])[2] = r.getLong(1);
    }
    for (Row r :
        flaggedAccounts
            .select("typology", "acct")
            .join(expectedAccounts, new String[] {"typology", "acct"})
            .groupBy("typology")
            .count()
            .collectAsList()) {
      accountCounts.computeIfAbsent(r.getString(0), k -> new long[4])[3] = r.getLong(1);
    }

    List<Score> scores = new ArrayList<>();
    for (String t : families.keySet()) {
      long[] tc = transferCounts.getOrDefault(t, new long[4]);
      scores.add(new Score(t, "transfer", tc[0], tc[1], tc[2], tc[3]));
      long[] ac = accountCounts.getOrDefault(t, new long[4]);
      scores.add(new Score(t, "account", ac[0], ac[1], ac[2], ac[3]));
    }

    // overall and ablations: unions of typologies against every laundering transfer / scam account
    long allLaundering = laundering.count();
    // every scam-role account that took part in any transfer is one to find
    Dataset<Row> scamParties =
        truth
            .select(col("from_key").as("acct"))
            .union(truth.select(col("to_key").as("acct")))
            .distinct()
            .join(scamAccounts, "acct")
            .cache();
    long allScam = scamParties.count();
    Map<String, List<String>> scopes = new LinkedHashMap<>();
    scopes.put("overall", List.copyOf(families.keySet()));
    List<String> network =
        families.entrySet().stream()
            .filter(e -> !"behaviour".equals(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    scopes.put("network", network);
    List<String> behaviour =
        families.entrySet().stream()
            .filter(e -> "behaviour".equals(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (!behaviour.isEmpty()) {
      // the ablation that matters: the same network detectors with and without the family
      List<String> both = new ArrayList<>(network);
      both.addAll(behaviour);
      scopes.put("network + behaviour", both);
    }
    families.forEach(
        (t, f) -> {
          if ("behaviour".equals(f)) {
            List<String> with = new ArrayList<>(network);
            with.add(t);
            scopes.put("network + " + t, with);
          }
        });
    List<Score> ablation = new ArrayList<>();
    for (var scope : scopes.entrySet()) {
      Object[] ts = scope.getValue().toArray();
      Dataset<Row> ft =
          flaggedTransfers
              .where(col("typology").isin(ts))
              .select("tid")
              .distinct()
              .join(truth, "tid");
      long tFlagged = ft.count();
      long tCorrect = ft.where(col("laundering")).count();
      Dataset<Row> fa =
          flaggedAccounts.where(col("typology").isin(ts)).select("acct", "role").distinct();
      long aFlagged = fa.count();
      long aCorrect = fa.where(col("role").isin(SCAM_ROLES.toArray())).count();
      long aFound = fa.select("acct").join(scamParties, "acct").count();
      Score transfer =
          new Score(scope.getKey(), "transfer", tFlagged, tCorrect, allLaundering, tCorrect);
      Score account = new Score(scope.getKey(), "account", aFlagged, aCorrect, allScam, aFound);
      if (scope.getKey().equals("overall")) {
        scores.add(transfer);
        scores.add(account);
      }
      ablation.add(account);
    }
    truth.unpersist();
    return new Report(scores, ablation, new LinkedHashMap<>(families));
  }

  private static long nz(Row r, int i) {
    return r.isNullAt(i) ? 0 : r.getLong(i);
  }
}
