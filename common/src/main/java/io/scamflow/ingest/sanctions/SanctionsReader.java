package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.FormatReader;
import io.scamflow.table.TableContract;
import java.util.List;

/** What every sanctions reader shares: the source, the bronze table and its record columns. */
abstract class SanctionsReader implements FormatReader {
  @Override
  public final String source() {
    return "sanctions";
  }

  @Override
  public final TableContract bronzeTable() {
    return SanctionsTables.BRONZE;
  }

  @Override
  public final List<String> recordColumns() {
    return Entry.COLUMNS;
  }
}
