package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Amount outlier: today's largest payment is far above what the account usually pays (robust
 * z-score against its own median and MAD); an account with too little history is measured against
 * its peer group instead, with the group's upper-tail spread (peers pay rent and invoices too: a
 * new account's first large payment is unusual only beyond what the group's own accounts pay), and
 * its score counts cold-evidence-weight. A victim's "top-up" many times its usual bill payment is
 * the case.
 */
public final class AmountOutlierSignal implements Detector {
  @Override
  public String typology() {
    return "amount_outlier";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf conf = BehaviourFrame.conf(context);
    BehaviourConf.Signal signal = conf.signal("amount-outlier");
    double minZ = signal.decimal("min-z");
    double minUsd = signal.decimal("min-usd");
    Column own = conf.ownAmounts();
    // a cold account of a known person: the person's amounts over all its accounts
    Column entity =
        functions.coalesce(
            functions
                .not(own)
                .and(col("entity_judged"))
                .and(col("e_amount_n").geq(conf.coldStartMinAmountSamples())),
            functions.lit(false));
    Column median =
        functions
            .when(own, col("b_amount_median"))
            .when(entity, col("e_amount_median"))
            .otherwise(col("p_amount_median"));
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .withColumn("entity_basis", entity)
            .where(own.or(col("entity_basis")).or(col("peers_ok")))
            .withColumn("basis", BehaviourFrame.basis(own, col("entity_basis")))
            .withColumn("ref_median", median)
            .withColumn(
                "ref_mad",
                functions
                    .when(own, conf.flooredMad(col("b_amount_mad"), median))
                    .when(col("entity_basis"), conf.flooredMad(col("e_amount_mad"), median))
                    .otherwise(
                        conf.peerSpread(
                            col("p_amount_mad"), col("p_amount_median"), col("p_amount_p95"))))
            .withColumn(
                "z", BehaviourConf.robustZ(col("t.out_max_usd"), col("ref_median"), col("ref_mad")))
            .where(col("t.out_max_usd").geq(minUsd).and(col("z").geq(minZ)))
            .withColumn("limit_usd", col("ref_median").plus(col("ref_mad").multiply(minZ / 0.6745)))
            .withColumn(
                "hits",
                functions.filter(
                    BehaviourFrame.outs(), x -> x.getField("usd").geq(col("limit_usd"))));
    Column peerBasis = functions.not(own).and(functions.not(col("entity_basis")));
    String rule =
        String.format(
            "amount outlier: a payment >= %.0f USD with robust z >= %.1f against the account's own"
                + " median/MAD (when it has little history: its resolved entity's median/MAD over"
                + " all the entity's accounts if the entity has history, else its peer group's"
                + " median, spread the larger of the group's MAD and its upper tail, (p95 -"
                + " median) / 1.645 sd)",
            minUsd, minZ);
    return BehaviourFrame.alerts(
        found,
        typology(),
        expr("transform(hits, x -> x.cp)"),
        expr("transform(hits, x -> x.transfer_id)"),
        expr("aggregate(hits, 0D, (a, x) -> a + x.usd)"),
        conf.scaledForCold(col("z").divide(2 * minZ), peerBasis),
        rule,
        struct(
            col("basis"),
            col("t.out_max_usd").as("today_max_usd"),
            col("ref_median").as("median_usd"),
            col("ref_mad").as("mad_usd"),
            functions.round(col("z"), 2).as("z"),
            col("b_amount_n").as("own_samples"),
            col("peer_group"),
            functions.when(col("entity_basis"), col("e_entity_id")).as("entity_id"),
            functions.when(col("entity_basis"), col("entity_reference")).as("judged_against"),
            functions.when(peerBasis, col("cold_start")).as("cold_start")));
  }
}
