package io.scamflow.synth;

import java.io.Serializable;

/**
 * One side of a transfer as it appears in the records: a bank account (bic + account) or a chain
 * address, with the holder's name as that institution wrote it, and the truth behind it.
 *
 * @param entityId the true person, company or service behind the record
 * @param role victim, mule, controller, exchange, otc, designated or honest
 * @param schemeId the scam operation it serves, or empty
 */
record Party(
    String entityId,
    String role,
    String schemeId,
    String name,
    String bic,
    String account,
    String country,
    String city,
    String street,
    String chain,
    String address)
    implements Serializable {

  static Party bank(
      String entityId,
      String role,
      String schemeId,
      String name,
      Geo.Bank bank,
      String account,
      String city,
      String street) {
    return new Party(
        entityId,
        role,
        schemeId,
        name,
        bank.bic(),
        account,
        bank.country().code(),
        city,
        street,
        "",
        "");
  }

  static Party wallet(String entityId, String role, String schemeId, String chain, String address) {
    return new Party(entityId, role, schemeId, "", "", "", "", "", "", chain, address);
  }

  boolean onChain() {
    return !address.isEmpty();
  }

  /** The key the truth files use for this account or address. */
  String key() {
    return onChain() ? chain + ":" + address : bic + ":" + account;
  }

  Party withRole(String newRole, String scheme) {
    return new Party(
        entityId, newRole, scheme, name, bic, account, country, city, street, chain, address);
  }
}
