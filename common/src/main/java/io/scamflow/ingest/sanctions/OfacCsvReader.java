package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * OFAC's legacy CSV set: a primary file (sdn.csv, or cons_prim.csv for the consolidated non-SDN
 * list) with its siblings in the same folder: addresses (add.csv), alternate names (alt.csv) and
 * remark continuations (sdn_comments.csv). A folder is one list version. The reader takes only the
 * primary file and opens the siblings itself, so one Spark task sees the whole set; a missing
 * sibling is logged and recorded in quarantine, and what is there is loaded.
 *
 * <p>Layout: no header, "-0-" for empty, Latin-1, CRLF, maybe a trailing 0x1A. The set states no
 * publication date: the list version is the run date.
 */
public final class OfacCsvReader extends SanctionsReader {
  private static final Logger LOG = LoggerFactory.getLogger(OfacCsvReader.class);

  private final String format;
  private final String listId;
  private final String primary;
  private final String addresses;
  private final String aliases;
  private final String comments;

  private OfacCsvReader(
      String format,
      String listId,
      String primary,
      String addresses,
      String aliases,
      String comments) {
    this.format = format;
    this.listId = listId;
    this.primary = primary;
    this.addresses = addresses;
    this.aliases = aliases;
    this.comments = comments;
  }

  /** The SDN list: sdn.csv, add.csv, alt.csv, sdn_comments.csv [ofac-sdn-csv]. */
  public static OfacCsvReader sdn() {
    return new OfacCsvReader(
        "ofac-sdn-csv", "OFAC_SDN", "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
  }

  /** The consolidated non-SDN list, same layout [ofac-cons-csv]. */
  public static OfacCsvReader consolidated() {
    return new OfacCsvReader(
        "ofac-cons-csv",
        "OFAC_CONS",
        "cons_prim.csv",
        "cons_add.csv",
        "cons_alt.csv",
        "cons_comments.csv");
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).equals(primary);
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    Path path = new Path(file);
    Map<String, Path> siblings = siblings(path);
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, String> positions = new LinkedHashMap<>();
    Map<String, String> rawRemarks = new LinkedHashMap<>();

    CsvRecords primaryRecords = records(in);
    for (List<String> f; (f = primaryRecords.next()) != null; ) {
      String position = primary + " line " + primaryRecords.recordLine();
      String id = f.isEmpty() ? null : Entry.clean(f.get(0));
      if (f.size() != 12 || id == null || !id.matches("\\d+")) {
        sink.reject(position, "expected 12 fields starting with a numeric ent_num", join(f));
        continue;
      }
      if (entries.containsKey(id)) {
        sink.reject(position, "ent_num " + id + " appears twice in " + primary, join(f));
        continue;
      }
      Entry e = new Entry(listId, null, id);
      e.primary(f.get(1));
      e.entityType = entityType(f.get(2));
      String programs = Entry.clean(f.get(3));
      if (programs != null) {
        for (String p : programs.replace("[", "").split("]")) {
          e.program(p);
        }
      }
      addVesselIds(e, f);
      entries.put(id, e);
      positions.put(id, position);
      rawRemarks.put(id, f.get(11) == null ? null : Entry.clean(f.get(11)));
    }

    Map<String, String> continuations = new LinkedHashMap<>();
    withSibling(
        path,
        siblings,
        comments,
        "remarks cut at " + OfacRemarks.FIELD_LIMIT + " characters stay cut",
        sink,
        r -> {
          for (List<String> f; (f = r.next()) != null; ) {
            String position = comments + " line " + r.recordLine();
            String id = f.isEmpty() ? null : Entry.clean(f.get(0));
            if (f.size() != 2 || id == null) {
              sink.reject(position, "expected ent_num,Remarks_Extended", join(f));
            } else if (!entries.containsKey(id)) {
              sink.reject(
                  position, "continuation for ent_num " + id + " not in " + primary, join(f));
            } else {
              continuations.merge(id, f.get(1), String::concat);
            }
          }
        });
    withSibling(
        path,
        siblings,
        aliases,
        "entries are loaded without their aliases",
        sink,
        r -> {
          for (List<String> f; (f = r.next()) != null; ) {
            String position = aliases + " line " + r.recordLine();
            String id = f.isEmpty() ? null : Entry.clean(f.get(0));
            Entry e = id == null ? null : entries.get(id);
            if (f.size() != 5 || e == null) {
              sink.reject(position, aliasProblem(f, id), join(f));
            } else {
              e.alias(f.get(3), OfacRemarks.kind(f.get(2) == null ? "aka" : f.get(2)), "strong");
            }
          }
        });
    withSibling(
        path,
        siblings,
        addresses,
        "entries are loaded without their addresses",
        sink,
        r -> {
          for (List<String> f; (f = r.next()) != null; ) {
            String position = addresses + " line " + r.recordLine();
            String id = f.isEmpty() ? null : Entry.clean(f.get(0));
            Entry e = id == null ? null : entries.get(id);
            if (f.size() != 6 || e == null) {
              sink.reject(
                  position,
                  f.size() != 6
                      ? "expected 6 fields"
                      : "address for ent_num " + id + " not in " + primary,
                  join(f));
            } else {
              e.address(f.get(2), f.get(3), null, null, f.get(4), null);
            }
          }
        });

    boolean haveComments = siblings.containsKey(comments);
    for (Map.Entry<String, Entry> item : entries.entrySet()) {
      String id = item.getKey();
      Entry e = item.getValue();
      String remarks = rawRemarks.get(id);
      String continuation = continuations.get(id);
      boolean cut = remarks != null && remarks.length() >= OfacRemarks.FIELD_LIMIT;
      if (continuation != null && remarks != null) {
        remarks = remarks + continuation;
      }
      e.remarks = remarks == null ? null : remarks.strip();
      String position = positions.get(id);
      if (cut && continuation == null) {
        LOG.warn(
            "{} {}: remarks cut at {} characters and {} has no continuation",
            listId,
            id,
            OfacRemarks.FIELD_LIMIT,
            haveComments ? comments : "no " + comments + " file");
      }
      OfacRemarks.read(e, e.remarks, cut && continuation == null, position, sink);
      sink.accept(position, e.values());
    }
  }

