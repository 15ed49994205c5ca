package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class TestReportCommand {
  @Test
  void anUnknownCaseIsAOneLineErrorSayingHowToListTheCases(Lakehouse lh, @TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path file = dir.resolve("r.html");
    int exit =
        Scamflow.run(
            new String[] {
              "--lakehouse",
              lh.root(),
              "report",
              "--case",
              "C20260302-nope",
              "--out",
              file.toString()
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(exit).isEqualTo(Scamflow.EXIT_ERROR);
    assertThat(err.toString().strip())
        .startsWith("scamflow: No case 'C20260302-nope': gold.cases has no row for it")
        .contains("SELECT run_date, case_id")
        .doesNotContain("\n");
    assertThat(Files.exists(file)).isFalse();
  }
}
