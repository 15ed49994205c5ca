package io.scamflow.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluation's result: per-typology and overall scores at transfer and account level, and the
 * account-level ablation by detector family (all alerts, network typologies only, network plus the
 * whole behavioural family, network plus each behavioural typology). Renders as a markdown table
 * and as JSON.
 */
public record Report(List<Score> scores, List<Score> ablation, Map<String, String> families) {

  /** The score of {@code scope} at {@code level}, if present. */
  public java.util.Optional<Score> score(String scope, String level) {
    return scores.stream()
        .filter(s -> s.scope().equals(scope) && s.level().equals(level))
        .findFirst();
  }

  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("| typology | family | level | flagged | correct | precision | truth | found |")
        .append(" recall | F1 |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Score s : scores) {
      row(b, s, families.getOrDefault(s.scope(), ""));
    }
    b.append("\nAccount level by detector family (ablation):\n\n")
        .append("| scope | flagged | correct | precision | truth | found | recall | F1 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Score s : ablation) {
      b.append(scopeRow(s));
    }
    return b.toString();
  }

  /**
   * One row of a per-scope table (| scope | flagged | correct | precision | truth | found | recall
   * | F1 |), as the ablation table writes it; n/a where a ratio is undefined.
   */
  public static String scopeRow(Score s) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %s | %d | %d | %s | %s |%n",
        s.scope(),
        s.flagged(),
        s.correct(),
        fmt(s.precision()),
        s.expected(),
        s.found(),
        fmt(s.recall()),
        fmt(s.f1()));
  }

  private static void row(StringBuilder b, Score s, String family) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %d | %d | %s | %d | %d | %s | %s |%n",
            s.scope(),
            family,
            s.level(),
            s.flagged(),
            s.correct(),
            fmt(s.precision()),
            s.expected(),
            s.found(),
            fmt(s.recall()),
            fmt(s.f1())));
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** The whole report as JSON, with extra top-level fields (e.g. the dataset) first. */
  public String toJson(Map<String, String> header) {
    List<String> parts = new ArrayList<>();
    header.forEach((k, v) -> parts.add(quote(k) + ": " + quote(v)));
    parts.add(quote("scores") + ": " + list(scores));
    parts.add(quote("ablation") + ": " + list(ablation));
    return "{\n  " + String.join(",\n  ", parts) + "\n}\n";
  }

  private String list(List<Score> ss) {
    List<String> out = new ArrayList<>();
    for (Score s : ss) {
      out.add(
          String.format(
              Locale.ROOT,
              "{\"scope\": %s, \"family\": %s, \"level\": %s, \"flagged\": %d, \"correct\": %d,"
                  + " \"precision\": %s, \"truth\": %d, \"found\": %d, \"recall\": %s, \"f1\": %s}",
              quote(s.scope()),
              quote(families.getOrDefault(s.scope(), "")),
              quote(s.level()),
              s.flagged(),
              s.correct(),
              num(s.precision()),
              s.expected(),
              s.found(),
              num(s.recall()),
              num(s.f1())));
    }
    return "[\n    " + String.join(",\n    ", out) + "\n  ]";
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
