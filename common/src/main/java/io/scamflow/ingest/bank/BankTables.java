package io.scamflow.ingest.bank;

import io.scamflow.ingest.Ingestion;
import io.scamflow.table.TableContract;
import io.scamflow.transfers.SilverTransfers;
import org.apache.spark.sql.types.DataTypes;

/**
 * The bank tables: bronze.bank_transfers (shared by every bank format), and the silver tables the
 * fiat build writes besides silver.transfers: accounts, parties and the benchmark labels.
 */
public final class BankTables {
  private BankTables() {}

  public static final TableContract BRONZE =
      party(
              party(
                  Ingestion.bronzeTable(
                          "bronze.bank_transfers",
                          "Bank transfers as reported by each format (ISO 20022, MT103, goAML,"
                              + " benchmark CSVs): one row per source record, not yet deduplicated")
                      .column(
                          "record_type",
                          DataTypes.StringType,
                          false,
                          "Message and part the record came from, e.g. pacs.008.001.08, MT103,"
                              + " camt.054 entry")
                      .column(
                          "message_id", DataTypes.StringType, "Message or file id (GrpHdr/MsgId)")
                      .column(
                          "instruction_id",
                          DataTypes.StringType,
                          "Instruction id (InstrId), or the payment batch id")
                      .column(
                          "end_to_end_id", DataTypes.StringType, "End-to-end id set by the payer")
                      .column(
                          "uetr", DataTypes.StringType, "SWIFT UETR (unique end-to-end reference)")
                      .column(
                          "tx_ref",
                          DataTypes.StringType,
                          "The source's own transaction reference: MT103 :20:, bank reference,"
                              + " goAML transaction number, benchmark transaction id")
                      .column(
                          "value_date",
                          DataTypes.DateType,
                          false,
                          "Settlement, value or execution date")
                      .column(
                          "value_ts", DataTypes.TimestampType, "Time of the transfer, if stated")
                      .column(
                          "amount",
                          SilverTransfers.AMOUNT,
                          false,
                          "Settled amount in the currency below")
                      .column(
                          "currency",
                          DataTypes.StringType,
                          false,
                          "ISO 4217 code (or crypto ticker) of the amount"),
                  "debtor",
                  "payer"),
              "creditor",
              "payee")
          .column(
              "other_amount",
              SilverTransfers.AMOUNT,
              "Second amount the source states: instructed amount (:33B:, InstdAmt), AMLworld"
                  + " Amount Received, goAML foreign amount")
          .column("other_currency", DataTypes.StringType, "Currency of other_amount")
          .column(
              "direction",
              DataTypes.StringType,
              "camt: CRDT or DBIT as seen from the statement's account; goAML: which side is the"
                  + " reporting entity's client (FROM_MY_CLIENT, TO_MY_CLIENT, BOTH_MY_CLIENT)")
          .column(
              "payment_format",
              DataTypes.StringType,
              "Channel as the source states it: wire, ach, card, cash, cheque, bitcoin, ...")
          .column("remittance", DataTypes.StringType, "Remittance information / payment purpose")
          .column("charges", DataTypes.StringType, "Charges bearer: OUR, SHA, BEN (MT103 :71A:)")
          .column(
              "sender_info",
              DataTypes.StringType,
              "Sender to receiver information (:72:), goAML transaction description")
          .column(
              "is_laundering",
              DataTypes.BooleanType,
              "Benchmark ground-truth label when the file carries one (AMLworld Is Laundering,"
                  + " AMLSim is_sar); copied only to silver.benchmark_labels, never a feature")
          .build();

  private static TableContract.Builder party(TableContract.Builder b, String side, String who) {
    return b.column(side + "_name", DataTypes.StringType, "Name of the " + who + " as reported")
        .column(
            side + "_account",
            DataTypes.StringType,
            "Account of the " + who + " as reported (IBAN or other id)")
        .column(
            side + "_account_key",
            DataTypes.StringType,
            "Normalised account key of the "
                + who
                + ": IBAN:<iban> (check digits valid) or ACCT:<bank>:<number>")
        .column(side + "_agent", DataTypes.StringType, "BIC of the " + who + "'s bank")
        .column(
            side + "_bank_code",
            DataTypes.StringType,
            "Other id of the " + who + "'s bank: clearing member id, bank number or name")
        .column(
            side + "_country",
            DataTypes.StringType,
            "Country of the " + who + " (ISO 3166 alpha-2): stated, else the IBAN's")
        .column(side + "_address", DataTypes.StringType, "Address of the " + who + ", one line");
  }
}
