package io.scamflow.quality.dq;

import io.scamflow.config.Settings;
import io.scamflow.table.Lakehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The checks on one run date's silver data, thresholds from {@code scamflow.dq.*}: sanctions list
 * freshness, FX coverage of transfers, null rates on key columns, and volume drops per rail against
 * the trailing average. Each reads only the partitions it needs (the date, or a short window).
 */
public final class DataQualityChecks {
  static final String SANCTIONS_RAW = "bronze.sanctions_raw";
  static final String TRANSFERS = "silver.transfers";

  private final Lakehouse lakehouse;
  private final Settings settings;

  public DataQualityChecks(Lakehouse lakehouse, Settings settings) {
    this.lakehouse = lakehouse;
    this.settings = settings;
  }

  /** Every check for {@code date}, in a stable order. */
  public List<DqResult> run(LocalDate date) {
    List<DqResult> out = new ArrayList<>();
    out.addAll(sanctionsFreshness(date));
    out.addAll(fxCoverage(date));
    out.addAll(nullRates(date));
    out.addAll(volumeDrops(date));
    return out;
  }

  private SparkSession spark() {
    return lakehouse.spark();
  }

  private boolean exists(String table) {
    return spark().catalog().tableExists(table);
  }

  /**
   * Per list, the newest version delivered within the look-back (its stated publication date, else
   * the landing date): older than max-age-days warns; no list at all fails, since screening against
   * nothing would clear every wallet and name.
   */
  List<DqResult> sanctionsFreshness(LocalDate date) {
    int lookback = settings.integer("scamflow.dq.sanctions.lookback-days");
    int maxAge = settings.integer("scamflow.dq.sanctions.max-age-days");
    List<Row> lists =
        exists(SANCTIONS_RAW)
            ? spark()
                .sql(
                    String.format(
                        "SELECT list_id, max(coalesce(list_version, run_date)) FROM %s"
                            + " WHERE run_date BETWEEN DATE'%s' AND DATE'%s' GROUP BY list_id"
                            + " ORDER BY list_id",
                        SANCTIONS_RAW, date.minusDays(lookback), date))
                .collectAsList()
            : List.of();
    List<DqResult> out = new ArrayList<>();
    if (lists.isEmpty()) {
      out.add(
          DqResult.breached(
              "sanctions_freshness",
              SANCTIONS_RAW,
              settings.bool("scamflow.dq.sanctions.required") ? Severity.FAIL : Severity.WARN,
              0,
              1,
              String.format(
                  "no sanctions list was delivered between %s and %s; screening would clear"
                      + " everyone. Deliver at least one list (e.g. LANDING/%s/sanctions/"
                      + "ofac-sdn-xml/) and rerun the date",
                  date.minusDays(lookback), date, date)));
      return out;
    }
    for (Row r : lists) {
      String list = r.getString(0);
      LocalDate version = r.getDate(1).toLocalDate();
      long age = java.time.temporal.ChronoUnit.DAYS.between(version, date);
      String table = SANCTIONS_RAW + "[" + list + "]";
      if (age > maxAge) {
        out.add(
            DqResult.breached(
                "sanctions_freshness",
                table,
                Severity.WARN,
                age,
                maxAge,
                String.format(
                    "%s: newest version is %s, %d days before %s (limit %d); designations made"
                        + " since are missed. Fetch the current list and rerun the date",
                    list, version, age, date, maxAge)));
      } else {
        out.add(
            DqResult.passed(
                "sanctions_freshness",
                table,
                age,
                maxAge,
                String.format("%s: version %s, %d days old", list, version, age)));
      }
    }
    return out;
  }

  /** Share of the date's transfers that have a USD value; below the limits warns or fails. */
  List<DqResult> fxCoverage(LocalDate date) {
    if (!exists(TRANSFERS)) {
      return List.of();
    }
    double warn = settings.decimal("scamflow.dq.fx-coverage.warn-below");
    double fail = settings.decimal("scamflow.dq.fx-coverage.fail-below");
    Row r =
        spark()
            .sql(
                String.format(
                    "SELECT count(*), count(amount_usd) FROM %s WHERE run_date = DATE'%s'",
                    TRANSFERS, date))
            .first();
    long total = r.getLong(0);
    long valued = r.getLong(1);
    if (total == 0) {
      return List.of(DqResult.passed("fx_coverage", TRANSFERS, 1, warn, "no transfers on " + date));
    }
    double share = (double) valued / total;
    String seen =
        String.format(
            Locale.ROOT,
            "%d of %d transfers on %s (%.1f%%) have a USD value",
            valued,
            total,
            date,
            100 * share);
    String fix =
        "; amounts without USD escape every USD threshold. Check that fx-rates-csv was delivered"
            + " for the date and covers the currencies (silver.fx_rates), then rerun the date";
    if (share < fail) {
      return List.of(
          DqResult.breached("fx_coverage", TRANSFERS, Severity.FAIL, share, fail, seen + fix));
    }
    if (share < warn) {
      return List.of(
          DqResult.breached("fx_coverage", TRANSFERS, Severity.WARN, share, warn, seen + fix));
    }
    return List.of(DqResult.passed("fx_coverage", TRANSFERS, share, warn, seen));
  }

