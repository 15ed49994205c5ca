package io.scamflow.ingest.sanctions;

import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.RecordSink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One designated party as a list states it, the shape every sanctions reader fills and
 * bronze.sanctions_raw stores: the entity, its names, identifiers, crypto addresses, addresses,
 * dates of birth and nationalities. Crypto addresses are validated here; an invalid one is handed
 * to the sink as a rejection and never kept.
 */
final class Entry {
  /** Assets the lists state whose chain is not Bitcoin even when the address looks like one. */
  private static final Set<String> OWN_CHAIN_ASSETS =
      Set.of(
          "LTC", "BCH", "BSV", "BTG", "DASH", "ZEC", "XMR", "ETC", "XVG", "XRP", "DOGE", "SOL",
          "ADA", "XLM", "BNB", "MATIC", "AVAX", "NEAR", "TON", "ALGO", "EOS");

  final String listId;
  final LocalDate listVersion;
  final String entityId;
  String entityType;
  String primaryName;
  final List<String> programs = new ArrayList<>();
  LocalDate listedOn;
  String remarks;
  final Set<Row> names = new LinkedHashSet<>();
  final Set<Row> identifiers = new LinkedHashSet<>();
  final Set<Row> crypto = new LinkedHashSet<>();
  final Set<Row> addresses = new LinkedHashSet<>();
  final Set<Row> birthDates = new LinkedHashSet<>();
  final Set<String> nationalities = new LinkedHashSet<>();

  Entry(String listId, LocalDate listVersion, String entityId) {
    this.listId = listId;
    this.listVersion = listVersion;
    this.entityId = entityId;
  }

  /** The record columns of bronze.sanctions_raw, in order. */
  static final List<String> COLUMNS =
      List.of(
          "list_id",
          "list_version",
          "entity_id",
          "entity_type",
          "primary_name",
          "programs",
          "listed_on",
          "remarks",
          "names",
          "identifiers",
          "crypto_addresses",
          "addresses",
          "dates_of_birth",
          "nationalities");

  void primary(String name) {
    String n = clean(name);
    if (n != null) {
      primaryName = n;
      names.add(RowFactory.create(n, "primary", null));
    }
  }

  void alias(String name, String kind, String quality) {
    String n = clean(name);
    if (n != null) {
      names.add(RowFactory.create(n, kind, quality));
    }
  }

  void program(String program) {
    String p = clean(program);
    if (p != null && !programs.contains(p)) {
      programs.add(p);
    }
  }

  void identifier(String type, String value, String country) {
    String t = clean(type);
    String v = clean(value);
    if (t != null && v != null) {
      identifiers.add(RowFactory.create(t, v, clean(country)));
    }
  }

  void address(
      String street, String city, String region, String postalCode, String country, String full) {
    String s = clean(street);
    String c = clean(city);
    String r = clean(region);
    String p = clean(postalCode);
    String k = clean(country);
    String text = clean(full);
    if (text == null) {
      List<String> parts = new ArrayList<>();
      for (String part : new String[] {s, c, r, p, k}) {
        if (part != null) {
          parts.add(part);
        }
      }
      text = parts.isEmpty() ? null : String.join(", ", parts);
    }
    if (text != null) {
      addresses.add(RowFactory.create(s, c, r, p, k, text));
    }
  }

  void birthDate(String asStated) {
    String text = clean(asStated);
    if (text != null) {
      birthDates.add(RowFactory.create(text, Dates.exact(text), Dates.year(text)));
    }
  }

  void nationality(String country) {
    String c = clean(country);
    if (c != null) {
      nationalities.add(c);
    }
  }

  /**
   * Validates an address stated with its asset code and keeps it, or rejects it to the sink with
   * the validator's reason. Returns whether it was kept.
   */
  boolean cryptoAddress(String asset, String raw, String position, RecordSink sink) {
    String a = clean(asset) == null ? "UNKNOWN" : clean(asset).toUpperCase(Locale.ROOT);
    String address = clean(raw);
    if (address == null) {
      sink.reject(position, "empty " + a + " digital currency address", raw);
      return false;
    }
    CryptoAddresses.Address parsed =
        OWN_CHAIN_ASSETS.contains(a)
            ? CryptoAddresses.parse(a, address)
            : CryptoAddresses.parseForAsset(a, address);
    if (!parsed.valid()) {
      sink.reject(
          position,
          "invalid " + a + " address for " + listId + " " + entityId + ": " + parsed.reason(),
          a + " " + address);
      return false;
    }
    crypto.add(
        RowFactory.create(a, parsed.chain(), parsed.normalized(), address, parsed.validated()));
    return true;
  }

  Object[] values() {
    return new Object[] {
      listId,
      listVersion == null ? null : java.sql.Date.valueOf(listVersion),
      entityId,
      entityType,
      primaryName,
      seq(programs),
      listedOn == null ? null : java.sql.Date.valueOf(listedOn),
      remarks,
      seq(names),
      seq(identifiers),
      seq(crypto),
      seq(addresses),
      seq(birthDates),
      seq(nationalities)
    };
  }

  private static <T> scala.collection.immutable.Seq<T> seq(java.util.Collection<T> items) {
    return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(items)).toList();
  }

  /** Trims; OFAC's "-0-" and blanks are null. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() || t.equals("-0-") ? null : t;
  }
}
