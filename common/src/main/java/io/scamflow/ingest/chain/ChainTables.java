package io.scamflow.ingest.chain;

import io.scamflow.ingest.Ingestion;
import io.scamflow.table.TableContract;
import io.scamflow.transfers.SilverTransfers;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The tables the chain rail owns: bronze as the sources state it, silver resolved. */
public final class ChainTables {
  private ChainTables() {}

  public static final TableContract BRONZE_TRANSFERS =
      Ingestion.bronzeTable(
              "bronze.chain_transfers",
              "Token transfers as TronGrid (TRC-20) and BigQuery token_transfers (ERC-20) exports"
                  + " report them, addresses validated, amounts exact")
          .column("chain", DataTypes.StringType, false, "TRON or ETHEREUM")
          .column(
              "tx_hash",
              DataTypes.StringType,
              false,
              "Transaction hash, lowercase hex (Ethereum with 0x, Tron without)")
          .column(
              "log_index",
              DataTypes.LongType,
              "Event (log) index within the transaction; null when the source omits it (TronGrid)")
          .column("block_number", DataTypes.LongType, "Block number, when the source states it")
          .column("block_ts", DataTypes.TimestampType, false, "Block time (UTC)")
          .column(
              "from_address",
              DataTypes.StringType,
              false,
              "Sender, normalised: Tron base58check, Ethereum lowercase 0x")
          .column("from_hex", DataTypes.StringType, "Sender in Tron hex form (41 + 20 bytes)")
          .column(
              "to_address",
              DataTypes.StringType,
              false,
              "Receiver, normalised: Tron base58check, Ethereum lowercase 0x")
          .column("to_hex", DataTypes.StringType, "Receiver in Tron hex form (41 + 20 bytes)")
          .column(
              "token_contract",
              DataTypes.StringType,
              false,
              "Token contract address, normalised: what identifies the token")
          .column(
              "token_symbol",
              DataTypes.StringType,
              "Symbol: the registry's for a known contract, else as the source claims it")
          .column("token_name", DataTypes.StringType, "Token name as the source states it")
          .column(
              "token_decimals",
              DataTypes.IntegerType,
              false,
              "Decimals used to scale the raw value: the registry's, else the source's, else 18")
          .column(
              "token_verified",
              DataTypes.BooleanType,
              false,
              "Whether the contract is a known token in scamflow.tokens; an unverified token's"
                  + " symbol proves nothing (fake USDT exists)")
          .column(
              "value_raw",
              DataTypes.StringType,
              false,
              "Raw integer value in the token's smallest unit, as the source states it")
          .column(
              "amount", SilverTransfers.AMOUNT, false, "Raw value scaled by the decimals, exact")
          .column(
              "event_type",
              DataTypes.StringType,
              "Event type as the source states it (TronGrid: Transfer or Approval)")
          .build();

  public static final TableContract BRONZE_ADDRESS_TAGS =
      Ingestion.bronzeTable(
              "bronze.address_tags",
              "Known-service address tags (exchange hot and deposit wallets, OTC desks, bridges)"
                  + " as delivered")
          .column("chain", DataTypes.StringType, false, "TRON, ETHEREUM or BITCOIN")
          .column("address", DataTypes.StringType, false, "Address, normalised for its chain")
          .column("address_hex", DataTypes.StringType, "Tron hex form (41 + 20 bytes)")
          .column("label", DataTypes.StringType, false, "Who the address belongs to, e.g. Binance")
          .column(
              "category",
              DataTypes.StringType,
              false,
              "Kind of service, lowercase: exchange, otc, bridge, mixer, ...")
          .build();

  /** One Bitcoin input or output: its addresses and value in satoshi. */
  static final StructType BTC_IO =
      new StructType()
          .add("addresses", DataTypes.createArrayType(DataTypes.StringType))
          .add("value_sat", DataTypes.LongType);

