package io.scamflow.jobs;

import io.scamflow.cases.CaseReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scamflow report --case ID --out FILE.html}: one case as a self-contained HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write a case report: a self-contained HTML page (network picture, flows, alerts,"
            + " list exposure, members) that opens without Spark.")
final class ReportCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "ID", description = "gold.cases id.")
  String caseId;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "HTML file.")
  Path out;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description = "The case as of this run date (default: the latest that has it).")
  LocalDate runDate;

  @Override
  public Integer call() {
    CaseReport report =
        CaseReport.load(root.global.lakehouse(), caseId, Optional.ofNullable(runDate));
    report.write(out);
    spec.commandLine()
        .getOut()
        .println(
            "case "
                + report.caseId()
                + " as of "
                + report.runDate()
                + " written to "
                + out.toAbsolutePath());
    return 0;
  }
}
