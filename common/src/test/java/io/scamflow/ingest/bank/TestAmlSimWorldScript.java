package io.scamflow.ingest.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.evaluate.DetectionMetrics;
import io.scamflow.ingest.CsvLine;
import io.scamflow.synth.Generator;
import io.scamflow.synth.Scale;
import io.scamflow.synth.WorldParameters;
import io.scamflow.testing.SharedSparkExtension;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * results/amlsim-world.py writes a generated world's bank transfers in AMLSim's output layout (the
 * fixture's): the AMLSim reader must accept every row and give back the world's accounts, dates and
 * USD amounts, and the accounts file's isFraud must be the truth's scam roles. The world is the
 * tiny one's first day (seed 7), generated on the driver: no Spark.
 */
class TestAmlSimWorldScript {
  private static final Set<String> BANK_FORMATS =
      Set.of("ibm-aml-csv", "iso20022-pacs008", "swift-mt103");
  private static Path world;
  private static Path out;
  private static Path outTimed;

  @BeforeAll
  static void writeTheWorldInAmlSimLayout() throws Exception {
    Path dir = SharedSparkExtension.testDir().resolve("amlsim-world-script");
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    world = dir.resolve("world");
    out = dir.resolve("amlsim");
    outTimed = dir.resolve("amlsim-timed");
    Generator.generate(
        WorldParameters.of(Scale.TINY, WorldParameters.DEFAULT_START, 1, 7),
        world,
        () -> {
          throw new AssertionError("tiny must not need Spark");
        },
        false);
    script(world.toString(), out.toString());
    script("--timestamps", world.toString(), outTimed.toString());
  }

  private static void script(String... args) throws Exception {
    Path home = Path.of(System.getProperty("scamflow.home", "..")).toAbsolutePath().normalize();
    List<String> command =
        new ArrayList<>(List.of("python3", home.resolve("results/amlsim-world.py").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
  }

  @Test
  void theReaderAcceptsEveryTransferWithTheWorldsAccountsDatesAndUsdAmounts() throws Exception {
    List<Map<String, String>> truth = bankTruth();
    Parsed tx = Parsed.file(new AmlSimCsvReader(), out.resolve("tx.csv"));

    assertThat(tx.rejected).isEmpty();
    assertThat(tx.accepted).hasSize(truth.size()).isNotEmpty();
    Map<String, String> keys = accountKeys();
    // (date, from, to, USD) as the reader gives them back, mapped to the world's account keys
    Map<String, Long> read =
        counted(
            tx.accepted,
            r ->
                Arrays.asList(
                    r.get("value_date"),
                    keys.get(id(r.get("debtor_account_key"))),
                    keys.get(id(r.get("creditor_account_key"))),
                    ((BigDecimal) r.get("amount")).setScale(2).toPlainString()));
    Map<String, Long> expected =
        counted(
            truth,
            r ->
                Arrays.asList(
                    r.get("date"),
                    r.get("from_key"),
                    r.get("to_key"),
                    new BigDecimal(r.get("amount_usd")).setScale(2).toPlainString()));
    assertThat(read).isEqualTo(expected);
    assertThat(tx.accepted).allSatisfy(r -> assertThat(r.get("currency")).isEqualTo("USD"));
    assertThat(tx.accepted.stream().map(r -> r.get("tx_ref")).distinct()).hasSize(truth.size());
  }

  @Test
  void withTimestampsTheNewerLayoutKeepsTheTruthsTimeOfDay() throws Exception {
    List<Map<String, String>> truth = bankTruth();
    Parsed tx = Parsed.file(new AmlSimCsvReader(), outTimed.resolve("transactions.csv"));

    assertThat(tx.rejected).isEmpty();
    assertThat(tx.accepted).hasSize(truth.size());
    Map<String, String> keys = accountKeys();
    Map<String, Long> read =
        counted(
            tx.accepted,
            r ->
                Arrays.asList(
                    r.get("value_ts").toString().replace(' ', 'T').replaceAll("\\.0$", ""),
                    keys.get(id(r.get("debtor_account_key"))),
                    keys.get(id(r.get("creditor_account_key"))),
                    r.get("is_laundering")));
    Map<String, Long> expected =
        counted(
            truth,
            r ->
                Arrays.asList(
                    r.get("timestamp").replace("Z", ""),
                    r.get("from_key"),
                    r.get("to_key"),
                    r.get("laundering").equals("1")));
    assertThat(read).isEqualTo(expected);
    assertThat(Files.exists(outTimed.resolve("tx.csv"))).isFalse();
    assertThat(Files.readAllLines(outTimed.resolve("accounts.csv")))
        .isEqualTo(Files.readAllLines(out.resolve("accounts.csv")));
  }

  /** How many rows share each key (the key's parts joined by spaces), in key order. */
  private static <R> Map<String, Long> counted(
      List<R> rows, java.util.function.Function<R, List<?>> key) {
    return rows.stream()
        .collect(
            Collectors.groupingBy(
                r -> key.apply(r).stream().map(String::valueOf).collect(Collectors.joining(" ")),
                TreeMap::new,
                Collectors.counting()));
  }

  @Test
  void theAccountsFileFlagsExactlyTheTruthsScamRoles() throws Exception {
    Map<String, String> roles = new HashMap<>();
    for (Path f : csvFiles(world.resolve("truth/accounts"))) {
      for (Map<String, String> r : rows(f)) {
        roles.put(r.get("account_key"), r.get("role"));
      }
    }
    Map<String, String> keys = accountKeys();
    List<Map<String, String>> accounts = rows(out.resolve("accounts.csv"));
    Map<String, Boolean> flaggedByRole = new TreeMap<>();
    long positives = 0;
    for (Map<String, String> a : accounts) {
      String role = roles.get(keys.get(a.get("ACCOUNT_ID")));
      boolean fraud = a.get("isFraud").equals("true");
      assertThat(fraud)
          .as("account %s (%s)", a.get("ACCOUNT_ID"), role)
          .isEqualTo(DetectionMetrics.SCAM_ROLES.contains(role));
      flaggedByRole.put(role, fraud);
      positives += fraud ? 1 : 0;
    }
    // the day holds victims and mules (positive) beside honest and service accounts (negative)
    assertThat(flaggedByRole)
        .containsEntry("victim", true)
        .containsEntry("mule", true)
        .containsEntry("honest", false);
    assertThat(positives).isPositive();
    // one accounts row per account a transfer names, and no other
    Set<String> inTransfers =
        bankTruth().stream()
            .flatMap(r -> Stream.of(r.get("from_key"), r.get("to_key")))
            .collect(Collectors.toSet());
    assertThat(accounts.stream().map(a -> keys.get(a.get("ACCOUNT_ID"))))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(inTransfers);
  }

  @Test
  void theFilesHaveTheFixturesLayoutAndOnlyTheTransfersAreReadAsTransfers() throws Exception {
    for (String[] pair :
        new String[][] {
          {"tx.csv", "mini_tx.csv"},
          {"accounts.csv", "mini_accounts.csv"},
          {"alerts.csv", "mini_alerts.csv"}
        }) {
      assertThat(Files.readAllLines(out.resolve(pair[0])).get(0))
          .as(pair[0])
          .isEqualTo(fixtureHeader(pair[1]));
    }
    AmlSimCsvReader reader = new AmlSimCsvReader();
    try (Stream<Path> s = Files.list(out)) {
      assertThat(
              s.map(p -> p.getFileName().toString())
                  .filter(reader::accepts)
                  .filter(n -> n.endsWith(".csv")))
          .containsExactly("tx.csv");
    }
    assertThat(rows(out.resolve("alerts.csv"))).isNotEmpty();
  }

  private static String id(Object accountKey) {
    return accountKey.toString().substring("ACCT:AMLSIM:".length());
  }

  private static String fixtureHeader(String name) throws Exception {
    try (InputStream in =
            TestAmlSimWorldScript.class.getResourceAsStream("/fixtures/bank/amlsim-mini/" + name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.readLine();
    }
  }

  /** The truth's bank transfers (chain ones have no place in AMLSim's layout). */
  private static List<Map<String, String>> bankTruth() throws Exception {
    List<Map<String, String>> out = new ArrayList<>();
    for (Path f : csvFiles(world.resolve("truth/transfers"))) {
      for (Map<String, String> r : rows(f)) {
        if (BANK_FORMATS.contains(r.get("format"))) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /** account_keys.tsv: AMLSim's integer ACCOUNT_ID to the world's account key. */
  private static Map<String, String> accountKeys() throws Exception {
    Map<String, String> keys = new HashMap<>();
    List<String> lines = Files.readAllLines(out.resolve("account_keys.tsv"));
    assertThat(lines.get(0)).startsWith("ACCOUNT_ID\taccount_key");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      keys.put(f[0], f[1]);
    }
    return keys;
  }

  private static List<Path> csvFiles(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static List<Map<String, String>> rows(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = CsvLine.split(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = CsvLine.split(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < f.size() ? f.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }
}
