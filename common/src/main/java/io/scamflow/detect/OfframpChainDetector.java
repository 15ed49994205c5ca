package io.scamflow.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.ingest.chain.ChainTables;
import io.scamflow.ingest.kyc.KycTables;
import io.scamflow.screen.Screening;
import io.scamflow.transfers.ServiceNames;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Fiat-to-crypto off-ramp chain ending at a designated or watchlisted wallet: a bank account pays
 * an exchange, the exchange's hot wallet pays out (nearly) the same USD within hours to a wallet,
 * and USDT moves from that wallet, hop by hop and forward in time, to an address with a crypto
 * address hit in gold.screening_hits. The bank account must be a KYC'd customer of that exchange
 * (silver.vasp_links), which is what ties the fiat leg to the payout. The alert carries the list
 * version of the hit. Without a lakehouse (no hits, links or tags) it finds nothing.
 *
 * <p>The exchange of a hot wallet is its tag label's stem: tag sources name the wallet ("LION CITY
 * DIGITAL EXCHANGE PTE. LTD. hot wallet", "Binance: Hot Wallet 6"), while KYC reports name the
 * exchange ("Lion City Digital Exchange Pte. Ltd."); both sides are compared by {@link
 * ServiceNames#ofLabel}.
 */
public final class OfframpChainDetector implements Detector {
  @Override
  public String typology() {
    return "offramp_chain";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    int maxHops = context.integer("offramp.max-hops");
    int hopHours = context.integer("offramp.hop-hours");
    int payoutHours = context.integer("offramp.payout-hours");
    double minUsd = context.decimal("offramp.min-usd");
    double minPayout = context.decimal("offramp.min-payout-ratio");
    double maxPayout = context.decimal("offramp.max-payout-ratio");
    int minCustomers = context.integer("offramp.min-customers-paying");
    int matchingRounds = context.integer("offramp.matching-rounds");
    Dataset<Row> edges = Detections.edges(context.transfers());
    Optional<Dataset<Row>> hitsTable = context.table(Screening.HITS);
    Optional<Dataset<Row>> linksTable = context.table(KycTables.SILVER_VASP_LINKS);
    Optional<Dataset<Row>> tagsTable = context.table(ChainTables.SILVER_ADDRESS_TAGS);
    if (hitsTable.isEmpty() || linksTable.isEmpty() || tagsTable.isEmpty()) {
      return edges.sparkSession().createDataFrame(java.util.List.of(), Alerts.DETECTION);
    }
    Dataset<Row> hits =
        hitsTable
            .get()
            .where(
                col("run_date")
                    .equalTo(lit(java.sql.Date.valueOf(context.runDate())))
                    .and(col("match_type").isin("CRYPTO_ADDRESS", "WATCHLIST_ADDRESS")))
            .groupBy(col("subject_id").as("target"))
            .agg(
                first("list_id").as("list_id"),
                first("list_version").as("list_version"),
                first("entity_id").as("listed_entity"),
                first("listed_name").as("listed_name"));
    Dataset<Row> chainAll = edges.where(col("from_account").rlike("^(TRON|ETHEREUM|BITCOIN):"));
    Dataset<Row> chain = chainAll.where(col("amount_usd").geq(minUsd)).cache();

    // backward from each listed address: who reached it, in how many hops, along which transfers
    Dataset<Row> frontier =
        hits.select(
            col("target"),
            col("target").as("node"),
            lit(null).cast("timestamp").as("before"),
            array(col("target")).as("path"),
            array().cast("array<string>").as("ids"),
            col("list_id"),
            col("list_version"),
            col("listed_entity"),
            col("listed_name"));
    Dataset<Row> reached = null;
    for (int hop = 1; hop <= maxHops; hop++) {
      Dataset<Row> step =
          frontier
              .as("f")
              .join(
                  chain.as("e"),
                  col("e.to_account")
                      .equalTo(col("f.node"))
                      .and(
                          col("f.before")
                              .isNull()
                              .or(
                                  col("e.ts")
                                      .leq(col("f.before"))
                                      .and(
                                          col("e.ts")
                                              .geq(
                                                  col("f.before")
                                                      .minus(Detections.hours(hopHours))))))
                      .and(
                          org.apache.spark.sql.functions.not(
                              org.apache.spark.sql.functions.array_contains(
                                  col("f.path"), col("e.from_account")))))
              .select(
                  col("f.target"),
                  col("e.from_account").as("node"),
                  col("e.ts").as("before"),
                  concat(array(col("e.from_account")), col("f.path")).as("path"),
                  concat(array(col("e.transfer_id")), col("f.ids")).as("ids"),
                  col("f.list_id"),
                  col("f.list_version"),
                  col("f.listed_entity"),
                  col("f.listed_name"));
      // one path per (node, target): the latest departure keeps the most options open
      frontier =
          step.withColumn(
                  "r",
                  row_number()
                      .over(
                          Window.partitionBy("node", "target")
                              .orderBy(col("before").desc(), col("ids").asc())))
              .where(col("r").equalTo(1))
              .drop("r")
              .cache();
      reached = reached == null ? frontier : reached.unionByName(frontier);
    }
    Dataset<Row> exposed =
        reached
            .withColumn(
                "r",
                row_number()
                    .over(
                        Window.partitionBy("node")
                            .orderBy(
                                size(col("path")).asc(), col("target").asc(), col("ids").asc())))
            .where(col("r").equalTo(1))
            .drop("r");

    // exchange hot wallets (by tag) and every payout they made, to anyone and of any amount: a
    // small payout is still some customer's own answer, which must not go to another's payment
    Dataset<Row> hot =
        tagsTable
            .get()
            .where(lower(col("category")).contains("exchange"))
            .select(col("account_key").as("hot"), ServiceNames.ofLabel(col("label")).as("vasp"))
            .distinct();
    Dataset<Row> payouts =
        chainAll
            .as("p")
            .join(hot.as("h"), col("p.from_account").equalTo(col("h.hot")))
            .select(
                col("h.vasp"),
                col("p.from_account").as("hot"),
                col("p.to_account").as("wallet"),
                col("p.transfer_id").as("payout_id"),
                col("p.ts").as("payout_ts"),
                col("p.amount_usd").as("payout_usd"));
    // the fiat leg: a KYC'd customer of that exchange paid in shortly before, about as much
    Dataset<Row> customers =
        linksTable
            .get()
            .where(col("bank_account_key").isNotNull())
            .select(
                col("bank_account_key").as("customer"),
                ServiceNames.ofLabel(col("vasp")).as("vasp"))
            .distinct();
    // the exchange's own bank accounts: the payee is named as the exchange in the payment, or
    // several of its KYC'd customers paid the account in the window (formats without names)
    Dataset<Row> vasps = customers.select("vasp").distinct();
    Dataset<Row> named =
        java.util.Arrays.asList(context.transfers().columns()).contains("to_name")
            ? context
                .transfers()
                .where(col("to_account").isNotNull().and(col("to_name").isNotNull()))
                .select(
                    col("to_account").as("account"),
                    ServiceNames.ofLabel(col("to_name")).as("vasp"))
                .join(vasps, "vasp")
            : vasps.withColumn("account", lit(null).cast("string")).where(lit(false));
    Dataset<Row> paidByCustomers =
        edges
            .join(customers, col("customer").equalTo(col("from_account")))
            .groupBy(col("to_account").as("account"), col("vasp"))
            .agg(countDistinct("customer").as("customers"))
            .where(col("customers").geq(minCustomers))
            .select("account", "vasp");
    Dataset<Row> exchangeAccounts =
        named.select("account", "vasp").union(paidByCustomers).distinct();
    Dataset<Row> legs =
        edges
            .as("b")
            .join(customers.as("c"), col("c.customer").equalTo(col("b.from_account")))
            .join(
                exchangeAccounts.as("xa"),
                col("xa.account")
                    .equalTo(col("b.to_account"))
                    .and(col("xa.vasp").equalTo(col("c.vasp"))))
            .select(
                col("c.vasp"),
                col("b.from_account").as("customer"),
                col("b.to_account").as("exchange_account"),
                col("b.transfer_id").as("fiat_id"),
                col("b.amount_usd").as("usd"),
                col("b.ts").as("first_ts"),
                col("b.ts_late").as("first_ts_late"))
            .where(col("usd").geq(minUsd));
    // each payout answers one payment and each payment one payout (matchPayouts), so an honest
    // customer's payment is answered by her own payout, not by the mule's that followed it
    Dataset<Row> matched =
        matchPayouts(legs, payouts, payoutHours, minPayout, maxPayout, matchingRounds);
    Dataset<Row> found =
        matched
            .join(exposed.as("x"), col("x.node").equalTo(col("wallet")))
            .select(
                col("customer"),
                col("exchange_account"),
                col("fiat_id"),
                col("usd"),
                col("first_ts"),
                col("vasp"),
                col("hot"),
                col("wallet"),
                col("payout_id"),
                col("payout_ts"),
                col("payout_usd"),
                col("x.path"),
                col("x.ids"),
                col("x.target"),
                col("x.list_id"),
                col("x.list_version"),
                col("x.listed_entity"),
                col("x.listed_name"));
    Column hops = size(col("path")).minus(1);
    String rule =
        String.format(
            "off-ramp chain: a KYC'd customer pays the exchange's bank account (named as the"
                + " exchange, or paid by >= %d of its customers) >= %.0f USD, the exchange pays"
                + " %.0f-%.0f%% of it out within %d h (one payout per payment, matched among all"
                + " the exchange's payouts: the closest amount, then first come first served) to"
                + " a wallet that reaches a listed address in <= %d time-ordered hops (each within"
                + " %d h)",
            minCustomers, minUsd, minPayout * 100, maxPayout * 100, payoutHours, maxHops, hopHours);
    return Detections.alerts(
        found,
        typology(),
        col("customer"),
        concat(array(col("customer"), col("exchange_account"), col("hot")), col("path")),
        concat(array(col("fiat_id"), col("payout_id")), col("ids")),
        col("usd"),
        col("first_ts"),
        col("payout_ts"),
        least(lit(1.0), lit(1.1).minus(hops.divide(10.0))),
        rule,
        struct(
            col("vasp"),
            col("hot"),
            col("wallet"),
            hops.as("hops"),
            col("payout_usd"),
            col("payout_ts"),
            col("path"),
            col("target"),
            col("list_id"),
            col("listed_entity"),
            col("listed_name")),
        col("list_version"));
  }

  /**
   * One-to-one matching of an exchange's incoming bank payments ({@code legs}: vasp, fiat_id, usd,
   * first_ts, first_ts_late, ...) to its hot wallets' payouts ({@code payouts}: vasp, payout_id,
   * payout_ts, payout_usd, ...). A payout can answer a payment of the same exchange that came
   * before it, within {@code payoutHours}, for {@code minPayout} to {@code maxPayout} of its amount
   * (a little above 1: the payment's USD comes from a daily reference rate, the exchange converts
   * at its own). Each round keeps the pairs that are each other's best: the closest amount (the gap
   * |1 - payout / payment|, to 4 places), then the earliest payout for a payment and the earliest
   * payment for a payout, so that equal payments minutes apart are answered in the order they came.
   * Matched payments and payouts leave; after {@code rounds} rounds what is still unmatched stays
   * so. Nothing is collected to the driver; candidate pairs meet on an amount bucket, not on every
   * pair of the exchange.
   */
  static Dataset<Row> matchPayouts(
      Dataset<Row> legs,
      Dataset<Row> payouts,
      int payoutHours,
      double minPayout,
      double maxPayout,
      int rounds) {
    // payout in [usd * minPayout, usd * maxPayout]: on a log scale of bucket width
    // max(-ln(minPayout), ln(maxPayout)), the payout's bucket is the payment's or a neighbour
    double width =
        Math.max(1e-6, Math.max(-Math.log(Math.min(minPayout, 0.999999)), Math.log(maxPayout)));
    Column legBucket =
        org.apache.spark.sql.functions.floor(
            org.apache.spark.sql.functions.log(col("usd")).divide(width));
    Dataset<Row> l =
        legs.withColumn(
            "bucket",
            org.apache.spark.sql.functions.explode(
                maxPayout > 1
                    ? array(legBucket.minus(1), legBucket, legBucket.plus(1))
                    : array(legBucket.minus(1), legBucket)));
    Dataset<Row> p =
        payouts
            .where(col("payout_usd").gt(0))
            .withColumn(
                "bucket",
                org.apache.spark.sql.functions.floor(
                    org.apache.spark.sql.functions.log(col("payout_usd")).divide(width)));
    Dataset<Row> open =
        l.as("l")
            .join(
                p.as("p"),
                col("l.vasp")
                    .equalTo(col("p.vasp"))
                    .and(col("l.bucket").equalTo(col("p.bucket")))
                    .and(col("p.payout_ts").geq(col("l.first_ts")))
                    .and(
                        col("p.payout_ts")
                            .leq(col("l.first_ts_late").plus(Detections.hours(payoutHours))))
                    .and(col("p.payout_usd").geq(col("l.usd").multiply(minPayout)))
                    .and(col("p.payout_usd").leq(col("l.usd").multiply(maxPayout))))
            .select(
                col("l.*"),
                col("p.hot"),
                col("p.wallet"),
                col("p.payout_id"),
                col("p.payout_ts"),
                col("p.payout_usd"))
            .drop("bucket")
            .withColumn(
                "gap",
                org.apache.spark.sql.functions.round(
                    org.apache.spark.sql.functions.abs(
                        lit(1.0).minus(col("payout_usd").divide(col("usd")))),
                    4))
            .localCheckpoint();
    Dataset<Row> matched = null;
    for (int round = 0; round < rounds; round++) {
      Dataset<Row> best =
          open.withColumn(
                  "rl",
                  row_number()
                      .over(
                          Window.partitionBy("fiat_id")
                              .orderBy(col("gap"), col("payout_ts"), col("payout_id"))))
              .withColumn(
                  "rp",
                  row_number()
                      .over(
                          Window.partitionBy("payout_id")
                              .orderBy(col("gap"), col("first_ts"), col("fiat_id"))))
              .where(col("rl").equalTo(1).and(col("rp").equalTo(1)))
              .drop("rl", "rp")
              .localCheckpoint();
      matched = matched == null ? best : matched.unionByName(best);
      open =
          open.join(best.select("fiat_id"), "fiat_id", "left_anti")
              .join(best.select("payout_id"), "payout_id", "left_anti")
              .localCheckpoint();
    }
    return matched == null ? open.where(lit(false)).drop("gap") : matched.drop("gap");
  }
}
