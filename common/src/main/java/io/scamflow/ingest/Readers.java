package io.scamflow.ingest;

import io.scamflow.errors.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * Every landing format scamflow reads: one registration line per reader. The nightly run ingests
 * each of them for its date; {@code scamflow ingest SOURCE --format F} picks one.
 */
public final class Readers {
  private Readers() {}

  public static List<FormatReader> all() {
    List<FormatReader> readers = new ArrayList<>();
    // bank
    readers.add(new io.scamflow.ingest.bank.Pacs008Reader());
    readers.add(new io.scamflow.ingest.bank.Mt103Reader());
    readers.add(new io.scamflow.ingest.bank.AmlWorldCsvReader());
    readers.add(new io.scamflow.ingest.bank.AmlSimCsvReader());
    readers.add(new io.scamflow.ingest.bank.Camt053Reader());
    readers.add(new io.scamflow.ingest.bank.Camt054Reader());
    readers.add(new io.scamflow.ingest.bank.Pain001Reader());
    readers.add(new io.scamflow.ingest.bank.GoAmlReader());
    // reference
    readers.add(new io.scamflow.ingest.reference.FxRatesCsvReader());
    // chain
    readers.add(
        new io.scamflow.ingest.chain.Trc20JsonReader(
            io.scamflow.ingest.chain.TokenRegistry.configured()));
    readers.add(
        new io.scamflow.ingest.chain.Erc20CsvReader(
            io.scamflow.ingest.chain.TokenRegistry.configured()));
    readers.add(new io.scamflow.ingest.chain.AddressTagsCsvReader());
    readers.add(new io.scamflow.ingest.chain.BtcJsonReader());
    // kyc
    readers.add(new io.scamflow.ingest.kyc.VaspKycCsvReader());
    // sanctions
    readers.add(io.scamflow.ingest.sanctions.OfacCsvReader.sdn());
    readers.add(io.scamflow.ingest.sanctions.OfacCsvReader.consolidated());
    readers.add(new io.scamflow.ingest.sanctions.OfacSdnXmlReader());
    readers.add(new io.scamflow.ingest.sanctions.UnScXmlReader());
    readers.add(new io.scamflow.ingest.sanctions.OfacSdnAdvancedXmlReader());
    readers.add(new io.scamflow.ingest.sanctions.UkFcdoXmlReader());
    readers.add(new io.scamflow.ingest.sanctions.EuFsfXmlReader());
    readers.add(new io.scamflow.ingest.sanctions.OpenSanctionsFtmReader());
    readers.add(new io.scamflow.ingest.sanctions.AddressWatchlistCsvReader());
    return readers;
  }

  public static FormatReader forFormat(String source, String format) {
    List<String> known = new ArrayList<>();
    for (FormatReader r : all()) {
      if (r.source().equals(source) && r.format().equals(format)) {
        return r;
      }
      if (r.source().equals(source)) {
        known.add(r.format());
      }
    }
    throw Errors.invalidArgument(
        "No reader for " + source + " format '" + format + "'",
        known.isEmpty() ? "no " + source + " formats are registered" : "known: " + known,
        "Use one of the listed formats, or add a reader class and register it in Readers");
  }
}
