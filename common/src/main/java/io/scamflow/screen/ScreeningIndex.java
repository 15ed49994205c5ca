package io.scamflow.screen;

import io.scamflow.resolve.Identifiers;
import io.scamflow.resolve.Names;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names of the lists valid on one date, indexed by blocking key, with what is known of each
 * listed entity (dates of birth, nationalities, identifiers). Built on the driver, broadcast to the
 * tasks; scoring is pure Java.
 */
final class ScreeningIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One listed name or alias. */
  record ListedName(
      String listId,
      String entityId,
      String name,
      String nameKind,
      String quality,
      String listVersion,
      Names.Prepared norm)
      implements Serializable {}

  /** What the lists say about one entity beyond its names. */
  static final class ListedEntity implements Serializable {
    private static final long serialVersionUID = 1L;
    String primaryName;
    String entityType;
    final Set<LocalDate> birthDates = new HashSet<>();
    final Set<Integer> birthYears = new HashSet<>();
    final Set<String> nationalities = new HashSet<>();
    final Set<String> identifiers = new HashSet<>();
  }

  /** Who is screened: an ad-hoc name, a party or an entity. */
  record Subject(
      String id,
      String name,
      LocalDate dateOfBirth,
      String nationality,
      String idDocument,
      String partyType)
      implements Serializable {}

  final double threshold;
  final double minNameSimilarity;
  final int maxHits;
  private final List<ListedName> names = new ArrayList<>();
  private final Map<String, List<Integer>> byKey = new HashMap<>();
  private final Map<String, ListedEntity> entities = new HashMap<>();

  ScreeningIndex(double threshold, double minNameSimilarity, int maxHits) {
    this.threshold = threshold;
    this.minNameSimilarity = minNameSimilarity;
    this.maxHits = maxHits;
  }

  void addName(
      String listId,
      String entityId,
      String name,
      String nameKind,
      String quality,
      String listVersion) {
    Names.Normalised norm = Names.normalise(name);
    if (norm.isEmpty()) {
      return;
    }
    int index = names.size();
    names.add(
        new ListedName(
            listId, entityId, name, nameKind, quality, listVersion, Names.prepare(norm)));
    for (String key : Names.blockingKeys(norm)) {
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(index);
    }
  }

  ListedEntity entity(String listId, String entityId) {
    return entities.computeIfAbsent(listId + "\u0000" + entityId, k -> new ListedEntity());
  }

  byte[] toBytes() {
    try (var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(this);
      out.flush();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ScreeningIndex fromBytes(byte[] data) {
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(data))) {
      return (ScreeningIndex) in.readObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  int size() {
    return names.size();
  }

  /** Hits at or above the threshold, best first, at most one per listed entity. */
  List<ScreeningHit> screen(Subject subject) {
    return screen(subject, threshold);
  }

  List<ScreeningHit> screen(Subject subject, double cut) {
    Names.Normalised query = Names.normalise(subject.name());
    if (query.isEmpty()) {
      return List.of();
    }
    List<Integer> candidates = candidates(query);
    Names.Prepared prepared = Names.prepare(query);
    Map<String, ScreeningHit> best = new HashMap<>();
    for (int i : candidates) {
      ListedName listed = names.get(i);
      double name = Names.similarity(prepared, listed.norm());
      if (name < minNameSimilarity) {
        continue;
      }
      ScreeningHit hit = score(subject, query, listed, name);
      if (hit.score() < cut) {
        continue;
      }
      String key = listed.listId() + "\u0000" + listed.entityId();
      ScreeningHit prior = best.get(key);
      if (prior == null || hit.score() > prior.score()) {
        best.put(key, hit);
      }
    }
    List<ScreeningHit> out = new ArrayList<>(best.values());
    out.sort(
        Comparator.comparingDouble(ScreeningHit::score)
            .reversed()
            .thenComparing(ScreeningHit::listId)
            .thenComparing(ScreeningHit::entityId));
    return out.size() > maxHits ? out.subList(0, maxHits) : out;
  }

  /**
   * Names sharing a blocking key with the query, most shared keys first, at most {@link
   * #MAX_CANDIDATES}; keys held by more than 5% of the list ("al", "mohammed") are used only when
   * the query has no rarer one.
   */
  private List<Integer> candidates(Names.Normalised query) {
    int common = Math.max(50, names.size() / 20);
    List<List<Integer>> blocks = new ArrayList<>();
    for (String key : Names.blockingKeys(query)) {
      List<Integer> block = byKey.get(key);
      if (block != null) {
        blocks.add(block);
      }
    }
    if (blocks.isEmpty()) {
      return List.of();
    }
    blocks.sort(Comparator.comparingInt(List::size));
    Map<Integer, Integer> shared = new HashMap<>();
    for (List<Integer> block : blocks) {
      if (block.size() > common && !shared.isEmpty()) {
        break;
      }
      for (int i : block) {
        shared.merge(i, 1, Integer::sum);
      }
    }
    List<Integer> out = new ArrayList<>(shared.keySet());
    if (out.size() > MAX_CANDIDATES) {
      out.sort(Comparator.comparing((Integer i) -> shared.get(i)).reversed());
      out = out.subList(0, MAX_CANDIDATES);
    }
    return out;
  }

  static final int MAX_CANDIDATES = 300;

  private ScreeningHit score(
      Subject subject, Names.Normalised query, ListedName listed, double name) {
    ListedEntity entity =
        entities.getOrDefault(listed.listId() + "\u0000" + listed.entityId(), new ListedEntity());
    Map<String, Double> parts = new LinkedHashMap<>();
    List<String> why = new ArrayList<>();
    parts.put("name", round(name));
    why.add(
        String.format(
            Locale.ROOT,
            "name %.2f ('%s' ~ '%s')",
            name,
            query.text(),
            listed.norm().name().text()));
    String kind = listed.nameKind() == null ? "primary" : listed.nameKind();
    double quality = 0;
    if ("low".equalsIgnoreCase(listed.quality())) {
      quality -= 0.08;
    }
    if ("fka".equalsIgnoreCase(kind)) {
      quality -= 0.02;
    }
    if (quality != 0) {
      parts.put("alias_quality", quality);
      why.add(String.format(Locale.ROOT, "%s %s alias %+.2f", listed.quality(), kind, quality));
    }
    if (subject.dateOfBirth() != null
        && (!entity.birthDates.isEmpty() || !entity.birthYears.isEmpty())) {
      LocalDate dob = subject.dateOfBirth();
      double d;
      if (entity.birthDates.contains(dob)) {
        d = 0.08;
        why.add("date of birth " + dob + " agrees +0.08");
      } else if (entity.birthYears.contains(dob.getYear())) {
        d = 0.03;
        why.add("year of birth " + dob.getYear() + " agrees +0.03");
      } else if (entity.birthYears.stream().anyMatch(y -> Math.abs(y - dob.getYear()) <= 1)) {
        d = -0.03;
        why.add("year of birth within one year -0.03");
      } else {
        d = -0.15;
        why.add("date of birth " + dob + " differs from " + entity.birthYears + " -0.15");
      }
      parts.put("date_of_birth", d);
    }
    String nationality = Identifiers.country(subject.nationality());
    if (nationality != null && !entity.nationalities.isEmpty()) {
      double n = entity.nationalities.contains(nationality) ? 0.04 : -0.06;
      parts.put("nationality", n);
      why.add(
          String.format(
              Locale.ROOT,
              "nationality %s %s %+.2f",
              nationality,
              n > 0 ? "agrees" : "differs from " + entity.nationalities,
              n));
    }
    String document = Identifiers.document(subject.idDocument());
    if (document != null && entity.identifiers.contains(document)) {
      parts.put("identifier", 0.3);
      why.add("identifier " + document + " agrees +0.30");
    }
    if (subject.partyType() != null && entity.entityType != null) {
      boolean listedPerson = isPerson(entity.entityType);
      boolean subjectPerson = isPerson(subject.partyType());
      if (listedPerson != subjectPerson) {
        parts.put("party_type", -0.1);
        why.add("person vs organisation -0.10");
      }
    }
    double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
    double score = round(Math.max(0, Math.min(1, total)));
    return new ScreeningHit(
        subject.id(),
        subject.name(),
        listed.listId(),
        listed.listVersion(),
        listed.entityId(),
        entity.primaryName == null ? listed.name() : entity.primaryName,
        "primary".equalsIgnoreCase(kind) ? ScreeningHit.NAME : ScreeningHit.ALIAS,
        listed.name(),
        kind,
        score,
        parts,
        String.join("; ", why));
  }

  private static boolean isPerson(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return t.contains("individual") || t.contains("person");
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
