package io.scamflow.cases;

import io.scamflow.cases.CaseModel.Path;
import io.scamflow.cases.CaseModel.Reason;
import io.scamflow.cases.NetworkLayout.Point;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Renders a {@link CaseReport} as one self-contained HTML page; every text is escaped. */
final class CaseReportHtml {
  private CaseReportHtml() {}

  static final Map<String, String> COLOURS = new LinkedHashMap<>();

  static {
    COLOURS.put("DESIGNATED", "#c62828");
    COLOURS.put("OTC", "#6a1b9a");
    COLOURS.put("EXCHANGE", "#1565c0");
    COLOURS.put("MULE", "#ef6c00");
    COLOURS.put("VICTIM", "#2e7d32");
    COLOURS.put("OTHER", "#757575");
  }

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222}"
          + "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ccc}"
          + "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}"
          + "th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
          + "th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em}"
          + ".badge{display:inline-block;padding:1px 6px;border-radius:3px;color:#fff}"
          + ".note{color:#666;font-size:.85em}svg{border:1px solid #ddd;background:#fcfcfc}"
          + "pre{white-space:pre-wrap;margin:0}";

  static String render(CaseReport r) {
    var c = r.caseRow;
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Case ")
        .append(esc(c.caseId()))
        .append(" · scamflow</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>Case <span class=\"mono\" id=\"case-id\">")
        .append(esc(c.caseId()))
        .append("</span></h1>\n");
    h.append("<table id=\"summary\"><tbody>");
    kv(h, "Run date", String.valueOf(c.runDate()));
    kv(h, "Status", c.status() + (c.realert() ? " — needs an analyst (re-alert)" : ""));
    if (!c.realertReasons().isEmpty()) {
      kv(h, "Why now", String.join("; ", c.realertReasons()));
    }
    kv(
        h,
        "First seen / last changed / last alerted",
        c.firstSeen() + " / " + c.lastChanged() + " / " + c.lastAlerted());
    if (!c.mergedCaseIds().isEmpty()) {
      kv(h, "Merged today", String.join(", ", c.mergedCaseIds()));
    }
    if (c.mergedInto() != null) {
      kv(h, "Merged into", c.mergedInto());
    }
    if (c.splitFrom() != null) {
      kv(h, "Split from", c.splitFrom());
    }
    kv(h, "Score", String.format(Locale.ROOT, "%.3f", c.score()));
    kv(h, "Members", String.valueOf(c.members().size()));
    kv(h, "Designated nodes", String.join(", ", c.designatedNodes()));
    kv(h, "Victims' money traced in (USD)", usd(c.tracedUsd()));
    kv(h, "Traced into designated wallets (USD)", usd(c.designatedUsd()));
    kv(h, "Typologies", String.join(", ", c.typologies()));
    if (c.strongest() != null) {
      Path p = c.strongest();
      kv(
          h,
          "Strongest list exposure",
          p.listId()
              + " version "
              + p.listVersion()
              + ", "
              + p.hops()
              + " hop(s) from "
              + p.node()
              + " to "
              + p.designatedNode()
              + ", "
              + usd(p.exposureUsd())
              + " USD");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>Why this score</h2>\n<table id=\"reasons\"><thead><tr><th>source</th>")
        .append("<th>detail</th><th>contribution</th></tr></thead><tbody>");
    for (Reason reason : c.reasons()) {
      h.append("<tr><td>")
          .append(esc(reason.source()))
          .append("</td><td>")
          .append(esc(reason.detail()))
          .append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.3f", reason.contribution()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>The network</h2>\n");
    svg(h, r);

    h.append("<h2>Flows</h2>\n<p class=\"note\">gold.flows rows between members: FORWARD traces")
        .append(" follow a victim's money, BACKWARD traces where a designated wallet's money came")
        .append(" from; traced USD is the origin's share of the transfer.")
        .append(cut(r.flows.size(), r.flowCount))
        .append("</p>\n<table id=\"flows\"><thead><tr><th>trace</th><th>origin</th><th>hop</th>")
        .append("<th>from</th><th>to</th><th>transfer</th><th>time</th><th>amount USD</th>")
        .append("<th>traced USD</th></tr></thead><tbody>");
    for (CaseReport.Flow f : r.flows) {
      h.append("<tr>");
      td(h, f.trace());
      tdMono(h, f.origin());
      tdNum(h, String.valueOf(f.hop()));
      tdMono(h, f.src());
      tdMono(h, f.dst());
      tdMono(h, f.transferId());
      td(h, f.ts());
      tdNum(h, usd(f.amountUsd()));
      tdNum(h, usd(f.tracedUsd()));
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>Alerts</h2>\n<table id=\"alerts\"><thead><tr><th>alert</th><th>typology</th>")
        .append("<th>anchor</th><th>members</th><th>USD</th><th>window</th><th>score</th>")
        .append("<th>rule</th><th>evidence</th></tr></thead><tbody>");
    for (CaseReport.Alert a : r.alerts) {
      h.append("<tr>");
      tdMono(h, a.alertId());
      td(h, a.typology());
      tdMono(h, a.anchor());
      tdMono(h, String.join(", ", a.members()));
      tdNum(h, usd(a.amountUsd()));
      td(h, a.window());
      tdNum(h, String.format(Locale.ROOT, "%.3f", a.score()));
      td(h, a.rule());
      h.append("<td><pre class=\"mono\">").append(esc(a.evidence())).append("</pre></td>");
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>List exposure</h2>\n<p class=\"note\">gold.exposure rows of the members, fewest")
        .append(" hops first, with the list version used.")
        .append(cut(r.exposures.size(), r.exposureCount))
        .append("</p>\n<table id=\"exposures\"><thead><tr><th>member</th><th>direction</th>")
        .append("<th>hops</th><th>USD</th><th>designated</th><th>list</th><th>list version</th>")
        .append("<th>path</th></tr></thead><tbody>");
    for (Path p : r.exposures) {
      h.append("<tr>");
      tdMono(h, p.node());
      td(h, p.direction());
      tdNum(h, String.valueOf(p.hops()));
      tdNum(h, usd(p.exposureUsd()));
      tdMono(h, p.designatedNode());
      td(h, p.listId());
      td(h, p.listVersion());
      tdMono(h, String.join(" → ", p.path()));
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");

    h.append("<h2>Screening hits</h2>\n<table id=\"hits\"><thead><tr><th>member</th>")
        .append("<th>list</th><th>list version</th><th>listed name</th><th>match</th>")
        .append("<th>score</th><th>why</th></tr></thead><tbody>");
    for (CaseReport.Hit x : r.hits) {
      h.append("<tr>");
      tdMono(h, x.subject());
      td(h, x.listId());
      td(h, x.listVersion());
      td(h, x.listedName());
      td(h, x.matchType());
      tdNum(h, String.format(Locale.ROOT, "%.2f", x.score()));
      td(h, x.explanation());
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");

    Map<String, CaseReport.Risk> riskOf = new HashMap<>();
    for (CaseReport.Risk x : r.risks) {
      riskOf.put(x.node(), x);
    }
    h.append("<h2>Members</h2>\n<table id=\"members\"><thead><tr><th>member</th><th>kind</th>")
        .append("<th>role</th><th>risk score</th><th>risk reasons</th></tr></thead><tbody>");
    for (CaseReport.Node n : r.nodes) {
      CaseReport.Risk risk = riskOf.get(n.node());
      h.append("<tr>");
      tdMono(h, n.node());
      td(h, n.kind());
      td(h, n.role());
      tdNum(h, risk == null ? "" : String.format(Locale.ROOT, "%.2f", risk.score()));
      td(h, risk == null ? "" : String.join("; ", risk.reasons()));
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
    h.append("<p class=\"note\">Written by scamflow from the lakehouse tables of ")
        .append(esc(String.valueOf(c.runDate())))
        .append(". Amounts in USD.</p>\n</body></html>\n");
    return h.toString();
  }

  private static void svg(StringBuilder h, CaseReport r) {
    Map<String, String> roleOf = new LinkedHashMap<>();
    for (CaseReport.Node n : r.nodes) {
      roleOf.put(n.node(), n.role() == null ? "OTHER" : n.role());
    }
    List<String[]> pairs = new ArrayList<>();
    for (CaseReport.Edge e : r.edges) {
      pairs.add(new String[] {e.src(), e.dst()});
    }
    Set<String> seeds = new TreeSet<>(r.caseRow.designatedNodes());
    if (seeds.isEmpty()) {
      seeds.addAll(r.caseRow.victims());
    }
    Map<String, Point> at = NetworkLayout.layout(roleOf, pairs, seeds);
    double width = 2 * NetworkLayout.MARGIN + 160;
    double height = 2 * NetworkLayout.MARGIN;
    for (Point p : at.values()) {
      width = Math.max(width, p.x() + NetworkLayout.MARGIN + 160);
      height = Math.max(height, p.y() + NetworkLayout.MARGIN);
    }
    height += 30; // legend
    double max = 0;
    for (CaseReport.Edge e : r.edges) {
      max = Math.max(max, e.amountUsd() == null ? 0 : e.amountUsd().doubleValue());
    }
    h.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"network\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"network of case %s\">\n",
            width,
            height,
            width,
            height,
            esc(r.caseRow.caseId())));
    h.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#999\"/></marker></defs>\n");
    for (CaseReport.Edge e : r.edges) {
      Point a = at.get(e.src());
      Point b = at.get(e.dst());
      if (a == null || b == null) {
        continue;
      }
      double amount = e.amountUsd() == null ? 0 : e.amountUsd().doubleValue();
      double w = max <= 0 ? 1 : 1 + 7 * Math.sqrt(amount / max);
      double dx = b.x() - a.x();
      double dy = b.y() - a.y();
      double len = Math.max(1, Math.hypot(dx, dy));
      double r0 = 12 / len; // stop at the circles' edges
      h.append(
          String.format(
              Locale.ROOT,
              "<line class=\"edge\" data-src=\"%s\" data-dst=\"%s\" x1=\"%.1f\" y1=\"%.1f\""
                  + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-opacity=\"0.7\""
                  + " stroke-width=\"%.2f\" marker-end=\"url(#arrow)\"><title>%s → %s: %d"
                  + " transfer(s), %s USD</title></line>\n",
              esc(e.src()),
              esc(e.dst()),
              a.x() + dx * r0,
              a.y() + dy * r0,
              b.x() - dx * r0,
              b.y() - dy * r0,
              w,
              esc(e.src()),
              esc(e.dst()),
              e.transfers(),
              usd(e.amountUsd())));
    }
    Set<String> designated = new TreeSet<>(r.caseRow.designatedNodes());
    for (CaseReport.Node n : r.nodes) {
      Point p = at.get(n.node());
      String role = roleOf.get(n.node());
      boolean isDesignated = designated.contains(n.node()) || "DESIGNATED".equals(role);
      String colour = COLOURS.getOrDefault(role, COLOURS.get("OTHER"));
      h.append(
          String.format(
              Locale.ROOT,
              "<g class=\"node role-%s%s\" data-node=\"%s\" data-role=\"%s\">",
              esc(role),
              isDesignated ? " designated" : "",
              esc(n.node()),
              esc(role)));
      h.append("<title>").append(esc(n.node())).append(" · ").append(esc(role));
      if (n.kind() != null) {
        h.append(" · ").append(esc(n.kind()));
      }
      h.append("</title>");
      if (isDesignated) {
        h.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"15\" fill=\"none\" stroke=\"#000\""
                    + " stroke-width=\"2.5\" stroke-dasharray=\"4 2\"/>",
                p.x(),
                p.y()));
      }
      h.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"%s\" stroke=\"#fff\""
                  + " stroke-width=\"1.5\"/>",
              p.x(),
              p.y(),
              colour));
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-family=\"monospace\">%s</text></g>\n",
              p.x() + 16,
              p.y() + 4,
              esc(shorten(n.node()))));
    }
    double lx = 10;
    double ly = height - 14;
    h.append("<g id=\"legend\">");
    for (Map.Entry<String, String> e : COLOURS.entrySet()) {
      h.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\""
                  + " font-size=\"11\">%s</text>",
              lx + 6,
              ly,
              e.getValue(),
              lx + 16,
              ly + 4,
              e.getKey().toLowerCase(Locale.ROOT)));
      lx += 100;
    }
    h.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"none\" stroke=\"#000\""
                + " stroke-width=\"2\" stroke-dasharray=\"4 2\"/><text x=\"%.1f\" y=\"%.1f\""
                + " font-size=\"11\">designated (list hit)</text>",
            lx + 8,
            ly,
            lx + 20,
            ly + 4));
    h.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">line width ∝ √USD; columns = hops"
                + " from the designated nodes</text>",
            lx + 170,
            ly + 4));
    h.append("</g></svg>\n");
  }

  private static String cut(int shown, long total) {
    return total > shown ? " Showing " + shown + " of " + total + " rows." : "";
  }

  private static String shorten(String s) {
    return s == null || s.length() <= 26
        ? s
        : s.substring(0, 14) + "…" + s.substring(s.length() - 8);
  }

  private static void kv(StringBuilder h, String k, String v) {
    h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
  }

  private static void td(StringBuilder h, String v) {
    h.append("<td>").append(esc(v)).append("</td>");
  }

  private static void tdMono(StringBuilder h, String v) {
    h.append("<td class=\"mono\">").append(esc(v)).append("</td>");
  }

  private static void tdNum(StringBuilder h, String v) {
    h.append("<td class=\"num\">").append(esc(v)).append("</td>");
  }

  static String usd(BigDecimal x) {
    return x == null ? "" : String.format(Locale.ROOT, "%,.2f", x);
  }

  /** Escapes text for HTML element content and attribute values alike. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
            out.append(' '); // control characters are not allowed in HTML text
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
