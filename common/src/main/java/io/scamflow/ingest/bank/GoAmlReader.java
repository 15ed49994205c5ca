package io.scamflow.ingest.bank;

import java.util.Set;

/**
 * [goaml-xml] UNODC goAML reports: one record per {@code report/transaction}. Each side is {@code
 * t_from_my_client} or {@code t_from} (resp. {@code t_to_my_client} / {@code t_to}) holding an
 * account, a person or an entity; the amount is {@code amount_local} in the report's {@code
 * currency_code_local}, a foreign amount is kept as other_amount. {@code direction} says which side
 * is the reporting entity's client.
 */
public final class GoAmlReader extends IsoReader {
  private static final long serialVersionUID = 1L;

  @Override
  public String format() {
    return "goaml-xml";
  }

  @Override
  IsoStream stream() {
    return IsoStream.plain("report", Set.of("transaction"), Set.of("report"));
  }

  @Override
  String position(int ordinal) {
    return "transaction[" + ordinal + "]";
  }

  @Override
  Transfer map(String version, IsoStream.Fields rec, IsoStream.Fields ctx) {
    Transfer t = new Transfer();
    t.recordType =
        "goAML "
            + (ctx.tail("report/report_code") == null ? "report" : ctx.tail("report/report_code"));
    t.messageId = ctx.tail("report/entity_reference", "report/rentity_id");
    t.txRef = rec.get("transactionnumber");
    t.instructionId = rec.get("internal_ref_number");
    t.dateText = rec.get("date_transaction", "value_date");
    t.amountText = rec.get("amount_local");
    t.currency = ctx.tail("report/currency_code_local");
    t.paymentFormat = rec.get("transmode_code");
    t.remittance = rec.get("transaction_description");
    boolean fromMine = side(t, t.debtor, rec, "t_from_my_client", "from");
    if (!fromMine) {
      side(t, t.debtor, rec, "t_from", "from");
    }
    boolean toMine = side(t, t.creditor, rec, "t_to_my_client", "to");
    if (!toMine) {
      side(t, t.creditor, rec, "t_to", "to");
    }
    t.direction =
        fromMine && toMine
            ? "BOTH_MY_CLIENT"
            : fromMine ? "FROM_MY_CLIENT" : toMine ? "TO_MY_CLIENT" : null;
    return t;
  }

  /** Fills one side from {@code node} (e.g. t_from_my_client); false when the node is absent. */
  private static boolean side(
      Transfer t, Transfer.Party p, IsoStream.Fields rec, String node, String dir) {
    boolean present = false;
    for (String k : rec.values.keySet()) {
      if (k.startsWith(node + "/")) {
        present = true;
        break;
      }
    }
    if (!present) {
      return false;
    }
    String acct = node + "/" + dir + "_account";
    String person = node + "/" + dir + "_person";
    String entity = node + "/" + dir + "_entity";
    String iban = rec.get(acct + "/iban");
    p.account = iban != null ? iban : rec.get(acct + "/account");
    p.accountIsIban = iban != null;
    p.agent = rec.get(acct + "/swift");
    p.bankCode = rec.get(acct + "/institution_code", acct + "/institution_name");
    String personName = personName(rec, person);
    p.name =
        personName != null
            ? personName
            : rec.get(entity + "/name", acct + "/account_name", acct + "/t_entity/name");
    if (p.name == null) {
      p.name = personName(rec, acct + "/signatory/t_person");
    }
    p.country =
        rec.get(
            person + "/residence",
            person + "/addresses/address/country_code",
            entity + "/incorporation_country_code",
            entity + "/addresses/address/country_code",
            node + "/" + dir + "_country");
    p.address =
        rec.joined(
            person + "/addresses/address", Set.of("address", "town", "city", "zip", "state"));
    if (p.address == null) {
      p.address =
          rec.joined(
              entity + "/addresses/address", Set.of("address", "town", "city", "zip", "state"));
    }
    String foreign = node + "/" + dir + "_foreign_currency";
    if (t.otherAmountText == null && rec.get(foreign + "/foreign_amount") != null) {
      t.otherAmountText = rec.get(foreign + "/foreign_amount");
      t.otherCurrency = rec.get(foreign + "/foreign_currency_code");
    }
    return true;
  }

  private static String personName(IsoStream.Fields rec, String person) {
    String first = rec.get(person + "/first_name");
    String middle = rec.get(person + "/middle_name");
    String last = rec.get(person + "/last_name");
    if (first == null && last == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {first, middle, last}) {
      if (part != null) {
        b.append(b.length() == 0 ? "" : " ").append(part);
      }
    }
    return b.toString();
  }
}
