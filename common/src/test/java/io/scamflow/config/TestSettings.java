package io.scamflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.errors.ScamflowException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSettings {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void overrideBeatsEnvironmentBeatsConfFileBeatsLocalConfBeatsDefault() throws IOException {
    Path local =
        write("local.conf", "scamflow.spark.shuffle-partitions = 3\nscamflow.lakehouse=/l");
    Path file = write("f.conf", "scamflow.spark.shuffle-partitions = 5\nscamflow.spark.ui = true");

    Settings defaultsOnly = Settings.load(Optional.empty(), Optional.empty(), Map.of(), Map.of());
    assertThat(defaultsOnly.integer("scamflow.spark.shuffle-partitions")).isZero();

    Settings withLocal = Settings.load(Optional.empty(), Optional.of(local), Map.of(), Map.of());
    assertThat(withLocal.integer("scamflow.spark.shuffle-partitions")).isEqualTo(3);
    assertThat(withLocal.lakehouse()).isEqualTo("/l");

    // --conf-file replaces local.conf as the file layer
    Settings withFile = Settings.load(Optional.of(file), Optional.of(local), Map.of(), Map.of());
    assertThat(withFile.integer("scamflow.spark.shuffle-partitions")).isEqualTo(5);
    assertThat(withFile.bool("scamflow.spark.ui")).isTrue();
    assertThat(withFile.lakehouse()).isNotEqualTo("/l");

    Map<String, String> env = Map.of("SCAMFLOW_SPARK_SHUFFLE_PARTITIONS", "7");
    Settings withEnv = Settings.load(Optional.of(file), Optional.of(local), Map.of(), env);
    assertThat(withEnv.integer("scamflow.spark.shuffle-partitions")).isEqualTo(7);
    assertThat(withEnv.bool("scamflow.spark.ui")).isTrue();

    Settings withOverride =
        Settings.load(
            Optional.of(file), Optional.of(local), Map.of("spark.shuffle-partitions", "9"), env);
    assertThat(withOverride.integer("scamflow.spark.shuffle-partitions")).isEqualTo(9);
  }

  @Test
  void sparkKeysPassThroughAndMayBeOverridden() throws IOException {
    Path file = write("f.conf", "scamflow.spark.conf { \"spark.executor.memory\" = \"2g\" }");
    Settings s =
        Settings.load(
            Optional.of(file),
            Optional.empty(),
            Map.of("spark.sql.ansi.enabled", "true"),
            Map.of());
    assertThat(s.sparkConf())
        .containsEntry("spark.executor.memory", "2g")
        .containsEntry("spark.sql.ansi.enabled", "true");
  }

  @Test
  void misspelledKeyInFileNamesTheKeyAndTheClosestValidOne() throws IOException {
    Path file = write("f.conf", "scamflow.spark.shufle-partitions = 4");
    assertThatThrownBy(() -> Settings.load(Optional.of(file), Optional.empty(), Map.of(), Map.of()))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("scamflow.spark.shufle-partitions")
        .hasMessageContaining("scamflow.spark.shuffle-partitions")
        .hasMessageContaining("f.conf");
  }

  @Test
  void misspelledOverrideIsRefusedToo() {
    assertThatThrownBy(() -> Settings.defaults(Map.of("lakehose", "/x")))
        .isInstanceOf(ScamflowException.class)
        .satisfies(
            e -> assertThat(((ScamflowException) e).errorClass()).isEqualTo("CONFIG_UNKNOWN_KEY"))
        .hasMessageContaining("'scamflow.lakehouse'");
  }

  @Test
  void aSparkKeyOneLetterFromAScamflowKeyIsATypoNotAPassThrough() {
    assertThatThrownBy(() -> Settings.defaults(Map.of("spark.shufle-partitions", "3")))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("scamflow.spark.shuffle-partitions");
    assertThat(Settings.defaults(Map.of("spark.sql.shuffle.partitions", "3")).sparkConf())
        .containsEntry("spark.sql.shuffle.partitions", "3");
  }

  @Test
  void wrongTypeSaysWhichKey() {
    Settings s = Settings.defaults(Map.of("spark.shuffle-partitions", "many"));
    assertThatThrownBy(() -> s.integer("scamflow.spark.shuffle-partitions"))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("scamflow.spark.shuffle-partitions");
  }

  @Test
  void unsetRequiredEnvironmentVariableFailsLoudly() throws IOException {
    Path file = write("c.conf", "scamflow.lakehouse = ${SCAMFLOW_TEST_SURELY_UNSET_VAR}");
    assertThatThrownBy(() -> Settings.load(Optional.of(file), Optional.empty(), Map.of(), Map.of()))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("SCAMFLOW_TEST_SURELY_UNSET_VAR");
  }

  @Test
  void missingConfFileIsAClearError() {
    Path missing = dir.resolve("nope.conf");
    assertThatThrownBy(
            () -> Settings.load(Optional.of(missing), Optional.empty(), Map.of(), Map.of()))
        .isInstanceOf(ScamflowException.class)
        .hasMessageContaining("nope.conf");
  }

  @Test
  void uriLakehouseIsKeptAsIsAndLocalPathsBecomeAbsolute() {
    assertThat(Settings.defaults(Map.of("lakehouse", "s3a://bucket/lake/")).lakehouse())
        .isEqualTo("s3a://bucket/lake");
    assertThat(Path.of(Settings.defaults(Map.of("lakehouse", "rel/lake")).lakehouse()).isAbsolute())
        .isTrue();
  }

  /**
   * conf/amlsim.conf is local.conf with lower USD floors and nothing else: every key it changes is
   * a USD floor of a detector or signal, divided by at least 10.
   */
  @Test
  void amlSimConfOnlyLowersUsdFloors() {
    Path home = Path.of(System.getProperty("scamflow.home", "..")).toAbsolutePath().normalize();
    Map<String, String> local =
        Settings.load(
                Optional.of(home.resolve("conf/local.conf")), Optional.empty(), Map.of(), Map.of())
            .describe();
    Map<String, String> amlsim =
        Settings.load(
                Optional.of(home.resolve("conf/amlsim.conf")), Optional.empty(), Map.of(), Map.of())
            .describe();
    assertThat(amlsim.keySet()).isEqualTo(local.keySet());
    Map<String, String> changed = new java.util.TreeMap<>();
    amlsim.forEach(
        (k, v) -> {
          if (!v.equals(local.get(k))) {
            changed.put(k, local.get(k) + " -> " + v);
          }
        });
    assertThat(changed)
        .isNotEmpty()
        .containsKeys("scamflow.detect.cycle.min-usd", "scamflow.behaviour.amount-outlier.min-usd")
        .allSatisfy(
            (k, v) -> {
              assertThat(k)
                  .matches("scamflow\\.(detect|behaviour)\\..*usd")
                  .doesNotContain("max-usd");
              assertThat(Double.parseDouble(amlsim.get(k)))
                  .isLessThanOrEqualTo(Double.parseDouble(local.get(k)) / 10);
            });
  }
}
