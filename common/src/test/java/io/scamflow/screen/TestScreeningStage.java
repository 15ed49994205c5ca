package io.scamflow.screen;

import static io.scamflow.screen.InputTables.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.run.StageRunner;
import io.scamflow.table.Lakehouse;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestScreeningStage {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 2);
  static final String TRON_ADDR = "TXYZ1111111111111111111111111111aB";

  static void writeLists(Lakehouse lh) {
    InputTables.write(
        lh,
        InputTables.NAMES,
        List.of(
            RowFactory.create(
                "OFAC-SDN",
                "1001",
                "PETROV, Sergei Ivanovich",
                "primary",
                "good",
                date("2020-01-01"),
                null,
                "2026-06-01"),
            RowFactory.create(
                "OFAC-SDN",
                "1001",
                "Sergey Petrov",
                "aka",
                "low",
                date("2020-01-01"),
                null,
                "2026-06-01"),
            // removed from the list before the run date: must not hit
            RowFactory.create(
                "OFAC-SDN",
                "1002",
                "Golden Fortune Trading Co Ltd",
                "primary",
                "good",
                date("2020-01-01"),
                date("2026-05-01"),
                "2026-04-01"),
            RowFactory.create(
                "UN-SC",
                "QDi.1",
                "Wang Jianguo",
                "primary",
                "good",
                date("2021-01-01"),
                null,
                "un-2026-05")));
    InputTables.write(
        lh,
        InputTables.ENTITIES,
        List.of(
            RowFactory.create(
                "OFAC-SDN",
                "1001",
                "PETROV, Sergei Ivanovich",
                "Individual",
                List.of("CYBER2"),
                date("2020-01-01"),
                date("2020-01-01"),
                null,
                "2026-06-01"),
            RowFactory.create(
                "UN-SC",
                "QDi.1",
                "Wang Jianguo",
                "Individual",
                List.of("UN"),
                date("2021-01-01"),
                date("2021-01-01"),
                null,
                "un-2026-05")));
    InputTables.write(
        lh,
        InputTables.BIRTH_DATES,
        List.of(RowFactory.create("OFAC-SDN", "1001", date("1970-05-01"), 1970)));
    InputTables.write(
        lh,
        InputTables.CRYPTO,
        List.of(
            RowFactory.create(
                "OFAC-SDN",
                "1001",
                "USDT",
                "TRON",
                TRON_ADDR,
                date("2024-01-01"),
                null,
                "2026-06-01")));
  }

  static void writeParties(Lakehouse lh) {
    InputTables.write(
        lh,
        InputTables.PARTIES,
        List.of(
            RowFactory.create(
                "P1",
                "Сергей Петров",
                "PERSON",
                "RU",
                date("1970-05-01"),
                null,
                null,
                null,
                null,
                "IBAN:DE001",
                "iso20022-pacs008"),
            RowFactory.create(
                "P2",
                "Ivan Petrov",
                "PERSON",
                "RU",
                null,
                null,
                null,
                null,
                null,
                "IBAN:DE002",
                "iso20022-pacs008"),
            RowFactory.create(
                "P3",
                "Golden Fortune Trading Co., Ltd.",
                "ORGANISATION",
                "TH",
                null,
                null,
                null,
                null,
                null,
                "ACCT:BANK:3",
                "swift-mt103")));
    InputTables.write(
        lh,
        InputTables.VASP_LINKS,
        List.of(
            RowFactory.create(
                "Huione",
                "C9",
                "王建国",
                null,
                "CN",
                "E12345678",
                null,
                null,
                "ACCT:ABA:9",
                "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
                "TRON")));
  }

  static void writeTransfers(SparkSession spark, Lakehouse lh) {
    Row t =
        RowFactory.create(
            "t1",
            date(DAY.toString()),
            "CHAIN",
            "0xabc:1",
            date(DAY.toString()),
            null,
            new BigDecimal("100.000000000000000000"),
            "USDT",
            null,
            "TRON:TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
            "TRON:" + TRON_ADDR,
            null,
            null,
            "TRON",
            "TRON",
            null,
            null,
            "crypto",
            null,
            "TRON",
            null,
            "0xabc",
            1L,
            null);
    var schema = new org.apache.spark.sql.types.StructType();
    for (String c : SilverTransfers.TABLE.businessColumns()) {
      if (!c.equals("source_file")) {
        schema = schema.add(SilverTransfers.TABLE.schema().apply(c));
      }
    }
    new io.scamflow.table.TableWriter(lh)
        .replaceWhere(
            SilverTransfers.TABLE,
            spark.createDataFrame(List.of(t), schema),
            io.scamflow.run.RunContext.start("test", DAY),
            "true");
  }

  @Test
  void stageWritesNameAndAddressHitsWithListVersionAndEvidence(
      SparkSession spark, Lakehouse lh, Settings settings) {
    writeLists(lh);
    writeParties(lh);
    writeTransfers(spark, lh);
    Screening screening = new Screening(lh, settings);
    new StageRunner(lh, settings).run("screen", DAY, screening::run);
    new StageRunner(lh, settings).run("screen", DAY, screening::run); // idempotent

    List<Row> hits =
        spark
            .sql(
                "SELECT subject_kind, subject_id, list_id, entity_id, match_type, list_version,"
                    + " score, score_parts, explanation FROM gold.screening_hits"
                    + " WHERE run_date = DATE'"
                    + DAY
                    + "' ORDER BY subject_id")
            .collectAsList();
    assertThat(hits)
        .extracting(r -> r.getString(1))
        .containsExactly("KYC:Huione:C9", "PARTY:P1", "TRON:" + TRON_ADDR);
    Row cyrillic = hits.get(1);
    assertThat(cyrillic.getString(2)).isEqualTo("OFAC-SDN");
    assertThat(cyrillic.getString(5)).isEqualTo("2026-06-01");
    // bank parties carry no date of birth (silver.parties): the name alone clears the threshold
    assertThat(cyrillic.getDouble(6)).isGreaterThanOrEqualTo(0.85);
    assertThat(cyrillic.<String, Double>getJavaMap(7)).containsKey("name");
    Row address = hits.get(2);
    assertThat(address.getString(4)).isEqualTo("CRYPTO_ADDRESS");
    assertThat(address.getDouble(6)).isEqualTo(1.0);
    assertThat(address.getString(8)).contains(TRON_ADDR);
  }
}
