package io.scamflow.ingest.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.FormatReader;
import io.scamflow.ingest.Ingestion;
import io.scamflow.ingest.Landing;
import io.scamflow.ingest.Readers;
import io.scamflow.ingest.kyc.VaspLinks;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import io.scamflow.transfers.TransferEdges;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest
class TestChainSilver {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  // Straight calls, not StageRunner: its ops.runs bookkeeping is tested elsewhere and costs
  // two MERGEs per stage.
  private static void ingest(Lakehouse lh, Landing landing, List<String> formats) {
    for (FormatReader reader : Readers.all()) {
      if (formats.contains(reader.format())) {
        new Ingestion(lh)
            .ingest(
                RunContext.start("ingest." + reader.format(), DAY),
                reader,
                landing.files(DAY, reader));
      }
    }
  }

  private static void silver(Lakehouse lh, Settings settings) {
    RunContext run = RunContext.start("silver.chain", DAY);
    new VaspLinks(lh).write(run);
    new ChainSilver(lh, settings, "chain_test_fx").run(run);
    new TransferEdges(lh).write(run);
  }

  @Test
  void aLandingFolderLandsAsDeduplicatedChainTransfersWithUsdValuesAndRerunsChangeNothing(
      SparkSession spark, Lakehouse lh, Settings settings) throws Exception {
    Path root = Path.of(getClass().getResource("/fixtures/chain").toURI());
    Landing landing = new Landing(root.toString(), spark.sparkContext().hadoopConfiguration());
    spark
        .createDataFrame(
            List.of(RowFactory.create(Date.valueOf(DAY), "ETH", new BigDecimal("2000.500000"))),
            new StructType()
                .add("rate_date", DataTypes.DateType)
                .add("currency", DataTypes.StringType)
                .add("usd_per_unit", DataTypes.createDecimalType(20, 6)))
        .createOrReplaceTempView("chain_test_fx");
    // A fiat row of the same date that the chain write must leave alone.
    new TableWriter(lh)
        .merge(
            SilverTransfers.TABLE,
            spark.sql(
                "SELECT 'fiat-1' AS transfer_id, DATE'2026-03-02' AS run_date, 'FIAT' AS rail,"
                    + " 'UETR-1' AS natural_ref, DATE'2026-03-02' AS value_date,"
                    + " CAST(900 AS DECIMAL(38,18)) AS amount, 'EUR' AS currency,"
                    + " 'IBAN:DE89370400440532013000' AS from_account,"
                    + " 'ACCT:CHASUS33:123456789' AS to_account"),
            RunContext.start("test.fiat", DAY));

    ingest(
        lh,
        landing,
        List.of("trc20-json", "erc20-csv", "address-tags-csv", "btc-json", "vasp-kyc-csv"));
    silver(lh, settings);
    // Reloading the transfer files and rebuilding the date's chain rows changes nothing.
    ingest(lh, landing, List.of("trc20-json", "erc20-csv"));
    new ChainSilver(lh, settings, "chain_test_fx")
        .writeTransfers(RunContext.start("silver.chain", DAY));

    Map<String, Row> byCurrency = new HashMap<>();
    List<Row> chain =
        spark
            .sql(
                "SELECT currency, amount, amount_usd, from_account, to_account, natural_ref,"
                    + " size(sources), chain, log_index FROM silver.transfers"
                    + " WHERE rail = 'CHAIN' AND run_date = DATE'2026-03-02'")
            .collectAsList();
    for (Row r : chain) {
      byCurrency.put(r.getString(0) + "@" + r.getString(7), r);
    }
    assertThat(chain).hasSize(6);
    assertThat(byCurrency.keySet())
        .containsExactlyInAnyOrder(
            "USDT@TRON",
            "UNVERIFIED:USDT@TRON",
            "UNVERIFIED:SUN@TRON",
            "USDT@ETHEREUM",
            "WETH@ETHEREUM",
            "UNVERIFIED:0x1111111111111111111111111111111111111111@ETHEREUM");

    Row tronUsdt = byCurrency.get("USDT@TRON");
    assertThat(tronUsdt.getDecimal(2)).isEqualByComparingTo("2500.00");
    assertThat(tronUsdt.getString(3)).isEqualTo("TRON:TCougZV89pDjThiYEqTcZ5gSRvMfYD4jEi");
    assertThat(tronUsdt.getInt(6)).as("reported by both account files").isEqualTo(2);

    Row ethUsdt = byCurrency.get("USDT@ETHEREUM");
    assertThat(ethUsdt.getDecimal(2)).isEqualByComparingTo("1500.00");
    assertThat(ethUsdt.getString(5))
        .isEqualTo("0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08:12");
    assertThat(ethUsdt.getString(3))
        .isEqualTo("ETHEREUM:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat(ethUsdt.getInt(6)).isEqualTo(2);

    assertThat(byCurrency.get("UNVERIFIED:USDT@TRON").get(2)).as("fake USDT has no USD").isNull();
    assertThat(byCurrency.get("UNVERIFIED:SUN@TRON").getDecimal(1))
        .isEqualTo(new BigDecimal("123.456789012345678901"));
    assertThat(byCurrency.get("WETH@ETHEREUM").getDecimal(2)).isEqualByComparingTo("246975.31");

    assertThat(
            spark
                .sql("SELECT * FROM bronze.chain_transfers WHERE run_date = DATE'2026-03-02'")
                .count())
        .as("a reload replaces the files' rows")
        .isEqualTo(8);
    assertThat(spark.sql("SELECT * FROM silver.transfers WHERE rail = 'FIAT'").count())
        .isEqualTo(1);
    assertThat(
            spark
                .sql("SELECT * FROM silver.transfer_edges WHERE run_date = DATE'2026-03-02'")
                .count())
        .isEqualTo(7);
    assertThat(
            spark
                .sql(
                    "SELECT * FROM ops.quarantine WHERE run_date = DATE'2026-03-02'"
                        + " AND source IN ('chain', 'kyc')")
                .count())
        .isEqualTo(3 + 2 + 2 + 2 + 1);

    List<Row> links =
        spark
            .sql(
                "SELECT customer_id, bank_account_key, deposit_account_key FROM silver.vasp_links"
                    + " ORDER BY customer_id")
            .collectAsList();
    assertThat(links).hasSize(2);
    assertThat(links.get(0).getString(1)).isEqualTo("ACCT:CHASUS33:123456789");
    assertThat(links.get(0).getString(2))
        .isEqualTo("ETHEREUM:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertThat(links.get(1).getString(1)).isEqualTo("IBAN:DE89370400440532013000");

    Row otc =
        spark
            .sql(
                "SELECT address_hex, size(tags), vasp, transfers FROM silver.addresses"
                    + " WHERE account_key = 'TRON:TFeTusY8pV2DUTwaScGYS39qGFqQmpvL2q'")
            .first();
    assertThat(otc.getString(0)).isEqualTo("413e454c535a61686f767d848b9299a0a7aeb5bcc3");
    assertThat(otc.getInt(1)).isEqualTo(2);
    assertThat(otc.getString(2)).isEqualTo("Huione");
    assertThat(otc.getLong(3)).isEqualTo(1);
    assertThat(spark.sql("SELECT * FROM silver.address_tags").count()).isEqualTo(4);

    assertThat(spark.sql("SELECT * FROM silver.btc_wallets").count()).isEqualTo(11);
    assertThat(
            spark
                .sql(
                    "SELECT wallet_id, wallet_size FROM silver.btc_wallets"
                        + " WHERE address = '"
                        + TestBitcoinCoSpend.D
                        + "'")
                .first()
                .mkString("|"))
        .isEqualTo("BTCW:" + TestBitcoinCoSpend.A + "|3");
  }
}
