package io.scamflow.synth;

import io.scamflow.testing.SharedSparkExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One tiny world per test JVM (generated on the driver), and helpers to read it back. */
final class TinyWorld {
  private static Path dir;
  private static WorldParameters params;
  private static Generator.Result result;

  private TinyWorld() {}

  static synchronized Path dir() {
    if (dir == null) {
      params = params(42);
      dir = fresh("tiny-42");
      result = generate(params, dir);
    }
    return dir;
  }

  /** Generates a tiny world into {@code dir}, failing if the generator asks for Spark. */
  static Generator.Result generate(WorldParameters params, Path dir) {
    return Generator.generate(
        params,
        dir,
        () -> {
          throw new AssertionError("tiny must not need Spark");
        },
        false);
  }

  static WorldParameters params() {
    dir();
    return params;
  }

  static Generator.Result result() {
    dir();
    return result;
  }

  static WorldParameters params(long seed) {
    return WorldParameters.of(Scale.TINY, WorldParameters.DEFAULT_START, 7, seed);
  }

  static Path fresh(String name) {
    Path d =
        SharedSparkExtension.testDir()
            .resolve("synth-" + name + "-" + ProcessHandle.current().pid());
    deleteRecursively(d);
    return d;
  }

  static void deleteRecursively(Path d) {
    if (!Files.exists(d)) {
      return;
    }
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> files(Path root, String folder) {
    return files(root).stream()
        .filter(p -> root.relativize(p).toString().replace('\\', '/').contains(folder))
        .toList();
  }

  /** Relative path -> SHA-256 of every file under root. */
  static Map<String, String> hashes(Path root) {
    Map<String, String> out = new TreeMap<>();
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path p : files(root)) {
        out.put(
            root.relativize(p).toString(),
            HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Rows of every CSV file under truth/&lt;folder&gt; (header dropped), as column maps. */
  static List<Map<String, String>> truth(String folder) {
    Path root = dir().resolve("truth").resolve(folder);
    List<Path> fs = Files.isDirectory(root) ? files(root) : List.of(root);
    return fs.stream().flatMap(f -> Parsers.csvMaps(f, StandardCharsets.UTF_8).stream()).toList();
  }
}
