package io.scamflow.cases;

import io.scamflow.cases.CaseModel.AlertRef;
import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Network;
import io.scamflow.cases.CaseModel.Path;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The driver-side work of cases: identity matching of N networks against N previous cases (the
 * Spark summaries before it are ordinary joins), and rendering a large case report. Writes
 * results/cases.md. Numbers, never assertions.
 */
class BenchCases {
  static final LocalDate D1 = LocalDate.of(2026, 3, 2);
  static final CaseIdentity IDENTITY =
      new CaseIdentity(0.3, new BigDecimal("10000"), 0.25, new CaseScore(3, 2, 1, 1, 1, 0.2));

  static List<Network> networks(int n, int size, int shift, Random random) {
    List<Network> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> members = new ArrayList<>();
      for (int k = 0; k < size; k++) {
        members.add("ACCT:N" + i + ":" + (k + (random.nextInt(10) < 2 ? shift : 0)));
      }
      String wallet = "TRON:W" + i;
      members.add(wallet);
      Path p =
          new Path(
              members.get(0),
              "TO_DESIGNATED",
              List.of(members.get(0), wallet),
              List.of("t"),
              wallet,
              "ofac-sdn",
              "v1",
              2,
              new BigDecimal("1000.00"));
      out.add(
          new Network(
              members.get(0),
              members,
              List.of(wallet),
              List.of(members.get(1)),
              List.of(new AlertRef("a" + i, "fan_in", 0.7)),
              new BigDecimal("5000.00"),
              BigDecimal.ZERO,
              List.of(wallet),
              List.of(p),
              p,
              members.get(0),
              1.5,
              "alert"));
    }
    return out;
  }

  @Test
  void measure() throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("# Cases: driver-side cost\n\n")
        .append("Measured by `BenchCases` (one JVM, no Spark; best of 3 after a warm-up) on the")
        .append(" shared 2-core machine while other builds ran (load average ")
        .append(
            String.format(
                Locale.ROOT,
                "%.0f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()))
        .append(" at the start: wall times are inflated accordingly).\n\n")
        .append("| step | size | ms |\n|---|---|---|\n");
    for (int n : new int[] {1_000, 10_000, 50_000}) {
      Random random = new Random(7);
      List<Network> day1 = networks(n, 20, 0, random);
      List<CaseRow> cases = IDENTITY.assign(D1, day1, List.of());
      List<Network> day2 = networks(n, 20, 100, random);
      IDENTITY.assign(D1.plusDays(1), day2, cases); // warm-up
      long best = Long.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long t = System.nanoTime();
        IDENTITY.assign(D1.plusDays(1), day2, cases);
        best = Math.min(best, System.nanoTime() - t);
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| identity: match today's networks to yesterday's open cases | %,d networks of 21"
                  + " nodes | %.0f |%n",
              n,
              best / 1e6));
    }
    for (int nodes : new int[] {100, 500, 2_000}) {
      List<CaseReport.Node> ns = new ArrayList<>();
      List<CaseReport.Edge> es = new ArrayList<>();
      List<CaseReport.Flow> fs = new ArrayList<>();
      List<String> members = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        String id = "ACCT:BANK:" + i;
        members.add(id);
        ns.add(new CaseReport.Node(id, "ACCOUNT", i == 0 ? "DESIGNATED" : "MULE", 1));
        if (i > 0) {
          es.add(new CaseReport.Edge("ACCT:BANK:" + (i / 2), id, 2, new BigDecimal(i * 10)));
          es.add(new CaseReport.Edge(id, "ACCT:BANK:" + (i - 1), 1, new BigDecimal(i)));
          fs.add(
              new CaseReport.Flow(
                  "FORWARD",
                  "ACCT:BANK:1",
                  i % 6,
                  "ACCT:BANK:" + (i / 2),
                  id,
                  "t" + i,
                  "2026-03-02 10:00:00",
                  new BigDecimal("10.00"),
                  new BigDecimal("5.00")));
        }
      }
      Network net =
          new Network(
              "n",
              members,
              List.of(members.get(0)),
              List.of(),
              List.of(),
              BigDecimal.TEN,
              BigDecimal.ZERO,
              List.of(),
              List.of(),
              null,
              null,
              0,
              null);
      CaseRow c = IDENTITY.assign(D1, List.of(net), List.of()).get(0);
      CaseReport report =
          new CaseReport(c, ns, es, fs, fs.size(), List.of(), List.of(), 0, List.of(), List.of());
      report.html();
      long best = Long.MAX_VALUE;
      int bytes = 0;
      for (int rep = 0; rep < 3; rep++) {
        long t = System.nanoTime();
        bytes = report.html().length();
        best = Math.min(best, System.nanoTime() - t);
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| report: layout and render HTML + SVG | %,d nodes, %,d edges, %,d flows (%,d KB)"
                  + " | %.0f |%n",
              nodes,
              es.size(),
              fs.size(),
              bytes / 1024,
              best / 1e6));
    }
    java.nio.file.Path out =
        java.nio.file.Path.of(System.getProperty("scamflow.home", "."))
            .resolve("results")
            .resolve("cases.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
