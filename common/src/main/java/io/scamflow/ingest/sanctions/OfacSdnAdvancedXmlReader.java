package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OFAC's SDN_ADVANCED.XML: reference value sets (AliasType, FeatureType, PartySubType, Country,
 * IDRegDocType) come first, then Locations, IDRegDocuments, DistinctParties (Profile / Identity /
 * Alias / DocumentedName, and Features such as "Digital Currency Address - ETH" whose VersionDetail
 * is the address), and last SanctionsEntries (programmes, listing date). The reference sets,
 * locations and documents are kept as small maps; parties are completed with their sanctions
 * entries at the end of the file and handed over then.
 */
public final class OfacSdnAdvancedXmlReader extends SanctionsReader {
  private static final Set<String> RECORDS =
      Set.of(
          "DateOfIssue",
          "AliasType",
          "FeatureType",
          "PartySubType",
          "Country",
          "IDRegDocType",
          "Location",
          "IDRegDocument",
          "DistinctParty",
          "SanctionsEntry");

  /** Features kept as identifiers, by their FeatureType text. */
  private static final Set<String> ID_FEATURES =
      Set.of(
          "Email Address",
          "Website",
          "Phone Number",
          "Vessel Call Sign",
          "Vessel Flag",
          "Vessel Owner",
          "Vessel Type",
          "Aircraft Tail Number");

  @Override
  public String format() {
    return "ofac-sdn-advanced-xml";
  }

  @Override
  public boolean accepts(String fileName) {
    return super.accepts(fileName) && fileName.toLowerCase(Locale.ROOT).endsWith(".xml");
  }

  /** What one file's pass collects. */
  private static final class State {
    LocalDate version;
    final Map<String, Map<String, String>> reference = new HashMap<>();
    final Map<String, String[]> locations = new HashMap<>(); // id -> {full text, country}
    final Map<String, List<String[]>> documents = new HashMap<>(); // identity id -> docs
    final Map<String, Entry> parties = new LinkedHashMap<>(); // profile id -> entry
    final Map<String, String> positions = new HashMap<>();

    String ref(String set, String id) {
      return id == null ? null : reference.getOrDefault(set, Map.of()).get(id);
    }
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    State s = new State();
    XmlNode.stream(
        in,
        RECORDS,
        (r, index) -> {
          switch (r.name) {
            case "DateOfIssue" -> s.version = ymd(r);
            case "Location" -> location(s, r);
            case "IDRegDocument" ->
                s.documents
                    .computeIfAbsent(r.attr("IdentityID"), k -> new ArrayList<>())
                    .add(
                        new String[] {
                          s.ref("IDRegDocType", r.attr("IDRegDocTypeID")),
                          r.text("IDRegistrationNo"),
                          s.ref("Country", r.attr("IssuedBy-CountryID"))
                        });
            case "DistinctParty" -> party(s, r, "DistinctParty[" + index + "]", sink);
            case "SanctionsEntry" -> sanctionsEntry(s, r);
            default ->
                s.reference
                    .computeIfAbsent(r.name, k -> new HashMap<>())
                    .put(r.attr("ID"), r.text());
          }
        });
    for (Map.Entry<String, Entry> p : s.parties.entrySet()) {
      sink.accept(s.positions.get(p.getKey()), p.getValue().values());
    }
  }

