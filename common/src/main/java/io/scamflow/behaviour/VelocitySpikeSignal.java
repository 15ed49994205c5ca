package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Velocity spike: the account pays out many times more often, or many times more money, today than
 * on its usual active day; a cold account, more than a multiple of its peer group's 95th percentile
 * of payments per day.
 */
public final class VelocitySpikeSignal implements Detector {
  @Override
  public String typology() {
    return "velocity_spike";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf conf = BehaviourFrame.conf(context);
    BehaviourConf.Signal signal = conf.signal("velocity-spike");
    double minRatio = signal.decimal("min-ratio");
    double minCount = signal.decimal("min-count");
    double minUsd = signal.decimal("min-usd");
    double peerMultiple = signal.decimal("peer-p95-multiple");
    Column own = BehaviourConf.ownHistory();
    Column countRatio =
        functions
            .when(
                own,
                col("t.out_n").divide(functions.greatest(col("b_out_n_per_active_day"), lit(1.0))))
            .otherwise(col("t.out_n").divide(functions.greatest(col("p_day_n_p95"), lit(1.0))));
    Column usdRatio =
        col("t.out_usd").divide(functions.greatest(col("b_out_usd_per_active_day"), lit(1.0)));
    Column fires =
        functions
            .when(
                own,
                col("count_ratio")
                    .geq(minRatio)
                    .and(col("t.out_n").geq(minCount))
                    .or(col("usd_ratio").geq(minRatio).and(col("t.out_n").geq(2))))
            .otherwise(
                col("peers_ok")
                    .and(col("t.out_n").geq(minCount))
                    .and(col("count_ratio").geq(peerMultiple)));
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .withColumn("basis", BehaviourFrame.basis(own))
            .withColumn("count_ratio", countRatio)
            .withColumn("usd_ratio", functions.when(own, usdRatio))
            .where(col("t.out_usd").geq(minUsd).and(fires));
    String rule =
        String.format(
            "velocity spike: >= %.0f USD paid today and payments (>= %.0f) or USD >= %.1fx the"
                + " account's own per-active-day average, or payments >= %.1fx its peers' 95th"
                + " percentile per day when it has little history",
            minUsd, minCount, minRatio, peerMultiple);
    return BehaviourFrame.alerts(
        found,
        typology(),
        expr("transform(filter(outs, x -> x IS NOT NULL), x -> x.cp)"),
        expr("transform(filter(outs, x -> x IS NOT NULL), x -> x.transfer_id)"),
        col("t.out_usd"),
        conf.scaledForCold(
            functions
                .greatest(col("count_ratio"), functions.coalesce(col("usd_ratio"), lit(0.0)))
                .divide(2 * minRatio),
            functions.not(own)),
        rule,
        struct(
            col("basis"),
            col("t.out_n").as("today_out_n"),
            col("t.out_usd").as("today_out_usd"),
            col("b_out_n_per_active_day").as("usual_out_n_per_day"),
            col("b_out_usd_per_active_day").as("usual_out_usd_per_day"),
            col("b_max_day_out_n").as("max_day_out_n"),
            col("p_day_n_p95").as("peer_day_n_p95"),
            functions.round(col("count_ratio"), 2).as("count_ratio"),
            functions.round(col("usd_ratio"), 2).as("usd_ratio"),
            col("cold_start")));
  }
}
