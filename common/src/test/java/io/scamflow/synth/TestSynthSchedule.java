package io.scamflow.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every scheme's hops fit in the world and follow each other: money leaves an account after it came
 * in. Short worlds used to stack the whole laundering schedule on their last second (a two-day
 * world had every layering, cash-out and chain transfer at 23:59:59 of its second day), which no
 * time-ordered rule can follow.
 */
class TestSynthSchedule {
  /**
   * Incoming legs that a later outgoing transfer does not pass on, the only pairs exempt from the
   * order check: collection accounts and deposit addresses keep receiving victims' money after a
   * sweep (fan_in, consolidation) moved what was there, and a victim's next payment comes from
   * their savings, not from the small fake "return" they got in between.
   */
  private static final Map<String, Set<String>> NOT_PASSED_ON =
      Map.of(
          "victim_payment", Set.of("fan_in"),
          "chain_deposit", Set.of("consolidation"),
          "fake_return", Set.of("victim_payment"));

  record Hop(int seq, String scheme, String from, String to, String typology, Instant ts) {}

  @ParameterizedTest(name = "tiny, {0} day(s) from {1}, seed {2}, {3} operations")
  @CsvSource({
    // the generated world of the truth tests (GeneratedWorld / results/detection.md)
    "2, 2027-01-04, 7, 2",
    "1, 2027-01-04, 7, 2",
    "7, 2026-03-02, 42, 2",
    // many operations in one day: their staggered starts must wrap inside the day
    "1, 2027-01-04, 3, 60",
  })
  void everySchemeHopIsInsideTheWorldAndStrictlyAfterTheHopBefore(
      int days, String start, long seed, int operations) {
    WorldParameters params =
        WorldParameters.of(Scale.TINY, LocalDate.parse(start), days, seed)
            .withOperations(operations);
    Path dir = TinyWorld.fresh("schedule-" + days + "-" + seed + "-" + operations);
    TinyWorld.generate(params, dir);
    Instant first = params.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant after = params.start().plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();

    List<Hop> hops = new ArrayList<>();
    for (Path f : TinyWorld.files(dir.resolve("truth").resolve("transfers"))) {
      for (Map<String, String> r : Parsers.csvMaps(f, StandardCharsets.UTF_8)) {
        Instant ts = Instant.parse(r.get("timestamp"));
        assertThat(ts).as(r.get("transfer_id")).isAfterOrEqualTo(first).isBefore(after);
        if (r.get("laundering").equals("1")) {
          String id = r.get("transfer_id");
          hops.add(
              new Hop(
                  Integer.parseInt(id.substring(id.indexOf('t') + 1)),
                  r.get("scheme_id"),
                  r.get("from_key"),
                  r.get("to_key"),
                  r.get("typology"),
                  ts));
        }
      }
    }
    assertThat(hops.stream().map(Hop::scheme).distinct()).hasSize(operations);

    // per scheme and account: what came in and what went out, in the order the scheme made them
    Map<String, List<Hop>> in = new HashMap<>();
    Map<String, List<Hop>> out = new HashMap<>();
    for (Hop h : hops) {
      in.computeIfAbsent(h.scheme() + "|" + h.to(), k -> new ArrayList<>()).add(h);
      out.computeIfAbsent(h.scheme() + "|" + h.from(), k -> new ArrayList<>()).add(h);
    }
    Map<String, Integer> checked = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Hop>> e : out.entrySet()) {
      for (Hop next : e.getValue()) {
        for (Hop before : in.getOrDefault(e.getKey(), List.of())) {
          boolean notPassedOn =
              NOT_PASSED_ON.getOrDefault(before.typology(), Set.of()).contains(next.typology());
          if (before.seq() >= next.seq() || notPassedOn) {
            continue; // a later leg (a cycle closing) or money that is not passed on
          }
          checked.merge(next.typology(), 1, Integer::sum);
          if (!next.ts().isAfter(before.ts())) {
            violations.add(
                before.scheme()
                    + " "
                    + before.typology()
                    + " into "
                    + e.getKey()
                    + " at "
                    + before.ts()
                    + ", then "
                    + next.typology()
                    + " out at "
                    + next.ts());
          }
        }
      }
    }
    assertThat(violations).isEmpty();
    // every layering step of the schedule was among the pairs checked, not skipped
    assertThat(checked.keySet())
        .contains(
            "rapid_pass_through",
            "fan_out",
            "structuring",
            "cycle",
            "scatter_gather",
            "gather_scatter",
            "bipartite_layers",
            "vasp_cashout",
            "consolidation",
            "peel_chain",
            "otc_desk",
            "designated_wallet",
            "eth_hop");
    // and no two hops of one typology share a second merely because the world ran out
    Map<String, Long> atLastSecond = new TreeMap<>();
    for (Hop h : hops) {
      if (h.ts().equals(after.minusSeconds(1))) {
        atLastSecond.merge(h.typology(), 1L, Long::sum);
      }
    }
    assertThat(atLastSecond).isEmpty();
    TinyWorld.deleteRecursively(dir);
  }
}
