package io.scamflow.ingest.bank;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import io.scamflow.table.TableContract;
import java.util.List;

/** What every bank format shares: the source, the bronze table, and one way to emit a record. */
abstract class BankReader implements FormatReader {
  private static final long serialVersionUID = 1L;

  @Override
  public final String source() {
    return "bank";
  }

  @Override
  public final TableContract bronzeTable() {
    return BankTables.BRONZE;
  }

  @Override
  public final List<String> recordColumns() {
    return Transfer.COLUMNS;
  }

  /** Validates {@code t}: accepted with its values, or rejected with the reason and raw text. */
  static void emit(RecordSink sink, String position, Transfer t, String raw) {
    String problem = t.check();
    if (problem == null) {
      sink.accept(position, t.values());
    } else {
      sink.reject(position, problem, raw);
    }
  }

  static boolean hasExtension(String fileName, String... extensions) {
    if (fileName.startsWith(".") || fileName.startsWith("_")) {
      return false;
    }
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    for (String e : extensions) {
      if (lower.endsWith(e)) {
        return true;
      }
    }
    return false;
  }
}
