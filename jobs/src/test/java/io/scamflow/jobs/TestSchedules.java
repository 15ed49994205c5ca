package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.scamflow.jobs.stage.NightlyJob;
import io.scamflow.jobs.stage.StageJob;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.run.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Airflow DAG and the Kubernetes CronJob in conf/ agree with the stage registry and with the
 * CLI: every stage has one task, in order, and every argument a schedule passes parses.
 */
class TestSchedules {
  private static final Path HOME = Path.of(System.getProperty("scamflow.home", ".."));
  private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

  private static List<String> registry() {
    return Pipeline.standardStages().stream().map(Stage::name).toList();
  }

  private static JsonNode airflowDag() throws IOException, InterruptedException {
    Path stub = Path.of("src/test/resources/schedules/airflow_stub.py").toAbsolutePath();
    Process p =
        new ProcessBuilder(
                "python3",
                stub.toString(),
                HOME.resolve("conf/airflow/scamflow_nightly.py").toString())
            .redirectErrorStream(false)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    return new ObjectMapper().readTree(out);
  }

  /** Parses CLI arguments the way the job's main will (the job prepends its command). */
  private static Object parse(String command, List<String> args) {
    CommandLine.ParseResult result =
        Scamflow.commandLine()
            .parseArgs(
                concat(List.of(command), args).toArray(new String[0])); // throws if any arg is bad
    return result.subcommand().commandSpec().userObject();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void airflowRunsEveryRegisteredStageOnceInRegistryOrderAsAChain() throws Exception {
    JsonNode dag = airflowDag();
    List<String> stages = new ArrayList<>();
    String previous = null;
    for (JsonNode task : dag.get("tasks")) {
      List<String> args = new ArrayList<>();
      task.get("application_args").forEach(a -> args.add(a.asText()));
      stages.add(args.get(args.indexOf("--stage") + 1));
      List<String> upstream = new ArrayList<>();
      task.get("upstream").forEach(u -> upstream.add(u.asText()));
      assertThat(upstream)
          .as("upstream of " + task.get("task_id"))
          .isEqualTo(previous == null ? List.of() : List.of(previous));
      previous = task.get("task_id").asText();
    }
    assertThat(stages)
        .as(
            "conf/airflow/scamflow_nightly.py STAGES must be `scamflow stages` in order; paste the"
                + " new list between BEGIN STAGES and END STAGES")
        .containsExactlyElementsOf(registry());
  }

  @Test
  void airflowTasksSubmitTheStageJobWithTheLogicalDateAndRetries() throws Exception {
    JsonNode dag = airflowDag();
    assertThat(dag.get("dag").get("max_active_runs").asInt()).isEqualTo(1);
    assertThat(dag.get("dag").get("default_args").get("retries").asInt()).isPositive();
    for (JsonNode task : dag.get("tasks")) {
      assertThat(task.get("java_class").asText()).isEqualTo(StageJob.class.getName());
      assertThat(task.get("application").asText()).endsWith("-cluster.jar");
      List<String> args = new ArrayList<>();
      task.get("application_args").forEach(a -> args.add(a.asText()));
      assertThat(args).contains("{{ ds }}");
      // what Airflow renders for one logical date must be a valid `scamflow stage` call
      List<String> rendered =
          args.stream().map(a -> a.equals("{{ ds }}") ? DAY.toString() : a).toList();
      StageCommand parsed = (StageCommand) parse("stage", rendered);
      assertThat(parsed.runDate).isEqualTo(DAY);
      assertThat(parsed.stageNames).hasSize(1);
      assertThat(StageCommand.find(Pipeline.standardStages(), parsed.stageNames.get(0)).name())
          .isEqualTo(parsed.stageNames.get(0));
      assertThat(parsed.landing).startsWith("s3a://");
    }
  }

  /**
   * spark-submit's grammar for what the manifest uses: options with a value, then the primary
   * resource, then the application's arguments.
   */
  private static final class SubmitArgs {
    private static final List<String> OPTIONS =
        List.of("--master", "--deploy-mode", "--name", "--class", "--conf");
    final List<String[]> options = new ArrayList<>();
    String resource;
    final List<String> appArgs = new ArrayList<>();

    SubmitArgs(List<String> args) {
      int i = 0;
      while (args.get(i).startsWith("--")) {
        assertThat(OPTIONS).as("spark-submit option").contains(args.get(i));
        options.add(new String[] {args.get(i), args.get(i + 1)});
        i += 2;
      }
      resource = args.get(i);
      appArgs.addAll(args.subList(i + 1, args.size()));
    }

    String option(String name) {
      return options.stream()
          .filter(o -> o[0].equals(name))
          .map(o -> o[1])
          .findFirst()
          .orElse(null);
    }
  }

  @Test
  void kubernetesCronJobSubmitsTheNightlyDriverForYesterdayWithValidArguments() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> docs =
        yaml.readerFor(JsonNode.class)
            .<JsonNode>readValues(HOME.resolve("conf/k8s/scamflow-nightly.yaml").toFile())
            .readAll();
    JsonNode cron =
        docs.stream().filter(d -> d.get("kind").asText().equals("CronJob")).findFirst().get();
    JsonNode jobSpec = cron.at("/spec/jobTemplate/spec");
    assertThat(cron.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
    assertThat(jobSpec.get("backoffLimit").asInt()).as("retries").isPositive();
    JsonNode container = jobSpec.at("/template/spec/containers/0");

    List<String> command = new ArrayList<>();
    container.get("command").forEach(c -> command.add(c.asText()));
    assertThat(command.get(2)).contains("spark-submit \"$@\" --run-date");
    List<String> args = new ArrayList<>();
    container.get("args").forEach(a -> args.add(a.asText()));

    SubmitArgs submit = new SubmitArgs(args);
    assertThat(submit.option("--class")).isEqualTo(NightlyJob.class.getName());
    assertThat(submit.option("--master")).startsWith("k8s://");
    String dockerfile = Files.readString(HOME.resolve("conf/k8s/Dockerfile"));
    assertThat(submit.resource).startsWith("local://");
    assertThat(dockerfile).contains(" " + submit.resource.substring("local://".length()) + "\n");

    // the shell appends --run-date <yesterday>; the rest must be a valid `scamflow nightly` call
    NightlyCommand parsed =
        (NightlyCommand) parse("nightly", concat(submit.appArgs, List.of("--run-date", "" + DAY)));
    assertThat(parsed.dates.runDate).isEqualTo(DAY);
    assertThat(parsed.landing).isEqualTo("$(SCAMFLOW_LANDING)");
    List<String> env = new ArrayList<>();
    container.get("env").forEach(e -> env.add(e.get("name").asText()));
    assertThat(env).contains("SCAMFLOW_LANDING", "SCAMFLOW_LAKEHOUSE", "POD_IP", "RUN_DATE");
    String confFile = submit.appArgs.get(submit.appArgs.indexOf("--conf-file") + 1);
    assertThat(dockerfile).contains("COPY conf/cluster.conf " + confFile + "\n");
  }
}
