package io.scamflow.ingest.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Common-input-ownership clustering: all addresses spent together in one transaction belong to one
 * wallet (union-find). A coinjoin (many owners' inputs, several equal-valued outputs) breaks that
 * assumption, so a transaction with at least {@code minInputs} inputs and at least {@code
 * minEqualOutputs} outputs of one value is skipped.
 */
final class CoSpend {
  private final int minInputs;
  private final int minEqualOutputs;
  private final Map<String, String> parent = new HashMap<>();
  private long skipped;

  CoSpend(int minInputs, int minEqualOutputs) {
    this.minInputs = minInputs;
    this.minEqualOutputs = minEqualOutputs;
  }

  /** Takes one transaction; false when it was skipped as a coinjoin. */
  boolean add(List<List<String>> inputAddresses, List<Long> outputValues, List<String> seen) {
    for (String a : seen) {
      find(a);
    }
    if (isCoinjoin(inputAddresses.size(), outputValues)) {
      skipped++;
      return false;
    }
    String first = null;
    for (List<String> input : inputAddresses) {
      for (String a : input) {
        if (first == null) {
          first = find(a);
        } else {
          union(first, a);
        }
      }
    }
    return true;
  }

  boolean isCoinjoin(int inputs, List<Long> outputValues) {
    if (inputs < minInputs) {
      return false;
    }
    Map<Long, Integer> counts = new HashMap<>();
    for (Long v : outputValues) {
      if (counts.merge(v, 1, Integer::sum) >= minEqualOutputs) {
        return true;
      }
    }
    return false;
  }

  long skipped() {
    return skipped;
  }

  /** Address to wallet id (BTCW: + the cluster's smallest address), sorted by address. */
  Map<String, String> wallets() {
    Map<String, String> smallest = new HashMap<>();
    for (String a : parent.keySet()) {
      smallest.merge(find(a), a, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    Map<String, String> out = new TreeMap<>();
    for (String a : new ArrayList<>(parent.keySet())) {
      out.put(a, "BTCW:" + smallest.get(find(a)));
    }
    return out;
  }

  private String find(String a) {
    String root = a;
    String up = parent.computeIfAbsent(a, k -> k);
    while (!up.equals(root)) {
      root = up;
      up = parent.get(root);
    }
    String x = a;
    while (!x.equals(root)) { // path compression, iterative: chains can be long
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      parent.put(rb, ra);
    }
  }
}
