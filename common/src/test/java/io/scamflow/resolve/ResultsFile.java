package io.scamflow.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A results file at the repository root ({@code results/<name>.md}) written by more than one test
 * or benchmark: each owns one marked section and replaces only that.
 */
public final class ResultsFile {
  private ResultsFile() {}

  public static Path writeSection(String file, String section, String markdown) throws IOException {
    Path out = Path.of(System.getProperty("scamflow.home", "."), "results", file);
    Files.createDirectories(out.getParent());
    String begin = "<!-- " + section + " -->\n";
    String end = "<!-- /" + section + " -->\n";
    String block = begin + markdown.strip() + "\n" + end;
    String text = Files.exists(out) ? Files.readString(out) : "";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + block + text.substring(e + end.length());
    } else {
      text = text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + block;
    }
    Files.writeString(out, text);
    return out;
  }
}
