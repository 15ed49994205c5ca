package io.scamflow.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Standard parsers, configured as an ingest would: XML without external entities, strict CSV. */
final class Parsers {
  private Parsers() {}

  static Document xml(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + file + ": " + e.getMessage(), e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("not valid JSON: " + file + ": " + e.getMessage(), e);
    }
  }

  /** All rows (header included) of a CSV file. */
  static List<String[]> csv(Path file, Charset charset) {
    CsvParserSettings s = new CsvParserSettings();
    s.setHeaderExtractionEnabled(false);
    s.setMaxCharsPerColumn(100_000);
    s.setNullValue("");
    s.setEmptyValue("");
    s.getFormat().setLineSeparator("\n");
    s.setLineSeparatorDetectionEnabled(true);
    s.trimValues(false);
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    try {
      String text = Files.readString(file, charset);
      return new CsvParser(s).parseAll(new java.io.StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, String>> csvMaps(Path file, Charset charset) {
    List<String[]> rows = csv(file, charset);
    String[] header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      if (r.length != header.length) {
        throw new AssertionError(
            file + ": row has " + r.length + " fields, header " + header.length);
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        m.put(header[i], r[i]);
      }
      out.add(m);
    }
    return out;
  }
}