  public static final TableContract BRONZE_BTC_TRANSACTIONS =
      Ingestion.bronzeTable(
              "bronze.btc_transactions",
              "Bitcoin transactions in the bitcoin-etl layout: inputs and outputs with addresses")
          .column("tx_hash", DataTypes.StringType, false, "Transaction hash, lowercase hex")
          .column("block_number", DataTypes.LongType, "Block number")
          .column("block_ts", DataTypes.TimestampType, "Block time (UTC)")
          .column("is_coinbase", DataTypes.BooleanType, false, "Newly mined coins (no inputs)")
          .column(
              "inputs",
              DataTypes.createArrayType(BTC_IO),
              false,
              "Spent outputs: their addresses (normalised) and value in satoshi")
          .column(
              "outputs",
              DataTypes.createArrayType(BTC_IO),
              false,
              "New outputs: their addresses (normalised) and value in satoshi")
          .build();

  public static final TableContract SILVER_ADDRESS_TAGS =
      TableContract.builder("silver.address_tags")
          .comment("Known-service address tags, one row per address and label, deduplicated")
          .column("chain", DataTypes.StringType, false, "TRON, ETHEREUM or BITCOIN")
          .column("address", DataTypes.StringType, false, "Address, normalised for its chain")
          .column(
              "account_key",
              DataTypes.StringType,
              false,
              "Key as in silver.transfers from/to_account, e.g. TRON:T...")
          .column("address_hex", DataTypes.StringType, "Tron hex form (41 + 20 bytes)")
          .column("label", DataTypes.StringType, false, "Who the address belongs to")
          .column("category", DataTypes.StringType, false, "Kind of service, lowercase")
          .column("first_seen", DataTypes.DateType, false, "First run date a tag file listed it")
          .column("last_seen", DataTypes.DateType, false, "Last run date a tag file listed it")
          .keys("chain", "address", "label")
          .build();

  /** A tag as silver.addresses carries it. */
  static final StructType TAG =
      new StructType().add("label", DataTypes.StringType).add("category", DataTypes.StringType);

  public static final TableContract SILVER_ADDRESSES =
      TableContract.builder("silver.addresses")
          .comment(
              "Every crypto address scamflow has seen in transfers, tags or exchange KYC, per"
                  + " chain, with its tags and owning exchange")
          .column("chain", DataTypes.StringType, false, "TRON, ETHEREUM or BITCOIN")
          .column("address", DataTypes.StringType, false, "Address, normalised for its chain")
          .column(
              "account_key",
              DataTypes.StringType,
              false,
              "Key as in silver.transfers from/to_account, e.g. TRON:T...")
          .column("address_hex", DataTypes.StringType, "Tron hex form (41 + 20 bytes)")
          .column(
              "tags",
              DataTypes.createArrayType(TAG),
              "Known-service tags (label, category); empty when untagged")
          .column(
              "vasp",
              DataTypes.StringType,
              "Exchange that assigned it as a customer's deposit address (from KYC), if any")
          .column("first_seen", DataTypes.DateType, "First block date it took part in a transfer")
          .column("last_seen", DataTypes.DateType, "Last block date it took part in a transfer")
          .column("transfers", DataTypes.LongType, "Token transfers it sent or received")
          .keys("chain", "address")
          .build();

  public static final TableContract SILVER_BTC_WALLETS =
      TableContract.builder("silver.btc_wallets")
          .comment(
              "Bitcoin addresses clustered into wallets by co-spend (addresses spent together in"
                  + " one transaction share an owner); coinjoin-shaped transactions are skipped")
          .column("address", DataTypes.StringType, false, "Bitcoin address, normalised")
          .column(
              "wallet_id",
              DataTypes.StringType,
              false,
              "Wallet: the smallest address of the cluster, prefixed BTCW:")
          .column("wallet_size", DataTypes.LongType, false, "Addresses in the wallet")
          .keys("address")
          .build();

  public static List<TableContract> all() {
    return List.of(
        BRONZE_TRANSFERS,
        BRONZE_ADDRESS_TAGS,
        BRONZE_BTC_TRANSACTIONS,
        SILVER_ADDRESS_TAGS,
        SILVER_ADDRESSES,
        SILVER_BTC_WALLETS);
  }
}
