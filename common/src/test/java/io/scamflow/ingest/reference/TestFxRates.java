package io.scamflow.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamflow.ingest.RecordSink;
import io.scamflow.testing.SparkTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest
class TestFxRates {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private static List<String> read(String text, List<Object[]> accepted) throws Exception {
    List<String> rejected = new ArrayList<>();
    new FxRatesCsvReader()
        .read(
            "f.csv",
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            new RecordSink() {
              @Override
              public void accept(String position, Object... values) {
                accepted.add(values);
              }

              @Override
              public void reject(String position, String reason, String raw) {
                rejected.add(position + ": " + reason);
              }
            });
    return rejected;
  }

  @Test
  void readerTakesGoodRatesAndQuarantinesBadDateCurrencyAndRate() throws Exception {
    List<Object[]> ok = new ArrayList<>();
    List<String> bad =
        read(
            "date,currency,usd_per_unit\n2026-03-02,EUR,1.08\n2026-03-02,usdt,1\n"
                + "2026-13-01,EUR,1.1\n2026-03-02,XYZ,1\n2026-03-02,GBP,abc\n2026-03-02,JPY,-1\n",
            ok);
    assertThat(ok).hasSize(2);
    assertThat(ok.get(0)[1]).isEqualTo("EUR");
    assertThat((BigDecimal) ok.get(0)[2]).isEqualByComparingTo("1.08");
    assertThat(ok.get(1)[1]).isEqualTo("USDT");
    assertThat(bad)
        .containsExactly(
            "line 4: unparseable date '2026-13-01'",
            "line 5: unknown currency 'XYZ'",
            "line 6: bad rate 'abc'",
            "line 7: rate out of range '-1'");
  }

  @Test
  void aFileWithAnotherHeaderIsUnreadable() {
    assertThatThrownBy(() -> read("day,ccy,rate\n2026-03-02,EUR,1\n", new ArrayList<>()))
        .hasMessageContaining("date,currency,usd_per_unit");
  }

  @Test
  void knownCurrenciesAreIso4217OrCryptoTickers() {
    assertThat(FxRates.isKnownCurrency("CHF")).isTrue();
    assertThat(FxRates.isKnownCurrency("USDT")).isTrue();
    assertThat(FxRates.isKnownCurrency("chf")).isFalse();
    assertThat(FxRates.isKnownCurrency("ABC")).isFalse();
  }

  @Test
  void amountUsdUsesTheLatestRateWithinAWeekAndNeverDropsARow(SparkSession spark) {
    Dataset<Row> rates =
        spark.createDataFrame(
            List.of(
                RowFactory.create(Date.valueOf("2026-02-27"), "EUR", new BigDecimal("1.10")),
                RowFactory.create(Date.valueOf("2026-03-02"), "EUR", new BigDecimal("1.20")),
                RowFactory.create(Date.valueOf("2026-02-01"), "GBP", new BigDecimal("1.30")),
                RowFactory.create(Date.valueOf("2026-03-01"), "JPY", new BigDecimal("0.0067"))),
            new StructType()
                .add("rate_date", DataTypes.DateType)
                .add("currency", DataTypes.StringType)
                .add("usd_per_unit", FxRates.RATE));
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("d", DataTypes.DateType)
            .add("ccy", DataTypes.StringType)
            .add("amt", DataTypes.createDecimalType(38, 18));
    Dataset<Row> transfers =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a", Date.valueOf("2026-03-01"), "EUR", new BigDecimal("100")),
                RowFactory.create("b", Date.valueOf("2026-03-02"), "EUR", new BigDecimal("100")),
                RowFactory.create("c", Date.valueOf("2026-03-02"), "GBP", new BigDecimal("100")),
                RowFactory.create("d", Date.valueOf("2026-03-02"), "USD", new BigDecimal("5.5")),
                RowFactory.create("e", Date.valueOf("2026-03-02"), "JPY", new BigDecimal("1000")),
                RowFactory.create("f", null, "EUR", new BigDecimal("1"))),
            schema);
    List<Row> out =
        FxRates.withAmountUsd(transfers, rates, "d", "ccy", "amt", "usd")
            .orderBy("id")
            .select("id", "usd")
            .collectAsList();
    assertThat(out).hasSize(6);
    assertThat(out.get(0).getDecimal(1)).isEqualByComparingTo("110.00");
    assertThat(out.get(1).getDecimal(1)).isEqualByComparingTo("120.00");
    assertThat(out.get(2).isNullAt(1)).as("GBP rate is a month old").isTrue();
    assertThat(out.get(3).getDecimal(1)).isEqualByComparingTo("5.50");
    assertThat(out.get(4).getDecimal(1)).isEqualByComparingTo("6.70");
    assertThat(out.get(5).isNullAt(1)).isTrue();
  }
}
