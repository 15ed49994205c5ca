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
    Dataset<Row> frame = BehaviourFrame.of(context);
    Column own = BehaviourConf.ownHistory();
    // one subject per row: an account alone (its own history, or its peers' when it is cold and
    // has no known person behind it), or a person's accounts together (its entity's history)
    Dataset<Row> accounts =
        frame
            .where(functions.not(col("entity_judged")))
            .select(
                col("*"),
                BehaviourFrame.basis(own).as("basis"),
                col("t.out_n").as("x_out_n"),
                col("t.out_usd").as("x_out_usd"),
                BehaviourFrame.outs().as("x_outs"),
                col("b_out_n_per_active_day").as("ref_n_per_day"),
                col("b_out_usd_per_active_day").as("ref_usd_per_day"),
                col("b_max_day_out_n").as("ref_max_day_n"),
                col("b_counterparties").as("known"),
                functions.array().cast("array<string>").as("entity_accounts"));
    // the entity's accounts together, anchored on the one that paid most today: on a day two or
    // more of them pay (behaviour spread over accounts), or when one that pays is cold (a new
    // account of a known person)
    Dataset<Row> entities =
        frame
            .where(
                col("entity_ok")
                    .and(col("account").equalTo(col("et_top")))
                    .and(functions.size(col("et_paying")).geq(2).or(col("et_cold_paying"))))
            .select(
                col("*"),
                lit("entity").as("basis"),
                col("et_out_n").as("x_out_n"),
                col("et_out_usd").as("x_out_usd"),
                col("et_outs").as("x_outs"),
                col("e_out_n_per_active_day").as("ref_n_per_day"),
                col("e_out_usd_per_active_day").as("ref_usd_per_day"),
                col("e_max_day_out_n").as("ref_max_day_n"),
                col("e_counterparties").as("known"),
                col("et_paying").as("entity_accounts"))
            .withColumn("first_ts", col("et_first_ts"))
            .withColumn("last_ts", col("et_last_ts"));
    Column history = col("basis").notEqual("peers");
    Column countRatio =
        functions
            .when(
                history, col("x_out_n").divide(functions.greatest(col("ref_n_per_day"), lit(1.0))))
            .otherwise(col("x_out_n").divide(functions.greatest(col("p_day_n_p95"), lit(1.0))));
    Column usdRatio = col("x_out_usd").divide(functions.greatest(col("ref_usd_per_day"), lit(1.0)));
    Column fires =
        functions
            .when(
                history,
                col("count_ratio")
                    .geq(minRatio)
                    .and(col("x_out_n").geq(minCount))
                    .or(col("usd_ratio").geq(minRatio).and(col("x_out_n").geq(2))))
            .otherwise(
                col("peers_ok")
                    .and(col("x_out_n").geq(minCount))
                    .and(col("count_ratio").geq(peerMultiple)));
    double knownMultiple = signal.decimal("member-known-multiple");
    int maxMembers = (int) signal.decimal("max-members");
    Dataset<Row> found =
        accounts
            .unionByName(entities)
            .withColumn("count_ratio", countRatio)
            .withColumn("usd_ratio", functions.when(history, usdRatio))
            .where(col("x_out_usd").geq(minUsd).and(fires))
            // what one payee must receive today to be a member: the usual day of the account (of
            // the person, judged as one), or its peers' 95th percentile day when it has no history
            .withColumn(
                "member_ref_usd",
                functions.when(history, col("ref_usd_per_day")).otherwise(col("p_day_usd_p95")))
            .withColumn("own_basis", history);
    Dataset<Row> withMembers =
        found.join(
            unusualPayees(found, knownMultiple, maxMembers),
            new String[] {"account", "basis"},
            "left");
    String rule =
        String.format(
            "velocity spike: >= %.0f USD paid today and payments (>= %.0f) or USD >= %.1fx the"
                + " account's own per-active-day average (a cold account of a known person, or"
                + " two or more of a person's accounts paying on one day: the accounts together"
                + " against the resolved entity's average), or payments >= %.1fx its peers' 95th"
                + " percentile per day when it has little history and no entity; members: payees"
                + " new to the account (entity) that alone received >= its usual USD per active"
                + " day, known payees >= %.1fx that (cold: >= its peers' 95th percentile USD per"
                + " paying day), at most %d, largest first, and the entity's accounts that paid",
            minUsd, minCount, minRatio, peerMultiple, knownMultiple, maxMembers);
    Column entityBasis = col("basis").equalTo("entity");
    return BehaviourFrame.alerts(
        withMembers,
        typology(),
        functions.concat(
            col("entity_accounts"),
            expr("transform(coalesce(member_payees, array()), m -> m.payee)")),
        expr("transform(x_outs, x -> x.transfer_id)"),
        col("x_out_usd"),
        conf.scaledForCold(
            functions
                .greatest(col("count_ratio"), functions.coalesce(col("usd_ratio"), lit(0.0)))
                .divide(2 * minRatio),
            col("basis").equalTo("peers")),
        rule,
        struct(
            col("basis"),
            col("x_out_n").as("today_out_n"),
            col("x_out_usd").as("today_out_usd"),
            col("ref_n_per_day").as("usual_out_n_per_day"),
            col("ref_usd_per_day").as("usual_out_usd_per_day"),
            col("ref_max_day_n").as("max_day_out_n"),
            col("p_day_n_p95").as("peer_day_n_p95"),
            functions.round(col("count_ratio"), 2).as("count_ratio"),
            functions.round(col("usd_ratio"), 2).as("usd_ratio"),
            expr("size(array_distinct(transform(x_outs, x -> x.cp)))").as("payees_today"),
            functions.round(col("member_ref_usd"), 2).as("member_reference_usd"),
            functions.coalesce(col("unusual_payees"), lit(0L)).as("unusual_payees"),
            functions.coalesce(col("member_payees"), functions.array()).as("member_payees"),
            functions.when(entityBasis, col("e_entity_id")).as("entity_id"),
            functions.when(entityBasis, col("entity_accounts")).as("entity_accounts_paying"),
            functions.when(entityBasis, col("entity_reference")).as("judged_against"),
            functions.when(col("basis").equalTo("peers"), col("cold_start")).as("cold_start")));
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
                col("basis"),
                col("member_ref_usd"),
                col("own_basis"),
                col("known"),
                functions.explode(col("x_outs")).as("o"))
            .groupBy(col("account"), col("basis"), col("o.cp").as("payee"))
            .agg(
                functions.sum(col("o.usd")).as("usd"),
                functions.count(lit(1)).as("payments"),
                functions.first("member_ref_usd").as("ref"),
                functions.first("own_basis").as("own_basis"),
                functions.first("known").as("known"))
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
        .groupBy("account", "basis")
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
            col("basis"),
            expr("transform(slice(sorted, 1, "
                    + maxMembers
                    + "), m -> named_struct('payee', m.payee, 'usd', m.usd, 'payments',"
                    + " m.payments, 'new', m.new))")
                .as("member_payees"),
            col("unusual_payees"));
  }
}
