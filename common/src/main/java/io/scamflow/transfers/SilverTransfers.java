package io.scamflow.transfers;

import io.scamflow.ingest.Ingestion;
import io.scamflow.table.TableContract;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * silver.transfers: one row per real-world transfer on either rail, whatever format reported it.
 * Fiat rows come from the bank readers' bronze tables, chain rows from the chain readers'; each
 * side builds rows of this contract and the silver stage writes their union for the run date.
 */
public final class SilverTransfers {
  private SilverTransfers() {}

  /** Exact amounts: 20 integer digits, 18 decimals (ERC-20 tokens have up to 18). */
  public static final DataType AMOUNT = DataTypes.createDecimalType(38, 18);

  /** USD to the cent. */
  public static final DataType USD = DataTypes.createDecimalType(24, 2);

  /** Where a transfer was reported: one element per source record (dedup keeps them all). */
  public static final StructType SOURCE =
      new StructType()
          .add("format", DataTypes.StringType)
          .add("file", DataTypes.StringType)
          .add("position", DataTypes.StringType);

  public static final TableContract TABLE =
      TableContract.builder("silver.transfers")
          .comment(
              "One row per real-world transfer, fiat or on-chain, deduplicated across the formats"
                  + " that reported it, with its USD value at the value date")
          .column(
              "transfer_id",
              DataTypes.StringType,
              false,
              "Stable id: a hash of the rail and the transfer's natural reference")
          .column(Ingestion.RUN_DATE, DataTypes.DateType, false, "Landing date that loaded it")
          .column("rail", DataTypes.StringType, false, "FIAT (bank) or CHAIN (blockchain)")
          .column(
              "natural_ref",
              DataTypes.StringType,
              false,
              "The transfer's own reference: UETR or end-to-end id, MT103 :20:, tx hash:log index")
          .column("value_date", DataTypes.DateType, false, "Settlement or block date (UTC)")
          .column("value_ts", DataTypes.TimestampType, "Settlement or block time (UTC), if known")
          .column("amount", AMOUNT, false, "Amount in the transfer's currency or token, exact")
          .column("currency", DataTypes.StringType, false, "ISO 4217 code, or the token symbol")
          .column("amount_usd", USD, "Amount in USD at the value date; null when no rate exists")
          .column("from_account", DataTypes.StringType, "Normalised key of the paying account")
          .column("to_account", DataTypes.StringType, "Normalised key of the receiving account")
          .column("from_name", DataTypes.StringType, "Payer's name as reported")
          .column("to_name", DataTypes.StringType, "Payee's name as reported")
          .column("from_agent", DataTypes.StringType, "Payer's bank (BIC) or the chain")
          .column("to_agent", DataTypes.StringType, "Payee's bank (BIC) or the chain")
          .column("from_country", DataTypes.StringType, "Payer's country (ISO 3166 alpha-2)")
          .column("to_country", DataTypes.StringType, "Payee's country (ISO 3166 alpha-2)")
          .column(
              "payment_format",
              DataTypes.StringType,
              "Channel: wire, ach, card, cash, cheque, crypto, ... as the source states it")
          .column("remittance", DataTypes.StringType, "Remittance information / payment purpose")
          .column("chain", DataTypes.StringType, "TRON, ETHEREUM or BITCOIN for chain transfers")
          .column("token_contract", DataTypes.StringType, "Token contract address (chain)")
          .column("tx_hash", DataTypes.StringType, "Transaction hash (chain)")
          .column("log_index", DataTypes.LongType, "Log index within the transaction (chain)")
          .column(
              "sources",
              DataTypes.createArrayType(SOURCE),
              "Every source record that reported this transfer: format, file, position")
          .partitionedBy(Ingestion.RUN_DATE)
          .dateColumn(Ingestion.RUN_DATE)
          .keys("transfer_id")
          .build();
}
