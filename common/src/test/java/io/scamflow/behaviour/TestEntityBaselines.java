package io.scamflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.DetectionStage;
import io.scamflow.detect.Detector;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.resolve.EntityResolution;
import io.scamflow.run.RunContext;
import io.scamflow.run.Stage;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
 * Eight crafted nights of Thai bank accounts, some of them held by the same resolved person
 * (silver.entity_members written per night as resolution would): a well-off person whose old
 * Singapore account pays ~3,000 USD a day and who opens a Thai account on the last day; a person
 * who alternates two accounts day by day and on the last day uses both at once; a person with a
 * long-silent account and an account used every day; a person silent for days whose new account
 * moves money. Baselines (account, peer, entity) are built night by night through the stages, then
 * the behavioural signals run on the last day with entity baselines on, and again with them off
 * (the judgement before they existed).
 */
@SparkTest
class TestEntityBaselines {
  private static final LocalDate START = LocalDate.of(2026, 4, 6);
  private static final int DAYS = 8;
  private static final LocalDate LAST = START.plusDays(DAYS - 1L);
  private static final List<Row> ROWS = new ArrayList<>();
  private static final List<Row> MEMBERS = new ArrayList<>();
  private static Settings conf;
  private static List<Row> withEntities;
  private static List<Row> withoutEntities;

  private static void pay(int day, int hour, String from, String to, double usd) {
    pay(day, hour, from, to, usd, "TH");
  }

  private static void pay(int day, int hour, String from, String to, double usd, String country) {
    LocalDate d = START.plusDays(day);
    String id = "e" + ROWS.size();
    BigDecimal amount = new BigDecimal(String.valueOf(usd));
    ROWS.add(
        RowFactory.create(
            id,
            Date.valueOf(d),
            "FIAT",
            id,
            Date.valueOf(d),
            Timestamp.valueOf(d.atTime(hour, 20)),
            amount,
            "USD",
            amount.setScale(2, java.math.RoundingMode.HALF_UP),
            "ACCT:TH:" + from,
            "ACCT:TH:" + to,
            from,
            to,
            country,
            "TH",
            "wire"));
  }

  /** {@code account} belongs to {@code entity} in the resolutions of nights from..DAYS-1. */
  private static void member(String entity, String account, int fromDay) {
    for (int d = fromDay; d < DAYS; d++) {
      MEMBERS.add(
          RowFactory.create(
              Date.valueOf(START.plusDays(d)),
              entity,
              "ACCOUNT",
              "ACCT:TH:" + account,
              "bank:test",
              "ACCOUNT"));
    }
  }

