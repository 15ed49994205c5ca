package io.scamflow.ingest.kyc;

import io.scamflow.ingest.Ingestion;
import io.scamflow.table.TableContract;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** The tables of exchange (VASP) KYC links: customer, bank account, deposit address. */
public final class KycTables {
  private KycTables() {}

  public static final TableContract BRONZE_VASP_KYC =
      Ingestion.bronzeTable(
              "bronze.vasp_kyc",
              "Exchange (VASP) KYC records as delivered: a customer with a bank account and a"
                  + " deposit address, and when that link held")
          .column("vasp", DataTypes.StringType, false, "Exchange that reported the customer")
          .column("customer_id", DataTypes.StringType, false, "The exchange's customer id")
          .column("customer_name", DataTypes.StringType, "Customer's name as verified by the VASP")
          .column("date_of_birth", DataTypes.DateType, "Customer's date of birth")
          .column("nationality", DataTypes.StringType, "Nationality (ISO 3166 alpha-2)")
          .column("id_document", DataTypes.StringType, "Identity document number as reported")
          .column("phone", DataTypes.StringType, "Phone number as reported")
          .column("email", DataTypes.StringType, "Email address, lowercase")
          .column("bank_account", DataTypes.StringType, "Linked bank account as reported")
          .column(
              "bank_account_key",
              DataTypes.StringType,
              "Normalised account key: IBAN:<iban> or ACCT:<bank code>:<number>")
          .column("bank_bic", DataTypes.StringType, "BIC of the linked account's bank")
          .column("bank_country", DataTypes.StringType, "Country of the linked account's bank")
          .column("chain", DataTypes.StringType, "Chain of the deposit address")
          .column("deposit_address", DataTypes.StringType, "Deposit address, normalised")
          .column("deposit_hex", DataTypes.StringType, "Deposit address in Tron hex form")
          .column("linked_from", DataTypes.DateType, "Date the link started")
          .column("linked_to", DataTypes.DateType, "Date the link ended; null while it holds")
          .build();

  public static final TableContract SILVER_VASP_LINKS =
      TableContract.builder("silver.vasp_links")
          .comment(
              "Bridges between the rails: an exchange customer linked to a bank account and a"
                  + " deposit address, with the dates the link held")
          .column(
              "link_id",
              DataTypes.StringType,
              false,
              "Stable id: hash of vasp, customer, account key, chain and deposit address")
          .column("vasp", DataTypes.StringType, false, "Exchange that reported the link")
          .column("customer_id", DataTypes.StringType, false, "The exchange's customer id")
          .column("customer_name", DataTypes.StringType, "Customer's name as verified by the VASP")
          .column("date_of_birth", DataTypes.DateType, "Customer's date of birth")
          .column("nationality", DataTypes.StringType, "Nationality (ISO 3166 alpha-2)")
          .column("id_document", DataTypes.StringType, "Identity document number as reported")
          .column("phone", DataTypes.StringType, "Phone number as reported")
          .column("email", DataTypes.StringType, "Email address, lowercase")
          .column(
              "bank_account_key",
              DataTypes.StringType,
              "Bank account as in silver.transfers: IBAN:<iban> or ACCT:<bank code>:<number>")
          .column("bank_bic", DataTypes.StringType, "BIC of the linked account's bank")
          .column("bank_country", DataTypes.StringType, "Country of the linked account's bank")
          .column("chain", DataTypes.StringType, "Chain of the deposit address")
          .column("deposit_address", DataTypes.StringType, "Deposit address, normalised")
          .column(
              "deposit_account_key",
              DataTypes.StringType,
              "Deposit address as in silver.transfers, e.g. TRON:T...")
          .column("linked_from", DataTypes.DateType, "Date the link started")
          .column("linked_to", DataTypes.DateType, "Date the link ended; null while it holds")
          .column("first_seen", DataTypes.DateType, false, "First run date a KYC file reported it")
          .column("last_seen", DataTypes.DateType, false, "Last run date a KYC file reported it")
          .keys("link_id")
          .build();

  public static List<TableContract> all() {
    return List.of(BRONZE_VASP_KYC, SILVER_VASP_LINKS);
  }
}
