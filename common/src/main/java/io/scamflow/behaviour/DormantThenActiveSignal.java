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
 * An account of a resolved entity is dormant only when the whole entity was: a person who used
 * another account all along has not been asleep, and a new account of a person silent for months is
 * that person waking up.
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
    // the person, when the account belongs to a resolved entity with a baseline: its last
    // activity on any of its accounts (a new account of a person active all along is not a
    // dormant account waking up; a new account of a person silent for months is)
    Column entity = col("e_entity_id").isNotNull();
    Column lastSeen = functions.greatest(col("b_last_seen"), col("e_last_seen"));
    Column firstSeen = functions.least(col("b_first_seen"), col("e_first_seen"));
    Column idle = functions.datediff(lit(java.sql.Date.valueOf(context.runDate())), lastSeen);
    Column moved = col("t.out_usd").plus(col("t.in_usd"));
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .where(col("b_account").isNotNull().or(entity))
            .withColumn("idle_days", idle)
            .where(col("idle_days").geq(minIdle).and(moved.geq(minUsd)));
    String rule =
        String.format(
            "dormant then active: no activity for >= %d days (on any account of its resolved"
                + " entity, when it has one), then >= %.0f USD moved in one day",
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
            functions.when(entity, lit("entity")).otherwise(lit("own")).as("basis"),
            firstSeen.as("first_seen"),
            lastSeen.as("last_seen"),
            col("idle_days"),
            col("t.out_n").as("today_out_n"),
            col("t.out_usd").as("today_out_usd"),
            col("t.in_n").as("today_in_n"),
            col("t.in_usd").as("today_in_usd"),
            col("b_last_seen").as("account_last_seen"),
            functions.when(entity, col("e_entity_id")).as("entity_id"),
            functions.when(entity, col("entity_reference")).as("judged_against")));
  }
}
