package io.scamflow.graph;

import io.scamflow.run.Stage;
import io.scamflow.run.StageContext;

/**
 * The graph's nightly stages, in the order the pipeline runs them: gold.exposure (before
 * detection), then after gold.alerts: gold.flows, gold.networks, gold.entity_risk. Each reads the
 * money graph of its run date ({@link GraphInput}) and replaces its tables for that date.
 */
public final class GraphStages {
  private GraphStages() {}

  private static GraphInput input(StageContext c) {
    return new GraphInput(c.lakehouse(), c.settings(), c.run().runDate());
  }

  /** Every table the graph stages write. */
  public static java.util.List<io.scamflow.table.TableContract> tables() {
    return java.util.List.of(
        Exposure.TABLE, Flows.TABLE, Networks.TABLE, Networks.EDGES, EntityRisk.TABLE);
  }

  public static Stage exposure() {
    return Stage.of("gold.exposure", c -> new Exposure(c.lakehouse()).run(input(c), c.run()));
  }

  public static Stage flows() {
    return Stage.of("gold.flows", c -> new Flows(c.lakehouse()).run(input(c), c.run()));
  }

  public static Stage networks() {
    return Stage.of("gold.networks", c -> new Networks(c.lakehouse()).run(input(c), c.run()));
  }

  public static Stage entityRisk() {
    return Stage.of("gold.entity_risk", c -> new EntityRisk(c.lakehouse()).run(input(c), c.run()));
  }
}
