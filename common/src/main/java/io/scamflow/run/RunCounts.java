package io.scamflow.run;

/** Record counts of one run; read must equal accepted (written or merged) plus quarantined. */
public final class RunCounts {
  private long read;
  private long accepted;
  private long written;
  private long quarantined;

  public RunCounts addRead(long n) {
    read += n;
    return this;
  }

  public RunCounts addAccepted(long n) {
    accepted += n;
    return this;
  }

  public RunCounts addWritten(long n) {
    written += n;
    return this;
  }

  public RunCounts addQuarantined(long n) {
    quarantined += n;
    return this;
  }

  public long read() {
    return read;
  }

  public long accepted() {
    return accepted;
  }

  public long written() {
    return written;
  }

  public long quarantined() {
    return quarantined;
  }
}
