package io.scamflow.ingest.bank;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.reference.FxRates;
import io.scamflow.run.RunContext;
import io.scamflow.run.StageOutcome;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import io.scamflow.transfers.SilverTransfers;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The fiat silver build for one run date: bronze.bank_transfers of that date become the FIAT rows
 * of silver.transfers (one per real-world payment, every reporting record kept in {@code sources},
 * USD at the value date), plus silver.accounts, silver.parties and the benchmark labels.
 *
 * <p>Natural reference, most specific first: the UETR; else the end-to-end id with date, currency
 * and amount; else the source's own reference (MT103 :20:, bank or benchmark id) with the same;
 * else a hash of the record's content numbered by occurrence in its file (so the same file loaded
 * under another name is the same transfers). Where several records share a reference, each column
 * takes the value of the richest format that has it (pacs.008, MT103, pain.001, camt.054, camt.053,
 * goAML, benchmark CSVs).
 */
public final class FiatSilver {
  public static final String RAIL = "FIAT";

  public static final TableContract ACCOUNTS =
      TableContract.builder("silver.accounts")
          .comment("Bank accounts seen in any fiat transfer, one row per normalised account key")
          .column(
              "account_key",
              DataTypes.StringType,
              false,
              "IBAN:<iban> (mod-97 valid) or ACCT:<bank>:<number>; what silver.transfers"
                  + " from_account / to_account hold")
          .column("scheme", DataTypes.StringType, false, "IBAN or OTHER")
          .column("account_id", DataTypes.StringType, "The IBAN or account number as reported")
          .column("bank_bic", DataTypes.StringType, "BIC of the account's bank, if known")
          .column("bank_code", DataTypes.StringType, "Other id or name of the account's bank")
          .column("country", DataTypes.StringType, "Country of the account (IBAN) or its holder")
          .keys("account_key")
          .build();

  public static final TableContract PARTIES =
      TableContract.builder("silver.parties")
          .comment(
              "Parties of fiat transfers as reported: one row per normalised name and account;"
                  + " entity resolution merges them later")
          .column(
              "party_key",
              DataTypes.StringType,
              false,
              "Stable key: hash of the normalised name and the account key")
          .column("party_name", DataTypes.StringType, "Name as first reported")
          .column(
              "name_normalised",
              DataTypes.StringType,
              "Upper case, punctuation removed, spaces collapsed")
          .column("account_key", DataTypes.StringType, "The party's account (silver.accounts)")
          .column("country", DataTypes.StringType, "Country (ISO 3166 alpha-2), if known")
          .column("address", DataTypes.StringType, "Address as reported, one line")
          .keys("party_key")
          .build();

  public static final TableContract LABELS =
      TableContract.builder("silver.benchmark_labels")
          .comment(
              "Ground-truth labels that benchmark files (AMLworld, AMLSim) carry, by transfer;"
                  + " for evaluation only, never a detection feature")
          .column(Ingestion.RUN_DATE, DataTypes.DateType, false, "Landing date that loaded it")
          .column("transfer_id", DataTypes.StringType, false, "silver.transfers.transfer_id")
          .column("is_laundering", DataTypes.BooleanType, false, "The benchmark's label")
          .column("label_source", DataTypes.StringType, false, "Format the label came from")
          .partitionedBy(Ingestion.RUN_DATE)
          .dateColumn(Ingestion.RUN_DATE)
          .keys("transfer_id")
          .build();

  private final Lakehouse lakehouse;

