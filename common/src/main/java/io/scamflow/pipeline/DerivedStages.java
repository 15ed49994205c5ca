package io.scamflow.pipeline;

import io.scamflow.run.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages after ingest, in order: silver builds, then resolution, screening, graph and gold. One
 * registration line per stage.
 */
final class DerivedStages {
  private DerivedStages() {}

  static List<Stage> all() {
    List<Stage> out = new ArrayList<>();
    // silver
    // resolution and screening
    // graph and gold
    out.add(new io.scamflow.detect.DetectionStage());
    return out;
  }
}
