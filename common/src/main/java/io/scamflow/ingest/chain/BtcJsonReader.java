package io.scamflow.ingest.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.RecordSink;
import io.scamflow.table.TableContract;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Bitcoin transactions as bitcoin-etl exports them: JSON lines, one transaction per line, with
 * {@code hash, block_number, block_timestamp (epoch seconds), is_coinbase, inputs[], outputs[]},
 * each input and output holding {@code addresses[]} and {@code value} in satoshi. Outputs without a
 * standard address (OP_RETURN, bitcoin-etl's "nonstandard...") keep an empty address list.
 */
public final class BtcJsonReader implements FormatReader {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String source() {
    return "chain";
  }

  @Override
  public String format() {
    return "btc-json";
  }

  @Override
  public TableContract bronzeTable() {
    return ChainTables.BRONZE_BTC_TRANSACTIONS;
  }

  @Override
  public boolean accepts(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return FormatReader.super.accepts(fileName)
        && (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson"));
  }

  @Override
  public List<String> recordColumns() {
    return List.of("tx_hash", "block_number", "block_ts", "is_coinbase", "inputs", "outputs");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = lines.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String position = "line " + n;
      try {
        JsonNode tx;
        try {
          tx = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new ChainValues.Invalid("not a JSON object: " + e.getOriginalMessage());
        }
        if (tx == null || !tx.isObject()) {
          throw new ChainValues.Invalid("not a JSON object");
        }
        String hash = ChainValues.txHash(tx.path("hash").asText(null), false);
        JsonNode ts = tx.get("block_timestamp");
        java.sql.Timestamp blockTs = null;
        if (ts != null && ts.canConvertToLong()) {
          long t = ts.asLong();
          blockTs = ChainValues.epochMillis(t < 100_000_000_000L ? t * 1000 : t);
        } else if (ts != null && ts.isTextual()) {
          blockTs = ChainValues.timestamp(ts.asText());
        }
        boolean coinbase = tx.path("is_coinbase").asBoolean(false);
        sink.accept(
            position,
            hash,
            tx.path("block_number").canConvertToLong() ? tx.get("block_number").asLong() : null,
            blockTs,
            coinbase,
            ios(tx.path("inputs"), "inputs"),
            ios(tx.path("outputs"), "outputs"));
      } catch (ChainValues.Invalid e) {
        sink.reject(position, e.getMessage(), line);
      }
    }
  }

  /** Arrays, not java.util.List: Spark's row encoder takes Scala Seqs or Java arrays only. */
  private static Row[] ios(JsonNode array, String field) throws ChainValues.Invalid {
    List<Row> out = new ArrayList<>();
    if (array.isMissingNode() || array.isNull()) {
      return new Row[0];
    }
    if (!array.isArray()) {
      throw new ChainValues.Invalid(field + " is not an array");
    }
    int i = 0;
    for (JsonNode io : array) {
      List<String> addresses = new ArrayList<>();
      for (JsonNode a : io.path("addresses")) {
        String raw = a.asText("");
        if (raw.isEmpty() || raw.startsWith("nonstandard")) {
          continue;
        }
        CryptoAddresses.Address parsed = CryptoAddresses.parse(CryptoAddresses.BITCOIN, raw);
        if (!parsed.valid()) {
          throw new ChainValues.Invalid(
              field
                  + "["
                  + i
                  + "] address '"
                  + raw
                  + "' is not a Bitcoin address: "
                  + parsed.reason());
        }
        addresses.add(parsed.normalized());
      }
      JsonNode value = io.get("value");
      if (value == null || !(value.canConvertToLong() || value.asText("").matches("\\d{1,19}"))) {
        throw new ChainValues.Invalid(field + "[" + i + "] value is not an amount in satoshi");
      }
      out.add(RowFactory.create(addresses.toArray(new String[0]), value.asLong()));
      i++;
    }
    return out.toArray(new Row[0]);
  }
}
