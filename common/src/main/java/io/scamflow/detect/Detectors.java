package io.scamflow.detect;

import java.util.List;

/** Every typology detector, one registration line each. */
public final class Detectors {
  private Detectors() {}

  public static List<Detector> all() {
    return List.of(
        new FanInDetector(),
        new FanOutDetector(),
        new RapidPassThroughDetector(),
        new StructuringDetector(),
        new CycleDetector(),
        new ScatterGatherDetector(),
        new GatherScatterDetector(),
        new BipartiteLayersDetector(),
        new VictimPatternDetector(),
        new PeelChainDetector(),
        new OfframpChainDetector());
  }
}
