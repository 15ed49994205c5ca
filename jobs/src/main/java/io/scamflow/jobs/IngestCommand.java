package io.scamflow.jobs;

import io.scamflow.errors.Errors;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow ingest SOURCE --format F --input PATH [--run-date D]}: one source, one format.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Load files of one source and format into bronze (bad records to ops.quarantine).")
final class IngestCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "bank, chain, kyc or sanctions")
  String source;

  @Option(names = "--format", required = true, description = "Format name, e.g. iso20022-pacs008")
  String format;

  @Option(names = "--input", required = true, paramLabel = "PATH", description = "A file or folder")
  String input;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description = "Run date (default: the date folder in PATH's landing layout, else today UTC)")
  LocalDate runDate;

  @Override
  public Integer call() {
    FormatReader reader = Readers.forFormat(source, format);
    var lakehouse = root.global.lakehouse();
    List<String> files =
        Landing.list(input, reader, lakehouse.spark().sparkContext().hadoopConfiguration());
    if (files.isEmpty()) {
      throw Errors.invalidArgument(
          "No " + format + " files at " + input,
          "the path does not exist or holds no files this reader takes",
          "Check the path; landing files live under LANDING/<date>/" + source + "/" + format);
    }
    LocalDate date =
        runDate != null ? runDate : Landing.dateOf(input).orElse(LocalDate.now(ZoneOffset.UTC));
    StageOutcome outcome =
        new StageRunner(lakehouse, root.global.settings())
            .run(
                "ingest." + source + "." + format,
                date,
                run -> new Ingestion(lakehouse).ingest(run, reader, files));
    spec.commandLine().getOut().println(outcome.summary());
    return 0;
  }
}