  @BeforeAll
  static void eightNights(SparkSession spark, Lakehouse lh, Settings settings) {
    conf =
        settings.with(
            Map.of(
                "scamflow.behaviour.window-days", "6",
                "scamflow.behaviour.min-peers", "3",
                "scamflow.behaviour.dormant-then-active.min-idle-days", "5"));
    int last = DAYS - 1;
    for (int d = 0; d < DAYS; d++) {
      // the Thai peer group: small everyday payments
      for (int k = 1; k <= 6; k++) {
        pay(d, 9 + k, "PEER" + k, "SHOP" + k, 40 + k + d * 0.5);
      }
      // a well-off person's old Singapore account: rent and school fees, ~3,000 USD a day
      pay(d, 10, "OLDA", "ESTATE", 2950 + d * 12.5, "SG");
      pay(d, 11, "OLDC", "SCHOOL", 3010 + d * 9.75, "SG");
      // the same person's two accounts: a wholesale buyer paying invoices on either of two
      // accounts; neither is ever used twice in a row
      if (d < last) {
        pay(d, 12, d % 2 == 0 ? "S1" : "S2", d % 2 == 0 ? "GROCER" : "UTILITY", 200 + d * 1.5);
      }
      // a person with an everyday account; its other account was used on the first day only
      pay(d, 13, "D2", "GROCER", 50 + d);
    }
    pay(0, 14, "D1", "GROCER", 100.5);
    // a person active on the first two days only, then silent
    pay(0, 15, "W1", "GROCER", 80.25);
    pay(1, 15, "W1", "UTILITY", 60.75);
    // the last day
    // the well-off person's new Thai account pays what the person pays every day: unusual among
    // Thai accounts, ordinary for the person
    pay(last, 10, "NEWA", "LANDLORD", 3100.5);
    // a stranger (no resolved entity) paying the same on its first day: judged by its peers
    pay(last, 10, "STRANGER", "LANDLORD2", 3100.5);
    // the other person's new account pays twenty times the person's usual
    pay(last, 12, "NEWC", "FAR", 60000.25);
    // the buyer uses both accounts at once: each pays two 400 USD invoices (each account's day is
    // modest, the person's is eight times its usual)
    for (int i = 1; i <= 2; i++) {
      pay(last, 12 + i, "S1", "SUPPLIER" + i, 400.5);
      pay(last, 12 + i, "S2", "SUPPLIER" + (2 + i), 400.5);
    }
    // the long-silent account of the everyday person moves money: the person was never asleep
    pay(last, 16, "D1", "FRIEND", 2000.5);
    // the silent person's new account moves money: the person wakes up
    pay(last, 17, "W2", "CASHOUT", 2500.5);

    member("ENT-A", "OLDA", 0);
    member("ENT-A", "NEWA", last);
    member("ENT-C", "OLDC", 0);
    member("ENT-C", "NEWC", last);
    member("ENT-S", "S1", 0);
    member("ENT-S", "S2", 0);
    member("ENT-D", "D1", 0);
    member("ENT-D", "D2", 0);
    member("ENT-W", "W1", 0);
    member("ENT-W", "W2", last);

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
    RunContext setup = RunContext.start("test", START);
    writer.replaceWhere(SilverTransfers.TABLE, spark.createDataFrame(ROWS, schema), setup, "true");
    writer.replaceWhere(
        EntityResolution.MEMBERS,
        spark.createDataFrame(
            MEMBERS,
            new StructType()
                .add("run_date", DataTypes.DateType)
                .add("entity_id", DataTypes.StringType)
                .add("member_kind", DataTypes.StringType)
                .add("member_id", DataTypes.StringType)
                .add("source", DataTypes.StringType)
                .add("attached_by", DataTypes.StringType)),
        setup,
        "true");

    AccountBaselines accounts = new AccountBaselines(lh, conf);
    EntityBaselines entities = new EntityBaselines(lh, conf);
    for (int d = 0; d < DAYS; d++) {
      RunContext night = RunContext.start("test", START.plusDays(d));
      accounts.run(night);
      entities.run(night);
    }
    withEntities = signals(lh, conf);
    withoutEntities = signals(lh, conf.with(Map.of("scamflow.behaviour.entity.enabled", "false")));
  }

  /** The behavioural signals of the last day, against the baselines of the night before. */
  private static List<Row> signals(Lakehouse lh, Settings settings) {
    DetectionContext context = DetectionStage.context(lh, settings, LAST);
    List<Row> out = new ArrayList<>();
    for (Detector d : BehaviourReplay.signals()) {
      out.addAll(d.detect(context).collectAsList());
    }
    return out;
  }

  private static List<String> typologies(List<Row> alerts, String account) {
    return alerts.stream()
        .filter(r -> r.getAs("anchor").equals("ACCT:TH:" + account))
        .map(r -> r.<String>getAs("typology"))
        .sorted()
        .toList();
  }

