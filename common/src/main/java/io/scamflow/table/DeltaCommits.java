package io.scamflow.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads what a Delta commit did straight from the table's {@code _delta_log}: the latest version
 * (one listing) and a commit's operation metrics (one small JSON file). No Spark job: reading
 * {@code DESCRIBE HISTORY} after every write cost a job and a snapshot rebuild per write.
 */
final class DeltaCommits {
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaCommits() {}

  /** The table's latest committed version, or -1 if it has none. */
  static long latestVersion(Configuration conf, String location) {
    Path log = new Path(location, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(conf);
      long latest = -1;
      for (FileStatus s : fs.listStatus(log)) {
        String name = s.getPath().getName();
        if (COMMIT.matcher(name).matches()) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return latest;
    } catch (java.io.FileNotFoundException e) {
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Delta log of " + location, e);
    }
  }

  /** The {@code commitInfo.operationMetrics} of one commit; empty if the commit has none. */
  static Map<String, String> operationMetrics(Configuration conf, String location, long version) {
    Path file = new Path(new Path(location, "_delta_log"), String.format("%020d.json", version));
    Map<String, String> out = new HashMap<>();
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("{\"commitInfo\"")) {
            continue;
          }
          JsonNode metrics = JSON.readTree(line).path("commitInfo").path("operationMetrics");
          for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Delta commit " + file, e);
    }
  }
}