  public FiatSilver(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /**
   * Builds and writes the run date's fiat rows of silver.transfers (replacing only run_date = D and
   * rail = FIAT), merges silver.accounts and silver.parties, and replaces the day's labels. Call
   * after the bank formats and fx-rates-csv were ingested and {@link FxRates#build} ran.
   */
  public StageOutcome build(RunContext run) {
    lakehouse.ensure(BankTables.BRONZE);
    Dataset<Row> bronze =
        lakehouse
            .spark()
            .table(BankTables.BRONZE.name())
            .where(col(Ingestion.RUN_DATE).equalTo(lit(java.sql.Date.valueOf(run.runDate()))));
    Dataset<Row> keyed = withTransferId(bronze).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      TableWriter writer = new TableWriter(lakehouse);
      List<WriteResult> writes = new ArrayList<>();
      Dataset<Row> transfers =
          new FxRates(lakehouse)
              .withAmountUsd(transfers(keyed), "value_date", "currency", "amount", "amount_usd")
              .persist(StorageLevel.MEMORY_AND_DISK());
      long missingUsd;
      try {
        missingUsd = transfers.where(col("amount_usd").isNull()).count();
        writes.add(
            writer.replaceWhere(
                SilverTransfers.TABLE,
                transfers,
                run,
                String.format(
                    "%s = DATE'%s' AND rail = '%s'", Ingestion.RUN_DATE, run.runDate(), RAIL)));
      } finally {
        transfers.unpersist();
      }
      writes.add(writer.merge(ACCOUNTS, accounts(keyed), run));
      writes.add(writer.merge(PARTIES, parties(keyed), run));
      writes.add(writer.replaceDay(LABELS, labels(keyed, run), run));
      String summary =
          String.format(
              "silver.transfers FIAT %s: %d transfers from %d bank records, %d without amount_usd"
                  + " (no FX rate within %d days)",
              run.runDate(),
              writes.get(0).rowsWritten(),
              keyed.count(),
              missingUsd,
              FxRates.MAX_STALE_DAYS);
      return StageOutcome.derived(writes, summary);
    } finally {
      keyed.unpersist();
    }
  }

  /** Adds natural_ref, transfer_id and the format priority to bronze rows. */
  static Dataset<Row> withTransferId(Dataset<Row> bronze) {
    Column amountKey =
        concat_ws(
            ":", col("value_date").cast("string"), col("currency"), col("amount").cast("string"));
    Column e2e =
        when(
            col("end_to_end_id")
                .isNotNull()
                .and(upper(col("end_to_end_id")).notEqual("NOTPROVIDED")),
            col("end_to_end_id"));
    Column ownRef =
        when(
            col("tx_ref").isNotNull().or(col("instruction_id").isNotNull()),
            concat_ws(
                ":", coalesce(col("tx_ref"), lit("")), coalesce(col("instruction_id"), lit(""))));
    Column content =
        sha2(
            concat_ws(
                "|",
                coalesce(col("value_ts").cast("string"), col("value_date").cast("string")),
                coalesce(col("debtor_account_key"), col("debtor_name"), lit("")),
                coalesce(col("creditor_account_key"), col("creditor_name"), lit("")),
                col("amount").cast("string"),
                col("currency"),
                coalesce(col("other_amount").cast("string"), lit("")),
                coalesce(col("other_currency"), lit("")),
                coalesce(col("payment_format"), lit(""))),
            256);
    Dataset<Row> withHash = bronze.withColumn("_content", content);
    Column occurrence =
        row_number()
            .over(
                Window.partitionBy(col(TableContract.SOURCE_FILE), col("_content"))
                    .orderBy(col(Ingestion.POSITION)));
    Column naturalRef =
        when(col("uetr").isNotNull(), concat(lit("UETR:"), lower(col("uetr"))))
            .when(e2e.isNotNull(), concat(lit("E2E:"), e2e, lit(":"), amountKey))
            .when(ownRef.isNotNull(), concat(lit("REF:"), ownRef, lit(":"), amountKey))
            .otherwise(concat(lit("ROW:"), col("_content"), lit(":"), occurrence.cast("string")));
    Column priority =
        when(col(Ingestion.FORMAT).equalTo("iso20022-pacs008"), 1)
            .when(col(Ingestion.FORMAT).equalTo("swift-mt103"), 2)
            .when(col(Ingestion.FORMAT).equalTo("iso20022-pain001"), 3)
            .when(col(Ingestion.FORMAT).equalTo("iso20022-camt054"), 4)
            .when(col(Ingestion.FORMAT).equalTo("iso20022-camt053"), 5)
            .when(col(Ingestion.FORMAT).equalTo("goaml-xml"), 6)
            .otherwise(7);
    return withHash
        .withColumn("natural_ref", naturalRef)
        .withColumn(
            "transfer_id", substring(sha2(concat(lit(RAIL + "|"), col("natural_ref")), 256), 1, 32))
        .withColumn("_priority", priority)
        .drop("_content");
  }

