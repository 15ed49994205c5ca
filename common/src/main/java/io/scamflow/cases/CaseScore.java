package io.scamflow.cases;

import io.scamflow.cases.CaseModel.AlertRef;
import io.scamflow.cases.CaseModel.Network;
import io.scamflow.cases.CaseModel.Reason;
import io.scamflow.config.Settings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A case's score: the sum of its reasons, each a weight from {@code scamflow.cases.weights} times
 * what was measured, so an analyst sees exactly why one case ranks above another.
 */
record CaseScore(
    double designated,
    double exposure,
    double alert,
    double money,
    double victims,
    double memberRisk) {

  static CaseScore from(Settings s) {
    String w = "scamflow.cases.weights.";
    return new CaseScore(
        s.decimal(w + "designated"),
        s.decimal(w + "exposure"),
        s.decimal(w + "alert"),
        s.decimal(w + "money"),
        s.decimal(w + "victims"),
        s.decimal(w + "member-risk"));
  }

  /** The reasons, largest contribution first; zero contributions are left out. */
  List<Reason> reasons(Network n) {
    List<Reason> out = new ArrayList<>();
    int designatedCount = n.designated().size();
    if (designatedCount > 0) {
      out.add(
          new Reason(
              "designated",
              designatedCount
                  + " designated node(s) in the network: "
                  + String.join(", ", n.designated().subList(0, Math.min(3, designatedCount))),
              designated * Math.min(3, designatedCount)));
    }
    if (n.strongest() != null) {
      var p = n.strongest();
      int hops = Math.max(1, p.hops());
      out.add(
          new Reason(
              "exposure",
              String.format(
                  Locale.ROOT,
                  "%s %s %s within %d hop(s) (%s %s), %s USD",
                  p.node(),
                  "FROM_DESIGNATED".equals(p.direction()) ? "receives from" : "reaches",
                  p.designatedNode(),
                  p.hops(),
                  p.listId(),
                  p.listVersion(),
                  p.exposureUsd() == null ? "?" : p.exposureUsd().toPlainString()),
              exposure / hops));
    }
    Map<String, double[]> byTypology = new TreeMap<>();
    for (AlertRef a : n.alerts()) {
      double[] v = byTypology.computeIfAbsent(a.typology(), k -> new double[2]);
      v[0] = Math.max(v[0], a.score());
      v[1]++;
    }
    for (Map.Entry<String, double[]> e : byTypology.entrySet()) {
      out.add(
          new Reason(
              "alert",
              String.format(
                  Locale.ROOT,
                  "%d %s alert(s), strongest %.2f",
                  (long) e.getValue()[1],
                  e.getKey(),
                  e.getValue()[0]),
              alert * e.getValue()[0]));
    }
    BigDecimal traced = n.tracedUsd() == null ? BigDecimal.ZERO : n.tracedUsd();
    if (traced.signum() > 0) {
      out.add(
          new Reason(
              "money",
              traced.toPlainString() + " USD of victims' money traced into the network",
              money * Math.log10(1 + traced.doubleValue() / 1000)));
    }
    if (!n.victims().isEmpty()) {
      out.add(
          new Reason(
              "victims",
              n.victims().size() + " victim account(s)",
              victims * Math.log(1 + n.victims().size()) / Math.log(2)));
    }
    if (n.riskiestMember() != null && n.riskiestScore() > 0) {
      out.add(
          new Reason(
              "member_risk",
              String.format(
                  Locale.ROOT,
                  "riskiest member %s scores %.2f%s",
                  n.riskiestMember(),
                  n.riskiestScore(),
                  n.riskiestReason() == null ? "" : ": " + n.riskiestReason()),
              memberRisk * n.riskiestScore()));
    }
    List<Reason> rounded = new ArrayList<>();
    for (Reason r : out) {
      double c = Math.round(r.contribution() * 1000) / 1000.0;
      if (c > 0) {
        rounded.add(new Reason(r.source(), r.detail(), c));
      }
    }
    rounded.sort(
        Comparator.comparingDouble(Reason::contribution).reversed().thenComparing(Reason::source));
    return rounded;
  }

  static double total(List<Reason> reasons) {
    double sum = 0;
    for (Reason r : reasons) {
      sum += r.contribution();
    }
    return Math.round(sum * 1000) / 1000.0;
  }
}
