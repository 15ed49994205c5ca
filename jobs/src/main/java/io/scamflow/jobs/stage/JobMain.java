package io.scamflow.jobs.stage;

import io.scamflow.jobs.Scamflow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one runner behind every spark-submit main: runs a scamflow CLI command in this JVM (the
 * driver), and exits non-zero only on failure so spark-submit and the scheduler see it. On success
 * it returns normally and spark-submit stops the SparkContext.
 */
final class JobMain {
  private JobMain() {}

  static void run(String command, String[] args) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.addAll(List.of(args));
    int exit =
        Scamflow.run(
            all.toArray(new String[0]),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
    if (exit != 0) {
      System.exit(exit);
    }
  }
}
