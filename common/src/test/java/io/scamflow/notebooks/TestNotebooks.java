package io.scamflow.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.scamflow.testing.GeneratedWorld;
import io.scamflow.testing.SharedSparkExtension;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data scientists' notebooks (notebooks/*.ipynb) execute headless, every cell, against the
 * generated world's lakehouse: pytest runs them with nbclient in a child process, each in its own
 * kernel whose Spark driver has this module's classpath (the jobs' code and versions). The
 * notebooks assert what they show, so a wrong figure fails here with the cell and its traceback.
 *
 * <p>Needs python3 with notebooks/requirements.txt installed; .ci/run installs them. Without them
 * this test fails and says how to install them: a skipped notebook test would hide a broken one.
 */
@SparkTest
class TestNotebooks {
  private static final String INSTALL =
      "python3 -m pip install -r notebooks/requirements.txt (what .ci/run does)";
  private static GeneratedWorld.World world;

  @BeforeAll
  static void openTheWorld(SparkSession spark) {
    world = GeneratedWorld.open(spark);
  }

  private static Path home() {
    return Path.of(System.getProperty("scamflow.home", "..")).toAbsolutePath().normalize();
  }

  @Test
  void everyNotebookRunsHeadlessAgainstTheGeneratedWorldsLakehouse() throws Exception {
    Path out = SharedSparkExtension.testDir().resolve("notebooks");
    Files.createDirectories(out);
    requirePythonRequirements(out);

    Path log = out.resolve("pytest.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                "python3",
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--durations=0",
                "notebooks/tests")
            .directory(home().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SCAMFLOW_LAKEHOUSE", world.lakehouse().root());
    env.put("SCAMFLOW_WORLD", world.dir().toString());
    env.put("SCAMFLOW_CLASSPATH", classpath());
    env.put("SCAMFLOW_NOTEBOOKS_REQUIRED", "1");
    env.put("SCAMFLOW_NOTEBOOK_OUT", out.toString());
    env.put("SCAMFLOW_NOTEBOOK_MEMORY", "1g");
    // the same small-machine settings as the test session
    env.put("SCAMFLOW_SPARK_MASTER", "local[2]");
    env.put("SCAMFLOW_SPARK_SHUFFLE_PARTITIONS", "2");
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("the notebooks did not finish in 30 minutes; see %s", log);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue())
        .as("pytest over notebooks/tests (executed notebooks in %s):%n%s", out, output)
        .isZero();
    assertThat(output).as("every notebook ran, none skipped").doesNotContain("skipped");
  }

  /** The test JVM's own classpath: scamflow's classes and every dependency, as the jobs run. */
  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static void requirePythonRequirements(Path out) throws IOException, InterruptedException {
    Path log = out.resolve("python-check.log");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  List.of(
                      "python3",
                      "-c",
                      "import pyspark, nbclient, nbformat, ipykernel, pandas, matplotlib,"
                          + " networkx, sklearn, pytest; print(pyspark.__version__)"))
              .directory(home().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError("python3 is not on the PATH: install Python 3.11+, then " + INSTALL);
    }
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      fail(
          "the notebooks' Python requirements are missing: %s%n%s",
          INSTALL, Files.readString(log, StandardCharsets.UTF_8));
    }
    String version = Files.readString(log, StandardCharsets.UTF_8).strip();
    assertThat(version)
        .as("pyspark must be the jobs' Spark version; %s", INSTALL)
        .isEqualTo(org.apache.spark.package$.MODULE$.SPARK_VERSION());
  }
}
