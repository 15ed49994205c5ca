package io.scamflow.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plain records a case is built from and written as; no Spark in here. */
final class CaseModel {
  private CaseModel() {}

  /** One exposure of a member to (or from) a designated node, as gold.exposure has it. */
  record Path(
      String node,
      String direction,
      List<String> path,
      List<String> transfers,
      String designatedNode,
      String listId,
      String listVersion,
      int hops,
      BigDecimal exposureUsd) {}

  /** One additive part of a score. */
  record Reason(String source, String detail, double contribution) {}

  /** One alert touching a network. */
  record AlertRef(String alertId, String typology, double score) {}

  /** Today's network with everything the case needs, summarised from the gold tables. */
  record Network(
      String networkId,
      List<String> members,
      List<String> designated,
      List<String> victims,
      List<AlertRef> alerts,
      BigDecimal tracedUsd,
      BigDecimal designatedUsd,
      List<String> exposedDesignated,
      List<Path> topPaths,
      Path strongest,
      String riskiestMember,
      double riskiestScore,
      String riskiestReason) {}

  /** One gold.cases row. */
  record CaseRow(
      LocalDate runDate,
      String caseId,
      String status,
      String networkId,
      LocalDate firstSeen,
      LocalDate lastChanged,
      LocalDate lastAlerted,
      boolean realert,
      List<String> realertReasons,
      List<String> mergedCaseIds,
      String mergedInto,
      String splitFrom,
      List<String> members,
      List<String> designatedNodes,
      List<String> victims,
      List<String> alertIds,
      List<String> typologies,
      BigDecimal tracedUsd,
      BigDecimal designatedUsd,
      BigDecimal alertedUsd,
      List<String> exposedDesignated,
      List<Path> topPaths,
      Path strongest,
      double score,
      List<Reason> reasons) {

    boolean open() {
      return !"CLOSED".equals(status);
    }
  }
}
