package io.scamflow.cases;

import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Network;
import io.scamflow.config.Settings;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The "gold.cases" stage: today's networks (gold.networks) become cases, matched to the previous
 * run's open cases for stable ids, scored with reasons, and written as the run date's rows.
 */
public final class CaseStage implements Stage {
  @Override
  public String name() {
    return "gold.cases";
  }

  @Override
  public StageOutcome run(StageContext context) {
    Lakehouse lakehouse = context.lakehouse();
    LocalDate day = context.run().runDate();
    if (!CaseInputs.exists(lakehouse, CaseInputs.NETWORKS)) {
      // without the graph stages there are no networks; closing every open case would be wrong
      return StageOutcome.derived(List.of(), "no gold.networks table: no cases built");
    }
    List<CaseRow> rows = build(lakehouse, context.settings(), day);
    Dataset<Row> data =
        lakehouse
            .spark()
            .createDataFrame(rows.stream().map(CaseRows::toRow).toList(), CaseRows.schema());
    var write = new TableWriter(lakehouse).replaceDay(Cases.TABLE, data, context.run());
    long open = rows.stream().filter(CaseRow::open).count();
    long realert = rows.stream().filter(CaseRow::realert).count();
    return StageOutcome.derived(
        List.of(write),
        open + " open cases, " + realert + " to (re-)alert, " + (rows.size() - open) + " closed");
  }

  /** The run date's case rows, from the gold tables of that date and the previous run's cases. */
  static List<CaseRow> build(Lakehouse lakehouse, Settings settings, LocalDate day) {
    CaseScore score = CaseScore.from(settings);
    List<Network> networks =
        new CaseInputs(lakehouse, day, settings.integer("scamflow.cases.top-paths")).networks();
    List<CaseRow> previous = CaseInputs.previousCases(lakehouse, day);
    CaseIdentity identity =
        new CaseIdentity(
            settings.decimal("scamflow.cases.min-jaccard"),
            new BigDecimal(settings.string("scamflow.cases.realert-min-increase-usd")),
            settings.decimal("scamflow.cases.realert-min-increase-ratio"),
            score);
    return identity.assign(day, networks, previous);
  }
}
