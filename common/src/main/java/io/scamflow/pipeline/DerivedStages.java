package io.scamflow.pipeline;

import io.scamflow.behaviour.AccountBaselines;
import io.scamflow.cases.CaseStage;
import io.scamflow.detect.DetectionStage;
import io.scamflow.ingest.bank.FiatSilver;
import io.scamflow.ingest.chain.ChainSilver;
import io.scamflow.ingest.kyc.VaspLinks;
import io.scamflow.ingest.reference.FxRates;
import io.scamflow.ingest.sanctions.SanctionsSilver;
import io.scamflow.resolve.EntityResolution;
import io.scamflow.run.Stage;
import io.scamflow.run.StageOutcome;
import io.scamflow.screen.Screening;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.TransferEdges;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages after ingest, in order: silver builds, then resolution, screening, graph and gold. One
 * registration line per stage.
 */
final class DerivedStages {
  private DerivedStages() {}

  private static StageOutcome derived(WriteResult write, String what) {
    return StageOutcome.derived(List.of(write), write.rowsWritten() + " " + what);
  }

  static List<Stage> all() {
    List<Stage> out = new ArrayList<>();
    // silver: rates first, then both rails (chain prices read silver.fx_rates), lists, edges
    out.add(Stage.of("silver.fx_rates", c -> new FxRates(c.lakehouse()).build(c.run())));
    out.add(Stage.of("silver.fiat", c -> new FiatSilver(c.lakehouse()).build(c.run())));
    out.add(
        Stage.of(
            "silver.vasp_links",
            c -> derived(new VaspLinks(c.lakehouse()).write(c.run()), "KYC links")));
    out.add(
        Stage.of("silver.chain", c -> new ChainSilver(c.lakehouse(), c.settings()).run(c.run())));
    out.add(Stage.of("silver.sanctions", c -> new SanctionsSilver(c.lakehouse()).build(c.run())));
    out.add(
        Stage.of(
            "silver.transfer_edges",
            c -> derived(new TransferEdges(c.lakehouse()).write(c.run()), "graph edges")));
    // data-quality gate: a FAIL stops the run before anything is built on bad silver data
    out.add(new io.scamflow.quality.dq.DataQualityStage());
    // resolution and screening
    out.add(
        Stage.of(
            "silver.entities",
            c -> new EntityResolution(c.lakehouse(), c.settings()).run(c.run())));
    out.add(
        Stage.of(
            "gold.screening_hits", c -> new Screening(c.lakehouse(), c.settings()).run(c.run())));
    // graph and gold
    out.add(io.scamflow.graph.GraphStages.exposure());
    out.add(
        Stage.of(
            "silver.account_baselines",
            c -> new AccountBaselines(c.lakehouse(), c.settings()).run(c.run())));
    out.add(
        Stage.of(
            "silver.entity_baselines",
            c ->
                new io.scamflow.behaviour.EntityBaselines(c.lakehouse(), c.settings())
                    .run(c.run())));
    out.add(new DetectionStage());
    out.add(io.scamflow.graph.GraphStages.flows());
    out.add(io.scamflow.graph.GraphStages.networks());
    out.add(io.scamflow.graph.GraphStages.entityRisk());
    // cases last: they read every gold table above
    out.add(new CaseStage());
    return out;
  }
}
