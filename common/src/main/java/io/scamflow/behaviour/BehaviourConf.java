package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.config.Settings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The scamflow.behaviour settings the signals share, read in one place: when an account is cold
 * (judged against its peers), when a peer group is big enough to judge against, and how a robust
 * z-score floors its spread. Each signal's own thresholds are read through {@link #signal}.
 */
record BehaviourConf(
    Settings settings,
    int coldStartMinActiveDays,
    int coldStartMinAmountSamples,
    int minPeers,
    double madFloorRatio,
    double coldEvidenceWeight) {

  static final String PREFIX = "scamflow.behaviour.";

  static BehaviourConf of(Settings settings) {
    return new BehaviourConf(
        settings,
        settings.integer(PREFIX + "cold-start-min-active-days"),
        settings.integer(PREFIX + "cold-start-min-amount-samples"),
        settings.integer(PREFIX + "min-peers"),
        settings.decimal(PREFIX + "mad-floor-ratio"),
        settings.decimal(PREFIX + "cold-evidence-weight"));
  }

  /** One signal's thresholds: {@code scamflow.behaviour.<name>.<key>}. */
  Signal signal(String name) {
    return new Signal(settings, PREFIX + name + ".");
  }

  /** The thresholds of one signal. */
  record Signal(Settings settings, String prefix) {
    double decimal(String key) {
      return settings.decimal(prefix + key);
    }

    int integer(String key) {
      return settings.integer(prefix + key);
    }
  }

  /**
   * Whether the account's own history is its reference (it is warm: see BehaviourFrame's "cold");
   * otherwise its peer group's baseline is, when the group is big enough ("peers_ok").
   */
  static Column ownHistory() {
    return functions.not(col("cold"));
  }

  /**
   * Whether the account's own amounts are a reference: it is warm (enough active days in its
   * window) and its window holds enough sampled payments. Otherwise its peer group's are used.
   */
  Column ownAmounts() {
    return ownHistory().and(col("b_amount_n").geq(coldStartMinAmountSamples));
  }

  /**
   * The spread a robust z-score divides by: the MAD, floored at a share of the median and 1 USD.
   */
  Column flooredMad(Column mad, Column median) {
    return greatest(coalesce(mad, lit(0.0)), median.multiply(madFloorRatio), lit(1.0));
  }

  /**
   * The spread a cold account is measured with against its peer group: the larger of the group's
   * floored MAD and its upper-tail spread, (p95 - median) / 1.645 in standard deviations, times
   * 0.6745 to put it in MAD units. Amounts and daily totals are heavy-tailed (rent, tuition, a car,
   * a supplier invoice among coffee and groceries): the middle half of a group says nothing about
   * how rare a large payment is among its accounts, its 95th percentile does. For a normal
   * distribution both spreads agree; a heavy upper tail widens the reference.
   */
  Column peerSpread(Column mad, Column median, Column p95) {
    Column tail = coalesce(p95.minus(median), lit(0.0)).multiply(0.6745 / 1.645);
    return greatest(flooredMad(mad, median), tail);
  }

  /**
   * An alert's score (0..1), scaled by cold-evidence-weight when its reference was the peer group
   * (the account has too little history of its own): entity_risk adds weight x score, so a cold
   * account's "unusual among accounts like it" contributes at most this share of what "unusual for
   * this account" would.
   */
  Column scaledForCold(Column score, Column peerBasis) {
    Column clamped = functions.least(lit(1.0), greatest(lit(0.0), score));
    return functions.when(peerBasis, clamped.multiply(coldEvidenceWeight)).otherwise(score);
  }

  /** Robust z-score 0.6745 (x - median) / spread, the spread from {@link #flooredMad}. */
  static Column robustZ(Column x, Column median, Column spread) {
    return lit(0.6745).multiply(x.minus(median)).divide(spread);
  }
}
