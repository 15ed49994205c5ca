package io.scamflow;

import io.scamflow.behaviour.AccountBaselines;
import io.scamflow.cases.Cases;
import io.scamflow.detect.Alerts;
import io.scamflow.ingest.bank.BankTables;
import io.scamflow.ingest.bank.FiatSilver;
import io.scamflow.ingest.chain.ChainTables;
import io.scamflow.ingest.kyc.KycTables;
import io.scamflow.ingest.reference.FxRates;
import io.scamflow.ingest.sanctions.SanctionsTables;
import io.scamflow.pipeline.LoadedFiles;
import io.scamflow.quality.Quarantine;
import io.scamflow.resolve.EntityResolution;
import io.scamflow.run.RunLog;
import io.scamflow.screen.Screening;
import io.scamflow.table.TableContract;
import io.scamflow.transfers.SilverTransfers;
import io.scamflow.transfers.TransferEdges;
import java.util.ArrayList;
import java.util.List;

/**
 * Every table scamflow declares. A new table is declared next to the code that owns it and
 * registered here with one line; `scamflow tables` and job start-up create what is missing.
 */
public final class ScamflowTables {
  private ScamflowTables() {}

  public static List<TableContract> all() {
    List<TableContract> all = new ArrayList<>();
    // ops
    all.add(RunLog.TABLE);
    all.add(Quarantine.TABLE);
    all.add(LoadedFiles.TABLE);
    all.add(io.scamflow.quality.dq.DqResults.TABLE);
    // ingest
    all.add(BankTables.BRONZE);
    all.add(FxRates.BRONZE);
    all.addAll(ChainTables.all());
    all.addAll(KycTables.all());
    all.addAll(SanctionsTables.all());
    // silver
    all.add(FxRates.TABLE);
    all.add(FiatSilver.ACCOUNTS);
    all.add(FiatSilver.PARTIES);
    all.add(FiatSilver.LABELS);
    all.add(SilverTransfers.TABLE);
    all.add(TransferEdges.TABLE);
    all.add(EntityResolution.ENTITIES);
    all.add(EntityResolution.MEMBERS);
    all.add(EntityResolution.LINKS);
    all.add(AccountBaselines.TABLE);
    all.add(AccountBaselines.PEERS);
    all.add(io.scamflow.behaviour.EntityBaselines.TABLE);
    // gold
    all.add(Screening.HITS);
    all.add(Alerts.TABLE);
    all.addAll(io.scamflow.graph.GraphStages.tables());
    all.add(Cases.TABLE);
    return List.copyOf(all);
  }
}
