package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.Detector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Dormant then active: an account with a past, silent for months, suddenly moves money. A mule
 * account bought or rented from its holder, or a victim's neglected savings account being emptied.
 */
public final class DormantThenActiveSignal implements Detector {
  @Override
  public String typology() {
    return "dormant_then_active";
  }

  @Override
  public String family() {
    return "behaviour";
  }

  @Override
  public Dataset<Row> detect(DetectionContext context) {
    BehaviourConf.Signal signal = BehaviourFrame.conf(context).signal("dormant-then-active");
    int minIdle = signal.integer("min-idle-days");
    double minUsd = signal.decimal("min-usd");
    Column idle =
        functions.datediff(lit(java.sql.Date.valueOf(context.runDate())), col("b_last_seen"));
    Column moved = col("t.out_usd").plus(col("t.in_usd"));
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .where(col("b_account").isNotNull())
            .withColumn("idle_days", idle)
            .where(col("idle_days").geq(minIdle).and(moved.geq(minUsd)));
    String rule =
        String.format(
            "dormant then active: no activity for >= %d days, then >= %.0f USD moved in one day",
            minIdle, minUsd);
    return BehaviourFrame.alerts(
        found,
        typology(),
        col("t.counterparties"),
        col("ids"),
        moved,
        lit(0.5).plus(col("idle_days").divide(4.0 * minIdle)),
        rule,
        struct(
            col("b_first_seen").as("first_seen"),
            col("b_last_seen").as("last_seen"),
            col("idle_days"),
            col("t.out_n").as("today_out_n"),
            col("t.out_usd").as("today_out_usd"),
            col("t.in_n").as("today_in_n"),
            col("t.in_usd").as("today_in_usd")));
  }
}
