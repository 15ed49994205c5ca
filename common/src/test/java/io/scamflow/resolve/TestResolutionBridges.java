package io.scamflow.resolve;

import static io.scamflow.screen.InputTables.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.run.StageRunner;
import io.scamflow.screen.InputTables;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The anti-chaining guard of the clustering (strong links form cores; a weak link may not chain two
 * cores together) on deliberate bridge cases, and the evidence every link keeps.
 */
@SparkTest
class TestResolutionBridges {
  private static final double STRONG = 0.99;
  private static final double STRONG_P = 0.999;
  private static final double WEAK_P = 0.95;

  private static final List<String> CORE_A = List.of("A1", "A2", "A3");
  private static final List<String> CORE_B = List.of("B1", "B2", "B3");

  /** Entity of each record after clustering these links. */
  private static Map<String, String> cluster(
      SparkSession spark, List<String> records, List<Object[]> links) {
    Dataset<Row> ids =
        spark.createDataFrame(
            records.stream().map(r -> RowFactory.create(r)).toList(),
            new StructType().add("record_id", DataTypes.StringType));
    List<Row> rows = new ArrayList<>();
    for (Object[] l : links) {
      rows.add(RowFactory.create(l[0], l[1], l[2]));
    }
    Dataset<Row> edges =
        spark.createDataFrame(
            rows,
            new StructType()
                .add("a", DataTypes.StringType)
                .add("b", DataTypes.StringType)
                .add("match_probability", DataTypes.DoubleType));
    Map<String, String> out = new HashMap<>();
    for (Row r : EntityResolution.cluster(spark, ids, edges, STRONG).collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  /** Every pair of a core strongly linked. */
  private static List<Object[]> core(List<String> members) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        out.add(new Object[] {members.get(i), members.get(j), STRONG_P});
      }
    }
    return out;
  }

  private static List<String> records(String... extra) {
    List<String> out = new ArrayList<>(CORE_A);
    out.addAll(CORE_B);
    out.addAll(List.of(extra));
    return out;
  }

  private static List<Object[]> twoCoresAnd(Object[]... bridges) {
    List<Object[]> out = new ArrayList<>(core(CORE_A));
    out.addAll(core(CORE_B));
    out.addAll(List.of(bridges));
    return out;
  }

  @Test
  void oneWeakLinkBetweenTwoStrongClustersLeavesTwoEntities(SparkSession spark) {
    Map<String, String> entity =
        cluster(spark, records(), twoCoresAnd(new Object[] {"A3", "B1", WEAK_P}));
    assertThat(CORE_A).extracting(entity::get).containsOnly(entity.get("A1"));
    assertThat(CORE_B).extracting(entity::get).containsOnly(entity.get("B1"));
    assertThat(entity.get("A1")).isNotEqualTo(entity.get("B1"));
  }

  @Test
  void oneStrongLinkBetweenTheSameClustersMergesThem(SparkSession spark) {
    Map<String, String> entity =
        cluster(spark, records(), twoCoresAnd(new Object[] {"A3", "B1", STRONG_P}));
    assertThat(entity.values()).containsOnly(entity.get("A1"));
  }

  @Test
  void aLoneRecordWeaklyLinkedToTwoClustersJoinsOnlyTheBetterOne(SparkSession spark) {
    Map<String, String> entity =
        cluster(
            spark,
            records("L"),
            twoCoresAnd(new Object[] {"L", "A1", 0.93}, new Object[] {"L", "B2", 0.97}));
    assertThat(entity.get("L")).isEqualTo(entity.get("B1"));
    assertThat(entity.get("A1")).isNotEqualTo(entity.get("B1"));
  }

  @Test
  void weakLinksCoveringHalfTheRecordPairsOfTwoClustersMergeThem(SparkSession spark) {
    // 9 record pairs between the cores; 5 weak links are more than half of them
    Map<String, String> entity =
        cluster(
            spark,
            records(),
            twoCoresAnd(
                new Object[] {"A1", "B1", WEAK_P},
                new Object[] {"A1", "B2", WEAK_P},
                new Object[] {"A2", "B1", WEAK_P},
                new Object[] {"A2", "B2", WEAK_P},
                new Object[] {"A3", "B3", WEAK_P}));
    assertThat(entity.values()).containsOnly(entity.get("A1"));
  }

  @Test
  void everyLinkNamesTheFieldsThatAgreedAndTheirWeights(
      SparkSession spark, Lakehouse lh, Settings settings) {
    LocalDate day = LocalDate.of(2026, 6, 4);
    List<Row> kyc = new ArrayList<>();
    // one customer at three exchanges, and a namesake born elsewhere and another year
    kyc.add(customer("Binance", "C1", "Tran Van Minh", "1988-08-08", "+84 90 123 4567", "m@x.vn"));
    kyc.add(customer("OKX", "C7", "TRAN VAN MINH", "1988-08-08", "090 123 4567", "m@x.vn"));
    kyc.add(customer("Huione", "C3", "Trần Văn Minh", "1988-08-08", "+84901234567", null));
    kyc.add(customer("Bybit", "C4", "Tran Van Minh", "1971-01-30", "+84 91 999 0000", "t@y.vn"));
    for (int i = 0; i < 12; i++) { // unrelated customers so EM sees non-matches
      kyc.add(
          customer(
              "Binance",
              "N" + i,
              "Nguyen Thi " + (char) ('A' + i) + "nh",
              "19" + (60 + i) + "-02-0" + (1 + i % 9),
              "+84 97 000 00" + (10 + i),
              null));
    }
    InputTables.write(lh, InputTables.VASP_LINKS, kyc);
    new StageRunner(lh, settings)
        .run("resolve", day, run -> new EntityResolution(lh, settings).run(run));

    List<Row> links =
        spark
            .sql(
                "SELECT record_a, record_b, match_weight, levels, evidence, link_kind"
                    + " FROM silver.entity_links WHERE run_date = DATE'"
                    + day
                    + "'")
            .collectAsList();
    Row same = find(links, "KYC:Binance:C1", "KYC:OKX:C7");
    Map<String, Double> evidence = same.getJavaMap(4);
    Map<String, Integer> levels = same.getJavaMap(3);
    assertThat(levels).containsEntry("name", 3).containsEntry("date_of_birth", 1);
    assertThat(levels).containsEntry("phone", 1).containsEntry("email", 1);
    assertThat(evidence).containsKeys("name", "date_of_birth", "phone", "email");
    assertThat(evidence.get("date_of_birth")).isPositive();
    assertThat(evidence.get("phone")).isPositive();
    assertThat(same.getString(5)).isEqualTo("STRONG");
    // the weight is the prior log-odds plus the evidence: the same prior for every link
    double prior = same.getDouble(2) - sum(evidence);
    for (Row l : links) {
      assertThat(l.getDouble(2) - sum(l.getJavaMap(4)))
          .isCloseTo(prior, org.assertj.core.data.Offset.offset(1e-6));
    }
    // the namesake born another year, with another phone, is not the same person
    Map<String, String> entityOf = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT member_id, entity_id FROM silver.entity_members WHERE member_kind ="
                    + " 'PARTY' AND run_date = DATE'"
                    + day
                    + "'")
            .collectAsList()) {
      entityOf.put(r.getString(0), r.getString(1));
    }
    assertThat(entityOf.get("KYC:OKX:C7")).isEqualTo(entityOf.get("KYC:Binance:C1"));
    assertThat(entityOf.get("KYC:Huione:C3")).isEqualTo(entityOf.get("KYC:Binance:C1"));
    assertThat(entityOf.get("KYC:Bybit:C4")).isNotEqualTo(entityOf.get("KYC:Binance:C1"));
  }

  private static double sum(Map<String, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static Row find(List<Row> links, String a, String b) {
    return links.stream()
        .filter(
            l ->
                (l.getString(0).equals(a) && l.getString(1).equals(b))
                    || (l.getString(0).equals(b) && l.getString(1).equals(a)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link between " + a + " and " + b));
  }

  private static Row customer(
      String vasp, String id, String name, String dob, String phone, String email) {
    return RowFactory.create(vasp, id, name, date(dob), "VN", null, phone, email, null, null, null);
  }
}
