package io.scamflow.jobs;

import io.scamflow.errors.Errors;
import io.scamflow.screen.Screening;
import io.scamflow.screen.ScreeningHit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scamflow screen --name NAME [--dob D] [--nationality CC]} prints hits with scores and
 * explanations; {@code scamflow screen --input names.csv --out hits.csv} screens a CSV with header
 * {@code id,name[,dob][,nationality]} and writes {@code
 * id,list_id,entity_id,matched_name,score,...}.
 */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = "Screen names against the sanctions lists in the lakehouse.")
final class ScreenCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Scamflow root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--name", paramLabel = "NAME", description = "One name to screen")
  String name;

  @Option(names = "--dob", paramLabel = "YYYY-MM-DD", description = "Date of birth of --name")
  LocalDate dob;

  @Option(names = "--nationality", paramLabel = "CC", description = "ISO country of --name")
  String nationality;

  @Option(
      names = "--input",
      paramLabel = "CSV",
      description = "CSV with header id,name[,dob][,nationality]")
  Path input;

  @Option(names = "--out", paramLabel = "CSV", description = "Where batch mode writes the hits")
  Path out;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Apply the lists valid on this date (default: today UTC)")
  LocalDate asOf;

  @Override
  public Integer call() {
    if ((name == null) == (input == null)) {
      throw Errors.invalidArgument(
          "Nothing to screen",
          "give either --name or --input",
          "e.g. scamflow screen --name \"Sergei Petrov\" or --input names.csv --out hits.csv");
    }
    if (input != null && out == null) {
      throw Errors.invalidArgument(
          "No --out for batch mode", "--input needs --out", "Add --out hits.csv");
    }
    List<Screening.Query> queries =
        name != null
            ? List.of(new Screening.Query("1", name, dob, nationality))
            : readQueries(input);
    var lakehouse = root.global.lakehouse();
    Screening screening = new Screening(lakehouse, root.global.settings());
    List<ScreeningHit> hits =
        screening.screen(queries, asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
    if (name != null) {
      print(hits, spec.commandLine().getOut());
    } else {
      write(hits, out);
      spec.commandLine()
          .getOut()
          .println(hits.size() + " hits for " + queries.size() + " names written to " + out);
    }
    return 0;
  }

  private static void print(List<ScreeningHit> hits, PrintWriter w) {
    if (hits.isEmpty()) {
      w.println("no hits");
      return;
    }
    for (ScreeningHit h : hits) {
      w.printf(
          Locale.ROOT,
          "%.4f  %s %s  %s (%s: %s)%n        %s%n",
          h.score(),
          h.listId(),
          h.entityId(),
          h.listedName(),
          h.nameKind(),
          h.matchedValue(),
          h.explanation());
    }
  }

  static List<Screening.Query> readQueries(Path file) {
    List<Screening.Query> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        return out;
      }
      List<String> cols =
          Arrays.stream(parseCsv(header.replace("\uFEFF", "")))
              .map(c -> c.trim().toLowerCase(Locale.ROOT))
              .toList();
      int id = cols.indexOf("id");
      int nm = cols.indexOf("name");
      if (id < 0 || nm < 0) {
        throw Errors.invalidArgument(
            "Cannot read " + file,
            "the header must name the columns id and name (optional dob, nationality)",
            "Write the first line as id,name,dob,nationality");
      }
      int db = cols.indexOf("dob");
      int nat = cols.indexOf("nationality");
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = parseCsv(line);
        LocalDate date = null;
        if (db >= 0 && db < f.length && !f[db].isBlank()) {
          try {
            date = LocalDate.parse(f[db].trim());
          } catch (DateTimeParseException e) {
            throw Errors.invalidArgument(
                file + " line " + lineNo + ": bad dob '" + f[db] + "'",
                "dates are YYYY-MM-DD",
                "Fix or empty the dob field");
          }
        }
        out.add(new Screening.Query(at(f, id), at(f, nm), date, nat >= 0 ? at(f, nat) : null));
      }
    } catch (IOException e) {
      throw Errors.unreadableFile(file.toString(), e);
    }
    return out;
  }

  private static String at(String[] f, int i) {
    return i < f.length ? f[i].trim() : null;
  }

  /** One CSV line (RFC 4180 quoting, no embedded line breaks). */
  static String[] parseCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(new String[0]);
  }

  private static void write(List<ScreeningHit> hits, Path file) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "id,list_id,entity_id,matched_name,score,list_version,name_kind,listed_name,explanation");
    for (ScreeningHit h : hits) {
      lines.add(
          String.join(
              ",",
              csv(h.subjectId()),
              csv(h.listId()),
              csv(h.entityId()),
              csv(h.matchedValue()),
              String.format(Locale.ROOT, "%.4f", h.score()),
              csv(h.listVersion()),
              csv(h.nameKind()),
              csv(h.listedName()),
              csv(h.explanation())));
    }
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String csv(String v) {
    if (v == null) {
      return "";
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }
}
