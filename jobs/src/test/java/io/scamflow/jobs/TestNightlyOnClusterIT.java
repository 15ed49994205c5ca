package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.ScamflowTables;
import io.scamflow.config.Settings;
import io.scamflow.pipeline.Pipeline;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The nightly run as an operator deploys it: a Spark standalone master and worker on 127.0.0.1
 * (from the Maven jars, no Spark download), s3proxy as the S3 server, the landing zone uploaded to
 * s3a://, the cluster job jar spark-submitted with conf/cluster.conf, and the gold tables then
 * queried by name with {@code scamflow sql} in a child JVM over the same S3 lakehouse. They must
 * equal what a local run of the same world wrote. One day of a tiny world keeps it to minutes.
 */
@SparkTest
class TestNightlyOnClusterIT {
  private static final Path TARGET =
      Path.of(System.getProperty("scamflow.jobs.target", "target")).toAbsolutePath();
  private static final Path HOME =
      Path.of(System.getProperty("scamflow.home", "..")).toAbsolutePath();
  private static final String BUCKET = "scamflow";
  private static final String KEY = "scamflow-it";
  private static final String SECRET = "scamflow-it-secret";
  // what the job jar brings itself: kept off the cluster's classpath so the jar must carry them
  private static final Pattern JOB_JAR_CONTENTS =
      Pattern.compile(
          "/scamflow-[^/]*\\.jar$|/io/delta/|/info/picocli/|/com/typesafe/config/|libphonenumber");
  // Spark settings for a tiny lakehouse, as an operator of one would pass them with -c: Delta
  // rebuilds each snapshot in 50 tasks by default (seconds apiece on 2 cores, for a table of a
  // few files), and optimized writes add a shuffle per write. Neither changes what is written.
  private static final List<String> TINY_LAKEHOUSE =
      List.of(
          "-c",
          "spark.databricks.delta.snapshotPartitions=2",
          "-c",
          "spark.databricks.delta.optimizeWrite.enabled=false");
  // differ between any two runs or places by design: lineage, not content
  private static final List<String> VOLATILE =
      List.of(TableContract.RUN_ID, TableContract.INGESTED_AT, TableContract.SOURCE_FILE);

