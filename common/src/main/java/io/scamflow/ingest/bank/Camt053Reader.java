package io.scamflow.ingest.bank;

/** [iso20022-camt053] bank to customer statement, .001.02 to .001.13. */
public final class Camt053Reader extends CamtReader {
  private static final long serialVersionUID = 1L;

  @Override
  public String format() {
    return "iso20022-camt053";
  }

  @Override
  String message() {
    return "camt.053";
  }
}
