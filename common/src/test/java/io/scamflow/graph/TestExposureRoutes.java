package io.scamflow.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which route a node keeps when messages offer several: never the order they arrived in. */
class TestExposureRoutes {
  private static Exposure.Reach reach(int hops, double usd, String... path) {
    Exposure.Reach r = new Exposure.Reach();
    r.designated = path[0];
    r.hops = hops;
    r.usd = usd;
    r.path.addAll(List.of(path));
    r.transfers.add("t-" + String.join("-", path));
    return r;
  }

  private static HashMap<String, Exposure.Reach> message(Exposure.Reach r) {
    HashMap<String, Exposure.Reach> m = new HashMap<>();
    m.put(r.designated, r);
    return m;
  }

  @Test
  void equalRoutesResolveToTheSameOneWhicheverArrivesFirst() {
    Exposure.Reach viaA = reach(2, 100.0, "D", "A", "X");
    Exposure.Reach viaB = reach(2, 100.0, "D", "B", "X");

    Exposure.Reach oneOrder = Exposure.better(message(viaA), message(viaB)).get("D");
    Exposure.Reach otherOrder = Exposure.better(message(viaB), message(viaA)).get("D");

    assertThat(oneOrder.path).containsExactly("D", "A", "X");
    assertThat(otherOrder.path).isEqualTo(oneOrder.path);
  }

  @Test
  void fewerHopsThenMoreUsdStillDecideBeforeThePath() {
    Exposure.Reach shortSmall = reach(1, 10.0, "D", "Z");
    Exposure.Reach longBig = reach(2, 500.0, "D", "A", "Z");
    Exposure.Reach longSmall = reach(2, 50.0, "D", "A", "Z");

    assertThat(Exposure.better(message(longBig), message(shortSmall)).get("D"))
        .isSameAs(shortSmall);
    assertThat(Exposure.better(message(longSmall), message(longBig)).get("D")).isSameAs(longBig);
  }
}
