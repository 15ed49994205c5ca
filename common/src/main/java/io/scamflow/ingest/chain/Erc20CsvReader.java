package io.scamflow.ingest.chain;

import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.ingest.HeadedCsv;
import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ERC-20 token transfers in the column layout of the public BigQuery {@code token_transfers} table
 * (token_address, from_address, to_address, value, transaction_hash, log_index, block_timestamp,
 * block_number). The export carries no decimals: a known contract takes the registry's, an unknown
 * one is scaled by 18 (the ERC-20 default) and stays unverified.
 */
public final class Erc20CsvReader extends TokenTransferReader {
  private static final long serialVersionUID = 1L;
  static final int DEFAULT_DECIMALS = 18;
  private static final List<String> HEADER =
      List.of(
          "token_address",
          "from_address",
          "to_address",
          "value",
          "transaction_hash",
          "log_index",
          "block_timestamp",
          "block_number");

  public Erc20CsvReader(TokenRegistry tokens) {
    super(tokens);
  }

  @Override
  public String format() {
    return "erc20-csv";
  }

  @Override
  public boolean accepts(String fileName) {
    return super.accepts(fileName) && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    try (HeadedCsv rows = new HeadedCsv(in, HEADER)) {
      while (rows.next()) {
        try {
          CryptoAddresses.Address contract = address("token_address", rows.get("token_address"));
          CryptoAddresses.Address from = address("from_address", rows.get("from_address"));
          CryptoAddresses.Address to = address("to_address", rows.get("to_address"));
          String tx = ChainValues.txHash(rows.get("transaction_hash"), true);
          Long logIndex = integer("log_index", rows.get("log_index"));
          if (logIndex == null) {
            throw new ChainValues.Invalid("log_index is empty");
          }
          Optional<TokenRegistry.Token> known =
              tokens.lookup(CryptoAddresses.ETHEREUM, contract.normalized());
          int decimals = known.map(TokenRegistry.Token::decimals).orElse(DEFAULT_DECIMALS);
          String raw = rows.get("value");
          var amount = ChainValues.scale(raw, decimals);
          sink.accept(
              rows.position(),
              ChainRecord.values(
                  CryptoAddresses.ETHEREUM,
                  tx,
                  logIndex,
                  integer("block_number", rows.get("block_number")),
                  ChainValues.timestamp(rows.get("block_timestamp")),
                  from,
                  to,
                  contract.normalized(),
                  known.map(TokenRegistry.Token::symbol).orElse(null),
                  null,
                  decimals,
                  known.isPresent(),
                  raw.strip(),
                  amount,
                  "Transfer"));
        } catch (ChainValues.Invalid e) {
          sink.reject(rows.position(), e.getMessage(), rows.raw());
        }
      }
    }
  }

  private static CryptoAddresses.Address address(String field, String raw)
      throws ChainValues.Invalid {
    CryptoAddresses.Address a = CryptoAddresses.parse(CryptoAddresses.ETHEREUM, raw);
    if (!a.valid()) {
      throw new ChainValues.Invalid(
          field + " '" + raw + "' is not an Ethereum address: " + a.reason());
    }
    return a;
  }

  private static Long integer(String field, String raw) throws ChainValues.Invalid {
    if (raw == null) {
      return null;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ChainValues.Invalid(field + " '" + raw + "' is not an integer");
    }
  }
}
