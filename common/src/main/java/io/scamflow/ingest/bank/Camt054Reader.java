package io.scamflow.ingest.bank;

/** [iso20022-camt054] debit/credit notification, .001.02 to .001.13. */
public final class Camt054Reader extends CamtReader {
  private static final long serialVersionUID = 1L;

  @Override
  public String format() {
    return "iso20022-camt054";
  }

  @Override
  String message() {
    return "camt.054";
  }
}
