package io.scamflow.cases;

import io.scamflow.cases.CaseModel.AlertRef;
import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Network;
import io.scamflow.cases.CaseModel.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives today's networks their case ids and decides what an analyst must look at again.
 *
 * <ul>
 *   <li>A network continues an open case of the previous run when their members overlap (Jaccard at
 *       least {@code minJaccard}) or they share a designated node. Each previous case goes to the
 *       network it overlaps most.
 *   <li>A network that receives several previous cases is their merge: it keeps the oldest id (by
 *       first_seen, then id) and the others are CLOSED with {@code merged_into}.
 *   <li>A network that overlaps a previous case which went to another network split off from it: it
 *       gets a new id with {@code split_from}. A network overlapping nothing is a NEW case.
 *   <li>A previous case no network continues is CLOSED.
 *   <li>A continued case is re-alerted only on new material risk: new members, new designated
 *       nodes, new exposure (a designated node not reached before, or fewer hops), new typologies,
 *       a merge, or traced money grown since the last alert by both {@code minIncreaseUsd} and
 *       {@code minIncreaseRatio}.
 * </ul>
 *
 * Everything depends only on today's networks and the previous run's cases, so a rerun of a date
 * gives the same rows.
 */
final class CaseIdentity {
  private final double minJaccard;
  private final BigDecimal minIncreaseUsd;
  private final double minIncreaseRatio;
  private final CaseScore score;

  CaseIdentity(
      double minJaccard, BigDecimal minIncreaseUsd, double minIncreaseRatio, CaseScore score) {
    this.minJaccard = minJaccard;
    this.minIncreaseUsd = minIncreaseUsd;
    this.minIncreaseRatio = minIncreaseRatio;
    this.score = score;
  }

