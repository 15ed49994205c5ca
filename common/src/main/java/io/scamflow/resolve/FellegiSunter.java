package io.scamflow.resolve;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fellegi-Sunter match weights estimated by EM from comparison-vector counts (conditional
 * independence; level -1 = missing, ignored). Weights are log2(m/u) per feature and level.
 */
final class FellegiSunter implements Serializable {
  private static final long serialVersionUID = 1L;

  final List<String> features;
  final int levels;
  final double[][] m;
  final double[][] u;
  double prior;

  FellegiSunter(List<String> features, int levels, double prior) {
    this.features = features;
    this.levels = levels;
    this.m = new double[features.size()][levels];
    this.u = new double[features.size()][levels];
    this.prior = prior;
    for (int f = 0; f < features.size(); f++) {
      for (int l = 0; l < levels; l++) {
        // matches agree more, non-matches disagree more: a start EM moves from
        m[f][l] = (l + 1.0);
        u[f][l] = (levels - l) * 2.0;
      }
      normalise(m[f]);
      normalise(u[f]);
    }
  }

  /** Runs EM over pattern counts (each pattern: one level per feature, -1 missing). */
  void estimate(Map<List<Integer>, Long> patterns, int iterations) {
    for (int it = 0; it < iterations; it++) {
      double[][] mNext = new double[features.size()][levels];
      double[][] uNext = new double[features.size()][levels];
      double matches = 0;
      double total = 0;
      for (Map.Entry<List<Integer>, Long> e : patterns.entrySet()) {
        double g = probability(e.getKey());
        double n = e.getValue();
        matches += g * n;
        total += n;
        for (int f = 0; f < features.size(); f++) {
          int l = e.getKey().get(f);
          if (l >= 0) {
            mNext[f][l] += g * n;
            uNext[f][l] += (1 - g) * n;
          }
        }
      }
      for (int f = 0; f < features.size(); f++) {
        for (int l = 0; l < levels; l++) {
          mNext[f][l] += 1e-3; // smoothing: no level is ever impossible
          uNext[f][l] += 1e-3;
        }
        normalise(mNext[f]);
        normalise(uNext[f]);
        m[f] = mNext[f];
        u[f] = uNext[f];
      }
      prior = Math.min(0.5, Math.max(1e-6, matches / Math.max(1, total)));
    }
  }

  double weight(int feature, int level) {
    return level < 0 ? 0 : log2(m[feature][level] / u[feature][level]);
  }

  double totalWeight(List<Integer> pattern) {
    double w = log2(prior / (1 - prior));
    for (int f = 0; f < features.size(); f++) {
      w += weight(f, pattern.get(f));
    }
    return w;
  }

  double probability(List<Integer> pattern) {
    return 1 / (1 + Math.pow(2, -totalWeight(pattern)));
  }

  /** Every weight, feature.level -> log2(m/u), for the run summary. */
  Map<String, Double> weights() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int f = 0; f < features.size(); f++) {
      for (int l = 0; l < levels; l++) {
        out.put(features.get(f) + "." + l, Math.round(weight(f, l) * 100) / 100.0);
      }
    }
    return out;
  }

  private static void normalise(double[] p) {
    double s = 0;
    for (double v : p) {
      s += v;
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= s;
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
