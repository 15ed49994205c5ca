package io.scamflow.transfers;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.scamflow.ingest.Ingestion;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableContract;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * silver.transfer_edges: every transfer of every rail as a graph edge (account key to account key),
 * the one shape the graph reads. Rebuilt for a run date after both rails have written their
 * silver.transfers rows.
 *
 * <p>Time is an interval: {@code ts} is the earliest the transfer can have happened and {@code
 * ts_late} the latest ({@link #earliest()}, {@link #latest()}; the detectors build theirs with the
 * same two columns). Both are the same instant when the source states a time; a date-only format
 * (SWIFT MT103's :32A: value date) gives the start and the last second of the value date, so a
 * reader asking "can B have come after A" compares {@code B.ts_late >= A.ts} and does not put a
 * same-day hop before the money reached it. Partitions written before {@code ts_late} existed hold
 * null there: read it as {@code coalesce(ts_late, ts)}.
 */
public final class TransferEdges {
  public static final TableContract TABLE =
      TableContract.builder("silver.transfer_edges")
          .comment(
              "Graph-ready edges over all transfers, fiat and chain: source account to"
                  + " destination account with time and USD value")
          .column(Ingestion.RUN_DATE, DataTypes.DateType, false, "Landing date that loaded it")
          .column("transfer_id", DataTypes.StringType, false, "The transfer in silver.transfers")
          .column("rail", DataTypes.StringType, false, "FIAT or CHAIN")
          .column(
              "src",
              DataTypes.StringType,
              false,
              "Paying account key: IBAN:..., ACCT:<bank>:<number>, TRON:..., ETHEREUM:0x...")
          .column("dst", DataTypes.StringType, false, "Receiving account key, same convention")
          .column(
              "ts",
              DataTypes.TimestampType,
              false,
              "Earliest it can have moved (UTC): its time, or its value date at midnight when the"
                  + " source gives only the date")
          .column(
              "ts_late",
              DataTypes.TimestampType,
              "Latest it can have moved (UTC): ts when the source gives a time, the last second of"
                  + " the value date when it gives only the date (SWIFT MT103); null in partitions"
                  + " written before the column existed, read those as ts")
          .column("amount_usd", SilverTransfers.USD, "USD value; null when no rate exists")
          .column("amount", SilverTransfers.AMOUNT, false, "Amount in its currency, exact")
          .column("currency", DataTypes.StringType, false, "ISO 4217 code or token symbol")
          .column("chain", DataTypes.StringType, "TRON, ETHEREUM or BITCOIN for chain edges")
          .partitionedBy(Ingestion.RUN_DATE)
          .dateColumn(Ingestion.RUN_DATE)
          .keys("transfer_id")
          .build();

  private final Lakehouse lakehouse;

  public TransferEdges(Lakehouse lakehouse) {
    this.lakehouse = lakehouse;
  }

  /** Replaces the run date's edges with those of its silver.transfers rows (both rails). */
  public WriteResult write(RunContext run) {
    lakehouse.ensure(SilverTransfers.TABLE);
    Dataset<Row> edges =
        lakehouse
            .spark()
            .table(SilverTransfers.TABLE.name())
            .where(col(Ingestion.RUN_DATE).equalTo(lit(Date.valueOf(run.runDate()))))
            .where(col("from_account").isNotNull().and(col("to_account").isNotNull()))
            .select(
                col(Ingestion.RUN_DATE),
                col("transfer_id"),
                col("rail"),
                col("from_account").as("src"),
                col("to_account").as("dst"),
                earliest().as("ts"),
                latest().as("ts_late"),
                col("amount_usd"),
                col("amount"),
                col("currency"),
                col("chain"));
    return new TableWriter(lakehouse).replaceDay(TABLE, edges, run);
  }

  /**
   * Over silver.transfers columns: the earliest a transfer can have happened, its {@code value_ts}
   * or else the midnight starting its {@code value_date} (UTC).
   */
  public static Column earliest() {
    return coalesce(col("value_ts"), col("value_date").cast("timestamp"));
  }

  /**
   * Over silver.transfers columns: the latest a transfer can have happened, its {@code value_ts} or
   * else the last second of its {@code value_date} (UTC).
   */
  public static Column latest() {
    return coalesce(col("value_ts"), dayEnd(col("value_date")));
  }

  /** The last second of a date. */
  public static Column dayEnd(Column date) {
    return functions.date_add(date, 1).cast("timestamp").minus(functions.expr("INTERVAL 1 SECOND"));
  }
}
