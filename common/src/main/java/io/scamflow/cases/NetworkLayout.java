package io.scamflow.cases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic layered layout: column k holds the nodes k hops (either direction) from the
 * nearest designated node (or victim, when there is none), so a reader sees the money's distance
 * from the sanctioned wallet left to right; within a column, nodes sort by role, then id.
 */
final class NetworkLayout {
  static final int COLUMN = 210;
  static final int ROW = 46;
  static final int MARGIN = 70;

  record Point(double x, double y) {}

  private NetworkLayout() {}

  static final List<String> ROLE_ORDER =
      List.of("DESIGNATED", "OTC", "EXCHANGE", "MULE", "OTHER", "VICTIM");

  static Map<String, Point> layout(
      Map<String, String> roleOf, List<String[]> edges, Set<String> seedsOrEmpty) {
    Map<String, Set<String>> adjacent = new HashMap<>();
    for (String node : roleOf.keySet()) {
      adjacent.put(node, new TreeSet<>());
    }
    for (String[] e : edges) {
      if (adjacent.containsKey(e[0]) && adjacent.containsKey(e[1])) {
        adjacent.get(e[0]).add(e[1]);
        adjacent.get(e[1]).add(e[0]);
      }
    }
    Set<String> seeds = new TreeSet<>(seedsOrEmpty);
    if (seeds.isEmpty() && !roleOf.isEmpty()) {
      seeds.add(new TreeSet<>(roleOf.keySet()).first());
    }
    Map<String, Integer> layer = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String s : seeds) {
      if (roleOf.containsKey(s)) {
        layer.put(s, 0);
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      String n = queue.poll();
      for (String m : adjacent.get(n)) {
        if (!layer.containsKey(m)) {
          layer.put(m, layer.get(n) + 1);
          queue.add(m);
        }
      }
    }
    int unreachable = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    Map<Integer, List<String>> columns = new TreeMap<>();
    for (String node : roleOf.keySet()) {
      columns
          .computeIfAbsent(layer.getOrDefault(node, unreachable), k -> new ArrayList<>())
          .add(node);
    }
    Map<String, Point> out = new HashMap<>();
    for (Map.Entry<Integer, List<String>> c : columns.entrySet()) {
      List<String> nodes = c.getValue();
      nodes.sort(
          Comparator.comparingInt((String n) -> roleRank(roleOf.get(n)))
              .thenComparing(Comparator.naturalOrder()));
      for (int i = 0; i < nodes.size(); i++) {
        out.put(nodes.get(i), new Point(MARGIN + c.getKey() * COLUMN, MARGIN + i * ROW));
      }
    }
    return out;
  }

  static int roleRank(String role) {
    int i = ROLE_ORDER.indexOf(role == null ? "OTHER" : role);
    return i < 0 ? ROLE_ORDER.indexOf("OTHER") : i;
  }
}
