package io.scamflow.ingest.chain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * TRC-20 token transfers as TronGrid returns them ({@code
 * /v1/accounts/{address}/transactions/trc20}): {@code {"data": [{transaction_id, token_info{symbol,
 * address, decimals, name}, block_timestamp, from, to, type, value}], "success": true, "meta":
 * {...}}}. Streamed: one element of "data" in memory at a time.
 */
public final class Trc20JsonReader extends TokenTransferReader {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  public Trc20JsonReader(TokenRegistry tokens) {
    super(tokens);
  }

  @Override
  public String format() {
    return "trc20-json";
  }

  @Override
  public boolean accepts(String fileName) {
    return super.accepts(fileName) && fileName.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws IOException {
    boolean sawData = false;
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a TronGrid response: expected a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("data") && value == JsonToken.START_ARRAY) {
          sawData = true;
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = JSON.readTree(p);
            record(node, "data[" + i++ + "]", sink);
          }
        } else if (field.equals("success") && value == JsonToken.VALUE_FALSE) {
          throw new IOException("TronGrid response has success=false");
        } else {
          p.skipChildren();
        }
      }
    }
    if (!sawData) {
      throw new IOException("not a TronGrid response: no \"data\" array");
    }
  }

  private void record(JsonNode n, String position, RecordSink sink) {
    try {
      if (n == null || !n.isObject()) {
        throw new ChainValues.Invalid("element is not a JSON object");
      }
      String tx = ChainValues.txHash(text(n, "transaction_id"), false);
      String type = text(n, "type");
      if (type != null && !type.equals("Transfer")) {
        // TronGrid also lists approvals: allowances, not movements of value.
        throw new ChainValues.Invalid("event type '" + type + "' is not a transfer");
      }
      JsonNode info = n.path("token_info");
      CryptoAddresses.Address contract = address("token_info.address", text(info, "address"));
      CryptoAddresses.Address from = address("from", text(n, "from"));
      CryptoAddresses.Address to = address("to", text(n, "to"));
      JsonNode ts = n.get("block_timestamp");
      if (ts == null || !ts.canConvertToLong()) {
        throw new ChainValues.Invalid("block_timestamp missing or not milliseconds");
      }
      JsonNode v = n.get("value");
      String raw = v == null || v.isNull() ? null : v.asText();
      Optional<TokenRegistry.Token> known =
          tokens.lookup(CryptoAddresses.TRON, contract.normalized());
      int decimals;
      if (known.isPresent()) {
        decimals = known.get().decimals();
      } else if (info.path("decimals").canConvertToInt()
          || info.path("decimals").asText("").matches("\\d{1,2}")) {
        decimals = info.path("decimals").asInt();
      } else {
        throw new ChainValues.Invalid("token_info.decimals missing for an unknown contract");
      }
      java.math.BigDecimal amount = ChainValues.scale(raw, decimals);
      JsonNode index = n.has("event_index") ? n.get("event_index") : n.get("log_index");
      sink.accept(
          position,
          ChainRecord.values(
              CryptoAddresses.TRON,
              tx,
              index != null && index.canConvertToLong() ? index.asLong() : null,
              n.has("block_number") && n.get("block_number").canConvertToLong()
                  ? n.get("block_number").asLong()
                  : null,
              ChainValues.epochMillis(ts.asLong()),
              from,
              to,
              contract.normalized(),
              known.map(TokenRegistry.Token::symbol).orElse(text(info, "symbol")),
              text(info, "name"),
              decimals,
              known.isPresent(),
              raw.strip(),
              amount,
              type == null ? "Transfer" : type));
    } catch (ChainValues.Invalid e) {
      sink.reject(position, e.getMessage(), n == null ? null : n.toString());
    }
  }

  private static CryptoAddresses.Address address(String field, String raw)
      throws ChainValues.Invalid {
    CryptoAddresses.Address a = CryptoAddresses.parse(CryptoAddresses.TRON, raw);
    if (!a.valid()) {
      throw new ChainValues.Invalid(field + " '" + raw + "' is not a Tron address: " + a.reason());
    }
    return a;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
