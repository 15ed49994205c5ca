package io.scamflow.jobs.stage;

import io.scamflow.jobs.Scamflow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The one runner behind every spark-submit main: runs a scamflow CLI command in this JVM (the
 * driver), stops the session it built, and exits non-zero only on failure so spark-submit and the
 * scheduler see it.
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
    // spark-submit stops the context after main only on Kubernetes: elsewhere (standalone, YARN
    // client mode) a live context can keep the driver JVM, and the scheduler's task, running.
    scala.Option<SparkSession> spark = SparkSession.getDefaultSession();
    if (spark.isDefined()) {
      spark.get().stop();
    }
    if (exit != 0) {
      System.exit(exit);
    }
  }
}
