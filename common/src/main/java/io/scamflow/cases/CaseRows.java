package io.scamflow.cases;

import io.scamflow.cases.CaseModel.CaseRow;
import io.scamflow.cases.CaseModel.Path;
import io.scamflow.cases.CaseModel.Reason;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Converts gold.cases rows to and from {@link CaseRow}. */
final class CaseRows {
  private CaseRows() {}

  /** The business columns of gold.cases, in contract order (what {@link #toRow} fills). */
  static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : Cases.TABLE.schema().fields()) {
      if (Cases.TABLE.businessColumns().contains(f.name())) {
        fields.add(f);
      }
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  static Row toRow(CaseRow c) {
    return RowFactory.create(
        Date.valueOf(c.runDate()),
        c.caseId(),
        c.status(),
        c.networkId(),
        Date.valueOf(c.firstSeen()),
        Date.valueOf(c.lastChanged()),
        Date.valueOf(c.lastAlerted()),
        c.realert(),
        c.realertReasons().toArray(new String[0]),
        c.mergedCaseIds().toArray(new String[0]),
        c.mergedInto(),
        c.splitFrom(),
        c.members().toArray(new String[0]),
        c.members().size(),
        c.designatedNodes().toArray(new String[0]),
        c.victims().toArray(new String[0]),
        c.alertIds().toArray(new String[0]),
        c.typologies().toArray(new String[0]),
        c.tracedUsd(),
        c.designatedUsd(),
        c.alertedUsd(),
        c.exposedDesignated().toArray(new String[0]),
        c.topPaths().stream().map(CaseRows::pathRow).toArray(),
        c.strongest() == null ? null : pathRow(c.strongest()),
        c.score(),
        c.reasons().stream()
            .map(r -> RowFactory.create(r.source(), r.detail(), r.contribution()))
            .toArray());
  }

  static CaseRow fromRow(Row r) {
    return new CaseRow(
        r.<Date>getAs("run_date").toLocalDate(),
        r.getAs("case_id"),
        r.getAs("status"),
        r.getAs("network_id"),
        r.<Date>getAs("first_seen").toLocalDate(),
        r.<Date>getAs("last_changed").toLocalDate(),
        r.<Date>getAs("last_alerted").toLocalDate(),
        r.<Boolean>getAs("realert"),
        strings(r, "realert_reasons"),
        strings(r, "merged_case_ids"),
        r.getAs("merged_into"),
        r.getAs("split_from"),
        strings(r, "members"),
        strings(r, "designated_nodes"),
        strings(r, "victims"),
        strings(r, "alert_ids"),
        strings(r, "typologies"),
        r.getAs("traced_usd"),
        r.getAs("designated_usd"),
        r.getAs("alerted_usd"),
        strings(r, "exposed_designated"),
        r.<Row>getList(r.fieldIndex("top_paths")) == null
            ? List.of()
            : r.<Row>getList(r.fieldIndex("top_paths")).stream().map(CaseRows::path).toList(),
        r.isNullAt(r.fieldIndex("strongest_list_exposure"))
            ? null
            : path(r.getAs("strongest_list_exposure")),
        r.<Double>getAs("score"),
        r.isNullAt(r.fieldIndex("reasons"))
            ? List.of()
            : r.<Row>getList(r.fieldIndex("reasons")).stream()
                .map(x -> new Reason(x.getString(0), x.getString(1), x.getDouble(2)))
                .toList());
  }

  static Row pathRow(Path p) {
    return RowFactory.create(
        p.node(),
        p.direction(),
        p.path().toArray(new String[0]),
        p.transfers().toArray(new String[0]),
        p.designatedNode(),
        p.listId(),
        p.listVersion(),
        p.hops(),
        p.exposureUsd());
  }

  static Path path(Row r) {
    return new Path(
        r.getAs("node"),
        r.getAs("direction"),
        strings(r, "path"),
        strings(r, "transfers"),
        r.getAs("designated_node"),
        r.getAs("list_id"),
        r.getAs("list_version"),
        r.isNullAt(r.fieldIndex("hops")) ? 0 : r.<Integer>getAs("hops"),
        (BigDecimal) r.getAs("exposure_usd"));
  }

  static List<String> strings(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? List.of() : List.copyOf(r.<String>getList(i));
  }
}
