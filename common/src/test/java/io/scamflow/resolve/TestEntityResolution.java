package io.scamflow.resolve;

import static io.scamflow.screen.InputTables.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.run.StageRunner;
import io.scamflow.screen.InputTables;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestEntityResolution {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 3);

  @Test
  void resolvesPartiesAcrossSourcesAndAttachesKycAndCoSpendAddresses(
      SparkSession spark, Lakehouse lh, Settings settings) {
    InputTables.write(
        lh,
        InputTables.PARTIES,
        List.of(
            party("P1", "Sergei Petrov", "RU", "1970-05-01", "+7 912 345-67-89", "IBAN:DE01"),
            party("P2", "PETROV, Sergei", "RU", "1970-05-01", null, "IBAN:DE01"),
            party("P3", "Ivan Petrov", "RU", "1982-02-02", "+7 900 000-00-01", "IBAN:DE03"),
            party("P4", "Somchai Jaidee", "TH", "1990-01-01", "081 234 5678", "ACCT:KBANK:4"),
            party("P5", "Mr Somchai Jaidee", "TH", "1990-01-01", "+66812345678", "ACCT:KBANK:5"),
            party("P6", "Nguyen Van Thanh", "VN", "1975-03-03", null, "ACCT:VCB:6")));
    InputTables.write(
        lh,
        InputTables.VASP_LINKS,
        List.of(
            RowFactory.create(
                "Binance",
                "C1",
                "Сергей Петров",
                date("1970-05-01"),
                "RU",
                null,
                "8 912 345 67 89",
                "s.petrov@mail.ru",
                "IBAN:DE01",
                "bc1qcospendaaa",
                "BITCOIN"),
            RowFactory.create(
                "Huione",
                "C2",
                "Somchai Jaidee",
                date("1990-01-01"),
                "TH",
                null,
                "+66 81 234 5678",
                null,
                "ACCT:KBANK:4",
                "TAddrSomchai",
                "TRON"),
            // the exchange knows both of Somchai's bank accounts: the KYC bridge links P5 too
            RowFactory.create(
                "Huione",
                "C2",
                "Somchai Jaidee",
                date("1990-01-01"),
                "TH",
                null,
                "+66 81 234 5678",
                null,
                "ACCT:KBANK:5",
                "TAddrSomchai",
                "TRON")));
    InputTables.write(
        lh,
        InputTables.BTC_WALLETS,
        List.of(
            RowFactory.create("bc1qcospendaaa", "W1"), RowFactory.create("bc1qcospendbbb", "W1")));

    new StageRunner(lh, settings)
        .run("resolve", DAY, run -> new EntityResolution(lh, settings).run(run));

    Map<String, String> entityOf = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT member_id, entity_id FROM silver.entity_members WHERE member_kind ="
                    + " 'PARTY' AND run_date = DATE'"
                    + DAY
                    + "'")
            .collectAsList()) {
      entityOf.put(r.getString(0), r.getString(1));
    }
    Map<String, String> truth =
        Map.of(
            "PARTY:P1",
            "petrov",
            "PARTY:P2",
            "petrov",
            "KYC:Binance:C1",
            "petrov",
            "PARTY:P3",
            "ivan",
            "PARTY:P4",
            "somchai",
            "PARTY:P5",
            "somchai",
            "KYC:Huione:C2",
            "somchai",
            "PARTY:P6",
            "thanh");
    assertThat(entityOf).containsOnlyKeys(truth.keySet());
    double[] pr = pairwise(truth, entityOf);
    assertThat(pr[0]).as("pairwise precision").isEqualTo(1.0);
    assertThat(pr[1]).as("pairwise recall").isGreaterThanOrEqualTo(0.8);

    List<Row> addresses =
        spark
            .sql(
                "SELECT member_id, attached_by FROM silver.entity_members WHERE member_kind ="
                    + " 'ADDRESS' AND entity_id = '"
                    + entityOf.get("KYC:Binance:C1")
                    + "'")
            .collectAsList();
    assertThat(addresses)
        .extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactlyInAnyOrder(
            "BITCOIN:bc1qcospendaaa KYC_LINK", "BITCOIN:bc1qcospendbbb CO_SPEND");
    Row link =
        spark
            .sql(
                "SELECT evidence, levels FROM silver.entity_links WHERE record_a = 'PARTY:P1'"
                    + " AND record_b = 'PARTY:P2'")
            .first();
    // bank records carry a name, a country and an account; no date of birth
    assertThat(link.<String, Double>getJavaMap(0)).containsKeys("name", "account");
    assertThat(link.<String, Integer>getJavaMap(1).get("name")).isEqualTo(3);
  }

  private static Row party(
      String key, String name, String country, String dob, String phone, String account) {
    return RowFactory.create(
        key, name, "PERSON", country, date(dob), null, phone, null, null, account, "test");
  }

  /** Pairwise precision and recall of a clustering against truth labels. */
  static double[] pairwise(Map<String, String> truth, Map<String, String> found) {
    List<String> ids = List.copyOf(truth.keySet());
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        boolean same = truth.get(ids.get(i)).equals(truth.get(ids.get(j)));
        boolean linked = found.get(ids.get(i)).equals(found.get(ids.get(j)));
        tp += same && linked ? 1 : 0;
        fp += !same && linked ? 1 : 0;
        fn += same && !linked ? 1 : 0;
      }
    }
    Set<String> unused = new HashSet<>();
    unused.add("");
    return new double[] {
      tp + fp == 0 ? 1 : (double) tp / (tp + fp), tp + fn == 0 ? 1 : (double) tp / (tp + fn)
    };
  }
}