  private static Row alert(List<Row> alerts, String account, String typology) {
    return alerts.stream()
        .filter(
            r ->
                r.getAs("anchor").equals("ACCT:TH:" + account)
                    && r.getAs("typology").equals(typology))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + typology + " alert on " + account));
  }

  private static Row entity(SparkSession spark, String id, LocalDate asOf) {
    return spark
        .sql(
            "SELECT * FROM silver.entity_baselines WHERE entity_id = '"
                + id
                + "' AND as_of_date = DATE'"
                + asOf
                + "'")
        .first();
  }

  @Test
  void theStageRunsAfterResolutionAndAccountBaselinesAndBeforeTheSignals() {
    List<String> stages = Pipeline.standardStages().stream().map(Stage::name).toList();
    int mine = stages.indexOf("silver.entity_baselines");
    assertThat(mine).isGreaterThan(stages.indexOf("silver.entities"));
    assertThat(mine).isGreaterThan(stages.indexOf("silver.account_baselines"));
    assertThat(mine).isLessThan(stages.indexOf("gold.alerts"));
  }

  @Test
  void twoAccountsActiveOnTheSameDayAreOneActiveDayOfThePerson(SparkSession spark) {
    // as of day 5 the window is days 0..5: D1 was active on day 0, D2 on every day
    LocalDate asOf = START.plusDays(5);
    Row d = entity(spark, "ENT-D", asOf);
    Row sum =
        spark
            .sql(
                "SELECT sum(active_days), sum(out_n), sum(out_usd) FROM silver.account_baselines"
                    + " WHERE as_of_date = DATE'"
                    + asOf
                    + "' AND account IN ('ACCT:TH:D1', 'ACCT:TH:D2')")
            .first();
    assertThat(sum.getLong(0)).isEqualTo(7);
    assertThat(d.<Integer>getAs("active_days")).isEqualTo(6);
    assertThat(d.<Long>getAs("out_n")).isEqualTo(sum.getLong(1)).isEqualTo(7);
    assertThat(d.<Double>getAs("out_usd")).isCloseTo(sum.getDouble(2), within(1e-6));
    // day 0 is one day of the person with both accounts' payments
    assertThat(d.<Long>getAs("max_day_out_n")).isEqualTo(2);
    assertThat(d.<Double>getAs("max_day_out_usd")).isCloseTo(150.5, within(1e-9));
    assertThat(d.<Double>getAs("out_n_per_active_day")).isCloseTo(7.0 / 6, within(1e-9));
    assertThat(d.getList(d.fieldIndex("accounts"))).containsExactly("ACCT:TH:D1", "ACCT:TH:D2");
    assertThat(d.<Integer>getAs("accounts_n")).isEqualTo(2);
    assertThat(d.<Date>getAs("first_seen")).isEqualTo(Date.valueOf(START));
    assertThat(d.<Date>getAs("last_seen")).isEqualTo(Date.valueOf(asOf));
    assertThat(d.getList(d.fieldIndex("counterparties"))).containsExactly("ACCT:TH:GROCER");
    // the alternating buyer: three active days on each account, six for the person
    Row s = entity(spark, "ENT-S", asOf.plusDays(1));
    assertThat(s.<Integer>getAs("active_days")).isEqualTo(6);
    assertThat(s.<Double>getAs("out_usd_per_active_day")).isBetween(200.0, 210.0);
    assertThat(s.<Integer>getAs("amount_n")).isEqualTo(6);
  }

  @Test
  void anEntityOfOneAccountHasThatAccountsBaseline(SparkSession spark) {
    LocalDate asOf = LAST.minusDays(1);
    String cols =
        "active_days, out_n, out_usd, in_n, in_usd, amount_n, amount_median, amount_mad,"
            + " amount_p95, counterparties, max_day_out_usd, hour_profile, first_seen, last_seen";
    String e =
        spark
            .sql(
                "SELECT to_json(struct("
                    + cols
                    + ")) FROM silver.entity_baselines WHERE entity_id = 'ENT-A' AND as_of_date ="
                    + " DATE'"
                    + asOf
                    + "'")
            .first()
            .getString(0);
    String a =
        spark
            .sql(
                "SELECT to_json(struct("
                    + cols
                    + ")) FROM silver.account_baselines WHERE account = 'ACCT:TH:OLDA' AND"
                    + " as_of_date = DATE'"
                    + asOf
                    + "'")
            .first()
            .getString(0);
    assertThat(e).isEqualTo(a);
  }

  @Test
  void amountSamplesMergeWeightedByThePaymentsEachStandsFor(SparkSession spark) {
    // one account paid 100 times ~10 USD (16 samples kept), the other 20 times 1,000 USD (16
    // samples kept) on the same day: the person's median payment is 10, not the midpoint of 32
    // equally weighted samples
    List<Row> days = new ArrayList<>();
    days.add(RowFactory.create("E", day(100, Collections.nCopies(16, 10.0))));
    days.add(RowFactory.create("E", day(20, Collections.nCopies(16, 1000.0))));
    Dataset<Row> accountDays =
        spark.createDataFrame(
            days, new StructType().add("entity_id", "string").add("d", DailyActivity.DAY));
    Row merged = EntityBaselines.mergedDays(accountDays, conf).first();
    Row d = merged.<Row>getList(merged.fieldIndex("recent_days")).get(0);
    List<Double> amounts = d.getList(d.fieldIndex("amounts"));
    int cap = conf.integer("scamflow.behaviour.max-amount-samples-per-day");
    assertThat(amounts).hasSize(cap);
    assertThat(amounts.get(cap / 2)).isEqualTo(10.0);
    // 20 of 120 payments were 1,000 USD: about a sixth of the sample
    assertThat(amounts.stream().filter(x -> x == 1000.0).count()).isBetween(2L, 4L);
    assertThat(d.<Long>getAs("out_n")).isEqualTo(120);
  }

  private static Row day(long outN, List<Double> amounts) {
    List<Long> hours = new ArrayList<>(Collections.nCopies(24, 0L));
    return RowFactory.create(
        Date.valueOf(START),
        outN,
        outN * amounts.get(0),
        0L,
        0.0,
        amounts.get(0),
        amounts,
        List.of("ACCT:TH:X"),
        1L,
        outN,
        0L,
        0L,
        0.0,
        hours,
        Map.of("wire", outN),
        Map.of("USD", outN),
        Map.of("TH", outN));
  }

  @Test
  void aNewAccountOfAKnownPersonIsJudgedAgainstThePersonNotItsPeers() {
    // before entity baselines: a cold account, judged against Thai accounts paying ~45 USD
    Row before = alert(withoutEntities, "NEWA", "amount_outlier");
    assertThat(before.<String>getAs("evidence"))
        .contains("\"basis\":\"peers\"")
        .contains("cold start");
    // now: the person's own past (~3,000 USD a day on its Singapore account) is the reference
    assertThat(typologies(withEntities, "NEWA"))
        .doesNotContain("amount_outlier", "velocity_spike", "dormant_then_active");
    // a stranger paying the same on its first day still is judged by its peers
    assertThat(alert(withEntities, "STRANGER", "amount_outlier").<String>getAs("evidence"))
        .contains("\"basis\":\"peers\"");
  }

  @Test
  void aNewAccountPayingFarBeyondThePersonsHabitIsAnOutlierAgainstThePerson() {
    Row a = alert(withEntities, "NEWC", "amount_outlier");
    String evidence = a.getAs("evidence");
    assertThat(evidence)
        .contains("\"basis\":\"entity\"")
        .contains("\"entity_id\":\"ENT-C\"")
        .contains("\"judged_against\":\"judged against entity ENT-C: 1 accounts, active 6 days\"")
        .doesNotContain("cold start");
    assertThat(number(evidence, "median_usd")).isBetween(3000.0, 3100.0);
    // the person's own history: full score, not the cold-start share
    assertThat(a.<Double>getAs("score"))
        .isGreaterThan(conf.decimal("scamflow.behaviour.cold-evidence-weight"));
  }

  @Test
  void aPersonsTwoModestAccountsTogetherSpike() {
    // each account alone: two 400 USD payments, below every threshold of its own
    assertThat(typologies(withoutEntities, "S1")).doesNotContain("velocity_spike");
    assertThat(typologies(withoutEntities, "S2")).doesNotContain("velocity_spike");
    List<Row> spikes =
        withEntities.stream()
            .filter(r -> r.getAs("typology").equals("velocity_spike"))
            .filter(r -> r.<String>getAs("evidence").contains("ENT-S"))
            .toList();
    // one alert for the person, anchored on one of its accounts, both accounts members
    assertThat(spikes).hasSize(1);
    Row spike = spikes.get(0);
    assertThat(spike.<String>getAs("anchor")).isIn("ACCT:TH:S1", "ACCT:TH:S2");
    assertThat(spike.<String>getList(spike.fieldIndex("members")))
        .contains("ACCT:TH:S1", "ACCT:TH:S2", "ACCT:TH:SUPPLIER1", "ACCT:TH:SUPPLIER4");
    assertThat(spike.<String>getList(spike.fieldIndex("transfer_ids"))).hasSize(4);
    String evidence = spike.getAs("evidence");
    assertThat(evidence)
        .contains("\"basis\":\"entity\"")
        .contains("\"today_out_n\":4")
        .contains("judged against entity ENT-S: 2 accounts, active 6 days");
    assertThat(number(evidence, "usd_ratio")).isGreaterThanOrEqualTo(5.0);
  }

  @Test
  void anAccountOfAPersonActiveAllAlongIsNotDormant() {
    // D1 was silent for seven days, but its holder paid from D2 every day
    Row before = alert(withoutEntities, "D1", "dormant_then_active");
    assertThat(before.<String>getAs("evidence")).contains("\"idle_days\":7");
    assertThat(typologies(withEntities, "D1")).doesNotContain("dormant_then_active");
  }

  @Test
  void aNewAccountOfAPersonSilentForDaysIsThePersonWakingUp() {
    // W2 has no history of its own: before entity baselines nothing could call it dormant
    assertThat(typologies(withoutEntities, "W2")).doesNotContain("dormant_then_active");
    Row a = alert(withEntities, "W2", "dormant_then_active");
    assertThat(a.<String>getAs("evidence"))
        .contains("\"basis\":\"entity\"")
        .contains("\"last_seen\":\"" + START.plusDays(1) + "\"")
        .contains("\"idle_days\":6")
        .contains("judged against entity ENT-W: 1 accounts");
  }

  @Test
  void aRerunOfADayReplacesItsEntityBaselinesWithTheSameRows(SparkSession spark, Lakehouse lh) {
    // every column but the lineage ones (who wrote the row, when)
    String columns =
        String.join(
            ", ",
            java.util.Arrays.stream(EntityBaselines.TABLE.schema().fieldNames())
                .filter(c -> !List.of("run_id", "source_file", "ingested_at").contains(c))
                .toList());
    String q =
        "SELECT to_json(struct("
            + columns
            + ")) FROM silver.entity_baselines WHERE as_of_date = DATE'"
            + LAST
            + "' ORDER BY 1";
    List<Row> before = spark.sql(q).collectAsList();
    assertThat(before).hasSizeGreaterThanOrEqualTo(5);
    new EntityBaselines(lh, conf).run(RunContext.start("test", LAST));
    assertThat(spark.sql(q).collectAsList()).isEqualTo(before);
  }

  @Test
  void anEntitysBaselineReadsOnlyTheSameDaysAccountBaselinesAndMembership(SparkSession spark) {
    // as of the last day the new accounts belong to their people: membership of that night
    Row a = entity(spark, "ENT-A", LAST);
    assertThat(a.getList(a.fieldIndex("accounts"))).containsExactly("ACCT:TH:NEWA", "ACCT:TH:OLDA");
    assertThat(a.<Date>getAs("members_run_date")).isEqualTo(Date.valueOf(LAST));
    // the night before, the old account alone
    Row before = entity(spark, "ENT-A", LAST.minusDays(1));
    assertThat(before.getList(before.fieldIndex("accounts"))).containsExactly("ACCT:TH:OLDA");
  }

  private static double number(String json, String field) {
    var m = java.util.regex.Pattern.compile("\"" + field + "\":([-0-9.Ee]+)").matcher(json);
    assertThat(m.find()).as(field + " in " + json).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
