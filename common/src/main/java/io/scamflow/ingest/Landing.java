package io.scamflow.ingest;

import io.scamflow.errors.Errors;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing zone: {@code LANDING/<YYYY-MM-DD>/<source>/<format>/<files>}, on a local disk or
 * s3a://. Lists the files a reader takes, sorted, so runs are repeatable.
 */
public final class Landing {
  private static final Pattern DATED =
      Pattern.compile(".*/(\\d{4}-\\d{2}-\\d{2})/([a-z]+)/([a-z0-9-]+)/?.*");

  private final String root;
  private final Configuration hadoop;

  public Landing(String root, Configuration hadoop) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.hadoop = hadoop;
  }

  /** The folder of one date, source and format. */
  public String folder(LocalDate date, String source, String format) {
    return root + "/" + date + "/" + source + "/" + format;
  }

  /** Files of one date and format that {@code reader} accepts; empty when the folder is absent. */
  public List<String> files(LocalDate date, FormatReader reader) {
    return list(folder(date, reader.source(), reader.format()), reader);
  }

  /** A file, or the files in a folder (recursively), that {@code reader} accepts. */
  public static List<String> list(String pathOrFolder, FormatReader reader, Configuration hadoop) {
    return new Landing("/", hadoop).list(pathOrFolder, reader);
  }

  private List<String> list(String pathOrFolder, FormatReader reader) {
    List<String> out = new ArrayList<>();
    try {
      Path path = new Path(pathOrFolder);
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        return out;
      }
      collect(fs, fs.getFileStatus(path), reader, out);
    } catch (IOException e) {
      throw Errors.unreadableFile(pathOrFolder, e);
    }
    out.sort(String::compareTo);
    return out;
  }

  private static void collect(
      FileSystem fs, FileStatus status, FormatReader reader, List<String> out) throws IOException {
    if (status.isFile()) {
      if (reader.accepts(status.getPath().getName())) {
        out.add(status.getPath().toString());
      }
      return;
    }
    for (FileStatus child : fs.listStatus(status.getPath())) {
      String name = child.getPath().getName();
      if (!name.startsWith(".") && !name.startsWith("_")) {
        collect(fs, child, reader, out);
      }
    }
  }

  /** The landing date of a path inside the landing layout, if it is one. */
  public static Optional<LocalDate> dateOf(String path) {
    Matcher m = DATED.matcher(path);
    return m.matches() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
  }
}