  private String aliasProblem(List<String> f, String id) {
    return f.size() != 5 ? "expected 5 fields" : "alias for ent_num " + id + " not in " + primary;
  }

  /** The other three files of the set, found case-insensitively next to the primary file. */
  private Map<String, Path> siblings(Path primaryPath) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    Path folder = primaryPath.getParent();
    FileSystem fs = folder.getFileSystem(hadoopConf());
    for (FileStatus s : fs.listStatus(folder)) {
      String name = s.getPath().getName().toLowerCase(Locale.ROOT);
      if (s.isFile() && List.of(addresses, aliases, comments).contains(name)) {
        out.put(name, s.getPath());
      }
    }
    return out;
  }

  private interface SiblingBody {
    void read(CsvRecords records) throws IOException;
  }

  private void withSibling(
      Path primaryPath,
      Map<String, Path> siblings,
      String name,
      String consequence,
      RecordSink sink,
      SiblingBody body)
      throws IOException {
    Path p = siblings.get(name);
    if (p == null) {
      LOG.warn("{} has no {} next to it: {}", primaryPath, name, consequence);
      sink.reject("folder", name + " is missing next to " + primary + ": " + consequence, null);
      return;
    }
    try (InputStream in = p.getFileSystem(hadoopConf()).open(p)) {
      body.read(records(in));
    }
  }

  private static CsvRecords records(InputStream in) {
    Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    return new CsvRecords(r);
  }

  /** Vessel call sign, flag, owner and tonnage are identifiers of the vessel. */
  private static void addVesselIds(Entry e, List<String> f) {
    e.identifier("Call Sign", f.get(5), null);
    e.identifier("Vessel Type", f.get(6), null);
    e.identifier("Vessel Flag", f.get(9), null);
    e.identifier("Vessel Owner", f.get(10), null);
  }

  static String entityType(String sdnType) {
    String t = Entry.clean(sdnType);
    return t == null ? "entity" : t.toLowerCase(Locale.ROOT);
  }

  private static String join(List<String> fields) {
    return String.join(",", fields);
  }

  /** Hadoop settings inside a Spark task: the session's spark.hadoop.* options, if any. */
  static Configuration hadoopConf() {
    Configuration conf = new Configuration();
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      for (Tuple2<String, String> kv : env.conf().getAll()) {
        if (kv._1().startsWith("spark.hadoop.")) {
          conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
        }
      }
    }
    return conf;
  }
}
