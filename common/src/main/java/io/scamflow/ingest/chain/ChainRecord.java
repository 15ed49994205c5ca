package io.scamflow.ingest.chain;

import io.scamflow.crypto.CryptoAddresses;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

/** The record columns of bronze.chain_transfers, shared by the TRC-20 and ERC-20 readers. */
final class ChainRecord {
  static final List<String> COLUMNS =
      List.of(
          "chain",
          "tx_hash",
          "log_index",
          "block_number",
          "block_ts",
          "from_address",
          "from_hex",
          "to_address",
          "to_hex",
          "token_contract",
          "token_symbol",
          "token_name",
          "token_decimals",
          "token_verified",
          "value_raw",
          "amount",
          "event_type");

  private ChainRecord() {}

  static Object[] values(
      String chain,
      String txHash,
      Long logIndex,
      Long blockNumber,
      Timestamp blockTs,
      CryptoAddresses.Address from,
      CryptoAddresses.Address to,
      String contract,
      String symbol,
      String name,
      int decimals,
      boolean verified,
      String raw,
      BigDecimal amount,
      String eventType) {
    return new Object[] {
      chain,
      txHash,
      logIndex,
      blockNumber,
      blockTs,
      from.normalized(),
      from.hex(),
      to.normalized(),
      to.hex(),
      contract,
      symbol,
      name,
      decimals,
      verified,
      raw,
      amount,
      eventType
    };
  }
}
