package io.scamflow.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.scamflow.errors.Errors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * scamflow's settings, resolved in one place. Precedence, highest first:
 *
 * <ol>
 *   <li>{@code -c key=value} overrides (and {@code --lakehouse});
 *   <li>environment variables named after a declared key ({@code scamflow.spark.shuffle-partitions}
 *       is {@code SCAMFLOW_SPARK_SHUFFLE_PARTITIONS});
 *   <li>the conf file given with {@code --conf-file}, or else {@code conf/local.conf};
 *   <li>the declared defaults in {@code reference.conf}.
 * </ol>
 *
 * Every scamflow key must be declared in {@code reference.conf}; anything else is a typo and fails
 * with the closest valid key. Keys under {@code scamflow.spark.conf} pass through to Spark. Nothing
 * else in scamflow reads raw configuration.
 */
public final class Settings {
  static final String ROOT = "scamflow";
  static final String SPARK_PASSTHROUGH = "scamflow.spark.conf";

  private final Config config;
  private final String origin;

  private Settings(Config config, String origin) {
    this.config = config;
    this.origin = origin;
  }

  /** Resolves settings from the process environment and the scamflow home's conf/local.conf. */
  public static Settings load(Optional<Path> confFile, Map<String, String> overrides) {
    return load(confFile, defaultConfFile(), overrides, System.getenv());
  }

  /** Only the declared defaults: for tests and tools that set everything explicitly. */
  public static Settings defaults(Map<String, String> overrides) {
    return load(Optional.empty(), Optional.empty(), overrides, Map.of());
  }

  static Settings load(
      Optional<Path> confFile,
      Optional<Path> localConf,
      Map<String, String> overrides,
      Map<String, String> env) {
    Config reference = ConfigFactory.parseResources(Settings.class, "/reference.conf");
    Set<String> declared = leafKeys(reference.resolve());

    Config file = ConfigFactory.empty();
    String fileOrigin = "defaults";
    Optional<Path> chosen = confFile.isPresent() ? confFile : localConf;
    if (chosen.isPresent()) {
      Path path = chosen.get();
      if (!Files.isReadable(path)) {
        throw Errors.confFileUnreadable(path, new java.io.FileNotFoundException("no such file"));
      }
      try {
        file = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults());
      } catch (ConfigException e) {
        throw Errors.confFileUnreadable(path, e);
      }
      fileOrigin = path.toString();
    }

    Config fromEnv = ConfigFactory.empty();
    for (String key : declared) {
      String value = env.get(envName(key));
      if (value != null) {
        fromEnv =
            fromEnv.withValue(key, ConfigValueFactory.fromAnyRef(value, "env " + envName(key)));
      }
    }

