package io.scamflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.run.StageContext;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three crafted run dates of networks: a scam network that grows by one mule, one that stays the
 * same, one whose traced money creeps up (first below the re-alert threshold, then beyond it), a
 * new one that appears on day 2 and merges into the first on day 3, and one that disappears.
 */
@SparkTest
class TestCases {
  static final LocalDate D1 = LocalDate.of(2026, 3, 2);
  static final LocalDate D2 = D1.plusDays(1);
  static final LocalDate D3 = D1.plusDays(2);

  /** A name from untrusted input, as an entity node id: the report must show it as text. */
  static final String HOSTILE = "ENTITY:Zhang \"Wei\" <b>&Co</b><script>alert(1)</script>";

  static Lakehouse lh;
  static Settings conf;
  static Map<LocalDate, Map<String, Row>> byNetwork = new HashMap<>();
  static Map<LocalDate, List<Row>> rows = new HashMap<>();
  static List<String> day2FirstRun;

  /** The growing scam network: victim → two mules → designated TRON wallet. */
  static GraphFixture scam(GraphFixture f, String net) {
    return f.node(net, "IBAN:V1", "VICTIM")
        .node(net, "IBAN:M1", "MULE")
        .node(net, "IBAN:M2", "MULE")
        .node(net, "TRON:D1", "DESIGNATED")
        .edge(net, "IBAN:V1", "IBAN:M1", 1, 5000)
        .flow("FORWARD", "IBAN:V1", 1, "IBAN:V1", "IBAN:M1", "t1", 5000)
        .flow("FORWARD", "IBAN:V1", 2, "IBAN:M1", "IBAN:M2", "t2", 4800)
        .exposure("IBAN:M1", 3, 4500, "TRON:D1", "ofac-sdn", "2026-03-01")
        .alert("a1", "fan_in", 0.8, "IBAN:M1", "IBAN:M2")
        .risk("IBAN:M1", 2.5, "fan_in", "collects from 4 senders");
  }

  static GraphFixture steady(GraphFixture f) {
    return f.node("IBAN:A", "IBAN:A", "MULE")
        .node("IBAN:A", "IBAN:B", "MULE")
        .node("IBAN:A", "IBAN:VA", "VICTIM")
        .node("IBAN:A", "TRON:D2", "DESIGNATED")
        .flow("FORWARD", "IBAN:VA", 1, "IBAN:VA", "IBAN:A", "ta", 3000)
        .exposure("IBAN:A", 1, 3000, "TRON:D2", "un-sc", "2026-02-20");
  }

  static GraphFixture creeping(GraphFixture f, double usd) {
    return f.node("IBAN:P", "IBAN:P", "MULE")
        .node("IBAN:P", "IBAN:Q", "MULE")
        .node("IBAN:P", "IBAN:VP", "VICTIM")
        .flow("FORWARD", "IBAN:VP", 1, "IBAN:VP", "IBAN:P", "tp", usd);
  }

  static GraphFixture newcomer(GraphFixture f, String net) {
    return f.node(net, "IBAN:X", "MULE")
        .node(net, "IBAN:Y", "MULE")
        .node(net, "IBAN:VX", "VICTIM")
        .flow("FORWARD", "IBAN:VX", 1, "IBAN:VX", "IBAN:X", "tx", 1000);
  }

  @BeforeAll
  static void threeRuns(Lakehouse lakehouse, Settings settings) {
    lh = lakehouse;
    conf = settings;
    GraphFixture d1 = new GraphFixture(D1);
    scam(d1, "IBAN:M1");
    steady(d1);
    creeping(d1, 5000);
    run(d1);

    // network ids are not stable (smallest node): the scam network is now "IBAN:M0"
    GraphFixture d2 = new GraphFixture(D2);
    scam(d2, "IBAN:M0").node("IBAN:M0", "IBAN:M3", "MULE");
    steady(d2);
    creeping(d2, 7000);
    newcomer(d2, "IBAN:X");
    run(d2);
    day2FirstRun = businessRows(D2);

    GraphFixture d3 = new GraphFixture(D3);
    scam(d3, "IBAN:M0").node("IBAN:M0", "IBAN:M3", "MULE");
    newcomer(d3, "IBAN:M0")
        .edge("IBAN:M0", "IBAN:M3", "IBAN:X", 1, 900)
        .edge("IBAN:M0", "IBAN:M2", "TRON:D1", 2, 4500)
        .edge("IBAN:M0", "IBAN:M1", "IBAN:M2", 1, 4800)
        .node("IBAN:M0", HOSTILE, "OTHER")
        .edge("IBAN:M0", HOSTILE, "IBAN:M1", 1, 10)
        .flow("FORWARD", "IBAN:V1", 3, "IBAN:M2", "TRON:D1", "t3", 4500)
        .flow("BACKWARD", "TRON:D1", 1, "IBAN:M2", "TRON:D1", "t3", 4500)
        .flow("FORWARD", "IBAN:ELSEWHERE", 1, "IBAN:ELSEWHERE", "IBAN:NOT-A-MEMBER", "t9", 99)
        .exposure("IBAN:V1", 4, 4000, "TRON:D1", "ofac-sdn", "2026-03-01")
        .alert("a2", "rapid_pass_through", 0.6, "IBAN:M2", "IBAN:M3");
    creeping(d3, 20000);
    run(d3);
  }

