package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.run.StageOutcome;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code scamflow serve} as an analyst meets it: the CLI in its own JVM serves a lakehouse over
 * Spark Connect, a client JVM with only the Connect client jar queries tables by name, and the
 * server stops when its process is told to (SIGTERM, as Ctrl-C or a service manager would).
 */
@SparkTest
class TestServeIT {
  private static final Path TARGET =
      Path.of(System.getProperty("scamflow.jobs.target", "target")).toAbsolutePath();
  private static final Path HOME =
      Path.of(System.getProperty("scamflow.home", "..")).toAbsolutePath();
  // the engine stays on the server: none of it on the client's classpath
  private static final Pattern ENGINE =
      Pattern.compile(
          "/spark-(core|sql|catalyst|sql-api|connect|connect-common|hive|mllib|mllib-local|graphx"
              + "|repl)_2\\.13/|/io/delta/|/io/scamflow/|/scamflow-");

  @Test
  void aConnectClientQueriesLakehouseTablesByNameAndTheServerStopsOnSigterm(
      Lakehouse lh, Settings settings) throws Exception {
    new StageRunner(lh, settings)
        .run("test.serve", LocalDate.of(2026, 5, 1), run -> StageOutcome.derived(List.of(), "x"));
    Path work =
        Files.createDirectories(TARGET.resolve("it-work/serve-" + ProcessHandle.current().pid()));
    int port = ChildProcesses.freePort();
    try (ChildProcesses children = new ChildProcesses()) {
      List<String> serve = new ArrayList<>();
      serve.add(ChildProcesses.java());
      serve.addAll(List.of(System.getProperty("spark.jvm.flags", "").split(" ")));
      serve.addAll(
          List.of(
              "-Xmx1g",
              "-Dscamflow.home=" + HOME,
              "-cp",
              TARGET.resolve("scamflow-jobs.jar")
                  + File.pathSeparator
                  + Files.readString(TARGET.resolve("classpath.txt")).strip(),
              Scamflow.class.getName(),
              "--lakehouse",
              lh.root(),
              "-c",
              "spark.master=local[1]",
              "-c",
              "serve.port=" + port,
              "serve"));
      serve.removeIf(String::isBlank);
      Process server = children.start(serve, Map.of(), work.resolve("serve.log"));
      ChildProcesses.awaitPort(port, Duration.ofMinutes(5), server);
      // the port opens inside the server's start, the line is printed just after it returns
      assertThat(awaitLine(work.resolve("serve.log"), "serving sc://127.0.0.1:" + port))
          .as("serve.log announces the address")
          .isTrue();

      List<String> client = new ArrayList<>();
      client.add(ChildProcesses.java());
      client.addAll(List.of(System.getProperty("spark.jvm.flags", "").split(" ")));
      client.addAll(
          List.of(
              "-Xmx512m",
              "-cp",
              clientClasspath(),
              ConnectClientMain.class.getName(),
              "sc://127.0.0.1:" + port,
              "SELECT r.job, r.status, (SELECT count(*) FROM gold.alerts) AS alerts"
                  + " FROM ops.runs r WHERE r.job = 'test.serve'"));
      client.removeIf(String::isBlank);
      Path clientLog = work.resolve("client.log");
      Process query = children.start(client, Map.of(), clientLog);
      assertThat(query.waitFor(5, TimeUnit.MINUTES)).as("client finished").isTrue();
      String out = Files.readString(clientLog);
      assertThat(query.exitValue()).as(out).isZero();
      assertThat(out.lines().filter(l -> l.startsWith("row: ")).toList())
          .containsExactly("row: test.serve\tSUCCEEDED\t0");

      server.destroy(); // SIGTERM: the shutdown hook stops the Connect server
      assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("server stopped").isTrue();
      assertThat(listening(port)).as("port closed after stop").isFalse();
    }
  }

  /** The Connect client jar first, then the test classpath without the Spark engine. */
  private static String clientClasspath() {
    List<String> entries = new ArrayList<>();
    entries.add(TARGET.resolve("it-tools/spark-connect-client-jvm_2.13.jar").toString());
    // surefire/failsafe put the real entries here (java.class.path may be one manifest jar)
    String testClasspath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String e : testClasspath.split(File.pathSeparator)) {
      if (!ENGINE.matcher(e.replace('\\', '/')).find()) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static boolean awaitLine(Path log, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains(text)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