    Config fromOverrides = ConfigFactory.empty();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      fromOverrides =
          fromOverrides.withValue(
              overridePath(e.getKey(), declared),
              ConfigValueFactory.fromAnyRef(e.getValue(), "-c option"));
    }

    Config merged;
    try {
      merged =
          fromOverrides
              .withFallback(fromEnv)
              .withFallback(file)
              .withFallback(reference)
              .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(true));
    } catch (ConfigException.UnresolvedSubstitution e) {
      throw Errors.badConfigValue(
          "(substitution)",
          e.getMessage() + " — an environment variable the conf file needs is not set",
          e);
    } catch (ConfigException e) {
      throw Errors.badConfigValue("(conf)", e.getMessage(), e);
    }

    for (String key : leafKeys(merged)) {
      if (!declared.contains(key) && !key.startsWith(SPARK_PASSTHROUGH + ".")) {
        String where = originOf(merged.getValue(key));
        throw Errors.unknownConfigKey(key, closest(key, declared), where);
      }
    }
    return new Settings(merged, fileOrigin);
  }

  /** The conf/local.conf of the scamflow home (system property scamflow.home), if there is one. */
  static Optional<Path> defaultConfFile() {
    String home = System.getProperty("scamflow.home", "");
    Path candidate =
        home.isEmpty() ? Path.of("conf", "local.conf") : Path.of(home, "conf", "local.conf");
    return Files.isReadable(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /**
   * Keys may omit the {@code scamflow.} prefix; a {@code spark.*} key that is not a declared
   * scamflow key ({@code spark.shuffle-partitions} is one) passes through to Spark.
   */
  static String overridePath(String key, Set<String> declared) {
    if (key.isBlank()) {
      throw Errors.badOverride(key);
    }
    if (key.startsWith(ROOT + ".")) {
      return key;
    }
    if (declared.contains(ROOT + "." + key) || !key.startsWith("spark.")) {
      return ROOT + "." + key;
    }
    // spark.shufle-partitions is a typo of ours, not a Spark setting: Spark's keys are far away.
    String near = closest(ROOT + "." + key, declared);
    if (near != null
        && LevenshteinDistance.getDefaultInstance().apply(ROOT + "." + key, near) <= 2) {
      throw Errors.unknownConfigKey(ROOT + "." + key, near, "-c option");
    }
    return SPARK_PASSTHROUGH + "." + ConfigUtil.quoteString(key);
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Set<String> leafKeys(Config config) {
    Set<String> keys = new TreeSet<>();
    if (!config.hasPath(ROOT)) {
      return keys;
    }
    for (Map.Entry<String, ConfigValue> e : config.getConfig(ROOT).entrySet()) {
      keys.add(ROOT + "." + e.getKey());
    }
    return keys;
  }

  private static String closest(String key, Set<String> candidates) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance.apply(key, c)))
        .filter(c -> distance.apply(key, c) <= Math.max(3, key.length() / 3))
        .orElse(null);
  }

  private static String originOf(ConfigValue value) {
    String description = value.origin().description();
    return description == null ? "unknown origin" : description;
  }

  // ---- typed accessors: everything else in scamflow goes through these ----

  public String string(String key) {
    return read(key, () -> config.getString(key));
  }

  public int integer(String key) {
    return read(key, () -> config.getInt(key));
  }

  public long longValue(String key) {
    return read(key, () -> config.getLong(key));
  }

  public double decimal(String key) {
    return read(key, () -> config.getDouble(key));
  }

  public boolean bool(String key) {
    return read(key, () -> config.getBoolean(key));
  }

  public List<String> strings(String key) {
    return read(key, () -> new ArrayList<>(config.getStringList(key)));
  }

  /**
   * A list of objects (e.g. {@code scamflow.tokens}), each as its keys and their values as text; a
   * key an object leaves out is absent from its map.
   */
  public List<Map<String, String>> objects(String key) {
    return read(
        key,
        () -> {
          List<Map<String, String>> out = new ArrayList<>();
          for (Config item : config.getConfigList(key)) {
            Map<String, String> fields = new TreeMap<>();
            for (Map.Entry<String, ConfigValue> e : item.entrySet()) {
              fields.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
            }
            out.add(fields);
          }
          return out;
        });
  }

  /** A value that may be absent or empty. */
  public Optional<String> optional(String key) {
    if (!config.hasPath(key)) {
      return Optional.empty();
    }
    String value = string(key);
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private <T> T read(String key, java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException.Missing e) {
      throw Errors.badConfigValue(key, "it is not set and has no default", e);
    } catch (ConfigException e) {
      throw Errors.badConfigValue(key, e.getMessage(), e);
    }
  }

  // ---- the settings the platform itself needs ----

  /** Root of every table: a local path (made absolute) or a URI such as s3a://bucket/lake. */
  public String lakehouse() {
    String value = string("scamflow.lakehouse");
    if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
    return Path.of(value).toAbsolutePath().normalize().toString();
  }

  public Optional<String> sparkMaster() {
    return optional("scamflow.spark.master");
  }

  /** Spark settings passed through as they are. */
  public Map<String, String> sparkConf() {
    Map<String, String> out = new TreeMap<>();
    if (config.hasPath(SPARK_PASSTHROUGH)) {
      for (Map.Entry<String, ConfigValue> e : config.getConfig(SPARK_PASSTHROUGH).entrySet()) {
        List<String> parts = ConfigUtil.splitPath(e.getKey());
        out.put(String.join(".", parts), String.valueOf(e.getValue().unwrapped()));
      }
    }
    return out;
  }

  /** A copy with more overrides on top, e.g. a test's lakehouse. */
  public Settings with(Map<String, String> overrides) {
    Set<String> declared = leafKeys(config);
    Config c = config;
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      c =
          c.withValue(
              overridePath(e.getKey(), declared), ConfigValueFactory.fromAnyRef(e.getValue()));
    }
    return new Settings(c, origin);
  }

  /** Where the file layer came from, for ops.runs and error messages. */
  public String origin() {
    return origin;
  }

  /** Every resolved scamflow key with its value, for `scamflow config` and the run audit. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : leafKeys(config)) {
      out.put(key, String.valueOf(config.getValue(key).unwrapped()));
    }
    return out;
  }
}