  /** The value of {@code c} from the richest record that has it. */
  private static Column best(Column c, String name) {
    return min_by(
            c,
            struct(
                when(c.isNull(), 1).otherwise(0),
                col("_priority"),
                col(TableContract.SOURCE_FILE),
                col(Ingestion.POSITION)))
        .as(name);
  }

  static Dataset<Row> transfers(Dataset<Row> keyed) {
    return keyed
        .groupBy("transfer_id")
        .agg(
            best(col("natural_ref"), "natural_ref"),
            best(col(Ingestion.RUN_DATE), Ingestion.RUN_DATE),
            best(col("value_date"), "value_date"),
            best(col("value_ts"), "value_ts"),
            best(col("amount"), "amount"),
            best(col("currency"), "currency"),
            best(col("debtor_account_key"), "from_account"),
            best(col("creditor_account_key"), "to_account"),
            best(col("debtor_name"), "from_name"),
            best(col("creditor_name"), "to_name"),
            best(coalesce(col("debtor_agent"), col("debtor_bank_code")), "from_agent"),
            best(coalesce(col("creditor_agent"), col("creditor_bank_code")), "to_agent"),
            best(col("debtor_country"), "from_country"),
            best(col("creditor_country"), "to_country"),
            best(col("payment_format"), "payment_format"),
            best(col("remittance"), "remittance"),
            best(col(TableContract.SOURCE_FILE), TableContract.SOURCE_FILE),
            array_sort(
                    collect_set(
                        struct(
                            col(Ingestion.FORMAT).as("format"),
                            col(TableContract.SOURCE_FILE).as("file"),
                            col(Ingestion.POSITION).as("position"))))
                .as("sources"))
        .withColumn("rail", lit(RAIL));
  }

  private static Dataset<Row> sides(Dataset<Row> keyed) {
    Dataset<Row> debtors = side(keyed, "debtor");
    return debtors.unionByName(side(keyed, "creditor"));
  }

  private static Dataset<Row> side(Dataset<Row> keyed, String side) {
    return keyed.select(
        col(side + "_account_key").as("account_key"),
        col(side + "_account").as("account_id"),
        col(side + "_agent").as("bank_bic"),
        col(side + "_bank_code").as("bank_code"),
        col(side + "_country").as("country"),
        col(side + "_name").as("party_name"),
        col(side + "_address").as("address"),
        col("_priority"),
        col(TableContract.SOURCE_FILE),
        col(Ingestion.POSITION));
  }

  static Dataset<Row> accounts(Dataset<Row> keyed) {
    return sides(keyed)
        .where(col("account_key").isNotNull())
        .groupBy("account_key")
        .agg(
            best(col("account_id"), "account_id"),
            best(col("bank_bic"), "bank_bic"),
            best(col("bank_code"), "bank_code"),
            best(col("country"), "country"))
        .withColumn(
            "scheme", when(col("account_key").startsWith("IBAN:"), "IBAN").otherwise("OTHER"));
  }

  /** Upper case, anything but letters and digits a space, spaces collapsed. */
  static Column normaliseName(Column name) {
    return trim(regexp_replace(regexp_replace(upper(name), "[^\\p{L}\\p{N}]+", " "), " +", " "));
  }

  static Dataset<Row> parties(Dataset<Row> keyed) {
    Dataset<Row> s =
        sides(keyed)
            .withColumn("name_normalised", normaliseName(col("party_name")))
            .withColumn(
                "party_key",
                substring(
                    sha2(
                        concat_ws(
                            "|",
                            coalesce(col("name_normalised"), lit("")),
                            coalesce(col("account_key"), lit(""))),
                        256),
                    1,
                    32));
    return s.groupBy("party_key")
        .agg(
            best(col("party_name"), "party_name"),
            best(col("name_normalised"), "name_normalised"),
            best(col("account_key"), "account_key"),
            best(col("country"), "country"),
            best(col("address"), "address"));
  }

  static Dataset<Row> labels(Dataset<Row> keyed, RunContext run) {
    return keyed
        .where(col("is_laundering").isNotNull())
        .groupBy("transfer_id")
        .agg(
            max(col("is_laundering")).as("is_laundering"),
            best(col(Ingestion.FORMAT), "label_source"))
        .withColumn(Ingestion.RUN_DATE, lit(java.sql.Date.valueOf(run.runDate())));
  }
}
