package io.scamflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  private static List<Row> allAlerts;

  private static void pay(int day, int hour, String from, String to, double usd) {
    pay(day, hour, from, to, usd, "ACCT:TH:" + to);
  }

  private static void pay(int day, int hour, String from, String to, double usd, String toName) {
    pay(day, hour, from, to, usd, toName, "TH");
  }

  private static void pay(
      int day, int hour, String from, String to, double usd, String toName, String country) {
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
            country,
            country,
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
    // a Lao peer group of two payers: too few (min-peers 3) to judge a cold account against
    for (int d = 0; d < DAYS; d++) {
      pay(d, 9, "LAO1", "LAO2", 20 + d, "ACCT:TH:LAO2", "LA");
      pay(d, 10, "LAO2", "LAO1", 22 + d, "ACCT:TH:LAO1", "LA");
    }
    // a Vietnamese group of seven accounts of which two pay: too few payers (min-peers 3) to say
    // what a paying day looks like, however many accounts receive
    for (int d = 0; d < DAYS; d++) {
      for (int k = 1; k <= 5; k++) {
        pay(d, 9, "VNP" + (1 + k % 2), "VNR" + k, 30 + k + d, "ACCT:TH:VNR" + k, "VN");
      }
    }
    // warm: one grocery payment a day all week, then four payees it never paid on the last day
    for (int d = 0; d < DAYS - 1; d++) {
      pay(d, 17, "WARMBURST", "GROCER", 38.5 + d);
    }
    // a mule: one ~150 USD grocery payment a day all week; on the last day its usual grocery
    // payment and three payees it never paid, 2,900 USD each
    for (int d = 0; d < DAYS; d++) {
      pay(d, 16, "MULE", "GROCER", 150 + d);
    }
    // a Malaysian employer: two supplier invoices a day (~10,000 USD a day), then on the last day
    // its usual invoices and a payroll batch of 45 salaries, 1,500 USD each (new payees all)
    for (int d = 0; d < DAYS; d++) {
      pay(d, 10, "EMPLOYER", "MYSUP1", 5100 + d, "ACCT:TH:MYSUP1", "MY");
      pay(d, 11, "EMPLOYER", "MYSUP2", 4950 + d, "ACCT:TH:MYSUP2", "MY");
    }
    // history, but only two active days in the last window (cold-start-min-active-days 3)
    pay(DAYS - 3, 9, "RARE", "GROCER", 33.5);
    pay(DAYS - 2, 9, "RARE", "UTILITY", 41.25);
    pay(0, 9, "SLEEPER", "GROCER", 30.25);
    pay(1, 9, "SLEEPER", "GROCER", 28.75);
    pay(1, 14, "CRYPTO", "XBANK", 1500.5, EXCHANGE);
    // the last day
    int last = DAYS - 1;
    for (int i = 1; i <= 3; i++) {
      pay(last, 7 + i, "SLEEPER", "FRESH" + i, 2950.75);
    }
    // new accounts on their first day: one pays what the group's business pays every day (BIZ's
    // invoices put the Thai group's 95th percentile near 5,200 USD), one far beyond anything the
    // group's accounts pay
    pay(last, 7, "NEWHONEST", "LANDLORD", 4800.25);
    pay(last, 7, "NEWBIE", "FAR", 60000.25);
    pay(last, 7, "LAONEW", "LAOFAR", 60000.25, "ACCT:TH:LAOFAR", "LA");
    pay(last, 7, "VNNEW", "VNFAR", 60000.25, "ACCT:TH:VNFAR", "VN");
    pay(last, 9, "RARE", "FAR", 60500.5);
    for (int i = 1; i <= 4; i++) {
      pay(last, 9 + i, "WARMBURST", "UNKNOWN" + i, 600.5 + i);
    }
    // a new account paying six new payees on its first day: a burst only its peers can judge
    for (int i = 1; i <= 6; i++) {
      pay(last, 9 + i, "BURSTY", "NEWPAYEE" + i, 450.5 + i);
    }
    for (int i = 1; i <= 3; i++) {
      pay(last, 17 + i, "MULE", "MULEOUT" + i, 2900.25);
    }
    for (int i = 1; i <= 45; i++) {
      pay(last, 12, "EMPLOYER", "STAFF" + i, 1500.0, "ACCT:TH:STAFF" + i, "MY");
      // a new Thai employer's first payroll: cold, judged against its peers
      pay(last, 12, "NEWEMPLOYER", "NEWSTAFF" + i, 1500.0);
    }
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
    allAlerts = DetectionStage.detect(lh, conf, LAST).collectAsList();
    List<String> behaviour =
        BehaviourReplay.signals().stream().map(io.scamflow.detect.Detector::typology).toList();
    alerts =
        allAlerts.stream().filter(r -> behaviour.contains(r.<String>getAs("typology"))).toList();
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
        .contains("\"peer_group\":\"bank:TH\"")
        .contains("cold start: compared with peers (")
        .containsPattern("\\([0-9]+ accounts of kind bank, country TH\\)");
    assertThat(typologiesOf("NEWBIE")).contains("peer_deviation");
  }

  @Test
  void aNewHonestAccountPayingWhatItsPeersPayIsNotFlaggedForBeingNew(SparkSession spark) {
    // 4,800 USD on its first day: far above the group's median payment (~45 USD), so a robust z
    // on the median and MAD alone called it an outlier; but the group's own business pays that
    // twice a day, and the group's upper tail (p95) says so
    Row peers =
        spark
            .sql(
                "SELECT amount_median, amount_p95, day_usd_p95 FROM silver.peer_baselines WHERE"
                    + " peer_group = 'bank:TH' AND as_of_date = DATE'"
                    + LAST.minusDays(1)
                    + "'")
            .first();
    assertThat(peers.getDouble(0)).isLessThan(100.0);
    assertThat(peers.getDouble(1)).isGreaterThan(4800.25);
    assertThat(typologiesOf("NEWHONEST")).isEmpty();
    // the new mule paying 60,000 USD is beyond that tail: amount outlier and peer deviation
    String evidence = alert("NEWBIE", "amount_outlier").getAs("evidence");
    assertThat(number(evidence, "mad_usd"))
        .isCloseTo((peers.getDouble(1) - peers.getDouble(0)) * 0.6745 / 1.645, within(1e-6));
    assertThat(number(alert("NEWBIE", "peer_deviation").getAs("evidence"), "peer_day_usd_p95"))
        .isGreaterThan(4800.25);
  }

  @Test
  void coldEvidenceCountsLessTowardsRiskThanTheSameEvidenceAgainstOwnHistory() {
    double weight = conf.decimal("scamflow.behaviour.cold-evidence-weight");
    assertThat(weight).isLessThan(1.0);
    // the same z would score up to 1.0 against the account's own history
    assertThat(alert("NEWBIE", "amount_outlier").<Double>getAs("score"))
        .isLessThanOrEqualTo(weight);
    assertThat(alert("NEWBIE", "peer_deviation").<Double>getAs("score"))
        .isLessThanOrEqualTo(weight);
    assertThat(alert("BURSTY", "velocity_spike").<Double>getAs("score"))
        .isLessThanOrEqualTo(weight);
    // a warm account's evidence keeps its full score (VICTIM's own-history outlier > 0.5)
    assertThat(alert("VICTIM", "amount_outlier").<String>getAs("evidence"))
        .doesNotContain("cold start");
  }

  @Test
  void aPeerGroupIsAReferenceOnlyWithEnoughAccountsThatPay(SparkSession spark) {
    Row vn =
        spark
            .sql(
                "SELECT accounts, paying_accounts FROM silver.peer_baselines WHERE peer_group ="
                    + " 'bank:VN' AND as_of_date = DATE'"
                    + LAST.minusDays(1)
                    + "'")
            .first();
    // seven accounts, min-peers 3: counted by accounts it was a reference; two of them pay
    assertThat(vn.getLong(0)).isGreaterThanOrEqualTo(3);
    assertThat(vn.getLong(1)).isEqualTo(2);
    // the same 60,000 USD first payment that makes NEWBIE (Thai payers) an outlier
    assertThat(typologiesOf("NEWBIE")).contains("amount_outlier", "peer_deviation");
    assertThat(typologiesOf("VNNEW")).isEmpty();
  }

  @Test
  void aColdAccountsReferenceIsItsPeerGroupsBaselineOfTheDayBefore(SparkSession spark) {
    Row peers =
        spark
            .sql(
                "SELECT amount_median, accounts FROM silver.peer_baselines WHERE peer_group ="
                    + " 'bank:TH' AND as_of_date = DATE'"
                    + LAST.minusDays(1)
                    + "'")
            .first();
    String evidence = alert("NEWBIE", "amount_outlier").getAs("evidence");
    assertThat(number(evidence, "median_usd")).isCloseTo(peers.getDouble(0), within(1e-9));
    assertThat(peers.getLong(1)).isGreaterThanOrEqualTo(3);
    // history of its own, but only two active days in its window: still cold, judged by peers
    String rare = alert("RARE", "amount_outlier").getAs("evidence");
    assertThat(rare).contains("\"basis\":\"peers\"").contains("\"own_samples\":2");
    assertThat(number(rare, "median_usd")).isCloseTo(peers.getDouble(0), within(1e-9));
  }

  @Test
  void aColdAccountBurstingOnItsFirstDayIsJudgedByItsPeersCountsPerDay() {
    assertThat(alert("BURSTY", "velocity_spike").<String>getAs("evidence"))
        .contains("\"basis\":\"peers\"")
        .contains("\"today_out_n\":6")
        .contains("cold start: compared with peers");
    // a new account's six payees are all "new": that is the same fact velocity_spike judged, so
    // new_counterparties_burst stays silent on it
    assertThat(typologiesOf("BURSTY")).doesNotContain("new_counterparties_burst");
  }

  @Test
  void newCounterpartiesAreJudgedAgainstAnAccountsOwnPast() {
    // a week of one grocery payment a day, then four payees it never paid: its own evidence
    Row a = alert("WARMBURST", "new_counterparties_burst");
    assertThat(a.<String>getAs("evidence"))
        .contains("\"basis\":\"own\"")
        .contains("\"new_payees\":4")
        .doesNotContain("cold start");
    assertThat(a.<String>getList(a.fieldIndex("members")))
        .contains("ACCT:TH:UNKNOWN1", "ACCT:TH:UNKNOWN4")
        .doesNotContain("ACCT:TH:GROCER");
    // velocity_spike fires on it too, on different evidence: USD many times its usual day
    assertThat(alert("WARMBURST", "velocity_spike").<String>getAs("evidence"))
        .contains("\"basis\":\"own\"");
  }

  @Test
  void aVelocitySpikesMembersAreThePayeesThatMakeTheDayUnusual() {
    // the mule's three new payees, each alone over twice its usual day; not its usual grocer
    Row mule = alert("MULE", "velocity_spike");
    assertThat(mule.<String>getList(mule.fieldIndex("members")))
        .containsExactlyInAnyOrder(
            "ACCT:TH:MULE", "ACCT:TH:MULEOUT1", "ACCT:TH:MULEOUT2", "ACCT:TH:MULEOUT3");
    assertThat(mule.<String>getAs("evidence"))
        .contains("\"basis\":\"own\"")
        .contains("\"payees_today\":4")
        .contains("\"unusual_payees\":3")
        .contains("{\"payee\":\"ACCT:TH:MULEOUT1\",\"usd\":2900.25,\"payments\":1,\"new\":true}");
    assertThat(number(mule.getAs("evidence"), "member_reference_usd")).isBetween(150.0, 160.0);
    // a payroll batch: 47 payments against two a day fire the spike, but no salary is more than
    // the employer's usual day (its invoices, ~10,000 USD): the account alone, the staff counted
    Row payroll = alert("EMPLOYER", "velocity_spike");
    assertThat(payroll.<String>getList(payroll.fieldIndex("members")))
        .containsExactly("ACCT:TH:EMPLOYER");
    assertThat(payroll.<String>getList(payroll.fieldIndex("transfer_ids"))).hasSize(47);
    assertThat(payroll.<String>getAs("evidence"))
        .contains("\"today_out_n\":47")
        .contains("\"payees_today\":47")
        .contains("\"unusual_payees\":0")
        .contains("\"member_payees\":[]");
    // the same batch from a new employer: judged against its peers' 95th percentile day (the
    // Thai group's business pays ~10,000 USD a day), no salary reaches it
    Row cold = alert("NEWEMPLOYER", "velocity_spike");
    assertThat(cold.<String>getAs("evidence")).contains("\"basis\":\"peers\"");
    assertThat(cold.<String>getList(cold.fieldIndex("members")))
        .containsExactly("ACCT:TH:NEWEMPLOYER");
  }

  @Test
  void aColdAccountWhosePeerGroupIsTooSmallIsNotJudgedAgainstNothing() {
    // the same 60,000 USD first payment that makes NEWBIE (Thai peers) an outlier: two Lao
    // accounts are too few to say what is normal, and the account has no history of its own
    assertThat(typologiesOf("NEWBIE")).contains("amount_outlier");
    assertThat(typologiesOf("LAONEW")).isEmpty();
  }

  private static double number(String json, String field) {
    var m = java.util.regex.Pattern.compile("\"" + field + "\":([-0-9.Ee]+)").matcher(json);
    assertThat(m.find()).as(field + " in " + json).isTrue();
    return Double.parseDouble(m.group(1));
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
  void theAblationScoresTheNetworkDetectorsWithAndWithoutTheBehaviouralFamily(SparkSession spark) {
    // the story: two victims (one liquidating savings into the other, who tops up an exchange)
    // and mules paying out on the last day; everyone else is honest
    List<String> victims = List.of("SAVINGS", "VICTIM");
    List<String> mules = new ArrayList<>(List.of("SLEEPER", "NEWBIE", "FAR", "BURSTY"));
    for (int i = 1; i <= 6; i++) {
      mules.add("NEWPAYEE" + i);
      if (i <= 3) {
        mules.add("FRESH" + i);
      }
    }
    java.util.Set<String> scam = new java.util.TreeSet<>();
    victims.forEach(v -> scam.add("ACCT:TH:" + v));
    mules.forEach(m -> scam.add("ACCT:TH:" + m));
    List<Row> truth = new ArrayList<>();
    java.util.Set<String> parties = new java.util.TreeSet<>();
    for (Row r : ROWS) {
      String from = r.getString(9);
      String to = r.getString(10);
      parties.add(from);
      parties.add(to);
      boolean laundering =
          r.getDate(4).toLocalDate().equals(LAST)
              && scam.contains(from)
              && (scam.contains(to) || to.equals("ACCT:TH:XBANK"));
      truth.add(
          RowFactory.create(
              r.getString(0), from, to, laundering ? 1 : 0, laundering ? "scam" : "honest"));
    }
    List<Row> roles = new ArrayList<>();
    for (String a : parties) {
      String role =
          a.equals("ACCT:TH:XBANK")
              ? "exchange"
              : victims.contains(a.substring(8)) ? "victim" : scam.contains(a) ? "mule" : "honest";
      roles.add(RowFactory.create(a, role));
    }
    StructType alertSchema =
        new StructType()
            .add("typology", DataTypes.StringType)
            .add("members", DataTypes.createArrayType(DataTypes.StringType))
            .add("transfer_ids", DataTypes.createArrayType(DataTypes.StringType));
    List<Row> alertRows =
        allAlerts.stream()
            .map(
                r ->
                    RowFactory.create(
                        r.getAs("typology"),
                        r.getList(r.fieldIndex("members")),
                        r.getList(r.fieldIndex("transfer_ids"))))
            .toList();
    var report =
        io.scamflow.evaluate.DetectionMetrics.compute(
            spark.createDataFrame(alertRows, alertSchema),
            spark.createDataFrame(
                truth,
                new StructType()
                    .add("transfer_id", DataTypes.StringType)
                    .add("from_key", DataTypes.StringType)
                    .add("to_key", DataTypes.StringType)
                    .add("laundering", DataTypes.IntegerType)
                    .add("typology", DataTypes.StringType)),
            spark.createDataFrame(
                roles,
                new StructType()
                    .add("account_key", DataTypes.StringType)
                    .add("role", DataTypes.StringType)),
            io.scamflow.evaluate.TruthEvaluation.families());
    var without = ablation(report, "network");
    var with = ablation(report, io.scamflow.evaluate.DetectionMetrics.WITH_BEHAVIOUR);
    // what the scores must be, counted here from the alert rows themselves
    java.util.Set<String> flaggedWith = new java.util.TreeSet<>();
    java.util.Set<String> flaggedWithout = new java.util.TreeSet<>();
    for (Row r : allAlerts) {
      List<String> members = r.getList(r.fieldIndex("members"));
      flaggedWith.addAll(members);
      if (!alerts.contains(r)) {
        flaggedWithout.addAll(members);
      }
    }
    flaggedWith.remove("ACCT:TH:XBANK");
    flaggedWithout.remove("ACCT:TH:XBANK");
    assertThat(with.flagged()).isEqualTo(flaggedWith.size());
    assertThat(with.found()).isEqualTo(flaggedWith.stream().filter(scam::contains).count());
    assertThat(without.flagged()).isEqualTo(flaggedWithout.size());
    assertThat(with.expected()).isEqualTo(without.expected()).isEqualTo(scam.size());
    // the signals fire on this story, so the two rows differ: more of it found
    assertThat(with.found()).isGreaterThanOrEqualTo(6).isGreaterThan(without.found());
    assertThat(with.recall()).isGreaterThan(without.recall());
    assertThat(report.toMarkdown())
        .contains("| network |")
        .contains("| " + io.scamflow.evaluate.DetectionMetrics.WITH_BEHAVIOUR + " |");
    assertThat(report.toJson(Map.of()))
        .contains("\"scope\": \"" + io.scamflow.evaluate.DetectionMetrics.WITH_BEHAVIOUR + "\"");
  }

  private static io.scamflow.evaluate.Score ablation(
      io.scamflow.evaluate.Report report, String scope) {
    return report.ablation().stream()
        .filter(s -> s.scope().equals(scope))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ablation row " + scope));
  }

  @Test
  void aReplayByValueDateFindsWhatTheNightlyRunsFound(Lakehouse lh) {
    // history loaded in one go (a public benchmark) replayed date by date: here the transfers'
    // value dates are their load dates, so the replay must reproduce the nightly detections
    List<String> replayed =
        BehaviourReplay.run(lh, conf, line -> {})
            .where("run_date = DATE'" + LAST + "'")
            .collectAsList()
            .stream()
            .map(TestAccountBaselines::summary)
            .distinct()
            .sorted()
            .toList();
    List<String> nightly =
        alerts.stream().map(TestAccountBaselines::summary).distinct().sorted().toList();
    assertThat(nightly).hasSizeGreaterThanOrEqualTo(8);
    assertThat(replayed).isEqualTo(nightly);
  }

  private static String summary(Row r) {
    return r.getAs("typology")
        + " "
        + r.getAs("anchor")
        + " "
        + r.getList(r.fieldIndex("members"))
        + " "
        + r.getAs("score")
        + " "
        + r.getAs("evidence");
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