  @Test
  void nightlyOnAStandaloneClusterOverS3WritesTheSameGoldTablesAsALocalRun(
      Lakehouse local, Settings settings) throws Exception {
    long t0 = System.nanoTime();
    Path work =
        Files.createDirectories(TARGET.resolve("it-work/cluster-" + ProcessHandle.current().pid()));
    try (ChildProcesses children = new ChildProcesses()) {
      // S3 and the cluster start while this JVM generates the world and runs it locally
      int s3Port = ChildProcesses.freePort();
      String endpoint = "http://127.0.0.1:" + s3Port;
      Process s3 = startS3proxy(children, work, s3Port);
      Path sparkHome = sparkHome(work);
      int masterPort = ChildProcesses.freePort();
      int masterUi = ChildProcesses.freePort();
      Map<String, String> clusterEnv = new HashMap<>();
      clusterEnv.put("SPARK_HOME", sparkHome.toString());
      clusterEnv.put("SPARK_SCALA_VERSION", "2.13");
      clusterEnv.put("AWS_ACCESS_KEY_ID", KEY);
      clusterEnv.put("AWS_SECRET_ACCESS_KEY", SECRET);
      Process master =
          children.start(
              sparkJava(
                  sparkHome,
                  "-Xmx256m -Dspark.master.rest.enabled=false",
                  "org.apache.spark.deploy.master.Master",
                  "--host",
                  "127.0.0.1",
                  "--port",
                  "" + masterPort,
                  "--webui-port",
                  "" + masterUi),
              clusterEnv,
              work.resolve("master.log"));
      ChildProcesses.awaitPort(masterPort, Duration.ofMinutes(3), master);
      String masterUrl = "spark://127.0.0.1:" + masterPort;
      children.start(
          sparkJava(
              sparkHome,
              "-Xmx256m",
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--cores",
              "2",
              "--memory",
              "2g",
              "--webui-port",
              "" + ChildProcesses.freePort(),
              "--work-dir",
              work.resolve("worker").toString(),
              masterUrl),
          clusterEnv,
          work.resolve("worker.log"));

      // one day of a tiny world, and the reference: the same world run locally in this JVM
      Path world = work.resolve("world");
      cli(local, "generate", "--out", world.toString(), "--days", "1", "--seed", "11");
      Path landing = world.resolve("landing");
      LocalDate day;
      try (Stream<Path> days = Files.list(landing)) {
        List<Path> all = days.toList();
        assertThat(all).hasSize(1);
        day = LocalDate.parse(all.get(0).getFileName().toString());
      }
      ChildProcesses.awaitPort(s3Port, Duration.ofMinutes(2), s3);
      upload(landing, endpoint);
      awaitWorker(masterUi);

      // spark-submit the nightly driver (client mode: the submitting JVM is the driver) and,
      // while the cluster works, run the same world locally in this JVM as the reference
      Map<String, String> jobEnv = new HashMap<>(clusterEnv);
      jobEnv.put("SCAMFLOW_LAKEHOUSE", "s3a://" + BUCKET + "/lakehouse");
      jobEnv.put("SCAMFLOW_S3_ENDPOINT", endpoint);
      jobEnv.put("SCAMFLOW_S3_PATH_STYLE", "true");
      jobEnv.put("SCAMFLOW_SPARK_SHUFFLE_PARTITIONS", "4");
      long s0 = System.nanoTime();
      List<String> submitArgs =
          new ArrayList<>(
              List.of(
                  "--master",
                  masterUrl,
                  "--deploy-mode",
                  "client",
                  "--class",
                  "io.scamflow.jobs.stage.NightlyJob",
                  "--conf",
                  "spark.driver.host=127.0.0.1",
                  "--conf",
                  "spark.driver.bindAddress=127.0.0.1",
                  "--executor-memory",
                  "1g",
                  "--total-executor-cores",
                  "2",
                  jobJar().toString(),
                  "--conf-file",
                  HOME.resolve("conf/cluster.conf").toString()));
      submitArgs.addAll(TINY_LAKEHOUSE);
      submitArgs.addAll(
          List.of("--landing", "s3a://" + BUCKET + "/landing", "--run-date", day.toString()));
      Process submit =
          children.start(
              sparkJava(
                  sparkHome,
                  "-Xmx1g",
                  "org.apache.spark.deploy.SparkSubmit",
                  submitArgs.toArray(new String[0])),
              jobEnv,
              work.resolve("submit.log"));
      long l0 = System.nanoTime();
      Path localLog = work.resolve("local.log"); // the reference run's stage lines, as submit.log's
      new Pipeline(local, settings, Pipeline.standardStages())
          .run(day, Optional.of(landing.toString()), line -> append(localLog, line));
      long localSeconds = (System.nanoTime() - l0) / 1_000_000_000L;

      assertThat(submit.waitFor(30, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
      String submitLog = Files.readString(work.resolve("submit.log"));
      assertThat(submit.exitValue()).as(tail(submitLog) + executorErrors(work)).isZero();
      assertThat(submitLog).contains(day + " nightly: ");
      long submitSeconds = (System.nanoTime() - s0) / 1_000_000_000L;

      // the same query, by table name, through the CLI: a child JVM over S3, and this JVM locally
      String query = comparisonQuery(day);
      long q0 = System.nanoTime();
      List<String> command = new ArrayList<>();
      command.add(ChildProcesses.java());
      command.addAll(List.of(System.getProperty("spark.jvm.flags", "").split(" ")));
      command.addAll(
          List.of(
              "-Xmx1g",
              "-Dscamflow.home=" + HOME,
              "-cp",
              TARGET.resolve("scamflow-jobs.jar")
                  + java.io.File.pathSeparator
                  + Files.readString(TARGET.resolve("classpath.txt")).strip(),
              Scamflow.class.getName(),
              "--conf-file",
              HOME.resolve("conf/cluster.conf").toString(),
              "-c",
              "spark.master=local[1]"));
      command.addAll(TINY_LAKEHOUSE);
      command.addAll(List.of("sql", query, "--format", "json", "--limit", "1000000"));
      command.removeIf(String::isBlank);
      Path sqlOut = work.resolve("sql.out");
      Process sql = children.start(command, jobEnv, sqlOut);
      assertThat(sql.waitFor(10, TimeUnit.MINUTES)).as("scamflow sql finished").isTrue();
      String fromCluster = Files.readString(sqlOut);
      assertThat(sql.exitValue()).as(tail(fromCluster)).isZero();
      long sqlSeconds = (System.nanoTime() - q0) / 1_000_000_000L;

      String fromLocal = cli(local, "sql", query, "--format", "json", "--limit", "1000000");
      List<String> clusterRows = jsonRows(fromCluster);
      List<String> localRows = jsonRows(fromLocal);
      // both sides on disk, sorted, for a diff when they differ
      Files.write(work.resolve("rows-cluster.txt"), clusterRows);
      Files.write(work.resolve("rows-local.txt"), localRows);
      Map<String, Long> perTable =
          localRows.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.substring(0, r.indexOf(",")),
                      java.util.TreeMap::new,
                      Collectors.counting()));
      assertThat(localRows).as("the local run wrote gold rows to compare").hasSizeGreaterThan(10);
      assertThat(clusterRows)
          .as("rows per table, local: " + perTable)
          .containsExactlyElementsOf(localRows);

      String report =
          String.format(
              "cluster IT: local run %d s (while the cluster ran), spark-submit %d s, scamflow sql %d s, total %d s;"
                  + " rows compared %s",
              localSeconds,
              submitSeconds,
              sqlSeconds,
              (System.nanoTime() - t0) / 1_000_000_000L,
              perTable);
      System.out.println(report);
      Files.writeString(work.resolve("timings.txt"), report + "\n");
    }
  }

