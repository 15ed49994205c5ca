package io.scamflow.ingest.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamflow.ingest.RecordSink;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenSanctions exports in FollowTheMoney JSON lines (entities.ftm.json): one entity a line with
 * id, schema and multi-valued properties. Persons, companies, organizations, vessels and the like
 * become listed parties; a CryptoWallet entity becomes a listed wallet (publicKey, currency) whose
 * holder's id is kept as an identifier. Other schemas (sanctions, addresses, relations) are skipped
 * as not being parties; a line that is not JSON is quarantined.
 */
public final class OpenSanctionsFtmReader extends SanctionsReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PARTIES =
      List.of(
          "Person",
          "Company",
          "Organization",
          "LegalEntity",
          "PublicBody",
          "Vessel",
          "Airplane",
          "CryptoWallet");
  private static final Map<String, String> IDENTIFIERS =
      Map.ofEntries(
          Map.entry("passportNumber", "Passport"),
          Map.entry("idNumber", "Identification Number"),
          Map.entry("taxNumber", "Tax ID No."),
          Map.entry("registrationNumber", "Registration Number"),
          Map.entry("innCode", "INN"),
          Map.entry("ogrnCode", "OGRN"),
          Map.entry("leiCode", "LEI"),
          Map.entry("swiftBic", "SWIFT/BIC"),
          Map.entry("imoNumber", "IMO"),
          Map.entry("mmsi", "MMSI"),
          Map.entry("callSign", "Call Sign"),
          Map.entry("email", "Email Address"),
          Map.entry("phone", "Phone Number"),
          Map.entry("website", "Website"),
          Map.entry("holder", "Wallet Holder"));

  @Override
  public String format() {
    return "opensanctions-ftm";
  }

  @Override
  public boolean accepts(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return super.accepts(fileName)
        && (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson"));
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String position = "line " + n;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        sink.reject(position, "not a JSON object: " + e.getOriginalMessage(), line);
        continue;
      }
      String id = node.path("id").asText(null);
      String schema = node.path("schema").asText("");
      if (id == null || !node.path("properties").isObject()) {
        sink.reject(position, "an FtM entity needs id, schema and properties", line);
        continue;
      }
      if (!PARTIES.contains(schema)) {
        continue;
      }
      Entry e = entry(node, id, schema, position, sink);
      sink.accept(position, e.values());
    }
  }

  private static List<String> values(JsonNode props, String property) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : props.path(property)) {
      if (v.isTextual()) {
        out.add(v.asText());
      }
    }
    return out;
  }

  private static Entry entry(
      JsonNode node, String id, String schema, String position, RecordSink sink) {
    JsonNode p = node.path("properties");
    Entry e = new Entry("OPENSANCTIONS", null, id);
    List<String> names = values(p, "name");
    if (!names.isEmpty()) {
      e.primary(names.get(0));
      names.stream().skip(1).forEach(x -> e.alias(x, "aka", "strong"));
    } else if (node.hasNonNull("caption")) {
      e.primary(node.get("caption").asText());
    }
    values(p, "alias").forEach(x -> e.alias(x, "aka", "strong"));
    values(p, "weakAlias").forEach(x -> e.alias(x, "aka", "weak"));
    values(p, "previousName").forEach(x -> e.alias(x, "fka", "strong"));
    e.entityType =
        switch (schema) {
          case "Person" -> "individual";
          case "Vessel" -> "vessel";
          case "Airplane" -> "aircraft";
          case "CryptoWallet" -> "wallet";
          default -> "entity";
        };
    values(p, "program").forEach(e::program);
    values(p, "programId").forEach(e::program);
    List<String> notes = values(p, "notes");
    e.remarks = notes.isEmpty() ? null : String.join(" ", notes);
    List<String> created = values(p, "createdAt");
    e.listedOn =
        Dates.parse(created.isEmpty() ? node.path("first_seen").asText(null) : created.get(0));
    values(p, "birthDate").forEach(e::birthDate);
    values(p, "nationality").forEach(e::nationality);
    values(p, "citizenship").forEach(e::nationality);
    values(p, "address").forEach(a -> e.address(null, null, null, null, null, a));
    for (Map.Entry<String, String> id2 : IDENTIFIERS.entrySet()) {
      for (String v : values(p, id2.getKey())) {
        e.identifier(id2.getValue(), v, null);
      }
    }
    if (schema.equals("CryptoWallet")) {
      List<String> currency = values(p, "currency");
      for (String key : values(p, "publicKey")) {
        e.cryptoAddress(currency.isEmpty() ? null : currency.get(0), key, position, sink);
      }
    }
    return e;
  }
}
