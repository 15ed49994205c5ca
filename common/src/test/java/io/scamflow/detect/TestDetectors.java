package io.scamflow.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.testing.SparkTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crafted week: a scam flow (4 collection mules → aggregator → pass-through → fan-out to 5
 * layers, and a structurer) beside its honest look-alikes (a merchant receiving from many, a
 * trading company with one large invoice among shop payments, a wholesaler paying more than it got,
 * a payroll run, a distributor paying suppliers a fraction of one large order, a customer paying
 * twice just below the threshold). Each detector must find the scam shape and leave the look-alike
 * alone.
 */
@SparkTest
class TestDetectors {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 5);
  private static final List<Row> ROWS = new ArrayList<>();
  private static Dataset<Row> transfers;
  private static Map<String, List<Row>> alertsByTypology;

  private static void t(
      String id, String from, String to, String at, double amount, String ccy, double usd) {
    LocalDateTime ts = LocalDateTime.parse("2026-03-" + at);
    ROWS.add(
        RowFactory.create(
            id,
            from,
            to,
            Timestamp.valueOf(ts),
            Date.valueOf(ts.toLocalDate()),
            new BigDecimal(String.valueOf(amount)),
            ccy,
            new BigDecimal(String.valueOf(usd))));
  }

  /** A transfer whose source states only the value date (SWIFT MT103's :32A:). */
  private static void dateOnly(String id, String from, String to, String day, double usd) {
    ROWS.add(
        RowFactory.create(
            id,
            from,
            to,
            null,
            Date.valueOf(LocalDate.parse("2026-03-" + day)),
            new BigDecimal(String.valueOf(usd)),
            "USD",
            new BigDecimal(String.valueOf(usd))));
  }

  @BeforeAll
  static void world(SparkSession spark, Settings settings) {
    for (int i = 1; i <= 4; i++) {
      t("in" + i, "IBAN:MULE" + i, "ACCT:AGG", "04T0" + i + ":00", 2000, "USD", 2000);
    }
    t("fwd", "ACCT:AGG", "ACCT:P1", "04T08:00", 7800, "USD", 7800);
    t("pass", "ACCT:P1", "ACCT:P2", "04T10:00", 7700, "USD", 7700);
    for (int i = 1; i <= 5; i++) {
      t("lay" + i, "ACCT:P2", "ACCT:LAYER" + i, "04T1" + i + ":00", 1500, "USD", 1500);
    }
    for (int i = 1; i <= 4; i++) {
      t(
          "st" + i,
          "ACCT:STRUCT",
          "ACCT:CASH" + (i % 2),
          "05T0" + i + ":30",
          1_900_000,
          "THB",
          53_000);
      // look-alike: a business paying four suppliers large invoices on one day
      t(
          "inv" + i,
          "ACCT:TRADER",
          "ACCT:SUPPLIER" + i,
          "05T1" + i + ":00",
          1_850_000,
          "THB",
          51_000);
    }
    // look-alikes
    for (int i = 1; i <= 12; i++) {
      t("shop" + i, "ACCT:CUST" + i, "ACCT:MERCHANT", "03T" + (10 + i) + ":00", 120, "USD", 120);
    }
    for (int i = 1; i <= 10; i++) {
      t("pay" + i, "ACCT:EMPLOYER", "ACCT:EMP" + i, "06T09:0" + (i % 10), 900, "USD", 900);
    }
    // a trading company: shop payments and one large invoice in, then one supplier paid; only
    // one payer is material, so it is not a fan-in
    for (int i = 1; i <= 3; i++) {
      t("retail" + i, "ACCT:SHOPPER" + i, "ACCT:TRADING", "03T0" + i + ":00", 40, "USD", 40);
    }
    t("invoice", "ACCT:BUYERCO", "ACCT:TRADING", "03T05:00", 8000, "USD", 8000);
    t("supply", "ACCT:TRADING", "ACCT:FACTORY", "03T07:00", 7000, "USD", 7000);
    // a wholesaler paid by three clients pays its mill far more than that, out of its balance
    for (int i = 1; i <= 3; i++) {
      t("whole" + i, "ACCT:CLIENT" + i, "ACCT:WHOLESALER", "02T1" + i + ":00", 2000, "USD", 2000);
    }
    t("bulk", "ACCT:WHOLESALER", "ACCT:MILL", "02T18:00", 15000, "USD", 15000);
    // a distributor paid one large order settles four suppliers out of it and keeps the rest
    t("order", "ACCT:BIGCLIENT", "ACCT:DISTRIB", "05T20:00", 40000, "USD", 40000);
    for (int i = 1; i <= 4; i++) {
      t("settle" + i, "ACCT:DISTRIB", "ACCT:VENDOR" + i, "06T08:0" + i, 2000, "USD", 2000);
    }
    // a mule whose onward payment came by MT103 (date only) on the day the money reached it
    t("q-in", "ACCT:Q0", "ACCT:Q1", "05T14:00", 5000, "USD", 5000);
    dateOnly("q-out", "ACCT:Q1", "ACCT:Q2", "05", 4900);
    // a grocer whose busy day happens to hold a pass-through pair (a large order in, a supplier
    // paid about as much two hours later) among its takings and bills: a small share of its day
    t("grocer-in", "ACCT:CATERER", "ACCT:GROCER", "02T09:00", 3000, "USD", 3000);
    t("grocer-out", "ACCT:GROCER", "ACCT:FARM", "02T11:00", 2900, "USD", 2900);
    for (int i = 1; i <= 8; i++) {
      t("till" + i, "ACCT:DINER" + i, "ACCT:GROCER", "02T1" + i + ":30", 35, "USD", 35);
    }
    t("power", "ACCT:GROCER", "ACCT:POWERCO", "02T19:00", 300, "USD", 300);
    t("near1", "ACCT:HONEST", "ACCT:CAR", "05T09:00", 1_950_000, "THB", 54_000);
    t("near2", "ACCT:HONEST", "ACCT:CAR", "05T15:00", 1_800_000, "THB", 50_000);

    StructType schema =
        new StructType()
            .add("transfer_id", DataTypes.StringType)
            .add("from_account", DataTypes.StringType)
            .add("to_account", DataTypes.StringType)
            .add("value_ts", DataTypes.TimestampType)
            .add("value_date", DataTypes.DateType)
            .add("amount", DataTypes.createDecimalType(38, 18))
            .add("currency", DataTypes.StringType)
            .add("amount_usd", DataTypes.createDecimalType(24, 2));
    transfers = spark.createDataFrame(ROWS, schema);
    DetectionContext context = new DetectionContext(DAY, transfers, settings);
    alertsByTypology =
        Detectors.all().stream()
            .collect(Collectors.toMap(Detector::typology, d -> d.detect(context).collectAsList()));
  }

  private static List<String> anchors(String typology) {
    return alertsByTypology.get(typology).stream().map(r -> r.getString(1)).sorted().toList();
  }

  @Test
  void fanInFindsTheAggregatorThatForwardsAndNotTheMerchantNorTradingBusinesses() {
    assertThat(anchors("fan_in")).containsExactly("ACCT:AGG");
    Row alert = alertsByTypology.get("fan_in").get(0);
    assertThat(alert.<String>getList(2)).contains("IBAN:MULE1", "IBAN:MULE4", "ACCT:AGG");
    assertThat(alert.<String>getList(3)).contains("in1", "in4", "fwd");
    assertThat(alert.getDecimal(4)).isEqualByComparingTo("8000");
    assertThat(alert.getString(8)).contains(">= 3 distinct senders of >= 1000 USD each");
    assertThat(alert.getString(9)).contains("\"senders\":4").contains("ACCT:P1");
  }

  @Test
  void rapidPassThroughFindsTheMuleThatPassesMoneyOnWithinHours() {
    assertThat(anchors("rapid_pass_through")).contains("ACCT:P1");
    Row alert = alert("rapid_pass_through", "ACCT:P1");
    assertThat(alert.<String>getList(3)).containsExactly("fwd", "pass");
    assertThat(alert.getDouble(7)).isBetween(0.5, 1.0);
    // the mule does nothing else in the window: both of its transfers are the pattern's
    assertThat(alert.getString(8)).contains(">= 50% of the account's own transfers");
    assertThat(alert.getString(9)).contains("\"account_share\":1.0");
  }

  @Test
  void aBusinessWhosePassThroughPairIsASmallShareOfItsTrafficIsNotAMule() {
    // the pair alone matches the rule (3,000 in, 96.7% out 2 h later); its 2 of the grocer's 12
    // transfers in the window are a share of 0.17, below the 0.5 the rule asks
    assertThat(anchors("rapid_pass_through")).doesNotContain("ACCT:GROCER");
  }

  @Test
  void aDateOnlyHopCanFollowMoneyThatArrivedTheSameDay() {
    // q-out has no time (midnight of its date if taken literally, before q-in arrived at 14:00);
    // a date-only transfer may have happened at any time of its day, so the order stays open
    Row alert = alert("rapid_pass_through", "ACCT:Q1");
    assertThat(alert.<String>getList(3)).containsExactly("q-in", "q-out");
    assertThat(alert.getString(9)).contains("\"min_gap_hours\":0.0");
  }

  private static Row alert(String typology, String anchor) {
    return alertsByTypology.get(typology).stream()
        .filter(r -> r.getString(1).equals(anchor))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + typology + " alert on " + anchor));
  }

  @Test
  void fanOutFindsTheLayeringAccountAndNotThePayrollRunNorADistributorKeepingMostOfAnOrder() {
    assertThat(anchors("fan_out")).containsExactly("ACCT:P2");
    assertThat(alertsByTypology.get("fan_out").get(0).<String>getList(2))
        .contains("ACCT:LAYER1", "ACCT:LAYER5", "ACCT:P1");
  }

  @Test
  void structuringFindsRepeatedJustBelowThresholdTransfersButNotTwoNorASupplierRun() {
    assertThat(anchors("structuring")).containsExactly("ACCT:STRUCT");
    assertThat(alertsByTypology.get("structuring").get(0).getString(9))
        .contains("\"n\":4")
        .contains("\"currency\":\"THB\"");
  }
}
