package io.scamflow.synth;

/** How big a world to generate: about 10k, 1M, 10M or 100M transfers over the default 7 days. */
public enum Scale {
  TINY,
  SMALL,
  MEDIUM,
  LARGE
}
