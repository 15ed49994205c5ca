package io.scamflow.ingest;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The only way scamflow opens XML: no DTDs, no external entities, no entity expansion (XXE and
 * "billion laughs" are refused, not resolved). Every XML reader uses this.
 */
public final class SafeXml {
  private SafeXml() {}

  /** A StAX reader that fails on any DOCTYPE and never resolves an entity. */
  public static XMLStreamReader streamReader(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return new StreamReaderDelegate(factory.createXMLStreamReader(in)) {
      @Override
      public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.DTD) {
          throw new XMLStreamException(
              "DOCTYPE is not allowed: scamflow refuses DTDs and entity declarations",
              getLocation());
        }
        return event;
      }
    };
  }

  /** A DOM builder for small documents, with DOCTYPE declarations refused outright. */
  public static DocumentBuilder documentBuilder() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder();
  }
}
