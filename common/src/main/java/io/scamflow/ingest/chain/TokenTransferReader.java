package io.scamflow.ingest.chain;

import io.scamflow.ingest.FormatReader;
import io.scamflow.table.TableContract;
import java.util.List;

/** What the token-transfer readers share: the token registry, the source and the bronze table. */
abstract class TokenTransferReader implements FormatReader {
  protected final TokenRegistry tokens;

  TokenTransferReader(TokenRegistry tokens) {
    this.tokens = tokens;
  }

  @Override
  public final String source() {
    return "chain";
  }

  @Override
  public final TableContract bronzeTable() {
    return ChainTables.BRONZE_TRANSFERS;
  }

  @Override
  public final List<String> recordColumns() {
    return ChainRecord.COLUMNS;
  }
}
