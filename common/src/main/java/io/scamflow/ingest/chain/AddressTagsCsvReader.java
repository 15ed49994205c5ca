package io.scamflow.ingest.chain;

import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.HeadedCsv;
import io.scamflow.ingest.RecordSink;
import io.scamflow.table.TableContract;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Known-service address tags: {@code address,chain,label,category} (exchanges' hot and deposit
 * wallets, OTC desks, bridges). The chain may be written TRON/ETHEREUM/BITCOIN or as an asset code
 * (TRX, ETH, BTC); the address is validated on it.
 */
public final class AddressTagsCsvReader implements FormatReader {
  private static final long serialVersionUID = 1L;
  private static final List<String> HEADER = List.of("address", "chain", "label", "category");

  @Override
  public String source() {
    return "chain";
  }

  @Override
  public String format() {
    return "address-tags-csv";
  }

  @Override
  public TableContract bronzeTable() {
    return ChainTables.BRONZE_ADDRESS_TAGS;
  }

  @Override
  public boolean accepts(String fileName) {
    return FormatReader.super.accepts(fileName)
        && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public List<String> recordColumns() {
    return List.of("chain", "address", "address_hex", "label", "category");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    try (HeadedCsv rows = new HeadedCsv(in, HEADER)) {
      while (rows.next()) {
        String chain = ChainNames.canonical(rows.get("chain"));
        if (chain == null) {
          sink.reject(rows.position(), "unknown chain '" + rows.get("chain") + "'", rows.raw());
          continue;
        }
        CryptoAddresses.Address a = CryptoAddresses.parse(chain, rows.get("address"));
        if (!a.valid()) {
          sink.reject(
              rows.position(),
              "address '" + rows.get("address") + "' is not a " + chain + " address: " + a.reason(),
              rows.raw());
          continue;
        }
        String label = rows.get("label");
        if (label == null) {
          sink.reject(rows.position(), "label is empty", rows.raw());
          continue;
        }
        String category = rows.get("category");
        sink.accept(
            rows.position(),
            chain,
            a.normalized(),
            a.hex(),
            label,
            category == null ? "unknown" : category.toLowerCase(Locale.ROOT));
      }
    }
  }
}
