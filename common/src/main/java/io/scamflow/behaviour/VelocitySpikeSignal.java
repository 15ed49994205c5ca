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
 *
 * <p>Members are the account and the payees that make the day unusual, not every payee of the day
 * (one payroll batch would add dozens of honest employees): a payee new to the account that alone
 * received at least the account's usual USD per active day, or a known payee that alone received
 * {@code member-known-multiple} times that; for a cold account (every payee is new to it), a payee
 * that alone received at least its peers' 95th percentile of USD per paying day. At most {@code
 * max-members}, largest first; the evidence lists them with their USD and says why.
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
    double knownMultiple = signal.decimal("member-known-multiple");
    int maxMembers = (int) signal.decimal("max-members");
    Dataset<Row> found =
        BehaviourFrame.of(context)
            .withColumn("basis", BehaviourFrame.basis(own))
            .withColumn("count_ratio", countRatio)
            .withColumn("usd_ratio", functions.when(own, usdRatio))
            .where(col("t.out_usd").geq(minUsd).and(fires))
            // what one payee must receive today to be a member: the account's usual day (its
            // peers' 95th percentile day when it has too little history of its own)
            .withColumn(
                "member_ref_usd",
                functions
                    .when(own, col("b_out_usd_per_active_day"))
                    .otherwise(col("p_day_usd_p95")))
            .withColumn("own_basis", own);
    Dataset<Row> withMembers =
        found.join(unusualPayees(found, knownMultiple, maxMembers), "account", "left");
    String rule =
        String.format(
            "velocity spike: >= %.0f USD paid today and payments (>= %.0f) or USD >= %.1fx the"
                + " account's own per-active-day average, or payments >= %.1fx its peers' 95th"
                + " percentile per day when it has little history; members: payees new to the"
                + " account that alone received >= its usual USD per active day, known payees"
                + " >= %.1fx that (cold: >= its peers' 95th percentile USD per paying day), at"
                + " most %d, largest first",
            minUsd, minCount, minRatio, peerMultiple, knownMultiple, maxMembers);
    return BehaviourFrame.alerts(
        withMembers,
        typology(),
        expr("transform(coalesce(member_payees, array()), m -> m.payee)"),
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
            expr("size(array_distinct(transform(filter(outs, x -> x IS NOT NULL), x -> x.cp)))")
                .as("payees_today"),
            functions.round(col("member_ref_usd"), 2).as("member_reference_usd"),
            functions.coalesce(col("unusual_payees"), lit(0L)).as("unusual_payees"),
            functions.coalesce(col("member_payees"), functions.array()).as("member_payees"),
            col("cold_start")));
  }

  /**
   * Per fired account, the payees that make its day unusual (see the class comment), largest first,
   * at most {@code maxMembers} ({@code member_payees}: payee, usd, payments, new), and how many
   * there were before the cap ({@code unusual_payees}). Aggregated with a group-by over the fired
   * accounts' payments, so an account with thousands of payees costs a shuffle, not a quadratic
   * array scan.
   */
  private static Dataset<Row> unusualPayees(
      Dataset<Row> found, double knownMultiple, int maxMembers) {
    Dataset<Row> perPayee =
        found
            .select(
                col("account"),
                col("member_ref_usd"),
                col("own_basis"),
                col("b_counterparties"),
                functions.explode(BehaviourFrame.outs()).as("o"))
            .groupBy(col("account"), col("o.cp").as("payee"))
            .agg(
                functions.sum(col("o.usd")).as("usd"),
                functions.count(lit(1)).as("payments"),
                functions.first("member_ref_usd").as("ref"),
                functions.first("own_basis").as("own_basis"),
                functions.first("b_counterparties").as("known"))
            .withColumn(
                "is_new",
                functions.when(
                    col("own_basis"),
                    functions.not(
                        functions.array_contains(
                            functions.coalesce(col("known"), functions.array()), col("payee")))))
            .where(
                col("ref")
                    .isNotNull()
                    .and(
                        functions
                            .when(
                                col("own_basis").and(functions.not(col("is_new"))),
                                col("usd").geq(col("ref").multiply(knownMultiple)))
                            .otherwise(col("usd").geq(col("ref")))));
    return perPayee
        .groupBy("account")
        .agg(
            functions
                .sort_array(
                    functions.collect_list(
                        functions.struct(
                            functions.round(col("usd"), 2).as("usd"),
                            col("payee"),
                            col("payments"),
                            col("is_new").as("new"))),
                    false)
                .as("sorted"),
            functions.count(lit(1)).as("unusual_payees"))
        .select(
            col("account"),
            expr("transform(slice(sorted, 1, "
                    + maxMembers
                    + "), m -> named_struct('payee', m.payee, 'usd', m.usd, 'payments',"
                    + " m.payments, 'new', m.new))")
                .as("member_payees"),
            col("unusual_payees"));
  }
}
