package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Runs a reader on one file without Spark and keeps what it accepted and rejected. */
final class CollectingSink implements RecordSink {
  record Rejected(String position, String reason, String raw) {}

  final List<Row> accepted = new ArrayList<>();
  final List<Rejected> rejected = new ArrayList<>();

  static CollectingSink read(FormatReader reader, Path file) throws Exception {
    CollectingSink sink = new CollectingSink();
    try (InputStream in = Files.newInputStream(file)) {
      reader.read(file.toString(), in, sink);
    }
    return sink;
  }

  static Path fixture(String relative) throws Exception {
    return Path.of(CollectingSink.class.getResource("/fixtures/sanctions/" + relative).toURI());
  }

  @Override
  public void accept(String position, Object... values) {
    accepted.add(RowFactory.create(values));
  }

  @Override
  public void reject(String position, String reason, String raw) {
    rejected.add(new Rejected(position, reason, raw));
  }

  /** Entries by entity id. */
  Map<String, Row> byId() {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : accepted) {
      out.put(r.getString(2), r);
    }
    return out;
  }

  /** Every element of one nested column (names, identifiers, ...) across all entries. */
  List<Row> nested(String column) {
    int i = Entry.COLUMNS.indexOf(column);
    List<Row> out = new ArrayList<>();
    for (Row r : accepted) {
      out.addAll(r.<Row>getList(i));
    }
    return out;
  }

  Map<String, Integer> cryptoPerAsset() {
    Map<String, Integer> out = new TreeMap<>();
    for (Row c : nested("crypto_addresses")) {
      out.merge(c.getString(0), 1, Integer::sum);
    }
    return out;
  }
}
