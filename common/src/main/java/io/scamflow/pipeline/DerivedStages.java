package io.scamflow.pipeline;

import io.scamflow.ingest.chain.ChainSilver;
import io.scamflow.ingest.kyc.VaspLinks;
import io.scamflow.run.Stage;
import io.scamflow.run.StageOutcome;
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
    // silver
    out.add(
        Stage.of(
            "silver.vasp_links",
            c -> derived(new VaspLinks(c.lakehouse()).write(c.run()), "KYC links")));
    out.add(
        Stage.of("silver.chain", c -> new ChainSilver(c.lakehouse(), c.settings()).run(c.run())));
    out.add(
        Stage.of(
            "silver.transfer_edges",
            c -> derived(new TransferEdges(c.lakehouse()).write(c.run()), "graph edges")));
    // resolution and screening
    // graph and gold
    out.add(new io.scamflow.detect.DetectionStage());
    return out;
  }
}
