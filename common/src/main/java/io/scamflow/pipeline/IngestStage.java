package io.scamflow.pipeline;

import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.WriteResult;
import java.util.ArrayList;
import java.util.List;

/** Ingests one format's landing files of the run date that are new or changed since last load. */
public final class IngestStage implements Stage {
  private final FormatReader reader;

  public IngestStage(FormatReader reader) {
    this.reader = reader;
  }

  @Override
  public String name() {
    return "ingest." + reader.source() + "." + reader.format();
  }

  @Override
  public boolean hasWork(StageContext context) {
    return context.landingRoot().isPresent() && !files(context).isEmpty();
  }

  private List<String> files(StageContext context) {
    Landing landing =
        new Landing(
            context.landingRoot().get(),
            context.lakehouse().spark().sparkContext().hadoopConfiguration());
    return landing.files(context.run().runDate(), reader);
  }

  @Override
  public StageOutcome run(StageContext context) {
    if (context.landingRoot().isEmpty()) {
      return new StageOutcome(0, 0, 0, List.of(), "no landing zone given");
    }
    var run = context.run();
    LoadedFiles loaded = new LoadedFiles(context.lakehouse());
    List<String> all = files(context);
    if (all.isEmpty()) {
      return new StageOutcome(0, 0, 0, List.of(), "no " + reader.format() + " files");
    }
    List<String> fresh = loaded.notYetLoaded(run, name(), all);
    if (fresh.isEmpty()) {
      return new StageOutcome(
          0, 0, 0, List.of(), all.size() + " " + reader.format() + " files, all loaded before");
    }
    StageOutcome outcome = new Ingestion(context.lakehouse()).ingest(run, reader, fresh);
    List<WriteResult> writes = new ArrayList<>(outcome.writes());
    writes.add(loaded.markLoaded(run, name(), fresh));
    return new StageOutcome(
        outcome.read(), outcome.accepted(), outcome.quarantined(), writes, outcome.summary());
  }
}
