package io.scamflow.detect;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One typology rule over the transfers of a look-back window. A detector never reads files or
 * tables itself: it gets the window's transfers and returns alert rows (the columns of {@link
 * Alerts#DETECTION}), each carrying its rule, members, transfers and evidence. One class per
 * typology, registered in {@link Detectors}.
 */
public interface Detector {
  /** The typology name alerts carry, e.g. fan_in. */
  String typology();

  Dataset<Row> detect(DetectionContext context);

  /**
   * Which family the typology belongs to, for evaluation and ablation: "network" for shapes in the
   * money graph (the default), "behaviour" for an account measured against its own history and its
   * peers.
   */
  default String family() {
    return "network";
  }
}
