package io.scamflow.quality.dq;

/**
 * One data-quality check's outcome for one table (or stage) on one run date: what it saw, the
 * threshold it compared with, and a message saying what it means and, when breached, what to do.
 * {@code severity} is INFO when the check passed, else the severity of the threshold it breached.
 */
public record DqResult(
    String check,
    String table,
    Severity severity,
    boolean passed,
    double observed,
    double threshold,
    String message) {

  public static DqResult passed(
      String check, String table, double observed, double threshold, String message) {
    return new DqResult(check, table, Severity.INFO, true, observed, threshold, message);
  }

  public static DqResult breached(
      String check,
      String table,
      Severity severity,
      double observed,
      double threshold,
      String message) {
    return new DqResult(check, table, severity, false, observed, threshold, message);
  }

  public String status() {
    return passed ? "PASSED" : "BREACHED";
  }

  public boolean fails() {
    return severity == Severity.FAIL;
  }
}
