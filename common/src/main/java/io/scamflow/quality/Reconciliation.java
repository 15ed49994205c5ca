package io.scamflow.quality;

import io.scamflow.errors.Errors;

/** Every record a stage reads is either accepted or quarantined: anything else is a lost record. */
public final class Reconciliation {
  private Reconciliation() {}

  public static void check(String stage, long read, long accepted, long quarantined) {
    if (read != accepted + quarantined) {
      throw Errors.reconciliationFailed(stage, read, accepted, quarantined);
    }
  }
}
