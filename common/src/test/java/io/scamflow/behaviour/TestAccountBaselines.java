package io.scamflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionStage;
import io.scamflow.ingest.kyc.KycTables;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight crafted days of Thai bank accounts: steady honest payers (one of them a business paying
 * large supplier invoices every day), an account asleep for six days that wakes up paying new
 * payees, a brand-new account paying a large sum (judged against its peers), a savings-liquidating
 * account topping up an exchange for the first time beside a crypto buyer who has done so before.
 * The baselines are built night by night through the stage, then the signals run on the last day.
 */
@SparkTest
class TestAccountBaselines {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final int DAYS = 8;
  private static final LocalDate LAST = START.plusDays(DAYS - 1L);
  private static final String EXCHANGE = "SIAM DIGITAL EXCHANGE";
  private static final List<Row> ROWS = new ArrayList<>();
  private static Settings conf;
  private static List<Row> alerts;

  private static void pay(int day, int hour, String from, String to, double usd) {
    pay(day, hour, from, to, usd, "ACCT:TH:" + to);
  }

  private static void pay(int day, int hour, String from, String to, double usd, String toName) {
    LocalDate d = START.plusDays(day);
    String id = "t" + ROWS.size();
    ROWS.add(
        RowFactory.create(
            id,
            Date.valueOf(d),
            "FIAT",
            id,
            Date.valueOf(d),
            Timestamp.valueOf(d.atTime(hour, 15)),
            new BigDecimal(String.valueOf(usd)),
            "USD",
            new BigDecimal(String.valueOf(usd)).setScale(2, java.math.RoundingMode.HALF_UP),
            "ACCT:TH:" + from,
            "ACCT:TH:" + to,
            from,
            toName,
            "TH",
            "TH",
            "wire"));
  }

  @BeforeAll
  static void eightNights(SparkSession spark, Lakehouse lh, Settings settings) {
    conf =
        settings.with(
            Map.of(
                "scamflow.behaviour.window-days", "4",
                "scamflow.behaviour.min-peers", "3",
                "scamflow.behaviour.dormant-then-active.min-idle-days", "5"));
    for (int d = 0; d < DAYS; d++) {
      pay(d, 8, "STEADY", "GROCER", 35.5 + d);
      pay(d, 18, "STEADY", "UTILITY", 48.2);
      for (int k = 1; k <= 5; k++) {
        pay(d, 9 + k, "PEER" + k, "SHOP" + k, 40 + k + d * 0.5);
      }
      // two invoices a day: enough samples (>= 5 in the window) for its own amount baseline
      pay(d, 10, "BIZ", "SUPPLIER", 5200 + d * 10.25);
      pay(d, 15, "BIZ", "SUPPLIER2", 4900 + d * 7.5);
      pay(d, 11, "CRYPTO", "GROCER", 25.75 + d);
      if (d < DAYS - 1) {
        pay(d, 12, "VICTIM", "GROCER", 31.5 + d);
        pay(d, 19, "VICTIM", "UTILITY", 52.1);
      }
    }
    pay(0, 9, "SLEEPER", "GROCER", 30.25);
    pay(1, 9, "SLEEPER", "GROCER", 28.75);
    pay(1, 14, "CRYPTO", "XBANK", 1500.5, EXCHANGE);
    // the last day
    int last = DAYS - 1;
    for (int i = 1; i <= 3; i++) {
      pay(last, 7 + i, "SLEEPER", "FRESH" + i, 2950.75);
    }
    pay(last, 7, "NEWBIE", "FAR", 4800.25);
    pay(last, 6, "SAVINGS", "VICTIM", 9000.0);
    pay(last, 8, "VICTIM", "XBANK", 8800.4, EXCHANGE);
    pay(last, 13, "CRYPTO", "XBANK", 1600.5, EXCHANGE);

    StructType schema =
        new StructType()
            .add("transfer_id", DataTypes.StringType)
            .add("run_date", DataTypes.DateType)
            .add("rail", DataTypes.StringType)
            .add("natural_ref", DataTypes.StringType)
            .add("value_date", DataTypes.DateType)
            .add("value_ts", DataTypes.TimestampType)
            .add("amount", SilverTransfers.AMOUNT)
            .add("currency", DataTypes.StringType)
            .add("amount_usd", SilverTransfers.USD)
            .add("from_account", DataTypes.StringType)
            .add("to_account", DataTypes.StringType)
            .add("from_name", DataTypes.StringType)
            .add("to_name", DataTypes.StringType)
            .add("from_country", DataTypes.StringType)
            .add("to_country", DataTypes.StringType)
            .add("payment_format", DataTypes.StringType);
    TableWriter writer = new TableWriter(lh);
    writer.replaceWhere(
        SilverTransfers.TABLE,
        spark.createDataFrame(ROWS, schema),
        RunContext.start("test", START),
        "true");
    Dataset<Row> link =
        spark.sql(
            "SELECT 'L1' link_id, '"
                + EXCHANGE
                + "' vasp, 'C1' customer_id, DATE'"
                + START
                + "' first_seen, DATE'"
                + START
                + "' last_seen");
    writer.replaceWhere(KycTables.SILVER_VASP_LINKS, link, RunContext.start("test", START), "true");

    AccountBaselines baselines = new AccountBaselines(lh, conf);
    for (int d = 0; d < DAYS; d++) {
      baselines.run(RunContext.start("test", START.plusDays(d)));
    }
    // the signals see yesterday's baselines, as in the nightly run where detection comes first
    alerts =
        DetectionStage.detect(lh, conf, LAST)
            .where("typology IN ('" + String.join("','", behaviourTypologies()) + "')")
            .collectAsList();
  }

