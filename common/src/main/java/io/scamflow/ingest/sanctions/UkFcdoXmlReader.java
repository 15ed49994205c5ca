package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The UK Sanctions List published by the FCDO, in its XML form (UK-Sanctions-List.xml; the FCDO
 * also publishes CSV, ODS and PDF, XML is the machine-readable one that keeps repeated details
 * apart): Designations (DateGenerated, day first, the list version) with Designation records:
 * UniqueID, RegimeName, IndividualEntityShip, DateDesignated, Names/Name (Name1..Name6, NameType
 * Primary Name or Alias), addresses, and the individual's DOBs, nationalities and passports.
 */
public final class UkFcdoXmlReader extends SanctionsReader {
  @Override
  public String format() {
    return "uk-fcdo";
  }

  @Override
  public boolean accepts(String fileName) {
    return super.accepts(fileName) && fileName.toLowerCase(Locale.ROOT).endsWith(".xml");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    LocalDate[] version = new LocalDate[1];
    XmlNode.stream(
        in,
        Set.of("Designation"),
        new XmlNode.Visitor() {
          @Override
          public void text(String element, String value) {
            if (element.equals("DateGenerated")) {
              version[0] = Dates.parseDayFirst(value);
            }
          }

          @Override
          public void record(XmlNode r, int index) {
            String position = "Designation[" + index + "]";
            String id = r.text("UniqueID");
            if (id == null) {
              sink.reject(position, "Designation without UniqueID", null);
              return;
            }
            sink.accept(position, entry(r, id, version[0]).values());
          }
        });
  }

  private static String joinName(XmlNode name) {
    List<String> parts = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      String p = name.text("Name" + i);
      if (p != null) {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static Entry entry(XmlNode r, String id, LocalDate version) {
    Entry e = new Entry("UK_FCDO", version, id);
    String kind = r.text("IndividualEntityShip");
    e.entityType =
        kind == null
            ? "entity"
            : switch (kind.toLowerCase(Locale.ROOT)) {
              case "individual" -> "individual";
              case "ship" -> "vessel";
              default -> "entity";
            };
    List<XmlNode> names = r.all("Name");
    for (XmlNode n : names) {
      String type = n.text("NameType");
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("primary")) {
        e.primary(joinName(n));
      }
    }
    for (XmlNode n : names) {
      String type = n.text("NameType");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("primary")) {
        if (e.primaryName == null) {
          e.primary(joinName(n));
          continue;
        }
        String strength = n.text("AliasStrength");
        e.alias(joinName(n), "aka", strength == null ? null : strength.toLowerCase(Locale.ROOT));
      }
    }
    for (XmlNode n : r.all("NameNonLatinScript")) {
      e.alias(n.text(), "aka", "non_latin_script");
    }
    e.program(r.text("RegimeName"));
    e.listedOn = Dates.parseDayFirst(r.text("DateDesignated"));
    e.remarks = r.text("OtherInformation");
    e.identifier("UN Reference Number", r.text("UNReferenceNumber"), null);
    e.identifier("OFSI Group ID", r.text("OFSIGroupID"), null);
    for (XmlNode a : r.all("Address")) {
      List<String> lines = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        if (a.text("AddressLine" + i) != null) {
          lines.add(a.text("AddressLine" + i));
        }
      }
      e.address(
          lines.isEmpty() ? null : String.join(", ", lines),
          null,
          null,
          a.text("AddressPostalCode"),
          a.text("AddressCountry"),
          null);
    }
    for (XmlNode d : r.all("DOB")) {
      LocalDate day = Dates.parseDayFirst(d.text());
      e.birthDate(day != null ? day.toString() : d.text());
    }
    for (XmlNode n : r.all("Nationality")) {
      e.nationality(n.text());
    }
    for (XmlNode p : r.all("PassportDetail")) {
      e.identifier("Passport", p.text("PassportNumber"), null);
    }
    for (XmlNode p : r.all("NationalIdentifierDetail")) {
      e.identifier("National ID No.", p.text("NationalIdentifierNumber"), null);
    }
    for (XmlNode p : r.all("EmailAddress")) {
      e.identifier("Email Address", p.text(), null);
    }
    for (XmlNode p : r.all("IMONumber")) {
      e.identifier("IMO", p.text(), null);
    }
    return e;
  }
}
