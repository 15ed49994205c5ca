package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The UN Security Council consolidated list XML: CONSOLIDATED_LIST (dateGenerated, the list
 * version) with INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY records: DATAID, FIRST_NAME ..
 * FOURTH_NAME, UN_LIST_TYPE, REFERENCE_NUMBER (the entity id), LISTED_ON, COMMENTS1, NATIONALITY,
 * aliases with QUALITY Good/Low, addresses, dates of birth and documents.
 */
public final class UnScXmlReader extends SanctionsReader {
  @Override
  public String format() {
    return "un-sc-xml";
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
        Set.of("INDIVIDUAL", "ENTITY"),
        new XmlNode.Visitor() {
          @Override
          public void start(XmlNode element) {
            if (element.name.equals("CONSOLIDATED_LIST")) {
              version[0] = Dates.parse(element.attr("dateGenerated"));
            }
          }

          @Override
          public void record(XmlNode r, int index) {
            String position = r.name + "[" + index + "]";
            String id = r.text("REFERENCE_NUMBER");
            if (id == null) {
              id = r.text("DATAID");
            }
            if (id == null) {
              sink.reject(position, "no REFERENCE_NUMBER nor DATAID", r.text("FIRST_NAME"));
              return;
            }
            sink.accept(position, entry(r, id, version[0]).values());
          }
        });
  }

  private static Entry entry(XmlNode r, String id, LocalDate version) {
    boolean individual = r.name.equals("INDIVIDUAL");
    Entry e = new Entry("UN_SC", version, id);
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      if (r.text(p) != null) {
        parts.add(r.text(p));
      }
    }
    e.primary(String.join(" ", parts));
    e.alias(r.text("NAME_ORIGINAL_SCRIPT"), "aka", "original_script");
    e.entityType = individual ? "individual" : "entity";
    e.program(r.text("UN_LIST_TYPE"));
    e.listedOn = Dates.parse(r.text("LISTED_ON"));
    e.remarks = r.text("COMMENTS1");
    String prefix = individual ? "INDIVIDUAL_" : "ENTITY_";
    for (XmlNode a : r.children(prefix + "ALIAS")) {
      String quality = a.text("QUALITY");
      e.alias(
          a.text("ALIAS_NAME"), "aka", quality == null ? null : quality.toLowerCase(Locale.ROOT));
    }
    for (XmlNode a : r.children(prefix + "ADDRESS")) {
      e.address(
          a.text("STREET"),
          a.text("CITY"),
          a.text("STATE_PROVINCE"),
          a.text("ZIP_CODE"),
          a.text("COUNTRY"),
          null);
    }
    for (XmlNode n : r.all("NATIONALITY")) {
      for (XmlNode v : n.children("VALUE")) {
        e.nationality(v.text());
      }
    }
    for (XmlNode d : r.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      e.birthDate(birthDate(d));
    }
    for (XmlNode d : r.children("INDIVIDUAL_DOCUMENT")) {
      String country = d.text("ISSUING_COUNTRY");
      e.identifier(
          d.text("TYPE_OF_DOCUMENT"),
          d.text("NUMBER"),
          country != null ? country : d.text("COUNTRY_OF_ISSUE"));
    }
    return e;
  }

  /** EXACT: the day; a YEAR alone; BETWEEN: "1960 to 1962"; APPROXIMATELY: "circa 1960". */
  private static String birthDate(XmlNode d) {
    String type = d.text("TYPE_OF_DATE");
    String date = d.text("DATE");
    String year = d.text("YEAR");
    if ("BETWEEN".equalsIgnoreCase(type) && d.text("FROM_YEAR") != null) {
      return d.text("FROM_YEAR") + " to " + d.text("TO_YEAR");
    }
    String value = date != null ? date : year;
    if (value != null && "APPROXIMATELY".equalsIgnoreCase(type)) {
      return "circa " + value;
    }
    return value;
  }
}