  private static LocalDate ymd(XmlNode date) {
    try {
      return LocalDate.of(
          Integer.parseInt(date.text("Year")),
          Integer.parseInt(date.text("Month")),
          Integer.parseInt(date.text("Day")));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void location(State s, XmlNode r) {
    List<String> parts = new ArrayList<>();
    for (XmlNode part : r.all("Value")) {
      if (part.text() != null) {
        parts.add(part.text());
      }
    }
    XmlNode country = r.child("LocationCountry");
    String c = country == null ? null : s.ref("Country", country.attr("CountryID"));
    if (c != null) {
      parts.add(c);
    }
    s.locations.put(r.attr("ID"), new String[] {String.join(", ", parts), c});
  }

  private static void party(State s, XmlNode r, String position, RecordSink sink) {
    XmlNode profile = r.child("Profile");
    String id = profile == null ? null : profile.attr("ID");
    if (id == null) {
      sink.reject(position, "DistinctParty without a Profile ID", r.attr("FixedRef"));
      return;
    }
    Entry e = new Entry("OFAC_SDN", s.version, id);
    String subType = s.ref("PartySubType", profile.attr("PartySubTypeID"));
    e.entityType =
        subType == null || subType.equalsIgnoreCase("Unknown")
            ? "entity"
            : subType.toLowerCase(Locale.ROOT);
    List<String> identities = new ArrayList<>();
    for (XmlNode identity : profile.children("Identity")) {
      identities.add(identity.attr("ID"));
      for (XmlNode alias : identity.children("Alias")) {
        XmlNode doc = alias.child("DocumentedName");
        if (doc == null) {
          continue;
        }
        List<String> parts = new ArrayList<>();
        for (XmlNode v : doc.all("NamePartValue")) {
          if (v.text() != null) {
            parts.add(v.text());
          }
        }
        String name = String.join(" ", parts);
        if ("true".equalsIgnoreCase(alias.attr("Primary")) && e.primaryName == null) {
          e.primary(name);
        } else {
          String type = s.ref("AliasType", alias.attr("AliasTypeID"));
          e.alias(
              name,
              OfacRemarks.kind(type == null ? "aka" : type),
              "true".equalsIgnoreCase(alias.attr("LowQuality")) ? "weak" : "strong");
        }
      }
    }
    for (String identity : identities) {
      for (String[] d : s.documents.getOrDefault(identity, List.of())) {
        e.identifier(d[0], d[1], d[2]);
      }
    }
    for (XmlNode f : profile.children("Feature")) {
      feature(s, e, f, position, sink);
    }
    s.parties.put(id, e);
    s.positions.put(id, position);
  }

  private static void feature(State s, Entry e, XmlNode f, String position, RecordSink sink) {
    String type = s.ref("FeatureType", f.attr("FeatureTypeID"));
    if (type == null) {
      return;
    }
    for (XmlNode version : f.children("FeatureVersion")) {
      String detail = version.text("VersionDetail");
      XmlNode loc = version.child("VersionLocation");
      String[] location = loc == null ? null : s.locations.get(loc.attr("LocationID"));
      if (type.startsWith(OfacSdnXmlReader.DCA_PREFIX)) {
        e.cryptoAddress(
            type.substring(OfacSdnXmlReader.DCA_PREFIX.length()), detail, position, sink);
      } else if (type.equals("Birthdate")) {
        XmlNode from = version.all("From").stream().findFirst().orElse(null);
        LocalDate d = from == null ? null : ymd(from);
        e.birthDate(d != null ? d.toString() : from == null ? null : from.text("Year"));
      } else if (type.startsWith("Nationality") || type.startsWith("Citizenship")) {
        e.nationality(location != null ? location[1] : detail);
      } else if ((type.equals("Location") || type.equals("Address")) && location != null) {
        e.address(null, null, null, null, location[1], location[0]);
      } else if (ID_FEATURES.contains(type)) {
        e.identifier(type, detail, null);
      }
    }
  }

  private static void sanctionsEntry(State s, XmlNode r) {
    Entry e = s.parties.get(r.attr("ProfileID"));
    if (e == null) {
      return;
    }
    for (XmlNode m : r.children("SanctionsMeasure")) {
      String program = m.text("Comment");
      if (program != null) {
        e.program(program);
      }
    }
    XmlNode event = r.child("EntryEvent");
    if (event != null && event.child("Date") != null && e.listedOn == null) {
      e.listedOn = ymd(event.child("Date"));
    }
  }
}
