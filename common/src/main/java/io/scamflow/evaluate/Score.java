package io.scamflow.evaluate;

/**
 * One line of an evaluation: for a scope (a typology, "overall", or an ablation such as "network +
 * romance_followup") at one level (transfer or account), how many were flagged, how many of those
 * were right, how many the truth holds and how many of those were found.
 */
public record Score(
    String scope, String level, long flagged, long correct, long expected, long found) {

  /** Share of flagged items that are laundering (transfers) or scam accounts; NaN if none. */
  public double precision() {
    return flagged == 0 ? Double.NaN : (double) correct / flagged;
  }

  /** Share of the truth's items that were flagged; NaN when the truth has none to find. */
  public double recall() {
    return expected == 0 ? Double.NaN : (double) found / expected;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
      return p + r == 0 ? 0 : Double.NaN;
    }
    return 2 * p * r / (p + r);
  }
}