  /**
   * One query over every gold table (and the stage runs of the day): each row as JSON of its
   * non-lineage columns, doubles rounded to 9 places (sums may add in another order on a cluster).
   */
  static String comparisonQuery(LocalDate day) {
    List<String> parts = new ArrayList<>();
    for (TableContract c : ScamflowTables.all()) {
      if (!c.database().equals("gold")) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (StructField f : c.schema().fields()) {
        if (VOLATILE.contains(f.name())) {
          continue;
        }
        fields.add("'" + f.name() + "', " + rounded("`" + f.name() + "`", f.dataType(), 0));
      }
      parts.add(
          String.format(
              "SELECT '%s' AS t, to_json(named_struct(%s)) AS r FROM %s",
              c.name(), String.join(", ", fields), c.name()));
    }
    parts.add(
        String.format(
            "SELECT 'ops.runs' AS t, to_json(named_struct('job', job, 'status', status,"
                + " 'rows_read', rows_read, 'rows_written', rows_written, 'rows_quarantined',"
                + " rows_quarantined)) AS r FROM ops.runs WHERE run_date = DATE'%s'",
            day));
    return String.join(" UNION ALL ", parts);
  }

  /**
   * {@code expr} with every double in it rounded to 9 places, also inside structs and arrays (a
   * reason's contribution in gold.entity_risk comes from PageRank, summed in another order there).
   */
  static String rounded(String expr, DataType type, int depth) {
    if (type.equals(DataTypes.DoubleType)) {
      return "round(" + expr + ", 9)";
    }
    if (type instanceof StructType struct && containsDouble(type)) {
      List<String> fields = new ArrayList<>();
      for (StructField f : struct.fields()) {
        fields.add(
            "'" + f.name() + "', " + rounded(expr + ".`" + f.name() + "`", f.dataType(), depth));
      }
      return "if(" + expr + " IS NULL, NULL, named_struct(" + String.join(", ", fields) + "))";
    }
    if (type instanceof ArrayType array && containsDouble(array.elementType())) {
      String x = "x" + depth;
      return "transform("
          + expr
          + ", "
          + x
          + " -> "
          + rounded(x, array.elementType(), depth + 1)
          + ")";
    }
    return expr;
  }

  private static boolean containsDouble(DataType type) {
    return type.equals(DataTypes.DoubleType)
        || (type instanceof StructType s
            && java.util.Arrays.stream(s.fields()).anyMatch(f -> containsDouble(f.dataType())))
        || (type instanceof ArrayType a && containsDouble(a.elementType()));
  }

  /** The JSON lines of `scamflow sql --format json`, as "table,row" strings, sorted. */
  private static List<String> jsonRows(String output) {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> rows = new ArrayList<>();
    for (String line : output.lines().filter(l -> l.startsWith("{\"t\":")).toList()) {
      try {
        var node = json.readTree(line);
        rows.add(node.get("t").asText() + "," + node.get("r").asText());
      } catch (IOException e) {
        throw new AssertionError("not a JSON row: " + line, e);
      }
    }
    rows.sort(String::compareTo);
    return rows;
  }

  private static String cli(Lakehouse lh, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--lakehouse", lh.root()));
    all.addAll(List.of(args));
    int exit = Scamflow.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    assertThat(exit).as(err.toString()).isZero();
    return out.toString();
  }

