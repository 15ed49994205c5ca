package io.scamflow.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of name screening on the name-variant set at the configured threshold; the
 * figures go to target/benchmarks/screening-quality.txt as well as into the assertions.
 */
class TestNameVariantScreening {
  private static final double THRESHOLD =
      Settings.defaults(Map.of()).decimal("scamflow.screen.threshold");

  record Outcome(int tp, int fp, int fn, List<String> misses) {
    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }
  }

  static Outcome evaluate(ScreeningIndex index) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> misses = new ArrayList<>();
    int n = 0;
    for (NameVariants.Probe p : NameVariants.MATCHES) {
      List<ScreeningHit> hits = index.screen(subject("M" + n++, p.name()));
      boolean found = false;
      for (ScreeningHit h : hits) {
        if (h.entityId().equals(p.expectedId())) {
          found = true;
          tp++;
        } else {
          fp++;
          misses.add("FP " + p.name() + " -> " + h.matchedValue() + " " + h.score());
        }
      }
      if (!found) {
        fn++;
        misses.add("FN " + p.name() + " (" + p.expectedId() + ")");
      }
    }
    for (String d : NameVariants.DISTRACTORS) {
      for (ScreeningHit h : index.screen(subject("D" + n++, d))) {
        fp++;
        misses.add("FP " + d + " -> " + h.matchedValue() + " " + h.score());
      }
    }
    return new Outcome(tp, fp, fn, misses);
  }

  static ScreeningIndex.Subject subject(String id, String name) {
    return new ScreeningIndex.Subject(id, name, null, null, null, null);
  }

  @Test
  void variantsOfListedNamesHitAndSurnameSharingDistractorsDoNot() throws IOException {
    Outcome o = evaluate(NameVariants.index(THRESHOLD));
    String report =
        String.format(
            Locale.ROOT,
            "name-variant set: %d variant probes, %d distractors, threshold %.2f%n"
                + "recall %.3f precision %.3f (tp %d, fp %d, fn %d)%n%s%n",
            NameVariants.MATCHES.size(),
            NameVariants.DISTRACTORS.size(),
            THRESHOLD,
            o.recall(),
            o.precision(),
            o.tp(),
            o.fp(),
            o.fn(),
            String.join(System.lineSeparator(), o.misses()));
    Path out = Path.of("target", "benchmarks", "screening-quality.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    assertThat(o.recall()).as(report).isGreaterThanOrEqualTo(0.95);
    assertThat(o.precision()).as(report).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void dateOfBirthAndNationalityRaiseOrLowerTheScoreWithTheirContributionKept() {
    ScreeningIndex index = NameVariants.index(0.0);
    ScreeningIndex.ListedEntity e = index.entity("TEST-LIST", "E01");
    e.birthDates.add(java.time.LocalDate.of(1970, 5, 1));
    e.birthYears.add(1970);
    e.nationalities.add("RU");
    double plain =
        top(index, new ScreeningIndex.Subject("a", "Sergei Petrov", null, null, null, null));
    ScreeningHit agreeing =
        index
            .screen(
                new ScreeningIndex.Subject(
                    "b", "Sergei Petrov", java.time.LocalDate.of(1970, 5, 1), "ru", null, null))
            .get(0);
    ScreeningHit differing =
        index
            .screen(
                new ScreeningIndex.Subject(
                    "c", "Sergei Petrov", java.time.LocalDate.of(1985, 1, 1), "TH", null, null))
            .get(0);
    assertThat(agreeing.score()).isGreaterThan(plain);
    assertThat(differing.score()).isLessThan(plain);
    assertThat(agreeing.parts()).containsKeys("name", "date_of_birth", "nationality");
    assertThat(differing.parts().get("date_of_birth")).isNegative();
    assertThat(differing.explanation()).contains("date of birth").contains("nationality TH");
  }

  private static double top(ScreeningIndex index, ScreeningIndex.Subject s) {
    return index.screen(s).get(0).score();
  }
}