  static void run(GraphFixture f) {
    f.write(lh);
    new StageRunner(lh, conf)
        .run(
            "gold.cases",
            f.day(),
            r -> new CaseStage().run(new StageContext(lh, conf, r, Optional.empty())));
    List<Row> day =
        lh.spark()
            .sql("SELECT * FROM gold.cases WHERE run_date = DATE'" + f.day() + "'")
            .collectAsList();
    rows.put(f.day(), day);
    Map<String, Row> m = new HashMap<>();
    for (Row r : day) {
      if (r.getAs("network_id") != null) {
        m.put(r.getAs("network_id"), r);
      }
    }
    byNetwork.put(f.day(), m);
  }

  static List<String> businessRows(LocalDate day) {
    return lh.spark()
        .sql(
            "SELECT to_json(struct(* EXCEPT (run_id, source_file, ingested_at))) FROM gold.cases"
                + " WHERE run_date = DATE'"
                + day
                + "' ORDER BY case_id")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  static Row net(LocalDate day, String network) {
    return byNetwork.get(day).get(network);
  }

  static Row caseRow(LocalDate day, String caseId) {
    return rows.get(day).stream()
        .filter(r -> caseId.equals(r.getAs("case_id")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyNetworkOfTheFirstDayOpensANewCaseThatIsAlerted() {
    assertThat(rows.get(D1)).hasSize(3);
    assertThat(rows.get(D1))
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("status")).isEqualTo("NEW");
              assertThat(r.<Boolean>getAs("realert")).isTrue();
              assertThat(r.<Date>getAs("first_seen")).isEqualTo(Date.valueOf(D1));
            });
    Row scam = net(D1, "IBAN:M1");
    assertThat(scam.<String>getAs("case_id")).startsWith("C20260302-");
    assertThat(scam.getList(scam.fieldIndex("designated_nodes"))).containsExactly("TRON:D1");
    assertThat(scam.getList(scam.fieldIndex("typologies"))).containsExactly("fan_in");
    // victims' money is the first hop only: 5000, not 5000 + 4800
    assertThat(scam.<BigDecimal>getAs("traced_usd")).isEqualByComparingTo("5000");
    Row strongest = scam.getAs("strongest_list_exposure");
    assertThat(strongest.<String>getAs("list_version")).isEqualTo("2026-03-01");
    assertThat(strongest.<Integer>getAs("hops")).isEqualTo(3);
  }

  @Test
  void aPersistingNetworkWithANewMemberKeepsItsIdAndIsReAlerted() {
    Row before = net(D1, "IBAN:M1");
    Row after = net(D2, "IBAN:M0");
    assertThat(after.<String>getAs("case_id")).isEqualTo(before.getAs("case_id"));
    assertThat(after.<String>getAs("status")).isEqualTo("UPDATED");
    assertThat(after.<Boolean>getAs("realert")).isTrue();
    assertThat(after.getList(after.fieldIndex("realert_reasons")))
        .containsExactly("new members: 1 (IBAN:M3)");
    assertThat(after.<Date>getAs("first_seen")).isEqualTo(Date.valueOf(D1));
    assertThat(after.<Date>getAs("last_alerted")).isEqualTo(Date.valueOf(D2));
  }

  @Test
  void aNetworkWithNothingNewIsUnchangedAndNotReAlerted() {
    Row before = net(D1, "IBAN:A");
    Row after = net(D2, "IBAN:A");
    assertThat(after.<String>getAs("case_id")).isEqualTo(before.getAs("case_id"));
    assertThat(after.<String>getAs("status")).isEqualTo("UNCHANGED");
    assertThat(after.<Boolean>getAs("realert")).isFalse();
    assertThat(after.getList(after.fieldIndex("realert_reasons"))).isEmpty();
    assertThat(after.<Date>getAs("last_changed")).isEqualTo(Date.valueOf(D1));
    assertThat(after.<Double>getAs("score")).isEqualTo(before.<Double>getAs("score"));
  }

  @Test
  void moreMoneyBelowTheThresholdUpdatesTheCaseWithoutReAlerting() {
    Row after = net(D2, "IBAN:P");
    assertThat(after.<String>getAs("case_id")).isEqualTo(net(D1, "IBAN:P").getAs("case_id"));
    assertThat(after.<String>getAs("status")).isEqualTo("UPDATED");
    assertThat(after.<Boolean>getAs("realert")).isFalse();
    assertThat(after.<BigDecimal>getAs("traced_usd")).isEqualByComparingTo("7000");
    assertThat(after.<BigDecimal>getAs("alerted_usd")).isEqualByComparingTo("5000");
  }

  @Test
  void moneyBeyondTheThresholdSinceTheLastAlertReAlerts() {
    Row after = net(D3, "IBAN:P");
    assertThat(after.<String>getAs("case_id")).isEqualTo(net(D1, "IBAN:P").getAs("case_id"));
    assertThat(after.<Boolean>getAs("realert")).isTrue();
    assertThat(after.getList(after.fieldIndex("realert_reasons")))
        .singleElement()
        .asString()
        .startsWith("more money: 20000.00 USD traced, 5000.00 when last alerted");
    assertThat(after.<BigDecimal>getAs("alerted_usd")).isEqualByComparingTo("20000");
  }

  @Test
  void aMergeKeepsTheOlderIdAndClosesTheYoungerCase() {
    String older = net(D1, "IBAN:M1").getAs("case_id");
    String younger = net(D2, "IBAN:X").getAs("case_id");
    assertThat(net(D2, "IBAN:X").<String>getAs("status")).isEqualTo("NEW");
    Row merged = net(D3, "IBAN:M0");
    assertThat(merged.<String>getAs("case_id")).isEqualTo(older);
    assertThat(merged.getList(merged.fieldIndex("merged_case_ids"))).containsExactly(younger);
    assertThat(merged.<Boolean>getAs("realert")).isTrue();
    assertThat(merged.<Integer>getAs("member_count")).isEqualTo(9);
    Row closed = caseRow(D3, younger);
    assertThat(closed.<String>getAs("status")).isEqualTo("CLOSED");
    assertThat(closed.<String>getAs("merged_into")).isEqualTo(older);
  }

  @Test
  void aCaseWhoseNetworkIsGoneIsClosedOnceAndThenNoLongerCarried() {
    String steady = net(D1, "IBAN:A").getAs("case_id");
    Row closed = caseRow(D3, steady);
    assertThat(closed.<String>getAs("status")).isEqualTo("CLOSED");
    assertThat(closed.<String>getAs("network_id")).isNull();
    assertThat(closed.<Boolean>getAs("realert")).isFalse();
    assertThat(rows.get(D3)).hasSize(4); // scam (with the merge), creeping, 2 closed
  }

  @Test
  void theScoreIsTheSumOfItsReasons() {
    Row scam = net(D2, "IBAN:M0");
    List<Row> reasons = scam.getList(scam.fieldIndex("reasons"));
    assertThat(reasons)
        .extracting(r -> r.getString(0))
        .contains("designated", "exposure", "alert", "money", "victims", "member_risk");
    double sum = reasons.stream().mapToDouble(r -> r.getDouble(2)).sum();
    assertThat(scam.<Double>getAs("score"))
        .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
    // a network with a designated wallet one hop away outranks one with only a victim's money
    assertThat(net(D2, "IBAN:A").<Double>getAs("score"))
        .isGreaterThan(net(D2, "IBAN:P").<Double>getAs("score"));
  }

  @Test
  void rerunningADateGivesTheSameCases() {
    // day 3 has run since; day 2's inputs are still in the tables (one date per partition)
    new StageRunner(lh, conf)
        .run(
            "gold.cases",
            D2,
            r -> new CaseStage().run(new StageContext(lh, conf, r, Optional.empty())));
    assertThat(businessRows(D2)).isEqualTo(day2FirstRun);
  }

  // ---- the case report of the merged scam case on day 3 ----

  static Document report() {
    String id = net(D3, "IBAN:M0").getAs("case_id");
    return Jsoup.parse(CaseReport.load(lh, id, Optional.of(D3)).html());
  }

  static Set<String> texts(Document doc, String tableId, int column) {
    return doc.select("table#" + tableId + " tbody tr").stream()
        .map(tr -> tr.child(column).text())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theReportDrawsOneNodePerMemberAndMarksTheDesignatedOnes() {
    Row c = net(D3, "IBAN:M0");
    Document doc = report();
    Elements nodes = doc.select("svg#network g.node");
    assertThat(nodes.eachAttr("data-node"))
        .containsExactlyInAnyOrderElementsOf(c.getList(c.fieldIndex("members")));
    assertThat(doc.select("svg#network g.node.designated").eachAttr("data-node"))
        .containsExactlyInAnyOrderElementsOf(c.getList(c.fieldIndex("designated_nodes")));
    assertThat(doc.select("svg#network g.node.role-VICTIM").eachAttr("data-node"))
        .containsExactlyInAnyOrder("IBAN:V1", "IBAN:VX");
    // one line per aggregated edge of the network, the widest for the most money
    List<Row> edges =
        lh.spark()
            .sql(
                "SELECT src, dst FROM gold.network_edges WHERE run_date = DATE'"
                    + D3
                    + "' AND network_id = 'IBAN:M0'")
            .collectAsList();
    Elements lines = doc.select("svg#network line.edge");
    assertThat(lines).hasSize(edges.size());
    Element widest =
        lines.stream()
            .max(
                java.util.Comparator.comparingDouble(
                    l -> Double.parseDouble(l.attr("stroke-width"))))
            .orElseThrow();
    assertThat(widest.attr("data-src") + ">" + widest.attr("data-dst"))
        .isEqualTo("IBAN:V1>IBAN:M1");
    assertThat(doc.select("svg#network #legend text").eachText())
        .contains("designated (list hit)", "victim", "mule");
  }

  @Test
  void theReportTablesAgreeWithTheGoldTables() {
    Row c = net(D3, "IBAN:M0");
    Document doc = report();
    assertThat(doc.select("#case-id").text()).isEqualTo(c.<String>getAs("case_id"));
    // flows: exactly gold.flows' rows between members (the ELSEWHERE trace is not one)
    List<String> flowIds =
        lh.spark()
            .sql(
                "SELECT transfer_id FROM gold.flows WHERE run_date = DATE'"
                    + D3
                    + "' AND array_contains(array("
                    + c.<String>getList(c.fieldIndex("members")).stream()
                        .map(m -> "'" + m.replace("'", "''") + "'")
                        .collect(Collectors.joining(","))
                    + "), src)")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(doc.select("table#flows tbody tr")).hasSize(flowIds.size());
    assertThat(texts(doc, "flows", 5)).containsExactlyInAnyOrderElementsOf(new TreeSet<>(flowIds));
    assertThat(texts(doc, "flows", 5)).doesNotContain("t9");
    // alerts: the case's alert ids, with their rule and evidence
    assertThat(texts(doc, "alerts", 0))
        .containsExactlyInAnyOrderElementsOf(c.getList(c.fieldIndex("alert_ids")));
    assertThat(doc.select("table#alerts").text()).contains("rule of rapid_pass_through", "a2");
    // list exposure with the list version used
    Row strongest = c.getAs("strongest_list_exposure");
    assertThat(texts(doc, "exposures", 6)).containsExactly("2026-03-01");
    assertThat(doc.select("table#summary").text())
        .contains("ofac-sdn version 2026-03-01, " + strongest.getAs("hops") + " hop(s)");
    // members with their risk reasons
    assertThat(texts(doc, "members", 0))
        .containsExactlyInAnyOrderElementsOf(c.getList(c.fieldIndex("members")));
    assertThat(doc.select("table#members").text()).contains("collects from 4 senders");
    // the score's reasons, as gold.cases has them
    assertThat(doc.select("table#reasons tbody tr"))
        .hasSize(c.getList(c.fieldIndex("reasons")).size());
  }

  @Test
  void theReportIsSelfContainedAndShowsUntrustedNamesAsText() {
    Document doc = report();
    assertThat(doc.select("script, link, iframe, object, embed, img")).isEmpty();
    assertThat(doc.select("[src], [href]")).isEmpty();
    assertThat(doc.select("style")).hasSize(1);
    assertThat(doc.select("style").html()).doesNotContain("url(", "@import");
    assertThat(doc.select("b")).isEmpty();
    assertThat(doc.select("svg#network g.node[data-node]").eachAttr("data-node")).contains(HOSTILE);
    assertThat(texts(doc, "members", 0)).contains(HOSTILE);
  }
}
