package io.scamflow.behaviour;

import static org.apache.spark.sql.functions.col;

import io.scamflow.config.Settings;
import io.scamflow.detect.DetectionContext;
import io.scamflow.detect.DetectionStage;
import io.scamflow.detect.Detector;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What entity baselines change on an existing lakehouse (a writable copy of one a nightly run
 * built, {@code -Dbench.entity.lakehouse=DIR}): silver.entity_baselines is built for every as-of
 * date its silver.account_baselines has (timed), then the behavioural signals of the last date run
 * twice, with scamflow.behaviour.entity.enabled on and off, and the accounts whose verdict differs
 * are counted per signal and, with {@code -Dbench.entity.truth=DIR} (the world's truth folder), by
 * their true role. Repeated with {@code cold-start-min-active-days} lowered to 1, since a world of
 * a few days has no account or entity with three active days of history. Writes
 * results/entity-baselines.md; numbers, never assertions.
 */
@SparkTest
class BenchEntityBaselines {
  private static final String LAKEHOUSE = System.getProperty("bench.entity.lakehouse", "");
  private static final String TRUTH = System.getProperty("bench.entity.truth", "");

  @Test
  void entityBaselinesOnALakehouse(SparkSession spark, Settings base) throws IOException {
    Assumptions.assumeFalse(LAKEHOUSE.isEmpty(), "-Dbench.entity.lakehouse=DIR not given");
    Settings settings = base.with(Map.of("scamflow.lakehouse", LAKEHOUSE));
    Lakehouse lh = Lakehouse.open(spark, LAKEHOUSE);
    List<LocalDate> dates =
        spark
            .table(AccountBaselines.TABLE.name())
            .select("as_of_date")
            .distinct()
            .orderBy("as_of_date")
            .collectAsList()
            .stream()
            .map(r -> r.getDate(0).toLocalDate())
            .toList();
    StringBuilder md = new StringBuilder();
    md.append("# Entity baselines on ")
        .append(LAKEHOUSE)
        .append("\n\n")
        .append("`BenchEntityBaselines` (`-Pbench -Dbench.entity.lakehouse=DIR")
        .append(TRUTH.isEmpty() ? "" : " -Dbench.entity.truth=DIR")
        .append("`), load average at start: ")
        .append(load())
        .append(".\n\n## silver.entity_baselines per as-of date\n\n")
        .append(
            "| as_of_date | entities | with >= 2 accounts | accounts merged | seconds |\n"
                + "|---|---:|---:|---:|---:|\n");
    for (LocalDate d : dates) {
      long t0 = System.nanoTime();
      new EntityBaselines(lh, settings).run(RunContext.start("bench-entity", d));
      double secs = (System.nanoTime() - t0) / 1e9;
      Row r =
          spark
              .sql(
                  "SELECT count(*), count_if(accounts_n >= 2), sum(accounts_n) FROM"
                      + " silver.entity_baselines WHERE as_of_date = DATE'"
                      + d
                      + "'")
              .first();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %.1f |%n",
              d,
              r.getLong(0),
              r.getLong(1),
              r.isNullAt(2) ? 0 : r.getLong(2),
              secs));
    }
    LocalDate last = dates.get(dates.size() - 1);
    if (!TRUTH.isEmpty()) {
      roles(spark);
    }
    md.append("\n## Verdicts on ").append(last).append(" with and without entity baselines\n\n");
    md.append(
        "Flagged = anchor or member of a behavioural alert. Changed: flagged with entity baselines"
            + " and not without (gained) or the reverse (lost).\n\n");
    md.append(
        "| settings | active accounts | of an entity with a baseline | judged against their"
            + " entity (cold, entity warm) | alerts off -> on | flagged off -> on | gained |"
            + " lost | gained by role | lost by role | seconds off / on |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    variants.put("defaults", Map.of());
    variants.put(
        "cold-start-min-active-days = 1",
        Map.of("scamflow.behaviour.cold-start-min-active-days", "1"));
    Map<String, String> perSignal = new TreeMap<>();
    for (var v : variants.entrySet()) {
      Settings on = settings.with(v.getValue());
      Settings off = on.with(Map.of("scamflow.behaviour.entity.enabled", "false"));
      long t0 = System.nanoTime();
      List<Row> without = signals(lh, off, last);
      double secsOff = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      DetectionContext context = DetectionStage.context(lh, on, last);
      Row frame =
          BehaviourFrame.of(context)
              .selectExpr(
                  "count(*)", "count_if(e_entity_id IS NOT NULL)", "count_if(entity_judged)")
              .first();
      List<Row> with = signals(context);
      double secsOn = (System.nanoTime() - t0) / 1e9;
      Set<String> flaggedOff = flagged(without, null);
      Set<String> flaggedOn = flagged(with, null);
      Set<String> gained = new TreeSet<>(flaggedOn);
      gained.removeAll(flaggedOff);
      Set<String> lost = new TreeSet<>(flaggedOff);
      lost.removeAll(flaggedOn);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %,d -> %,d | %,d -> %,d | %,d | %,d | %s | %s | %.0f / %.0f"
                  + " |%n",
              v.getKey(),
              frame.getLong(0),
              frame.getLong(1),
              frame.getLong(2),
              without.size(),
              with.size(),
              flaggedOff.size(),
              flaggedOn.size(),
              gained.size(),
              lost.size(),
              byRole(spark, gained),
              byRole(spark, lost),
              secsOff,
              secsOn));
      for (Detector d : BehaviourReplay.signals()) {
        String t = d.typology();
        Set<String> a = flagged(without, t);
        Set<String> b = flagged(with, t);
        Set<String> g = new TreeSet<>(b);
        g.removeAll(a);
        Set<String> l = new TreeSet<>(a);
        l.removeAll(b);
        long entityBasis =
            with.stream()
                .filter(r -> r.getAs("typology").equals(t))
                .filter(r -> r.<String>getAs("evidence").contains("\"basis\":\"entity\""))
                .count();
        perSignal.put(
            v.getKey() + " | " + t,
            String.format(
                Locale.ROOT,
                "| %s | %s | %,d -> %,d | %,d | %,d | %,d | %s | %s |",
                v.getKey(),
                t,
                a.size(),
                b.size(),
                entityBasis,
                g.size(),
                l.size(),
                byRole(spark, g),
                byRole(spark, l)));
      }
    }
    md.append("\n### Per signal\n\n")
        .append(
            "| settings | signal | flagged off -> on | alerts judged against an entity | gained |"
                + " lost | gained by role | lost by role |\n"
                + "|---|---|---:|---:|---:|---:|---|---|\n");
    perSignal.values().forEach(line -> md.append(line).append('\n'));
    md.append("\nLoad average at the end: ").append(load()).append(".\n");
    Path out = Path.of(System.getProperty("scamflow.home", ".."), "results", "entity-baselines.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
    System.out.println(md);
  }

  private static List<Row> signals(Lakehouse lh, Settings settings, LocalDate day) {
    return signals(DetectionStage.context(lh, settings, day));
  }

  private static List<Row> signals(DetectionContext context) {
    List<Row> out = new ArrayList<>();
    for (Detector d : BehaviourReplay.signals()) {
      out.addAll(d.detect(context).collectAsList());
    }
    return out;
  }

  /** Accounts that are anchor or member of an alert (of {@code typology}, or of any if null). */
  private static Set<String> flagged(List<Row> alerts, String typology) {
    Set<String> out = new TreeSet<>();
    for (Row r : alerts) {
      if (typology == null || r.getAs("typology").equals(typology)) {
        out.add(r.getAs("anchor"));
        out.addAll(r.<String>getList(r.fieldIndex("members")));
      }
    }
    return out;
  }

  /** The truth's roles as a view truth_roles (account in silver's spelling, role). */
  private static void roles(SparkSession spark) {
    spark
        .read()
        .option("header", "true")
        .csv(Path.of(TRUTH, "accounts").toString())
        .selectExpr(
            "CASE WHEN kind = 'bank_account' AND account RLIKE '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,}$'"
                + " THEN 'IBAN:' || account WHEN kind = 'bank_account' THEN 'ACCT:' ||"
                + " substr(bic, 1, 8) || ':' || account ELSE upper(chain) || ':' || address END"
                + " AS account",
            "role")
        .where("account IS NOT NULL")
        .selectExpr("lower(account) AS account", "role")
        .dropDuplicates("account")
        .createOrReplaceTempView("truth_roles");
  }

  private static String byRole(SparkSession spark, Set<String> accounts) {
    if (TRUTH.isEmpty() || accounts.isEmpty()) {
      return "";
    }
    Dataset<Row> keys =
        spark
            .createDataset(
                accounts.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(),
                org.apache.spark.sql.Encoders.STRING())
            .toDF("account");
    StringBuilder s = new StringBuilder();
    keys.join(spark.table("truth_roles"), new String[] {"account"}, "left")
        .selectExpr("coalesce(role, 'unknown') AS role")
        .groupBy("role")
        .count()
        .orderBy(col("count").desc())
        .collectAsList()
        .forEach(r -> s.append(s.length() == 0 ? "" : ", ").append(r.get(0) + " " + r.get(1)));
    return s.toString();
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