  private static Process startS3proxy(ChildProcesses children, Path work, int port)
      throws IOException {
    Path data = Files.createDirectories(work.resolve("s3"));
    Files.createDirectories(data.resolve(BUCKET)); // a bucket is a folder of the filesystem store
    Path props = work.resolve("s3proxy.properties");
    Files.writeString(
        props,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + KEY,
            "s3proxy.credential=" + SECRET,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data,
            ""));
    return children.start(
        List.of(
            ChildProcesses.java(),
            "-Xmx256m",
            "-jar",
            TARGET.resolve("it-tools/s3proxy-jar-with-dependencies.jar").toString(),
            "--properties",
            props.toString()),
        Map.of(),
        work.resolve("s3proxy.log"));
  }

  /** SPARK_HOME/jars: links to the runtime classpath, minus what the job jar must bring. */
  private static Path sparkHome(Path work) throws IOException {
    Path jars = Files.createDirectories(work.resolve("spark/jars"));
    String cp = Files.readString(TARGET.resolve("classpath.txt")).strip();
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (JOB_JAR_CONTENTS.matcher(entry).find() || !entry.endsWith(".jar")) {
        continue;
      }
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    return work.resolve("spark");
  }

  private static List<String> sparkJava(
      Path sparkHome, String jvmOptions, String main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ChildProcesses.java());
    command.addAll(List.of(jvmOptions.split(" ")));
    command.addAll(List.of(System.getProperty("spark.jvm.flags", "").split(" ")));
    command.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", main));
    command.addAll(List.of(args));
    command.removeIf(String::isBlank);
    return command;
  }

  private static Path jobJar() throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-cluster.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no *-cluster.jar in " + TARGET + ": run package"));
    }
  }

  /** Puts the landing zone on S3 through s3a, as an operator's upload would. */
  private static void upload(Path landing, String endpoint) throws IOException {
    Configuration conf = new Configuration();
    conf.set("fs.s3a.endpoint", endpoint);
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.access.key", KEY);
    conf.set("fs.s3a.secret.key", SECRET);
    try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), conf)) {
      fs.copyFromLocalFile(
          false,
          true,
          new org.apache.hadoop.fs.Path(landing.toUri()),
          new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/landing"));
    }
  }

  /** Waits until the master's UI reports one live worker. */
  private static void awaitWorker(int masterUi) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
        if (body.replace(" ", "").contains("\"aliveworkers\":1")) {
          return;
        }
      } catch (IOException notYet) {
        // the UI is not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no worker registered with the master");
  }

  private static void append(Path file, String line) {
    try {
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What a failed child printed, cause first: its ERROR and WARN lines naming a failure or a lost
   * executor, and every "Caused by:" line (a Spark stack trace buries the cause under thousands of
   * frames), then the last 4,000 characters.
   */
  /** The executors' own ERROR lines and causes (an executor that died says why only there). */
  private static String executorErrors(Path work) {
    try (Stream<Path> files = Files.walk(work.resolve("worker"))) {
      return files
          .filter(f -> f.getFileName().toString().equals("stderr"))
          .flatMap(
              f -> {
                try {
                  return Files.readAllLines(f).stream()
                      .filter(TestNightlyOnClusterIT::namesACause)
                      .map(l -> f.getParent().getFileName() + ": " + l);
                } catch (IOException e) {
                  return Stream.of(f + ": unreadable: " + e.getMessage());
                }
              })
          .limit(40)
          .collect(Collectors.joining("\n", "\nexecutors:\n", ""));
    } catch (IOException e) {
      return "\nexecutors: no worker directory (" + e.getMessage() + ")";
    }
  }

  /** A log line that says why a Spark process failed rather than where. */
  private static boolean namesACause(String l) {
    return l.contains(" ERROR ")
        || l.startsWith("Caused by:")
        || l.startsWith("scamflow:")
        || l.contains("OutOfMemoryError")
        || (l.contains(" WARN ")
            && (l.contains("Lost task") || l.contains("Lost executor") || l.contains("Exception")));
  }

  private static String tail(String log) {
    String causes =
        log.lines()
            .filter(TestNightlyOnClusterIT::namesACause)
            .distinct()
            .limit(40)
            .collect(Collectors.joining("\n"));
    String end = log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    return "causes:\n" + causes + "\n... last lines:\n" + end;
  }
}
