package io.scamflow.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: screens generated names against a 20,000-name list on one thread and
 * writes names screened per second to target/benchmarks/screening-throughput.txt.
 */
class TestScreeningThroughput {
  private static final String[] GIVEN = {
    "sergei", "ivan", "olga", "wang", "li", "chen", "nguyen", "somchai", "aung", "mohammed",
    "ahmed", "maria", "john", "james", "yusuf", "dmitri", "alexander", "huong", "thanh", "kyaw",
    "min", "hassan", "omar", "elena", "anna", "peter", "paul", "jose", "carlos", "ali"
  };
  private static final String[] FAMILY = {
    "petrov", "ivanov", "smirnov", "zhang", "liu", "huang", "tran", "le", "pham", "jaidee",
    "suksawat", "win", "oo", "rashid", "khan", "hussein", "garcia", "lopez", "smith", "jones",
    "brown", "okonkwo", "adebayo", "kumar", "singh", "sokolov", "volkov", "popov", "kim", "park"
  };

  @Test
  void measuresNamesScreenedPerSecondAgainstTwentyThousandListedNames() throws IOException {
    Random random = new Random(7);
    ScreeningIndex index = new ScreeningIndex(0.85, 0.7, 10);
    for (int i = 0; i < 20_000; i++) {
      String name =
          GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + GIVEN[random.nextInt(GIVEN.length)]
              + "a "
              + FAMILY[random.nextInt(FAMILY.length)]
              + (i % 97);
      index.addName("BENCH", "E" + i, name, "primary", "good", "v1");
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      queries.add(
          GIVEN[random.nextInt(GIVEN.length)]
              + " "
              + FAMILY[random.nextInt(FAMILY.length)]
              + (i % 97));
    }
    long hits = 0;
    long start = System.nanoTime();
    for (int i = 0; i < queries.size(); i++) {
      hits +=
          index
              .screen(new ScreeningIndex.Subject("q" + i, queries.get(i), null, null, null, null))
              .size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String line =
        String.format(
            Locale.ROOT,
            "screening: %d names against %d listed names in %.2f s = %.0f names/s on one thread"
                + " (%d hits)%n",
            queries.size(),
            index.size(),
            seconds,
            queries.size() / seconds,
            hits);
    Path out = Path.of("target", "benchmarks", "screening-throughput.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line);
    System.out.print(line);
    assertThat(index.size()).isEqualTo(20_000);
  }
}
