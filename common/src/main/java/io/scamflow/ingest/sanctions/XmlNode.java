package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.SafeXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML element with its attributes, text and children, by local name (namespaces ignored: the
 * lists changed theirs over the years). Lists are streamed with StAX through {@link SafeXml}; only
 * one record element at a time is held as a node, never the whole file.
 */
final class XmlNode {
  final String name;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<XmlNode> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private XmlNode(String name) {
    this.name = name;
  }

  /** Trimmed text content, null when blank. */
  String text() {
    return Entry.clean(text.toString());
  }

  String attr(String key) {
    return Entry.clean(attributes.get(key));
  }

  /** First child with that local name, or null. */
  XmlNode child(String local) {
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        return c;
      }
    }
    return null;
  }

  /** Text of the first child with that name (or of a path of names), or null. */
  String text(String... path) {
    XmlNode n = this;
    for (String p : path) {
      n = n.child(p);
      if (n == null) {
        return null;
      }
    }
    return n.text();
  }

  List<XmlNode> children(String local) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Every descendant (depth-first) with that local name. */
  List<XmlNode> all(String local) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        out.add(c);
      }
      out.addAll(c.all(local));
    }
    return out;
  }

  /** What a streaming pass sees: a record element, or a start tag outside records. */
  interface Visitor {
    /** A start element outside any record, with its attributes (e.g. a root's date). */
    default void start(XmlNode element) {}

    /** A whole record element; {@code index} counts records of that name from 1. */
    void record(XmlNode record, int index) throws Exception;

    /** Text of a small element outside records (e.g. a publication date). */
    default void text(String element, String value) {}
  }

  /** Streams {@code in}, handing each element named in {@code records} to the visitor whole. */
  static void stream(InputStream in, Set<String> records, Visitor visitor) throws Exception {
    XMLStreamReader r = SafeXml.streamReader(in);
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<XmlNode> stack = new ArrayList<>();
    StringBuilder outside = new StringBuilder();
    try {
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            XmlNode n = new XmlNode(r.getLocalName());
            for (int i = 0; i < r.getAttributeCount(); i++) {
              n.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            if (!stack.isEmpty()) {
              stack.get(stack.size() - 1).children.add(n);
              stack.add(n);
            } else if (records.contains(n.name)) {
              stack.add(n);
            } else {
              outside.setLength(0);
              visitor.start(n);
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!stack.isEmpty()) {
              stack.get(stack.size() - 1).text.append(r.getText());
            } else {
              outside.append(r.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            if (stack.isEmpty()) {
              String t = Entry.clean(outside.toString());
              if (t != null) {
                visitor.text(r.getLocalName(), t);
              }
              outside.setLength(0);
            } else {
              XmlNode done = stack.remove(stack.size() - 1);
              if (stack.isEmpty()) {
                visitor.record(done, counts.merge(done.name, 1, Integer::sum));
              }
            }
          }
          default -> {
            // comments, processing instructions, whitespace outside elements
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new XMLStreamException("malformed XML: " + e.getMessage(), e);
    } finally {
      r.close();
    }
  }
}
