package io.scamflow.ingest.sanctions;

import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.RecordSink;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Address watchlists that are not sanctions (known scam or laundering addresses): CSV with the
 * header {@code address,chain,label,source}. The list's name is the file's name (known_scams.csv is
 * list KNOWN_SCAMS); each address is one listed "wallet" whose id is chain:address.
 */
public final class AddressWatchlistCsvReader extends SanctionsReader {
  private static final List<String> HEADER = List.of("address", "chain", "label", "source");
  private static final Map<String, String> CHAINS =
      Map.ofEntries(
          Map.entry("TRON", CryptoAddresses.TRON),
          Map.entry("TRX", CryptoAddresses.TRON),
          Map.entry("TRC20", CryptoAddresses.TRON),
          Map.entry("ETHEREUM", CryptoAddresses.ETHEREUM),
          Map.entry("ETH", CryptoAddresses.ETHEREUM),
          Map.entry("ERC20", CryptoAddresses.ETHEREUM),
          Map.entry("BITCOIN", CryptoAddresses.BITCOIN),
          Map.entry("BTC", CryptoAddresses.BITCOIN),
          Map.entry("XBT", CryptoAddresses.BITCOIN));

  @Override
  public String format() {
    return "address-watchlist-csv";
  }

  @Override
  public boolean accepts(String fileName) {
    return super.accepts(fileName) && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** known_scams.csv -> KNOWN_SCAMS. */
  static String listId(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return base.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    String listId = listId(file);
    CsvRecords records =
        new CsvRecords(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    List<String> header = records.next();
    if (header == null) {
      return;
    }
    List<String> names =
        header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace("\ufeff", "")).toList();
    if (!names.equals(HEADER)) {
      throw new IllegalArgumentException(
          "expected the header address,chain,label,source but found " + String.join(",", header));
    }
    for (List<String> f; (f = records.next()) != null; ) {
      String position = "line " + records.recordLine();
      if (f.size() != 4) {
        sink.reject(position, "expected 4 fields: address,chain,label,source", String.join(",", f));
        continue;
      }
      String chain = Entry.clean(f.get(1));
      String upper = chain == null ? null : chain.toUpperCase(Locale.ROOT);
      String asset =
          upper == null ? null : CHAINS.containsKey(upper) ? assetOf(CHAINS.get(upper)) : upper;
      // validate first: the wallet's id is its chain and normalised address
      Entry probe = new Entry(listId, null, "?");
      if (!probe.cryptoAddress(asset, f.get(0), position, sink)) {
        continue;
      }
      org.apache.spark.sql.Row wallet = probe.crypto.iterator().next();
      Entry listed = new Entry(listId, null, wallet.getString(1) + ":" + wallet.getString(2));
      listed.crypto.addAll(probe.crypto);
      listed.entityType = "wallet";
      listed.primary(f.get(2));
      listed.program(f.get(3));
      sink.accept(position, listed.values());
    }
  }

  private static String assetOf(String chain) {
    return switch (chain) {
      case CryptoAddresses.TRON -> "TRX";
      case CryptoAddresses.ETHEREUM -> "ETH";
      default -> "XBT";
    };
  }
}
