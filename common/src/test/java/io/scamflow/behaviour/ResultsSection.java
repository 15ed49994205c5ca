package io.scamflow.behaviour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One section of a results file, between begin/end markers named after the class that measured it:
 * several measurements (a truth test, a benchmark, hand-run commands) share results/behaviour.md,
 * and each run replaces only its own section.
 */
final class ResultsSection {
  private ResultsSection() {}

  static void write(String file, String owner, String markdown) throws IOException {
    String begin = "<!-- " + owner + ": begin -->";
    String end = "<!-- " + owner + ": end -->";
    String section = begin + "\n" + markdown.strip() + "\n" + end + "\n";
    Path out = Path.of(System.getProperty("scamflow.home", "."), "results", file);
    Files.createDirectories(out.getParent());
    String before = Files.exists(out) ? Files.readString(out) : "";
    int b = before.indexOf(begin);
    int e = before.indexOf(end);
    String after;
    if (b >= 0 && e > b) {
      String rest = before.substring(e + end.length());
      after = before.substring(0, b) + section + (rest.startsWith("\n") ? rest.substring(1) : rest);
    } else {
      after = before + (before.isEmpty() || before.endsWith("\n\n") ? "" : "\n") + section;
    }
    Files.writeString(out, after);
  }
}
