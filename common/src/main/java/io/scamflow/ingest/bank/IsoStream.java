package io.scamflow.ingest.bank;

import io.scamflow.ingest.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML document record by record with StAX, matching local names only (so every message
 * version and national variant reads alike). Inside a record element, every leaf's text is kept
 * under its path relative to the record ({@code Dbtr/Nm}, {@code IntrBkSttlmAmt@Ccy}); outside,
 * leaves are kept as context under their full path until their scope element closes. Memory holds
 * one record and its enclosing headers, never the file.
 */
final class IsoStream {
  /** Receives each record: its own leaves, the context around it, its ordinal and raw text. */
  interface Handler {
    void record(Fields record, Fields context, int ordinal, String raw);
  }

  /** Leaves by path; repeated leaves are joined with a space. */
  static final class Fields {
    final Map<String, String> values;

    Fields(Map<String, String> values) {
      this.values = values;
    }

    /** The first path present, exact. */
    String get(String... paths) {
      for (String p : paths) {
        String v = values.get(p);
        if (v != null && !v.isBlank()) {
          return v.strip();
        }
      }
      return null;
    }

    /** The value of the last path ending with one of {@code suffixes}, first suffix first. */
    String tail(String... suffixes) {
      for (String s : suffixes) {
        String found = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
          if ((e.getKey().endsWith("/" + s) || e.getKey().equals(s)) && !e.getValue().isBlank()) {
            found = e.getValue().strip();
          }
        }
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    /** The values of paths starting with {@code prefix}, joined in document order. */
    String joined(String prefix, Set<String> leafNames) {
      StringBuilder b = new StringBuilder();
      for (Map.Entry<String, String> e : values.entrySet()) {
        String k = e.getKey();
        String leaf = k.substring(k.lastIndexOf('/') + 1);
        if (k.startsWith(prefix + "/") && leafNames.contains(leaf) && !e.getValue().isBlank()) {
          b.append(b.length() == 0 ? "" : " ").append(e.getValue().strip());
        }
      }
      return b.length() == 0 ? null : b.toString();
    }
  }

  private static final Pattern VERSION = Pattern.compile("(\\w{4}\\.\\d{3})\\.\\d{3}\\.(\\d{2})");

  private final String message;
  private final Set<String> recordNames;
  private final Set<String> scopeNames;
  private final String emptyScope;
  private String version;

  /**
   * @param message e.g. "pacs.008": the document namespace must name it with version 02 to 13
   * @param recordNames local names of the record elements
   * @param scopeNames local names whose context is forgotten when they close
   * @param emptyScope a scope that yields one record of its own when it held no record (a camt
   *     entry without transaction details), or null
   */
  IsoStream(String message, Set<String> recordNames, Set<String> scopeNames, String emptyScope) {
    this.message = message;
    this.recordNames = recordNames;
    this.scopeNames = scopeNames;
    this.emptyScope = emptyScope;
  }

  /**
   * A stream over a document without a versioned namespace (goAML), whose root element must be
   * {@code root}; its "version" is the root's name.
   */
  static IsoStream plain(String root, Set<String> recordNames, Set<String> scopeNames) {
    return new IsoStream("root:" + root, recordNames, scopeNames, null);
  }

  /** The message version named by the namespace, e.g. "pacs.008.001.08"; throws when foreign. */
  String version(String namespace, String rootName) throws IOException {
    if (message.startsWith("root:")) {
      if (!message.substring(5).equals(rootName)) {
        throw new IOException(
            "expected a <"
                + message.substring(5)
                + "> document but the root is <"
                + rootName
                + ">");
      }
      return rootName;
    }
    Matcher m = VERSION.matcher(namespace == null ? "" : namespace);
    while (m.find()) {
      int v = Integer.parseInt(m.group(2));
      if (m.group(1).equals(message) && v >= 2 && v <= 13) {
        return m.group();
      }
    }
    throw new IOException(
        "not a "
            + message
            + " message (versions .001.02 to .001.13): document namespace is '"
            + namespace
            + "'");
  }

  /** The version the document's namespace named, once the root element was read. */
  String version() {
    return version;
  }

  /** Streams {@code in}; returns the message version. */
  String read(InputStream in, Handler handler) throws IOException {
    try {
      XMLStreamReader r = SafeXml.streamReader(in);
      Deque<String> path = new ArrayDeque<>();
      Map<String, String> context = new LinkedHashMap<>();
      Map<String, String> record = null;
      StringBuilder raw = null;
      int recordDepth = -1;
      int ordinal = 0;
      Map<Integer, Integer> recordsAtScopeStart = new HashMap<>();
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            if (version == null) {
              version = version(r.getNamespaceURI(), name);
            }
            path.addLast(name);
            text.setLength(0);
            if (record == null && recordNames.contains(name)) {
              record = new LinkedHashMap<>();
              raw = new StringBuilder();
              recordDepth = path.size();
            }
            if (name.equals(emptyScope)) {
              recordsAtScopeStart.put(path.size(), ordinal);
            }
            if (raw != null) {
              raw.append('<').append(name).append('>');
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
              String key =
                  key(path, record != null ? recordDepth : 0) + "@" + r.getAttributeLocalName(i);
              put(record != null ? record : context, key, r.getAttributeValue(i));
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            text.append(r.getText());
            if (raw != null && raw.length() < 8192) {
              raw.append(r.getText().strip());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            String name = path.peekLast();
            String value = text.toString();
            if (!value.isBlank()) {
              put(
                  record != null ? record : context,
                  key(path, record != null ? recordDepth : 0),
                  value);
            }
            text.setLength(0);
            if (raw != null) {
              raw.append("</").append(name).append('>');
            }
            if (record != null && path.size() == recordDepth) {
              ordinal++;
              handler.record(new Fields(record), new Fields(context), ordinal, raw.toString());
              record = null;
              raw = null;
              recordDepth = -1;
            } else if (record == null && name.equals(emptyScope)) {
              Integer before = recordsAtScopeStart.remove(path.size());
              if (before != null && before == ordinal) {
                ordinal++;
                String prefix = String.join("/", path);
                handler.record(
                    new Fields(new LinkedHashMap<>()), new Fields(context), ordinal, prefix);
              }
            }
            if (record == null && scopeNames.contains(name)) {
              String prefix = String.join("/", path) + "/";
              List<String> drop = new ArrayList<>();
              for (String k : context.keySet()) {
                if (k.startsWith(prefix)) {
                  drop.add(k);
                }
              }
              drop.forEach(context::remove);
            }
            path.removeLast();
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("malformed XML: " + e.getMessage(), e);
    }
    if (version == null) {
      throw new IOException("empty document: no " + message + " message");
    }
    return version;
  }

  private static String key(Deque<String> path, int from) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (String p : path) {
      i++;
      if (i >= (from == 0 ? 1 : from + 1)) {
        b.append(b.length() == 0 ? "" : "/").append(p);
      }
    }
    return b.toString();
  }

  private static void put(Map<String, String> into, String key, String value) {
    into.merge(key, value.strip(), (a, b) -> a + " " + b);
  }
}