  /**
   * Null share of each configured key column ({@code table.column}) among the date's rows: keys the
   * graph and the joins rely on. Above the limits warns or fails.
   */
  List<DqResult> nullRates(LocalDate date) {
    double warn = settings.decimal("scamflow.dq.null-rate.warn-above");
    double fail = settings.decimal("scamflow.dq.null-rate.fail-above");
    java.util.Map<String, List<String>> byTable = new java.util.LinkedHashMap<>();
    for (String key : settings.strings("scamflow.dq.null-rate.columns")) {
      int dot = key.lastIndexOf('.');
      byTable
          .computeIfAbsent(key.substring(0, dot), t -> new ArrayList<>())
          .add(key.substring(dot + 1));
    }
    List<DqResult> out = new ArrayList<>();
    for (var e : byTable.entrySet()) {
      String table = e.getKey();
      if (!exists(table)) {
        continue;
      }
      StringBuilder select = new StringBuilder("SELECT count(*)");
      for (String column : e.getValue()) {
        select.append(", count(`").append(column).append("`)");
      }
      Row r =
          spark()
              .sql(select + String.format(" FROM %s WHERE run_date = DATE'%s'", table, date))
              .first();
      long total = r.getLong(0);
      for (int i = 0; i < e.getValue().size(); i++) {
        String column = e.getValue().get(i);
        String key = table + "." + column;
        long nulls = total - r.getLong(i + 1);
        double rate = total == 0 ? 0 : (double) nulls / total;
        String seen =
            String.format(
                Locale.ROOT,
                "%d of %d rows on %s have no %s (%.2f%%)",
                nulls,
                total,
                date,
                column,
                100 * rate);
        String fix =
            "; such rows drop out of the graph and the joins. Look at their sources (the sources"
                + " column, bronze, ops.quarantine) for a format change, fix the reader or the"
                + " feed, then rerun the date";
        if (rate > fail) {
          out.add(DqResult.breached("null_rate", key, Severity.FAIL, rate, fail, seen + fix));
        } else if (rate > warn) {
          out.add(DqResult.breached("null_rate", key, Severity.WARN, rate, warn, seen + fix));
        } else {
          out.add(DqResult.passed("null_rate", key, rate, warn, seen));
        }
      }
    }
    return out;
  }

  /**
   * Transfers per rail on the date against the average of the trailing days that had any: far fewer
   * usually means a feed is missing or late. Needs min-history-days of history first.
   */
  List<DqResult> volumeDrops(LocalDate date) {
    if (!exists(TRANSFERS)) {
      return List.of();
    }
    int trailing = settings.integer("scamflow.dq.volume.trailing-days");
    int minHistory = settings.integer("scamflow.dq.volume.min-history-days");
    double warn = settings.decimal("scamflow.dq.volume.warn-below-ratio");
    double fail = settings.decimal("scamflow.dq.volume.fail-below-ratio");
    List<Row> rows =
        spark()
            .sql(
                String.format(
                    "SELECT rail, sum(IF(run_date = DATE'%s', 1, 0)),"
                        + " count(DISTINCT IF(run_date < DATE'%s', run_date, NULL)),"
                        + " sum(IF(run_date < DATE'%s', 1, 0))"
                        + " FROM %s WHERE run_date BETWEEN DATE'%s' AND DATE'%s'"
                        + " GROUP BY rail ORDER BY rail",
                    date, date, date, TRANSFERS, date.minusDays(trailing), date))
            .collectAsList();
    List<DqResult> out = new ArrayList<>();
    for (Row r : rows) {
      String rail = r.getString(0);
      long today = r.getLong(1);
      long days = r.getLong(2);
      long before = r.getLong(3);
      String table = TRANSFERS + "[rail=" + rail + "]";
      if (days < minHistory) {
        out.add(
            DqResult.passed(
                "volume_drop",
                table,
                today,
                warn,
                String.format(
                    "%d %s transfers on %s; %d earlier days in the last %d, %d needed to compare",
                    today, rail, date, days, trailing, minHistory)));
        continue;
      }
      double average = (double) before / days;
      double ratio = today / average;
      String seen =
          String.format(
              Locale.ROOT,
              "%d %s transfers on %s, %.0f%% of the %d-day average %.1f",
              today,
              rail,
              date,
              100 * ratio,
              days,
              average);
      String fix =
          "; a feed may be missing or late. Compare LANDING/"
              + date
              + " with earlier days (ops.loaded_files), deliver what is missing, then rerun the date";
      if (ratio < fail) {
        out.add(DqResult.breached("volume_drop", table, Severity.FAIL, ratio, fail, seen + fix));
      } else if (ratio < warn) {
        out.add(DqResult.breached("volume_drop", table, Severity.WARN, ratio, warn, seen + fix));
      } else {
        out.add(DqResult.passed("volume_drop", table, ratio, warn, seen));
      }
    }
    return out;
  }
}
