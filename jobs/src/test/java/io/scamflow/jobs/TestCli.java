package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@SparkTest
class TestCli {
  record Result(int exit, String out, String err) {}

  private static Result cli(Lakehouse lh, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--lakehouse", lh.root()));
    all.addAll(List.of(args));
    int exit = Scamflow.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void sqlPrintsCsvWithAHeader(Lakehouse lh) {
    Result r = cli(lh, "sql", "select 1 as x, 'a,b' as y", "--format", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("x,y", "1,\"a,b\"");
  }

  @Test
  void sqlPrintsJsonLinesAndAlignedTables(Lakehouse lh) {
    assertThat(cli(lh, "sql", "select 2 as n", "--format", "json").out().strip())
        .isEqualTo("{\"n\":2}");
    Result table = cli(lh, "sql", "select 'abc' as name, 7 as n");
    assertThat(table.out().lines().toList())
        .containsExactly("name | n", "-----+--", "abc  | 7", "(1 row)");
  }

  @Test
  void tablesListsEveryDeclaredTableWithItsRowCountAndComment(Lakehouse lh) {
    Result r = cli(lh, "tables", "--format", "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("table,rows,comment")
        .containsPattern("ops\\.runs,\\d+,\"One row per scamflow job run")
        .containsPattern("ops\\.quarantine,\\d+,\"Records rejected by a stage");
  }

  @Test
  void describeShowsColumnsWithComments(Lakehouse lh) {
    Result r = cli(lh, "describe", "ops.quarantine", "--format", "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("reason,string,Why the record was rejected");
    assertThat(r.out().lines().filter(l -> l.startsWith("run_date,")).count()).isEqualTo(1);
  }

  @Test
  void errorsAreOneLineOnStderrWithANonZeroExit(Lakehouse lh) {
    Result missing = cli(lh, "sql", "select * from gold.no_such_table");
    assertThat(missing.exit()).as(missing.err()).isEqualTo(Scamflow.EXIT_ERROR);
    assertThat(missing.err().strip().lines().count()).isEqualTo(1);
    assertThat(missing.err()).startsWith("scamflow: The query failed").contains("no_such_table");

    Result describe = cli(lh, "describe", "gold.nope");
    assertThat(describe.exit()).as(describe.err()).isEqualTo(Scamflow.EXIT_ERROR);
    assertThat(describe.err()).contains("No table named 'gold.nope'").contains("scamflow tables");

    Result typo = cli(lh, "-c", "spark.shufle-partitions=3", "sql", "select 1");
    assertThat(typo.exit()).as(typo.err()).isEqualTo(Scamflow.EXIT_ERROR);

    Result usage = cli(lh, "sql");
    assertThat(usage.exit()).isEqualTo(Scamflow.EXIT_USAGE);
  }

  @Test
  void aSecondProcessQueriesATableByNameWhileThisOneHoldsItsSession(Lakehouse lh, Settings settings)
      throws Exception {
    new StageRunner(lh, settings)
        .run(
            "test.second-jvm",
            LocalDate.of(2026, 6, 1),
            run -> StageOutcome.derived(List.of(), "x"));
    long here =
        lh.spark()
            .sql("SELECT count(*) FROM ops.runs WHERE job = 'test.second-jvm'")
            .first()
            .getLong(0);

    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(System.getProperty("spark.jvm.flags", "").split(" ")));
    command.addAll(
        List.of(
            "-Xmx1g",
            "-Dscamflow.home=" + System.getProperty("scamflow.home"),
            "-cp",
            System.getProperty("java.class.path"),
            Scamflow.class.getName(),
            "--lakehouse",
            lh.root(),
            "-c",
            "spark.master=local[1]",
            "sql",
            "SELECT count(*) AS n FROM ops.runs WHERE job = 'test.second-jvm'",
            "--format",
            "csv"));
    command.removeIf(String::isBlank);
    Process child = new ProcessBuilder(command).redirectErrorStream(false).start();
    String err;
    String out;
    try {
      assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
      out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as(err).isZero();
    assertThat(out.lines().toList()).containsExactly("n", String.valueOf(here));
    assertThat(here).as("one ops.runs row per run, updated when it ends").isEqualTo(1);
  }
}
