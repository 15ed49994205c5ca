package io.scamflow.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The driver-written files, small whatever the scale: FX rates, address tags, sanctions lists and
 * the truth of the scam world (accounts, entities, designations, screening, schemes).
 */
final class WorldFiles {
  private WorldFiles() {}

  static void write(WorldParameters p, Path out, Population pop, ScamWorld w) throws IOException {
    Path landing = out.resolve("landing");
    Path truth = out.resolve("truth");
    // FX: every currency used, every day
    TreeSet<String> currencies = new TreeSet<>();
    for (Geo.Country c : Geo.COUNTRIES) {
      currencies.add(c.currency());
    }
    currencies.add("USDT");
    for (int d = 0; d < p.days(); d++) {
      String date = p.date(d).toString();
      StringBuilder fx = new StringBuilder("date,currency,usd_per_unit\n");
      for (String ccy : currencies) {
        fx.append(date)
            .append(',')
            .append(ccy)
            .append(',')
            .append(String.format(Locale.ROOT, "%.10f", Money.usdPerUnit(ccy, d)))
            .append('\n');
      }
      ShardWriter.write(
          landing.resolve(date).resolve("reference/fx-rates-csv/fx-" + date + ".csv"), fx);
    }
    // address tags of known services, published with the first day
    String start = p.start().toString();
    StringBuilder tags = new StringBuilder("address,chain,label,category\n");
    for (Population.Service x : pop.exchanges) {
      tags.append(Csv.row(x.tronHot(), "tron", x.name() + " hot wallet", "exchange_hot"));
      tags.append(Csv.row(x.ethHot(), "ethereum", x.name() + " hot wallet", "exchange_hot"));
    }
    for (long person = 0; person < Math.min(p.persons(), 400); person++) {
      if (pop.cryptoUser(person)) {
        Population.Service x = pop.exchangeOf(person);
        tags.append(
            Csv.row(
                pop.depositAddress(x, person), "tron", x.name() + " deposit", "exchange_deposit"));
      }
    }
    tags.append(Csv.row(pop.legitOtc.tronHot(), "tron", pop.legitOtc.name(), "otc_desk"));
    tags.append(Csv.row(pop.scamOtc.tronHot(), "tron", pop.scamOtc.name(), "otc_desk"));
    tags.append(Csv.row(pop.bridgeAddress, "tron", "Tron-Ethereum bridge", "bridge"));
    tags.append(Csv.row(pop.mixerAddress, "tron", "Tron mixer", "mixer"));
    tags.append(Csv.row(Transfer.USDT_TRON, "tron", "Tether USD (USDT) TRC-20 contract", "token"));
    tags.append(
        Csv.row(Transfer.USDT_ETH, "ethereum", "Tether USD (USDT) ERC-20 contract", "token"));
    ShardWriter.write(landing.resolve(start).resolve("chain/address-tags-csv/tags.csv"), tags);

    // sanctions: the full list as of day 0 and as of the later publication day
    List<Integer> publications = new ArrayList<>(List.of(0));
    if (p.laterListDay() > 0) {
      publications.add(p.laterListDay());
    }
    for (int day : publications) {
      Path s = landing.resolve(p.date(day).toString()).resolve("sanctions");
      List<Designation> list = Sanctions.asOf(w.designations, day);
      Sanctions.writeOfacCsv(s.resolve("ofac-sdn-csv"), list);
      Sanctions.writeOfacXml(s.resolve("ofac-sdn-xml"), list, p.date(day));
      Sanctions.writeUnXml(s.resolve("un-sc-xml"), list, p.date(day), p.start());
    }

    // truth of the scam world and the services (victims are written with the population)
    try (Writer acc = ShardWriter.writer(truth.resolve("accounts/accounts-world.csv"));
        Writer ent = ShardWriter.writer(truth.resolve("entities/entities-world.csv"));
        Writer rec = ShardWriter.writer(truth.resolve("entity-records/records-world.csv"))) {
      acc.write(PopulationFiles.ACCOUNTS_HEADER);
      ent.write(PopulationFiles.ENTITIES_HEADER);
      rec.write(PopulationFiles.RECORDS_HEADER);
      List<Population.Service> services = new ArrayList<>(pop.exchanges);
      services.add(pop.legitOtc);
      services.add(pop.scamOtc);
      for (Population.Service x : services) {
        String role = x.role();
        String scheme = x == pop.scamOtc ? "*" : "";
        ent.write(
            Csv.row(
                x.entityId(),
                "company",
                x.name(),
                x.country(),
                x.country(),
                "",
                "",
                "",
                "",
                role,
                scheme));
        for (Party a : List.of(x.bankParty(), x.tronParty(), x.ethParty())) {
          acc.write(PopulationFiles.account(a, role, scheme));
        }
        rec.write(Csv.row("bank_account", x.bankParty().key(), x.name(), x.entityId()));
      }
      ent.write(Csv.row("F0", "person", "address poisoners", "", "", "", "", "", "", "other", ""));
      for (Entity e : w.entities) {
        ent.write(
            Csv.row(
                e.id(),
                e.kind(),
                e.canonical(),
                e.country(),
                e.nationality(),
                e.dob(),
                e.idDocument(),
                e.phone(),
                e.email(),
                e.role(),
                e.schemeId()));
      }
      for (Map.Entry<String, Party> en : w.accounts.entrySet()) {
        Party a = en.getValue();
        if (a.entityId().startsWith("P") || a.entityId().startsWith("X")) {
          continue; // victims: population files; exchange deposit addresses: below
        }
        acc.write(PopulationFiles.account(a, a.role(), a.schemeId()));
        if (!a.onChain()) {
          rec.write(Csv.row("bank_account", a.key(), a.name(), a.entityId()));
        }
      }
      for (Map.Entry<String, Party> en : w.accounts.entrySet()) {
        Party a = en.getValue();
        if (a.entityId().startsWith("X")) {
          acc.write(PopulationFiles.account(a, "exchange", ""));
        }
      }
      for (ScamWorld.KycLink k : w.kyc) {
        rec.write(
            Csv.row("kyc_customer", k.vasp() + ":" + k.customerId(), k.name(), k.person().id()));
      }
      for (Designation d : w.designations) {
        rec.write(
            Csv.row(
                "ofac_sdn",
                String.valueOf(d.ofacUid()),
                Sanctions.ofacName(d.entity()),
                d.entity().id()));
        if (d.onUn()) {
          rec.write(Csv.row("un_sc", d.unReference(), d.entity().canonical(), d.entity().id()));
        }
      }
    }

    // designations and screening truth
    try (Writer des = ShardWriter.writer(truth.resolve("designations.csv"));
        Writer scr = ShardWriter.writer(truth.resolve("screening.csv"))) {
      des.write("entity_id,kind,name,program,ofac_uid,un_reference,listed_on,wallets,scheme_id\n");
      scr.write("entity_id,list,list_entry_id,listed_on,party_kind,party_key,party_name\n");
      for (Designation d : w.designations) {
        Entity e = d.entity();
        String listedOn = p.date(d.listedDay()).toString();
        List<String> ws = new ArrayList<>();
        for (String[] x : d.wallets()) {
          ws.add(x[0] + " " + x[1]);
        }
        des.write(
            Csv.row(
                e.id(),
                e.kind(),
                e.canonical(),
                d.program(),
                String.valueOf(d.ofacUid()),
                d.onUn() ? d.unReference() : "",
                listedOn,
                String.join("; ", ws),
                e.schemeId()));
        TreeMap<String, Party> parties = new TreeMap<>();
        for (Party a : w.accounts.values()) {
          if (a.entityId().equals(e.id())) {
            parties.put(a.key(), a);
          }
        }
        for (String[] x : d.wallets()) {
          for (Party a : w.accounts.values()) {
            if (a.address().equals(x[1])) {
              parties.put(a.key(), a);
            }
          }
        }
        for (Party a : parties.values()) {
          String kind = a.onChain() ? "address" : "bank_account";
          scr.write(
              Csv.row(
                  e.id(),
                  "ofac_sdn",
                  String.valueOf(d.ofacUid()),
                  listedOn,
                  kind,
                  a.key(),
                  a.name()));
          if (d.onUn()) {
            scr.write(Csv.row(e.id(), "un_sc", d.unReference(), listedOn, kind, a.key(), a.name()));
          }
        }
      }
    }

    // schemes
    try (Writer sch = ShardWriter.writer(truth.resolve("schemes.csv"))) {
      sch.write("scheme_id,victims,laundering_transfers,designated_entities,first_listed_on\n");
      TreeMap<String, long[]> stats = new TreeMap<>();
      for (Transfer t : w.transfers) {
        stats.computeIfAbsent(t.schemeId(), k -> new long[3])[1]++;
      }
      for (String scheme : w.victims.values()) {
        stats.computeIfAbsent(scheme, k -> new long[3])[0]++;
      }
      TreeMap<String, Integer> firstListed = new TreeMap<>();
      for (Designation d : w.designations) {
        String s = d.entity().schemeId();
        if (!s.isEmpty()) {
          stats.computeIfAbsent(s, k -> new long[3])[2]++;
          firstListed.merge(s, d.listedDay(), Math::min);
        }
      }
      for (Map.Entry<String, long[]> e : stats.entrySet()) {
        Integer fl = firstListed.get(e.getKey());
        sch.write(
            Csv.row(
                e.getKey(),
                String.valueOf(e.getValue()[0]),
                String.valueOf(e.getValue()[1]),
                String.valueOf(e.getValue()[2]),
                fl == null ? "" : p.date(fl).toString()));
      }
    }
  }

  static void summary(WorldParameters p, Path out, Generator.Result r) throws IOException {
    StringBuilder sb = new StringBuilder("metric,value\n");
    sb.append("scale,").append(p.scale().name().toLowerCase(Locale.ROOT)).append('\n');
    sb.append("seed,").append(p.seed()).append('\n');
    sb.append("start,").append(p.start()).append('\n');
    sb.append("days,").append(p.days()).append('\n');
    sb.append("transfers,").append(r.transfers()).append('\n');
    sb.append("laundering_transfers,").append(r.launderingTransfers()).append('\n');
    sb.append("laundering_share,")
        .append(String.format(Locale.ROOT, "%.6f", r.launderingShare()))
        .append('\n');
    sb.append("min_laundering_share,").append(p.minLaunderingShare()).append('\n');
    sb.append("max_laundering_share,").append(p.maxLaunderingShare()).append('\n');
    ShardWriter.write(out.resolve("truth/summary.csv"), sb);
  }
}
