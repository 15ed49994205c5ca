package io.scamflow.ingest.chain;

import io.scamflow.config.Settings;
import io.scamflow.crypto.CryptoAddresses;
import io.scamflow.errors.Errors;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The known token contracts ({@code scamflow.tokens}): a token is identified by its chain and
 * contract address, never by the symbol a transfer claims. Serializable, so readers carry it into
 * Spark tasks.
 */
public final class TokenRegistry implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One known token: its contract (normalised), symbol, decimals and how it is valued in USD. */
  public record Token(
      String chain,
      String contract,
      String symbol,
      int decimals,
      boolean stablecoin,
      BigDecimal usdPeg,
      String priceCurrency)
      implements Serializable {}

  private final Map<String, Token> byContract;

  private TokenRegistry(List<Token> tokens) {
    Map<String, Token> map = new LinkedHashMap<>();
    for (Token t : tokens) {
      map.put(key(t.chain(), t.contract()), t);
    }
    this.byContract = map;
  }

  public static TokenRegistry of(List<Token> tokens) {
    return new TokenRegistry(tokens);
  }

  /** The registry the settings declare; an invalid entry fails with the key to fix. */
  public static TokenRegistry from(Settings settings) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    for (Map<String, String> t : settings.objects("scamflow.tokens")) {
      String where = "scamflow.tokens[" + i++ + "]";
      try {
        String chain = t.get("chain").toUpperCase(Locale.ROOT);
        CryptoAddresses.Address contract = CryptoAddresses.parse(chain, t.get("contract"));
        if (!contract.valid() || !contract.validated()) {
          throw new IllegalArgumentException(
              "contract " + t.get("contract") + ": " + contract.reason());
        }
        boolean stable = Boolean.parseBoolean(t.getOrDefault("stablecoin", "false"));
        BigDecimal peg = stable ? new BigDecimal(t.getOrDefault("usd-peg", "1")) : null;
        tokens.add(
            new Token(
                chain,
                contract.normalized(),
                t.get("symbol").toUpperCase(Locale.ROOT),
                Integer.parseInt(t.get("decimals")),
                stable,
                peg,
                t.get("price-currency")));
      } catch (RuntimeException e) {
        throw Errors.badConfigValue(
            where,
            "a token needs chain, a valid contract, symbol and decimals ("
                + (e.getMessage() == null ? e : e.getMessage())
                + ")",
            e);
      }
    }
    return new TokenRegistry(tokens);
  }

  /**
   * The registry of the declared defaults and the scamflow home's conf/local.conf (what {@code
   * Readers.all()} can see without the run's settings).
   */
  public static TokenRegistry configured() {
    return from(Settings.load(Optional.empty(), Map.of()));
  }

  /** The known token at {@code contract} (already normalised) on {@code chain}, if any. */
  public Optional<Token> lookup(String chain, String contract) {
    return Optional.ofNullable(byContract.get(key(chain, contract)));
  }

  public List<Token> tokens() {
    return List.copyOf(byContract.values());
  }

  private static String key(String chain, String contract) {
    return chain + "|" + contract;
  }
}
