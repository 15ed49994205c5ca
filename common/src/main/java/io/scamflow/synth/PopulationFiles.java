package io.scamflow.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * The files of one population chunk: truth for its honest persons and businesses (accounts,
 * entities, entity records) and the KYC links of its crypto users, plus the scam KYC links assigned
 * to the chunk so that mule records sit among honest ones.
 */
final class PopulationFiles {
  private PopulationFiles() {}

  static final String ACCOUNTS_HEADER =
      "account_key,kind,chain,bic,account,address,country,holder_name,entity_id,role,scheme_id\n";
  static final String ENTITIES_HEADER =
      "entity_id,kind,canonical_name,country,nationality,date_of_birth,id_document,phone,email,"
          + "role,scheme_id\n";
  static final String RECORDS_HEADER = "source,record_key,name_as_written,entity_id\n";
  static final String KYC_HEADER =
      "vasp,customer_id,customer_name,date_of_birth,nationality,id_document,phone,email,"
          + "bank_account,bank_bic,bank_country,deposit_address,chain,linked_from,linked_to\n";

  static void write(
      WorldParameters p,
      Path out,
      Population pop,
      int chunk,
      TreeMap<Long, String> victims,
      List<ScamWorld.KycLink> scamKyc)
      throws IOException {
    String c = String.format("c%03d", chunk);
    Path truth = out.resolve("truth");
    Path kycFile =
        out.resolve("landing")
            .resolve(p.start().toString())
            .resolve("kyc/vasp-kyc-csv")
            .resolve("kyc-" + c + ".csv");
    long from = chunk * p.populationChunk();
    long to = Math.min(p.persons(), from + p.populationChunk());
    int tasks = p.populationTasks();
    try (Writer acc = ShardWriter.writer(truth.resolve("accounts/accounts-" + c + ".csv"));
        Writer ent = ShardWriter.writer(truth.resolve("entities/entities-" + c + ".csv"));
        Writer rec = ShardWriter.writer(truth.resolve("entity-records/records-" + c + ".csv"));
        Writer kyc = ShardWriter.writer(kycFile)) {
      acc.write(ACCOUNTS_HEADER);
      ent.write(ENTITIES_HEADER);
      rec.write(RECORDS_HEADER);
      kyc.write(KYC_HEADER);
      for (long person = from; person < to; person++) {
        String scheme = victims.getOrDefault(person, "");
        String role = scheme.isEmpty() ? "honest" : "victim";
        String id = Population.personId(person);
        Names.Name n = pop.name(person);
        String home = pop.homeCountry(person).code();
        ent.write(
            Csv.row(
                id,
                "person",
                Names.canonical(n, home),
                pop.residence(person).code(),
                home,
                pop.dob(person),
                pop.idDocument(person),
                pop.phone(person),
                pop.email(person),
                role,
                scheme));
        for (int j = 0; j < pop.accountCount(person); j++) {
          Party a = pop.personAccount(person, j);
          acc.write(account(a, a.role(), a.schemeId()));
          rec.write(Csv.row("bank_account", a.key(), a.name(), id));
        }
        if (pop.cryptoUser(person)) {
          acc.write(account(pop.personWallet(person), role, scheme));
          acc.write(account(pop.personEthWallet(person), role, scheme));
          Population.Service x = pop.exchangeOf(person);
          String dep = pop.depositAddress(x, person);
          acc.write(
              account(Party.wallet(x.entityId(), "exchange", "", "tron", dep), "exchange", ""));
          Party bank = pop.personAccount(person, 0);
          String customer = x.entityId() + "-C" + person;
          Rng r = Rng.of(p.seed(), "kycname", person);
          String name = Names.variant(n, home, r, r.nextInt(2));
          kyc.write(
              Csv.row(
                  x.name(),
                  customer,
                  name,
                  pop.dob(person),
                  Sanctions.countryName(home),
                  pop.idDocument(person),
                  pop.phone(person),
                  pop.email(person),
                  bank.account(),
                  bank.bic(),
                  bank.country(),
                  dep,
                  "tron",
                  p.start().minusDays(30 + person % 700).toString(),
                  ""));
          rec.write(Csv.row("kyc_customer", x.name() + ":" + customer, name, id));
        } else if (!scheme.isEmpty()) {
          acc.write(account(pop.personWallet(person), role, scheme));
        }
      }
      for (long b = chunk; b < p.businesses(); b += tasks) {
        String id = Population.businessId(b);
        Geo.Country country = pop.businessCountry(b);
        ent.write(
            Csv.row(
                id,
                "company",
                pop.businessName(b),
                country.code(),
                country.code(),
                "",
                "",
                "",
                "",
                "honest",
                ""));
        for (int j = 0; j < pop.businessAccountCount(b); j++) {
          Party a = pop.businessAccount(b, j);
          acc.write(account(a, "honest", ""));
          rec.write(Csv.row("bank_account", a.key(), a.name(), id));
        }
      }
      for (ScamWorld.KycLink k : scamKyc) {
        Entity e = k.person();
        kyc.write(
            Csv.row(
                k.vasp(),
                k.customerId(),
                k.name(),
                e.dob(),
                Sanctions.countryName(e.nationality()),
                e.idDocument(),
                e.phone(),
                e.email(),
                k.bankAccount().account(),
                k.bankAccount().bic(),
                k.bankAccount().country(),
                k.depositAddress(),
                k.chain(),
                k.linkedFrom(),
                ""));
      }
    }
  }

  static String account(Party a, String role, String scheme) {
    return Csv.row(
        a.key(),
        a.onChain() ? "address" : "bank_account",
        a.chain(),
        a.bic(),
        a.account(),
        a.address(),
        a.country(),
        a.name(),
        a.entityId(),
        role,
        scheme);
  }
}
