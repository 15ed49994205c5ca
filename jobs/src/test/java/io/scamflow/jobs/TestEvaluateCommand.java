package io.scamflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of {@code scamflow evaluate}: each says what is wrong before any Spark starts. */
class TestEvaluateCommand {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Scamflow.run(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(exit), err.toString()};
  }

  @Test
  void withoutTruthOrDatasetItSaysWhatToGive() {
    String[] r = run("evaluate");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("Nothing to evaluate").contains("--truth");
  }

  @Test
  void aFolderThatIsNotAGeneratedWorldIsRefused(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("landing"));
    String[] r = run("evaluate", "--truth", dir.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("Not a generated world");
  }

  @Test
  void aDatasetNeedsInputAndOut() {
    String[] r = run("evaluate", "--dataset", "amlsim");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--dataset needs --input and --out");
  }
}
