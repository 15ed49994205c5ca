package io.scamflow.quality.dq;

/**
 * How much a data-quality result matters: INFO is recorded, WARN is flagged, FAIL stops the run.
 */
public enum Severity {
  INFO,
  WARN,
  FAIL
}
