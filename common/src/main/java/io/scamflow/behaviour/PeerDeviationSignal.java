package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Peer deviation: the account pays out far more today than accounts of its kind and country pay on
 * a day they pay anything (robust z-score against the peer group's median, with the larger of its
 * MAD and its upper-tail spread: daily totals are heavy-tailed, a group's middle half does not say
 * how rare a large day is). Judged for every account, warm or cold; a cold account's score counts
 * cold-evidence-weight.
 */
public final class PeerDeviationSignal implements Detector {
  @Override
  public String typology() {
    return "peer_deviation";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf conf = BehaviourFrame.conf(context);
    BehaviourConf.Signal signal = conf.signal("peer-deviation");
    double minZ = signal.decimal("min-z");
    double minUsd = signal.decimal("min-usd");
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .where(col("peers_ok").and(col("t.out_usd").geq(minUsd)))
            .withColumn(
                "ref_mad",
                conf.peerSpread(
                    col("p_day_usd_mad"), col("p_day_usd_median"), col("p_day_usd_p95")))
            .withColumn(
                "z",
                BehaviourConf.robustZ(col("t.out_usd"), col("p_day_usd_median"), col("ref_mad")))
            .where(col("z").geq(minZ));
    String rule =
        String.format(
            "peer deviation: >= %.0f USD paid today, robust z >= %.1f against the per-day payments"
                + " of accounts of the same kind and country (median; spread the larger of their"
                + " MAD and their upper tail, (p95 - median) / 1.645 sd)",
            minUsd, minZ);
    return BehaviourFrame.alerts(
        found,
        typology(),
        expr("transform(filter(outs, x -> x IS NOT NULL), x -> x.cp)"),
        expr("transform(filter(outs, x -> x IS NOT NULL), x -> x.transfer_id)"),
        col("t.out_usd"),
        conf.scaledForCold(col("z").divide(2 * minZ), col("cold")),
        rule,
        struct(
            col("peer_group"),
            col("p_accounts").as("peers"),
            col("t.out_usd").as("today_out_usd"),
            col("p_day_usd_median").as("peer_day_usd_median"),
            col("ref_mad").as("peer_day_usd_mad"),
            col("p_day_usd_p95").as("peer_day_usd_p95"),
            functions.round(col("z"), 2).as("z"),
            col("cold_start")));
  }
}
