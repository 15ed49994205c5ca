package io.scamflow.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AMLSim sample output (IBM/AMLSim, Apache-2.0) through {@code evaluate --dataset amlsim}: its
 * transfers run through the pipeline in a scratch lakehouse, its accounts file's isFraud flags are
 * the labels, and the files written name accounts exactly as the input does.
 */
@SparkTest
class TestBenchmarkEvaluation {
  private static final List<String> FILES =
      List.of("mini_tx.csv", "mini_cash_tx.csv", "mini_accounts.csv", "mini_alerts.csv");
  private static Path out;
  private static BenchmarkEvaluation.Result result;

  @BeforeAll
  static void evaluate(SparkSession spark, Settings settings) throws Exception {
    Path input = SharedSparkExtension.testDir().resolve("amlsim-input");
    Files.createDirectories(input);
    for (String f : FILES) {
      try (InputStream in =
          TestBenchmarkEvaluation.class.getResourceAsStream("/fixtures/bank/amlsim-mini/" + f)) {
        Files.copy(in, input.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    out = SharedSparkExtension.testDir().resolve("amlsim-eval");
    result = new BenchmarkEvaluation(spark, settings).run("amlsim", input, out, line -> {});
  }

  /** Account ids in the transfer files as written, and those the accounts file flags. */
  private static Set<String> inputIds(boolean fraudOnly) throws Exception {
    Set<String> ids = new HashSet<>();
    Path in = SharedSparkExtension.testDir().resolve("amlsim-input");
    for (String line : Files.readAllLines(in.resolve("mini_tx.csv")).subList(1, 46)) {
      String[] f = line.split(",");
      ids.add(f[1]);
      ids.add(f[2]);
    }
    if (fraudOnly) {
      Set<String> fraud = new HashSet<>();
      for (String line : Files.readAllLines(in.resolve("mini_accounts.csv"))) {
        String[] f = line.split(",");
        if (f[8].equals("true") && ids.contains(f[0])) {
          fraud.add(f[0]);
        }
      }
      return fraud;
    }
    return ids;
  }

  @Test
  void metricsJsonHoldsAccountAndTransferLevelScoresForTheDataset() throws Exception {
    String json = Files.readString(out.resolve("metrics.json"));
    assertThat(json)
        .contains("\"dataset\": \"amlsim\"")
        .contains("\"scope\": \"overall\", \"family\": \"\", \"level\": \"account\"")
        .contains("\"scope\": \"overall\", \"family\": \"\", \"level\": \"transfer\"")
        .contains("\"scope\": \"network\"");
    assertThat(result.report().score("overall", "account")).isPresent();
    assertThat(result.positives()).isEqualTo(inputIds(true).size()).isPositive();
  }

  @Test
  void flaggedAccountsListsEveryTransferAccountByItsInputIdWithScoreAndFlag() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("flagged_accounts.csv"));
    assertThat(lines.get(0)).isEqualTo("account_id,score,flagged");
    Set<String> ids = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      ids.add(f[0]);
      assertThat(f[2]).isEqualTo(Double.parseDouble(f[1]) > 0 ? "1" : "0");
    }
    assertThat(ids).containsAll(inputIds(false));
    long flagged = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
    assertThat(flagged)
        .as("accounts flagged agree with the account-level score")
        .isEqualTo(result.report().score("overall", "account").orElseThrow().flagged());
  }
}
