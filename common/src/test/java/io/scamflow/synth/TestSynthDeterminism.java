package io.scamflow.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.testing.SparkTest;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestSynthDeterminism {

  @Test
  void sameSeedGivesByteIdenticalFiles() {
    Path again = TinyWorld.fresh("again-42");
    Generator.generate(TinyWorld.params(42), again, () -> null, false);
    Map<String, String> first = TinyWorld.hashes(TinyWorld.dir());
    assertThat(first).hasSizeGreaterThan(40);
    assertThat(TinyWorld.hashes(again)).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesAnotherWorld() {
    Path other = TinyWorld.fresh("seed-7");
    Generator.generate(TinyWorld.params(7), other, () -> null, false);
    Map<String, String> a = TinyWorld.hashes(TinyWorld.dir());
    Map<String, String> b = TinyWorld.hashes(other);
    String truth = "truth/transfers/transfers-2026-03-02-s000.csv";
    assertThat(b.get(truth)).isNotNull().isNotEqualTo(a.get(truth));
  }

  @Test
  void sparkTasksWriteTheSameFilesAsTheDriver(SparkSession spark) {
    WorldParameters params = WorldParameters.of(Scale.TINY, WorldParameters.DEFAULT_START, 2, 11);
    Path driver = TinyWorld.fresh("driver-11");
    Path tasks = TinyWorld.fresh("spark-11");
    Generator.Result onDriver = Generator.generate(params, driver, () -> spark, false);
    Generator.Result onSpark = Generator.generate(params, tasks, () -> spark, true);
    assertThat(onDriver.usedSpark()).isFalse();
    assertThat(onSpark.usedSpark()).isTrue();
    assertThat(TinyWorld.hashes(tasks)).isEqualTo(TinyWorld.hashes(driver));
  }
}
