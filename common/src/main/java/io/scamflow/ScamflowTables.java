package io.scamflow;

import io.scamflow.quality.Quarantine;
import io.scamflow.run.RunLog;
import io.scamflow.screen.Screening;
import io.scamflow.table.TableContract;
import java.util.List;

/**
 * Every table scamflow declares. A new table is declared next to the code that owns it and
 * registered here with one line; `scamflow tables` and job start-up create what is missing.
 */
public final class ScamflowTables {
  private ScamflowTables() {}

  public static List<TableContract> all() {
    return List.of(RunLog.TABLE, Quarantine.TABLE, Screening.HITS);
  }
}
