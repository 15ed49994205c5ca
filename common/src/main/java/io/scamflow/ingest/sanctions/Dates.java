package io.scamflow.ingest.sanctions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date spellings the lists use: "13 May 1965", "1965-05-13", "05/13/1965", "1965". */
final class Dates {
  private static final List<DateTimeFormatter> EXACT =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          formatter("d MMM yyyy"),
          formatter("dd MMM yyyy"),
          formatter("d MMMM yyyy"),
          formatter("MM/dd/yyyy"),
          formatter("dd/MM/yyyy"),
          formatter("dd.MM.yyyy"));
  private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");

  private Dates() {}

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }

  /** The date when the text is one exact day (an ISO timestamp's date part too), else null. */
  static LocalDate parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.length() > 10 && t.charAt(4) == '-' && t.charAt(10) == 'T') {
      t = t.substring(0, 10);
    }
    for (DateTimeFormatter f : EXACT) {
      try {
        return LocalDate.parse(t, f);
      } catch (DateTimeParseException e) {
        // try the next spelling
      }
    }
    return null;
  }

  /** For lists that write days first (the UK's 15/03/2022): dd/MM/yyyy, else {@link #parse}. */
  static LocalDate parseDayFirst(String text) {
    if (text != null) {
      try {
        return LocalDate.parse(text.strip(), formatter("dd/MM/yyyy"));
      } catch (DateTimeParseException e) {
        // not day-first
      }
    }
    return parse(text);
  }

  static java.sql.Date exact(String text) {
    LocalDate d = parse(text);
    return d == null ? null : java.sql.Date.valueOf(d);
  }

  /** The year when the text names exactly one (e.g. "circa 1965", "Jan 1970"), else null. */
  static Integer year(String text) {
    LocalDate d = parse(text);
    if (d != null) {
      return d.getYear();
    }
    Matcher m = YEAR.matcher(text);
    if (!m.find()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    return m.find() ? null : year;
  }
}