  /** Today's case rows: one per network, plus a CLOSED row for each previous case that ended. */
  List<CaseRow> assign(LocalDate day, List<Network> networks, List<CaseRow> previous) {
    List<CaseRow> priors = previous.stream().filter(CaseRow::open).toList();
    List<Network> nets =
        networks.stream().sorted(Comparator.comparing(Network::networkId)).toList();

    // each previous case goes to the network it overlaps most; both matching rules need a shared
    // member, so only cases sharing one are compared (an inverted index, not priors x networks)
    Map<String, List<CaseRow>> casesOfMember = new HashMap<>();
    for (CaseRow p : priors) {
      for (String m : new TreeSet<>(p.members())) {
        casesOfMember.computeIfAbsent(m, k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, List<Network>> candidates = new HashMap<>();
    for (Network n : nets) {
      Set<String> seen = new HashSet<>();
      for (String m : n.members()) {
        for (CaseRow p : casesOfMember.getOrDefault(m, List.of())) {
          if (seen.add(p.caseId())) {
            candidates.computeIfAbsent(p.caseId(), k -> new ArrayList<>()).add(n);
          }
        }
      }
    }
    Map<String, List<CaseRow>> assigned = new HashMap<>();
    Map<String, List<CaseRow>> overlapping = new HashMap<>();
    Set<String> continued = new HashSet<>();
    for (CaseRow p : priors) {
      Network best = null;
      double bestKey = -1;
      for (Network n : candidates.getOrDefault(p.caseId(), List.of())) {
        double j = jaccard(p.members(), n.members());
        boolean sharesDesignated = intersects(p.designatedNodes(), n.designated());
        if (j >= minJaccard || sharesDesignated) {
          overlapping.computeIfAbsent(n.networkId(), k -> new ArrayList<>()).add(p);
          double key = (sharesDesignated ? 1 : 0) + j;
          if (key > bestKey) {
            best = n;
            bestKey = key;
          }
        }
      }
      if (best != null) {
        assigned.computeIfAbsent(best.networkId(), k -> new ArrayList<>()).add(p);
        continued.add(p.caseId());
      }
    }

    List<CaseRow> out = new ArrayList<>();
    Set<String> usedIds = new HashSet<>();
    for (CaseRow p : priors) {
      usedIds.add(p.caseId());
    }
    for (Network n : nets) {
      List<Reason> reasons = score.reasons(n);
      List<CaseRow> mine = new ArrayList<>(assigned.getOrDefault(n.networkId(), List.of()));
      if (mine.isEmpty()) {
        String splitFrom =
            overlapping.getOrDefault(n.networkId(), List.of()).stream()
                .max(Comparator.comparingDouble((CaseRow p) -> jaccard(p.members(), n.members())))
                .map(CaseRow::caseId)
                .orElse(null);
        String id = newId(day, n, usedIds);
        usedIds.add(id);
        List<String> why = new ArrayList<>();
        why.add(splitFrom == null ? "new case" : "split from " + splitFrom);
        out.add(
            row(
                day,
                id,
                "NEW",
                n,
                day,
                day,
                day,
                true,
                why,
                List.of(),
                splitFrom,
                reasons,
                n.tracedUsd()));
        continue;
      }
      mine.sort(Comparator.comparing(CaseRow::firstSeen).thenComparing(CaseRow::caseId));
      CaseRow survivor = mine.get(0);
      List<String> mergedIds = new ArrayList<>();
      for (CaseRow other : mine.subList(1, mine.size())) {
        mergedIds.add(other.caseId());
        out.add(closed(day, other, survivor.caseId()));
      }
      List<String> why = materialChanges(n, mine, mergedIds);
      boolean realert = !why.isEmpty();
      BigDecimal baseline = BigDecimal.ZERO;
      for (CaseRow p : mine) {
        baseline = baseline.add(nz(p.alertedUsd()));
      }
      CaseRow candidate =
          row(
              day,
              survivor.caseId(),
              "UPDATED",
              n,
              survivor.firstSeen(),
              day,
              realert ? day : survivor.lastAlerted(),
              realert,
              why,
              mergedIds,
              null,
              reasons,
              realert ? n.tracedUsd() : baseline);
      boolean changed = realert || !sameContent(candidate, survivor);
      out.add(
          changed
              ? candidate
              : row(
                  day,
                  survivor.caseId(),
                  "UNCHANGED",
                  n,
                  survivor.firstSeen(),
                  survivor.lastChanged(),
                  survivor.lastAlerted(),
                  false,
                  List.of(),
                  List.of(),
                  null,
                  reasons,
                  baseline));
    }
    for (CaseRow p : priors) {
      if (!continued.contains(p.caseId())) {
        out.add(closed(day, p, null));
      }
    }
    out.sort(Comparator.comparing(CaseRow::caseId));
    return out;
  }

  /** Why a continued case needs an analyst again; empty when nothing material is new. */
  private List<String> materialChanges(Network n, List<CaseRow> mine, List<String> mergedIds) {
    Set<String> members = new HashSet<>();
    Set<String> designated = new HashSet<>();
    Set<String> exposed = new HashSet<>();
    Set<String> typologies = new HashSet<>();
    int bestHops = Integer.MAX_VALUE;
    BigDecimal baseline = BigDecimal.ZERO;
    for (CaseRow p : mine) {
      members.addAll(p.members());
      designated.addAll(p.designatedNodes());
      exposed.addAll(p.exposedDesignated());
      typologies.addAll(p.typologies());
      if (p.strongest() != null) {
        bestHops = Math.min(bestHops, p.strongest().hops());
      }
      baseline = baseline.add(nz(p.alertedUsd()));
    }
    List<String> why = new ArrayList<>();
    if (!mergedIds.isEmpty()) {
      why.add("merged with " + String.join(", ", mergedIds));
    }
    List<String> newMembers = minus(n.members(), members);
    if (!newMembers.isEmpty()) {
      why.add("new members: " + newMembers.size() + " (" + preview(newMembers) + ")");
    }
    List<String> newDesignated = minus(n.designated(), designated);
    if (!newDesignated.isEmpty()) {
      why.add("new designated nodes: " + preview(newDesignated));
    }
    List<String> newExposed = minus(n.exposedDesignated(), exposed);
    if (!newExposed.isEmpty()) {
      why.add("new exposure to " + preview(newExposed));
    } else if (n.strongest() != null && n.strongest().hops() < bestHops) {
      why.add(
          "exposure now "
              + n.strongest().hops()
              + " hop(s), was "
              + (bestHops == Integer.MAX_VALUE ? "none" : String.valueOf(bestHops)));
    }
    List<String> newTypologies =
        minus(n.alerts().stream().map(AlertRef::typology).distinct().toList(), typologies);
    if (!newTypologies.isEmpty()) {
      why.add("new typologies: " + String.join(", ", newTypologies));
    }
    BigDecimal increase = nz(n.tracedUsd()).subtract(baseline);
    if (increase.compareTo(minIncreaseUsd) >= 0
        && increase.doubleValue() >= minIncreaseRatio * baseline.doubleValue()) {
      why.add(
          "more money: "
              + nz(n.tracedUsd()).toPlainString()
              + " USD traced, "
              + baseline.toPlainString()
              + " when last alerted");
    }
    return why;
  }

  private static boolean sameContent(CaseRow a, CaseRow b) {
    return a.members().equals(b.members())
        && a.designatedNodes().equals(b.designatedNodes())
        && a.alertIds().equals(b.alertIds())
        && a.typologies().equals(b.typologies())
        && sameAmount(a.tracedUsd(), b.tracedUsd())
        && sameAmount(a.designatedUsd(), b.designatedUsd())
        && a.exposedDesignated().equals(b.exposedDesignated())
        && Objects.equals(a.strongest(), b.strongest())
        && a.score() == b.score();
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return nz(a).compareTo(nz(b)) == 0;
  }

  private static CaseRow row(
      LocalDate day,
      String id,
      String status,
      Network n,
      LocalDate firstSeen,
      LocalDate lastChanged,
      LocalDate lastAlerted,
      boolean realert,
      List<String> why,
      List<String> merged,
      String splitFrom,
      List<Reason> reasons,
      BigDecimal alertedUsd) {
    List<String> alertIds = n.alerts().stream().map(AlertRef::alertId).distinct().sorted().toList();
    List<String> typologies =
        n.alerts().stream().map(AlertRef::typology).distinct().sorted().toList();
    return new CaseRow(
        day,
        id,
        status,
        n.networkId(),
        firstSeen,
        lastChanged,
        lastAlerted,
        realert,
        List.copyOf(why),
        List.copyOf(merged),
        null,
        splitFrom,
        sorted(n.members()),
        sorted(n.designated()),
        sorted(n.victims()),
        alertIds,
        typologies,
        nz(n.tracedUsd()),
        nz(n.designatedUsd()),
        nz(alertedUsd),
        sorted(n.exposedDesignated()),
        List.copyOf(n.topPaths()),
        n.strongest(),
        CaseScore.total(reasons),
        reasons);
  }

  private static CaseRow closed(LocalDate day, CaseRow p, String mergedInto) {
    return new CaseRow(
        day,
        p.caseId(),
        "CLOSED",
        null,
        p.firstSeen(),
        day,
        p.lastAlerted(),
        false,
        List.of(),
        List.of(),
        mergedInto,
        null,
        p.members(),
        p.designatedNodes(),
        p.victims(),
        p.alertIds(),
        p.typologies(),
        p.tracedUsd(),
        p.designatedUsd(),
        p.alertedUsd(),
        p.exposedDesignated(),
        p.topPaths(),
        p.strongest(),
        p.score(),
        p.reasons());
  }

  /** A new case id: the date it opened and a hash of its members, so reruns give the same id. */
  static String newId(LocalDate day, Network n, Set<String> taken) {
    String base =
        "C"
            + day.format(DateTimeFormatter.BASIC_ISO_DATE)
            + "-"
            + sha256(String.join("\n", sorted(n.members()))).substring(0, 8);
    String id = base;
    for (int i = 2; taken.contains(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }

  static double jaccard(List<String> a, List<String> b) {
    Set<String> sa = new HashSet<>(a);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    if (union.isEmpty()) {
      return 0;
    }
    int inter = 0;
    for (String x : new HashSet<>(b)) {
      if (sa.contains(x)) {
        inter++;
      }
    }
    return (double) inter / union.size();
  }

  private static boolean intersects(List<String> a, List<String> b) {
    Set<String> sa = new HashSet<>(a);
    return b.stream().anyMatch(sa::contains);
  }

  private static List<String> minus(List<String> a, Set<String> b) {
    return new TreeSet<>(a).stream().filter(x -> !b.contains(x)).toList();
  }

  private static String preview(List<String> xs) {
    return xs.size() <= 3
        ? String.join(", ", xs)
        : String.join(", ", xs.subList(0, 3)) + ", +" + (xs.size() - 3) + " more";
  }

  private static List<String> sorted(List<String> xs) {
    return xs == null ? List.of() : new TreeSet<>(xs).stream().toList();
  }

  private static BigDecimal nz(BigDecimal x) {
    return x == null ? BigDecimal.ZERO : x;
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : d) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
