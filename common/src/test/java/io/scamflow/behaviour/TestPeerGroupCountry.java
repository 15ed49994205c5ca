package io.scamflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamflow.config.Settings;
import io.scamflow.ingest.bank.AccountKeys;
import io.scamflow.testing.SparkTest;
import io.scamflow.transfers.SilverTransfers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The peer group's country: the account's own when payments state it, else its IBAN's, else its
 * BIC's (characters 5-6 of an 8 or 11 character BIC), on crafted account keys.
 */
@SparkTest
class TestPeerGroupCountry {
  private static final Map<String, String> KEYS = new HashMap<>();

  static {
    // key -> the country the key itself states (null: none)
    KEYS.put("ACCT:SRBKTH2X:9946592813", "TH");
    KEYS.put("ACCT:DEUTDEFF:123", "DE");
    KEYS.put("IBAN:GB82WEST12345698765432", "GB");
    KEYS.put("IBAN:DE89370400440532013000", "DE");
    KEYS.put("ACCT:0012:998877", null); // a domestic bank code, no BIC
    KEYS.put("ACCT:AB1DTH2X:1", null); // bank code with a digit: not a BIC
    KEYS.put("ACCT:ABCDZZ2X:1", null); // BIC-shaped, but ZZ is no country
    KEYS.put("ACCT:ABCDTH2:1", null); // 7 characters
    KEYS.put("ACCT:ABCDTH2XABCD:1", null); // 12 characters
    KEYS.put("ACCT:?:5", null);
    KEYS.put("TRON:TXyz9fKpTHaa", null);
    KEYS.put("ETHEREUM:0xabc", null);
  }

  @Test
  void theKeyStatesItsIbansOrItsBicsCountryAndNothingElse(SparkSession spark) {
    for (Map.Entry<String, String> e : KEYS.entrySet()) {
      assertThat(AccountKeys.countryOfKey(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(AccountKeys.countryOfKey((String) null)).isNull();
    assertThat(AccountKeys.countryOfKey("ACCT:SRBKTH2XABC:1")).isEqualTo("TH"); // BIC11
    // the column expression gives the same answers as the Java method
    List<String> keys = new ArrayList<>(KEYS.keySet());
    keys.add("ACCT:SRBKTH2XABC:1");
    List<Row> got =
        spark
            .createDataset(keys, org.apache.spark.sql.Encoders.STRING())
            .select(functions.col("value"), AccountKeys.countryOfKey(functions.col("value")))
            .collectAsList();
    assertThat(got).hasSize(keys.size());
    for (Row r : got) {
      assertThat(r.getString(1))
          .as(r.getString(0))
          .isEqualTo(AccountKeys.countryOfKey(r.getString(0)));
    }
  }

  @Test
  void anAccountsOwnCountryWinsThenItsKeysCountry(SparkSession spark, Settings settings) {
    LocalDate day = LocalDate.of(2026, 3, 2);
    List<Row> rows = new ArrayList<>();
    // a Thai BIC, no country in the payment: TH
    rows.add(transfer("t1", "ACCT:SRBKTH2X:1", "ACCT:SRBKTH2X:2", null, null, day));
    // the payment states VN for the payer: its own country wins over its BIC's
    rows.add(transfer("t2", "ACCT:SRBKTH2X:3", "IBAN:GB82WEST12345698765432", "VN", null, day));
    // a domestic bank code: no country anywhere
    rows.add(transfer("t3", "ACCT:0012:4", "ACCT:DEUTDEFF:5", null, null, day));
    StructType schema =
        new StructType()
            .add("transfer_id", DataTypes.StringType)
            .add("value_date", DataTypes.DateType)
            .add("value_ts", DataTypes.TimestampType)
            .add("amount", SilverTransfers.AMOUNT)
            .add("currency", DataTypes.StringType)
            .add("amount_usd", SilverTransfers.USD)
            .add("from_account", DataTypes.StringType)
            .add("to_account", DataTypes.StringType)
            .add("from_country", DataTypes.StringType)
            .add("to_country", DataTypes.StringType);
    var sides =
        DailyActivity.sides(
            spark.createDataFrame(rows, schema),
            settings,
            VaspAccounts.known(spark, c -> java.util.Optional.empty()));
    Map<String, String> country = new HashMap<>();
    for (Row r : DailyActivity.perAccount(sides, day, settings).collectAsList()) {
      country.put(r.getAs("account"), r.getAs("country"));
    }
    assertThat(country)
        .containsEntry("ACCT:SRBKTH2X:1", "TH")
        .containsEntry("ACCT:SRBKTH2X:2", "TH")
        .containsEntry("ACCT:SRBKTH2X:3", "VN")
        .containsEntry("IBAN:GB82WEST12345698765432", "GB")
        .containsEntry("ACCT:0012:4", null)
        .containsEntry("ACCT:DEUTDEFF:5", "DE");
    assertThat(country).hasSize(6);
  }

  private static Row transfer(
      String id, String from, String to, String fromCountry, String toCountry, LocalDate d) {
    BigDecimal usd = new BigDecimal("125.50");
    return RowFactory.create(
        id,
        Date.valueOf(d),
        Timestamp.valueOf(d.atTime(10, 0)),
        usd,
        "USD",
        usd,
        from,
        to,
        fromCountry,
        toCountry);
  }
}
