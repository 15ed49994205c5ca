package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The EU Financial Sanctions Files XML (namespace http://eu.europa.ec/fpi/fsd/export): export
 * (generationDate, the list version) with sanctionEntity records (logicalId, euReferenceNumber,
 * designationDate) whose details sit in attributes: regulation (programme), subjectType (person,
 * enterprise), nameAlias (wholeName, strong), citizenship, birthdate, identification, address.
 */
public final class EuFsfXmlReader extends SanctionsReader {
  @Override
  public String format() {
    return "eu-fsf-xml";
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
        Set.of("sanctionEntity"),
        new XmlNode.Visitor() {
          @Override
          public void start(XmlNode element) {
            if (element.name.equals("export")) {
              version[0] = Dates.parse(element.attr("generationDate"));
            }
          }

          @Override
          public void record(XmlNode r, int index) {
            String position = "sanctionEntity[" + index + "]";
            String id = r.attr("logicalId");
            if (id == null) {
              sink.reject(
                  position, "sanctionEntity without logicalId", r.attr("euReferenceNumber"));
              return;
            }
            sink.accept(position, entry(r, id, version[0]).values());
          }
        });
  }

  private static Entry entry(XmlNode r, String id, LocalDate version) {
    Entry e = new Entry("EU_FSF", version, id);
    XmlNode subject = r.child("subjectType");
    String code = subject == null ? null : subject.attr("code");
    e.entityType = "person".equalsIgnoreCase(code) ? "individual" : "entity";
    boolean first = true;
    for (XmlNode n : r.children("nameAlias")) {
      String name = n.attr("wholeName");
      if (name == null) {
        continue;
      }
      if (first) {
        e.primary(name);
        first = false;
      } else {
        e.alias(name, "aka", "false".equalsIgnoreCase(n.attr("strong")) ? "weak" : "strong");
      }
    }
    for (XmlNode reg : r.children("regulation")) {
      e.program(reg.attr("programme"));
    }
    e.listedOn = Dates.parse(r.attr("designationDate"));
    if (e.listedOn == null && r.child("regulation") != null) {
      e.listedOn = Dates.parse(r.child("regulation").attr("publicationDate"));
    }
    StringBuilder remarks = new StringBuilder();
    for (XmlNode rem : r.children("remark")) {
      if (rem.text() != null) {
        remarks.append(remarks.isEmpty() ? "" : " ").append(rem.text());
      }
    }
    e.remarks = remarks.isEmpty() ? null : remarks.toString();
    e.identifier("EU Reference Number", r.attr("euReferenceNumber"), null);
    e.identifier("UN Reference Number", r.attr("unitedNationId"), null);
    for (XmlNode c : r.children("citizenship")) {
      e.nationality(c.attr("countryDescription"));
    }
    for (XmlNode b : r.children("birthdate")) {
      String stated = b.attr("birthdate") != null ? b.attr("birthdate") : b.attr("year");
      if (stated != null && "true".equalsIgnoreCase(b.attr("circa"))) {
        stated = "circa " + stated;
      }
      e.birthDate(stated);
    }
    for (XmlNode i : r.children("identification")) {
      String type = i.attr("identificationTypeDescription");
      e.identifier(
          type != null ? type : i.attr("identificationTypeCode"),
          i.attr("number"),
          i.attr("countryDescription"));
    }
    for (XmlNode a : r.children("address")) {
      e.address(
          a.attr("street"),
          a.attr("city"),
          a.attr("region"),
          a.attr("zipCode"),
          a.attr("countryDescription"),
          null);
    }
    return e;
  }
}
