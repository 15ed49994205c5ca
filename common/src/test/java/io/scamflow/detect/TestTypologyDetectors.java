package io.scamflow.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.chain.ChainTables;
import io.scamflow.screen.InputTables;
import io.scamflow.screen.Screening;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crafted week with one instance of each network typology beside an honest look-alike of it:
 * family money going round (small), a refund that does not come back whole, customers of shops, a
 * merchant paying suppliers, two siblings paying the same landlords, a crypto buyer whose top-ups
 * grow (but who gets no "return"), an exchange hot wallet paying many, and an exchange customer
 * whose payout goes nowhere listed, a business paying a supplier more each time. Each detector must
 * find its typology and not the look-alike.
 */
@SparkTest
class TestTypologyDetectors {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 7);
  private static final List<Row> ROWS = new ArrayList<>();
  private static Map<String, List<Row>> alerts;

  private static void t(String id, String from, String to, String at, double usd) {
    t(id, from, to, at, usd, null);
  }

  /** A transfer whose payee is named ({@code toName}), as bank formats state it. */
  private static void t(String id, String from, String to, String at, double usd, String toName) {
    LocalDateTime ts = LocalDateTime.parse("2026-03-" + at);
    String rail = from.startsWith("TRON:") || from.startsWith("ETHEREUM:") ? "CHAIN" : "FIAT";
    ROWS.add(
        RowFactory.create(
            id,
            rail,
            from,
            to,
            Timestamp.valueOf(ts),
            Date.valueOf(ts.toLocalDate()),
            new BigDecimal(String.valueOf(usd)),
            "USD",
            new BigDecimal(String.valueOf(usd)),
            toName));
  }

  @BeforeAll
  static void world(SparkSession spark, Lakehouse lh, Settings settings) {
    // cycle L -> Y1 -> Y2 -> L, and a family circle of small amounts, and a partial refund
    t("cy1", "ACCT:L", "ACCT:Y1", "02T08:00", 5000);
    t("cy2", "ACCT:Y1", "ACCT:Y2", "02T12:00", 4900);
    t("cy3", "ACCT:Y2", "ACCT:L", "02T16:00", 4800);
    t("fam1", "ACCT:MUM", "ACCT:SON", "02T08:00", 150);
    t("fam2", "ACCT:SON", "ACCT:AUNT", "02T10:00", 150);
    t("fam3", "ACCT:AUNT", "ACCT:MUM", "02T12:00", 140);
    t("buy", "ACCT:BUYER", "ACCT:SELLER", "02T09:00", 5000);
    t("refund", "ACCT:SELLER", "ACCT:BUYER", "02T11:00", 1000);
    // scatter-gather S -> M1..M4 -> SINK; look-alike: shoppers paying a shop that pays one bill
    for (int i = 1; i <= 4; i++) {
      t("sg" + i, "ACCT:S", "ACCT:M" + i, "03T0" + i + ":00", 2000);
      t("sgo" + i, "ACCT:M" + i, "ACCT:SINK", "03T0" + (i + 4) + ":00", 1960);
      t("shopper" + i, "ACCT:SHOPPER" + i, "ACCT:SHOP", "03T1" + i + ":00", 900);
    }
    t("shopbill", "ACCT:SHOP", "ACCT:UTILITY", "03T18:00", 700);
    // gather-scatter G1..G4 -> HUB -> D1..D4; look-alike: a merchant paying a few small invoices
    for (int i = 1; i <= 4; i++) {
      t("gs" + i, "ACCT:G" + i, "ACCT:HUB", "04T0" + i + ":00", 2500);
      t("gso" + i, "ACCT:HUB", "ACCT:D" + i, "04T0" + (i + 4) + ":30", 2400);
      t("cust" + i, "ACCT:CUST" + i, "ACCT:MERCHANT", "04T0" + i + ":00", 800);
      t("inv" + i, "ACCT:MERCHANT", "ACCT:SUPPLIER" + i, "04T1" + i + ":00", 120);
    }
    // stacked bipartite X -> A1..A3 -> (all) B1..B3 -> (all) C1, C2; look-alike: one block only
    for (int a = 1; a <= 3; a++) {
      t("ba" + a, "ACCT:X", "ACCT:A" + a, "05T01:0" + a, 2100);
      for (int b = 1; b <= 3; b++) {
        t("ab" + a + b, "ACCT:A" + a, "ACCT:B" + b, "05T04:" + a + b, 700);
      }
    }
    for (int b = 1; b <= 3; b++) {
      for (int c = 1; c <= 2; c++) {
        t("bc" + b + c, "ACCT:B" + b, "ACCT:C" + c, "05T08:" + b + c, 1000);
      }
    }
    for (int s = 1; s <= 2; s++) {
      for (int l = 1; l <= 2; l++) {
        t("rent" + s + l, "ACCT:SIBLING" + s, "ACCT:LANDLORD" + l, "05T09:" + s + l, 600);
      }
    }
    // a victim: small first payment, a small return from another account, then rising payments
    t("v1", "ACCT:VICTIM", "ACCT:COLLECT", "01T03:00", 200);
    t("vr", "ACCT:RETURNS", "ACCT:VICTIM", "01T12:00", 40);
    t("v2", "ACCT:VICTIM", "ACCT:COLLECT", "03T03:00", 420);
    t("v3", "ACCT:VICTIM", "ACCT:COLLECT", "04T10:00", 900);
    t("v4", "ACCT:VICTIM", "ACCT:COLLECT", "05T02:00", 2100);
    // a second victim of the same operation: the same returns account pays her "profit" too
    t("w1", "ACCT:VICTIM2", "ACCT:COLLECT2", "02T05:00", 300);
    t("wr", "ACCT:RETURNS", "ACCT:VICTIM2", "02T15:00", 60);
    t("w2", "ACCT:VICTIM2", "ACCT:COLLECT2", "03T20:00", 700);
    t("w3", "ACCT:VICTIM2", "ACCT:COLLECT2", "05T01:00", 1500);
    // look-alike: a business paying a supplier more each time, with a customer paying it a bit
    t("sup1", "ACCT:BUSINESS", "ACCT:SUPPLIER", "01T03:00", 300);
    t("supc", "ACCT:CUSTOMER", "ACCT:BUSINESS", "01T09:00", 45);
    t("sup2", "ACCT:BUSINESS", "ACCT:SUPPLIER", "03T03:00", 700);
    t("sup3", "ACCT:BUSINESS", "ACCT:SUPPLIER", "05T03:00", 1900);
    // look-alike: a crypto buyer whose top-ups grow but who gets no return from a stranger
    t("cb1", "ACCT:CRYPTOFAN", "ACCT:EXCHANGE", "01T03:00", 200);
    t("cb2", "ACCT:CRYPTOFAN", "ACCT:EXCHANGE", "03T03:00", 450);
    t("cb3", "ACCT:CRYPTOFAN", "ACCT:EXCHANGE", "05T03:00", 1200);
    // peel chain W0 -> W1 -> W2 -> W3 -> OTC, slices to P1..P3; look-alike: a hot wallet
    double left = 50_000;
    for (int i = 0; i < 3; i++) {
      double peel = left * 0.05;
      t("pl" + i, "TRON:W" + i, "TRON:P" + (i + 1), "06T0" + (2 * i) + ":00", peel);
      t("pr" + i, "TRON:W" + i, "TRON:W" + (i + 1), "06T0" + (2 * i) + ":01", left - peel);
      left -= peel;
    }
    t("potc", "TRON:W3", "TRON:OTC", "06T08:00", left * 0.99);
    for (int i = 1; i <= 6; i++) {
      t("hw" + i, "TRON:HOT", "TRON:USER" + i, "06T1" + i + ":00", 1000.0 * i);
    }
    // off-ramp: MULE (a KYC'd customer of Siamcoin) pays the exchange; the hot wallet pays MW,
    // which sends on through MH to a designated wallet. HONESTCUST does the same, but its wallet
    // pays a friend.
    String siamcoin = "Siamcoin Digital Asset Exchange Co., Ltd.";
    t("or1", "ACCT:MULE", "ACCT:SIAMCOIN", "07T01:00", 3000, siamcoin);
    t("or2", "TRON:HOT", "TRON:MW", "07T02:00", 2970);
    t("or3", "TRON:MW", "TRON:MH", "07T03:00", 2950);
    t("or4", "TRON:MH", "TRON:BOSS", "07T05:00", 2900);
    t("oh1", "ACCT:HONESTCUST", "ACCT:SIAMCOIN", "07T01:30", 800, siamcoin);
    // a second mule pays the same amount 20 minutes later; its payout follows the first one's:
    // first come first served gives each its own (closest-before would give both to MULE2)
    t("or5", "ACCT:MULE2", "ACCT:SIAMCOIN", "07T01:20", 3000, siamcoin);
    t("or6", "TRON:HOT", "TRON:MW2", "07T02:20", 2970);
    t("or7", "TRON:MW2", "TRON:BOSS", "07T03:30", 2940);
    // look-alike: a neighbour buys USDT for the same amount an hour earlier and gets her own
    // payout in full; the mule's payout must not answer her payment too
    t("on1", "ACCT:NEIGHBOUR", "ACCT:SIAMCOIN", "07T00:40", 3000, siamcoin);
    t("on2", "TRON:HOT", "TRON:NW", "07T00:50", 3000);
    // look-alike of the fiat leg: another customer of Siamcoin paid a friend, not the exchange, an
    // amount the mule's payout could answer (2,970 of 2,980)
    t("oc1", "ACCT:COUSIN", "ACCT:FRIEND2", "07T01:10", 2980);
    // look-alike seen at `small`: an honest customer buys USDT and gets it on Ethereum, 0.06%
    // more than her payment's USD at the day's reference rate; a victim's Tron payout of the same
    // exchange minutes later is a worse answer to her payment (and its wallet pays the designated
    // one). A payout may not exceed the payment by more than max-payout-ratio.
    t("os1", "ACCT:SOLO", "ACCT:SIAMCOIN", "07T14:04", 345.10, siamcoin);
    t("os2", "ETHEREUM:EHOT", "ETHEREUM:SOLOW", "07T14:04:34", 345.31);
    t("os3", "TRON:HOT", "TRON:VW", "07T14:09:06", 343.14);
    t("os4", "TRON:VW", "TRON:BOSS", "07T14:29:06", 341.42);
    t("oh2", "TRON:HOT", "TRON:HW", "07T02:30", 795);
    t("oh3", "TRON:HW", "TRON:FRIEND", "07T04:00", 790);

    StructType schema =
        new StructType()
            .add("transfer_id", DataTypes.StringType)
            .add("rail", DataTypes.StringType)
            .add("from_account", DataTypes.StringType)
            .add("to_account", DataTypes.StringType)
            .add("value_ts", DataTypes.TimestampType)
            .add("value_date", DataTypes.DateType)
            .add("amount", DataTypes.createDecimalType(38, 18))
            .add("currency", DataTypes.StringType)
            .add("amount_usd", DataTypes.createDecimalType(24, 2))
            .add("to_name", DataTypes.StringType);
    var transfers = spark.createDataFrame(ROWS, schema);

    InputTables.write(
        lh,
        new InputTables.Input(
            Screening.HITS,
            List.of(
                "run_date",
                "subject_kind",
                "subject_id",
                "list_id",
                "list_version",
                "entity_id",
                "listed_name",
                "match_type",
                "score")),
        List.of(
            RowFactory.create(
                Date.valueOf(DAY),
                "ADDRESS",
                "TRON:BOSS",
                "OFAC-SDN",
                "2026-03-05",
                "12345",
                "BOSS, The",
                "CRYPTO_ADDRESS",
                1.0)));
    InputTables.write(
        lh,
        InputTables.VASP_LINKS,
        List.of(
            RowFactory.create(
                "Siamcoin Digital Asset Exchange Co., Ltd.",
                "c1",
                "Mule",
                null,
                "TH",
                null,
                null,
                null,
                "ACCT:MULE",
                "TDEP1",
                "TRON"),
            RowFactory.create(
                "Siamcoin Digital Asset Exchange Co., Ltd.",
                "c2",
                "Honest",
                null,
                "TH",
                null,
                null,
                null,
                "ACCT:HONESTCUST",
                "TDEP2",
                "TRON"),
            RowFactory.create(
                "Siamcoin Digital Asset Exchange Co., Ltd.",
                "c5",
                "Mule Two",
                null,
                "TH",
                null,
                null,
                null,
                "ACCT:MULE2",
                "TDEP5",
                "TRON"),
            RowFactory.create(
                "Siamcoin Digital Asset Exchange Co., Ltd.",
                "c6",
                "Neighbour",
                null,
                "TH",
                null,
                null,
                null,
                "ACCT:NEIGHBOUR",
                "TDEP6",
                "TRON"),
            RowFactory.create(
                "Siamcoin Digital Asset Exchange Co., Ltd.",
                "c7",
                "Solo",
                null,
                "TH",
                null,
                null,
                null,
                "ACCT:SOLO",
                "TDEP7",
                "TRON"),
            RowFactory.create(
                "Siamcoin Digital Asset Exchange Co., Ltd.",
                "c4",
                "Cousin",
                null,
                "TH",
                null,
                null,
                null,
                "ACCT:COUSIN",
                "TDEP4",
                "TRON")));
    InputTables.write(
        lh,
        new InputTables.Input(
            ChainTables.SILVER_ADDRESS_TAGS,
            List.of("chain", "address", "account_key", "label", "category")),
        // tag sources name the wallet, KYC reports the exchange (as the generator writes them):
        // the detector must see that both are Siamcoin
        List.of(
            RowFactory.create(
                "TRON",
                "HOT",
                "TRON:HOT",
                "SIAMCOIN DIGITAL ASSET EXCHANGE CO., LTD. hot wallet",
                "exchange_hot"),
            RowFactory.create(
                "ETHEREUM",
                "EHOT",
                "ETHEREUM:EHOT",
                "SIAMCOIN DIGITAL ASSET EXCHANGE CO., LTD. hot wallet",
                "exchange_hot")));

    DetectionContext context = new DetectionContext(DAY, transfers, settings, Optional.of(lh));
    alerts =
        Detectors.all().stream()
            .collect(Collectors.toMap(Detector::typology, d -> d.detect(context).collectAsList()));
  }

  private static List<String> anchors(String typology) {
    return alerts.get(typology).stream().map(r -> r.getString(1)).sorted().toList();
  }

  private static Row anchored(String typology, String anchor) {
    return alerts.get(typology).stream()
        .filter(r -> r.getString(1).equals(anchor))
        .findFirst()
        .orElseThrow();
  }

  private static Row only(String typology) {
    assertThat(alerts.get(typology)).hasSize(1);
    return alerts.get(typology).get(0);
  }

  @Test
  void cycleFindsTheLoanThatComesBackAndNotFamilyMoneyOrARefund() {
    assertThat(anchors("cycle")).containsExactly("ACCT:L");
    Row a = only("cycle");
    assertThat(a.<String>getList(3)).containsExactlyInAnyOrder("cy1", "cy2", "cy3");
    assertThat(a.getString(9)).contains("\"length\":3");
  }

  @Test
  void scatterGatherFindsTheCommonSinkAndNotShoppers() {
    assertThat(anchors("scatter_gather")).containsExactly("ACCT:S");
    Row a = only("scatter_gather");
    assertThat(a.<String>getList(2)).contains("ACCT:SINK", "ACCT:M1", "ACCT:M4");
    assertThat(a.<String>getList(3)).hasSize(8);
  }

  @Test
  void gatherScatterFindsTheHubAndNotTheMerchantPayingInvoices() {
    assertThat(anchors("gather_scatter")).containsExactly("ACCT:HUB");
    assertThat(only("gather_scatter").<String>getList(2))
        .contains("ACCT:G1", "ACCT:G4", "ACCT:D1", "ACCT:D4");
  }

  @Test
  void bipartiteLayersFindsTheStackedBlocksAndNotOneBlockOfSiblings() {
    Row a = only("bipartite_layers");
    assertThat(a.<String>getList(2))
        .contains("ACCT:X", "ACCT:A1", "ACCT:A3", "ACCT:B2", "ACCT:C1", "ACCT:C2")
        .doesNotContain("ACCT:SIBLING1", "ACCT:LANDLORD1");
    assertThat(a.<String>getList(3)).hasSize(18).contains("ba1", "ab13", "bc32");
  }

  @Test
  void victimPatternAnchorsOnTheVictimWithPayeeAndReturnerAndNotTheCryptoBuyer() {
    assertThat(anchors("victim_pattern")).containsExactly("ACCT:VICTIM", "ACCT:VICTIM2");
    Row a = anchored("victim_pattern", "ACCT:VICTIM");
    assertThat(a.<String>getList(2))
        .containsExactlyInAnyOrder("ACCT:VICTIM", "ACCT:COLLECT", "ACCT:RETURNS");
    assertThat(a.<String>getList(3)).containsExactlyInAnyOrder("v1", "v2", "v3", "v4", "vr");
    assertThat(a.getString(9)).contains("\"payments\":4").contains("\"victims_of_returner\":2");
  }

  @Test
  void peelChainFollowsTheHopsAndNotAHotWalletPayingMany() {
    assertThat(anchors("peel_chain")).containsExactly("TRON:W0");
    Row a = only("peel_chain");
    assertThat(a.<String>getList(2)).contains("TRON:W3", "TRON:P1", "TRON:P3");
    assertThat(a.getString(9)).contains("\"hops\":3");
  }

  @Test
  void offrampChainLinksTheKycCustomerToTheDesignatedWalletWithItsListVersion() {
    // not the neighbour, whose payment an earlier payout of her own answers
    assertThat(anchors("offramp_chain")).containsExactly("ACCT:MULE", "ACCT:MULE2");
    Row a = anchored("offramp_chain", "ACCT:MULE");
    assertThat(a.<String>getList(3)).containsExactlyInAnyOrder("or1", "or2", "or3", "or4");
    assertThat(a.getString(10)).isEqualTo("2026-03-05");
    assertThat(a.getString(9)).contains("TRON:BOSS").contains("\"hops\":2");
  }

  @Test
  void offrampChainAnswersEachPaymentWithItsOwnPayoutFirstComeFirstServed() {
    // MULE2 paid 20 minutes after MULE, the same amount: each gets the payout that followed it
    // in turn, so no payout is claimed twice
    Row b = anchored("offramp_chain", "ACCT:MULE2");
    assertThat(b.<String>getList(3)).containsExactlyInAnyOrder("or5", "or6", "or7");
    assertThat(b.getString(9)).contains("\"hops\":1").contains("\"payout_usd\":2970.0");
  }

  @Test
  void aHotWalletTagNamesItsExchangeByTheLabelsStem(SparkSession spark) {
    List<String> names =
        spark
            .createDataset(
                List.of(
                    "SIAMCOIN DIGITAL ASSET EXCHANGE CO., LTD. hot wallet",
                    "Siamcoin Digital Asset Exchange Co., Ltd.",
                    "Binance: Hot Wallet 6",
                    "Binance",
                    "Lion City Digital Exchange Pte. Ltd. deposit",
                    "Hotwallet Exchange",
                    "Binance US"),
                org.apache.spark.sql.Encoders.STRING())
            .select(
                io.scamflow.transfers.ServiceNames.ofLabel(
                    org.apache.spark.sql.functions.col("value")))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(names)
        .containsExactly(
            "SIAMCOIN DIGITAL ASSET EXCHANGE CO LTD",
            "SIAMCOIN DIGITAL ASSET EXCHANGE CO LTD",
            "BINANCE",
            "BINANCE",
            "LION CITY DIGITAL EXCHANGE PTE LTD",
            "HOTWALLET EXCHANGE",
            "BINANCE US");
  }

  @Test
  void noLookAlikeIsAnAnchorOfAnyNetworkTypology() {
    List<String> all =
        alerts.values().stream().flatMap(List::stream).map(r -> r.getString(1)).toList();
    assertThat(all)
        .doesNotContain(
            "ACCT:MUM",
            "ACCT:BUYER",
            "ACCT:SHOP",
            "ACCT:MERCHANT",
            "ACCT:SIBLING1",
            "ACCT:CRYPTOFAN",
            "ACCT:BUSINESS",
            "TRON:HOT",
            "ACCT:HONESTCUST");
  }
}
