package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * OFAC's SDN list as XML (sdn.xml): sdnList / publshInformation (Publish_Date, the list version)
 * and sdnEntry records with programList, akaList, idList, addressList, nationalityList,
 * citizenshipList, dateOfBirthList and vesselInfo. Digital currency addresses are ids whose idType
 * is "Digital Currency Address - XBT" (ETH, USDT, TRX, ...).
 */
public final class OfacSdnXmlReader extends SanctionsReader {
  static final String DCA_PREFIX = "Digital Currency Address - ";

  @Override
  public String format() {
    return "ofac-sdn-xml";
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
        Set.of("sdnEntry"),
        new XmlNode.Visitor() {
          @Override
          public void text(String element, String value) {
            if (element.equals("Publish_Date")) {
              version[0] = Dates.parse(value);
            }
          }

          @Override
          public void record(XmlNode e, int index) {
            String uid = e.text("uid");
            String position = "sdnEntry[" + index + "]";
            if (uid == null) {
              sink.reject(position, "sdnEntry without uid", e.text("lastName"));
              return;
            }
            sink.accept(position, entry(e, uid, version[0], position, sink).values());
          }
        });
  }

  static String personName(String last, String first) {
    if (first == null) {
      return last;
    }
    return last == null ? first : last + ", " + first;
  }

  private static Entry entry(
      XmlNode e, String uid, LocalDate version, String position, RecordSink sink) {
    Entry entry = new Entry("OFAC_SDN", version, uid);
    entry.primary(personName(e.text("lastName"), e.text("firstName")));
    entry.entityType = OfacCsvReader.entityType(e.text("sdnType"));
    entry.remarks = e.text("remarks");
    for (XmlNode p : e.all("program")) {
      entry.program(p.text());
    }
    for (XmlNode aka : e.all("aka")) {
      String type = aka.text("type");
      String category = aka.text("category");
      entry.alias(
          personName(aka.text("lastName"), aka.text("firstName")),
          OfacRemarks.kind(type == null ? "aka" : type),
          category == null ? null : category.toLowerCase(Locale.ROOT));
    }
    for (XmlNode id : e.all("id")) {
      String type = id.text("idType");
      if (type != null && type.startsWith(DCA_PREFIX)) {
        entry.cryptoAddress(
            type.substring(DCA_PREFIX.length()), id.text("idNumber"), position, sink);
      } else {
        entry.identifier(type, id.text("idNumber"), id.text("idCountry"));
      }
    }
    for (XmlNode a : e.all("address")) {
      String street =
          String.join(
              ", ",
              java.util.stream.Stream.of(a.text("address1"), a.text("address2"), a.text("address3"))
                  .filter(java.util.Objects::nonNull)
                  .toList());
      entry.address(
          street,
          a.text("city"),
          a.text("stateOrProvince"),
          a.text("postalCode"),
          a.text("country"),
          null);
    }
    for (XmlNode n : e.all("nationality")) {
      entry.nationality(n.text("country"));
    }
    for (XmlNode n : e.all("citizenship")) {
      entry.nationality(n.text("country"));
    }
    for (XmlNode d : e.all("dateOfBirthItem")) {
      entry.birthDate(d.text("dateOfBirth"));
    }
    XmlNode vessel = e.child("vesselInfo");
    if (vessel != null) {
      entry.identifier("Call Sign", vessel.text("callSign"), null);
      entry.identifier("Vessel Type", vessel.text("vesselType"), null);
      entry.identifier("Vessel Flag", vessel.text("vesselFlag"), null);
      entry.identifier("Vessel Owner", vessel.text("vesselOwner"), null);
    }
    return entry;
  }
}
