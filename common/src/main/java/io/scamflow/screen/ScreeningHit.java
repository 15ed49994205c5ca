package io.scamflow.screen;

import java.io.Serializable;
import java.util.Map;

/**
 * One hit: a subject (party, entity, address or ad-hoc name) matched to a listed entity, with the
 * score and the contribution of each feature to it ({@code parts}, which sum to the score before it
 * is capped to [0, 1]) and a sentence an analyst can read.
 */
public record ScreeningHit(
    String subjectId,
    String subjectName,
    String listId,
    String listVersion,
    String entityId,
    String listedName,
    String matchType,
    String matchedValue,
    String nameKind,
    double score,
    Map<String, Double> parts,
    String explanation)
    implements Serializable {

  public static final String NAME = "NAME";
  public static final String ALIAS = "ALIAS";
  public static final String CRYPTO_ADDRESS = "CRYPTO_ADDRESS";
  public static final String WATCHLIST_ADDRESS = "WATCHLIST_ADDRESS";
}