  private static List<String> behaviourTypologies() {
    return io.scamflow.detect.Detectors.all().stream()
        .map(io.scamflow.detect.Detector::typology)
        .filter(t -> !List.of("fan_in", "fan_out", "rapid_pass_through", "structuring").contains(t))
        .toList();
  }

  private static List<String> typologiesOf(String account) {
    return alerts.stream()
        .filter(r -> r.getAs("anchor").equals("ACCT:TH:" + account))
        .map(r -> r.<String>getAs("typology"))
        .sorted()
        .toList();
  }

  private static Row alert(String account, String typology) {
    return alerts.stream()
        .filter(
            r ->
                r.getAs("anchor").equals("ACCT:TH:" + account)
                    && r.getAs("typology").equals(typology))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + typology + " alert on " + account));
  }

  @Test
  void incrementalBaselineEqualsAFromScratchComputationOverTheWindow(
      SparkSession spark, Lakehouse lh) {
    String[] compared = {
      "account",
      "account_kind",
      "country",
      "peer_group",
      "active_days",
      "out_n",
      "out_usd",
      "in_n",
      "in_usd",
      "amount_n",
      "amount_median",
      "amount_mad",
      "amount_p25",
      "amount_p75",
      "amount_p95",
      "amount_max",
      "counterparty_n",
      "counterparties",
      "out_n_per_active_day",
      "out_usd_per_active_day",
      "out_n_per_week",
      "out_usd_per_week",
      "max_day_out_n",
      "max_day_out_usd",
      "max_same_payee",
      "round_n",
      "payment_formats",
      "currencies",
      "countries",
      "hour_profile",
      "recent_days"
    };
    Dataset<Row> incremental =
        spark
            .table("silver.account_baselines")
            .where("as_of_date = DATE'" + LAST + "' AND active_days > 0")
            .selectExpr(compared);
    Dataset<Row> scratch = new AccountBaselines(lh, conf).fromScratch(LAST).selectExpr(compared);
    List<String> a = incremental.toJSON().collectAsList().stream().sorted().toList();
    List<String> b = scratch.toJSON().collectAsList().stream().sorted().toList();
    assertThat(a).hasSizeGreaterThan(15);
    assertThat(a).isEqualTo(b);
    // the window really rolls: STEADY's baseline holds 4 days, not 8
    Row steady =
        spark
            .sql(
                "SELECT active_days, out_n, amount_median FROM silver.account_baselines"
                    + " WHERE as_of_date = DATE'"
                    + LAST
                    + "' AND account = 'ACCT:TH:STEADY'")
            .first();
    assertThat(steady.getInt(0)).isEqualTo(4);
    assertThat(steady.getLong(1)).isEqualTo(8);
    assertThat(steady.getDouble(2)).isBetween(40.0, 50.0);
  }

  @Test
  void aDormantAccountKeepsItsLastSeenAndFiresWhenItWakesUp() {
    Row a = alert("SLEEPER", "dormant_then_active");
    assertThat(a.<String>getAs("evidence"))
        .contains("\"last_seen\":\"" + START.plusDays(1) + "\"")
        .contains("\"idle_days\":6");
    assertThat(a.<String>getList(a.fieldIndex("members")))
        .contains("ACCT:TH:FRESH1", "ACCT:TH:FRESH3");
    assertThat(typologiesOf("STEADY")).doesNotContain("dormant_then_active");
  }

  @Test
  void steadyHonestAccountsFireNothing() {
    assertThat(typologiesOf("STEADY")).isEmpty();
    for (int k = 1; k <= 5; k++) {
      assertThat(typologiesOf("PEER" + k)).isEmpty();
    }
    // large, but normal for this business: its own baseline says so
    assertThat(typologiesOf("BIZ")).doesNotContain("amount_outlier", "velocity_spike");
  }

  @Test
  void aColdStartAccountIsJudgedAgainstItsPeers() {
    Row a = alert("NEWBIE", "amount_outlier");
    assertThat(a.<String>getAs("evidence"))
        .contains("\"basis\":\"peers\"")
        .contains("\"peer_group\":\"bank:TH\"");
    assertThat(typologiesOf("NEWBIE")).contains("peer_deviation");
  }

  @Test
  void aWarmAccountsOutlierIsMeasuredAgainstItsOwnHistory() {
    Row a = alert("VICTIM", "amount_outlier");
    assertThat(a.<String>getAs("evidence")).contains("\"basis\":\"own\"");
    assertThat(a.<Double>getAs("score")).isGreaterThan(0.5);
  }

  @Test
  void firstExchangePaymentAfterLiquidatingSavingsFiresButARepeatBuyerDoesNot() {
    Row a = alert("VICTIM", "first_exchange_payment");
    assertThat(a.<String>getAs("evidence"))
        .contains("\"liquidated_savings\":true")
        .contains("\"basis\":\"own\"");
    assertThat(a.<String>getList(a.fieldIndex("members"))).contains("ACCT:TH:XBANK");
    assertThat(a.<Double>getAs("score")).isGreaterThanOrEqualTo(0.9);
    assertThat(typologiesOf("CRYPTO")).doesNotContain("first_exchange_payment");
  }

  @Test
  void aRerunOfADayReplacesItsBaselinesWithTheSameRows(SparkSession spark, Lakehouse lh) {
    String q =
        "SELECT to_json(struct(*)) FROM (SELECT account, out_n, amount_median, counterparties"
            + " FROM silver.account_baselines WHERE as_of_date = DATE'"
            + LAST
            + "') ORDER BY 1";
    List<Row> before = spark.sql(q).collectAsList();
    new AccountBaselines(lh, conf).run(RunContext.start("test", LAST));
    assertThat(spark.sql(q).collectAsList()).isEqualTo(before);
  }
}
