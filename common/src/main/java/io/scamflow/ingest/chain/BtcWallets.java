package io.scamflow.ingest.chain;

import static org.apache.spark.sql.functions.col;

import io.scamflow.config.Settings;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import io.scamflow.table.TableWriter;
import io.scamflow.table.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * silver.btc_wallets rebuilt from every Bitcoin transaction in bronze: a single-threaded union-find
 * on the driver, streaming the transactions (measured far faster than GraphX's connected components
 * at millions of edges; see STACK.md), then merged by address.
 */
final class BtcWallets {
  private final Lakehouse lakehouse;
  private final int minInputs;
  private final int minEqualOutputs;

  BtcWallets(Lakehouse lakehouse, Settings settings) {
    this.lakehouse = lakehouse;
    this.minInputs = settings.integer("scamflow.chain.coinjoin-min-inputs");
    this.minEqualOutputs = settings.integer("scamflow.chain.coinjoin-min-equal-outputs");
  }

  WriteResult write(RunContext run) {
    CoSpend clusters = new CoSpend(minInputs, minEqualOutputs);
    lakehouse.ensure(ChainTables.BRONZE_BTC_TRANSACTIONS);
    Iterator<Row> txs =
        lakehouse
            .spark()
            .table(ChainTables.BRONZE_BTC_TRANSACTIONS.name())
            .where(col("is_coinbase").equalTo(false))
            .dropDuplicates("tx_hash")
            .select(col("inputs.addresses"), col("outputs.value_sat"), col("outputs.addresses"))
            .toLocalIterator();
    while (txs.hasNext()) {
      Row tx = txs.next();
      List<List<String>> inputs = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (Object input : tx.getList(0)) {
        List<String> addresses =
            scala.jdk.javaapi.CollectionConverters.asJava(((scala.collection.Seq<String>) input));
        inputs.add(addresses);
      }
      for (Object output : tx.getList(2)) {
        seen.addAll(
            scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<String>) output));
      }
      clusters.add(inputs, tx.getList(1), seen);
    }
    Map<String, String> wallets = clusters.wallets();
    Map<String, Long> sizes = new HashMap<>();
    for (String w : wallets.values()) {
      sizes.merge(w, 1L, Long::sum);
    }
    List<Row> rows = new ArrayList<>(wallets.size());
    for (Map.Entry<String, String> e : wallets.entrySet()) {
      rows.add(RowFactory.create(e.getKey(), e.getValue(), sizes.get(e.getValue())));
    }
    StructType schema =
        new StructType()
            .add("address", DataTypes.StringType, false)
            .add("wallet_id", DataTypes.StringType, false)
            .add("wallet_size", DataTypes.LongType, false);
    return new TableWriter(lakehouse)
        .merge(
            ChainTables.SILVER_BTC_WALLETS, lakehouse.spark().createDataFrame(rows, schema), run);
  }
}
