package io.scamflow.ingest.bank;

import io.scamflow.ingest.RecordSink;
import java.io.InputStream;
import java.util.Set;

/** The ISO 20022 readers' common part: streaming, and party/account/agent extraction. */
abstract class IsoReader extends BankReader {
  private static final long serialVersionUID = 1L;

  static final Set<String> ADDRESS =
      Set.of("AdrLine", "StrtNm", "BldgNb", "PstCd", "TwnNm", "CtrySubDvsn", "Dept", "SubDept");
  static final Set<String> REMITTANCE = Set.of("Ustrd", "Ref", "AddtlRmtInf", "Nb");

  @Override
  public boolean accepts(String fileName) {
    return hasExtension(fileName, ".xml");
  }

  abstract IsoStream stream();

  /** Maps one record to a transfer. */
  abstract Transfer map(String version, IsoStream.Fields rec, IsoStream.Fields ctx);

  abstract String position(int ordinal);

  @Override
  public void read(String file, InputStream in, RecordSink sink) throws Exception {
    IsoStream s = stream();
    s.read(
        new java.io.BufferedInputStream(in),
        (rec, ctx, ordinal, raw) -> emit(sink, position(ordinal), map(s.version(), rec, ctx), raw));
  }

  /** Fills {@code p} from a party, its account and its agent, looked up by path suffix. */
  static void party(
      Transfer.Party p, IsoStream.Fields f, String party, String account, String agent) {
    p.name = f.tail(party + "/Nm", party + "/Pty/Nm");
    p.country =
        f.tail(
            party + "/PstlAdr/Ctry",
            party + "/Pty/PstlAdr/Ctry",
            party + "/CtryOfRes",
            party + "/Pty/CtryOfRes");
    String addr = addressOf(f, party);
    p.address = addr;
    String iban = f.tail(account + "/Id/IBAN");
    if (iban != null) {
      p.account = iban;
      p.accountIsIban = true;
    } else {
      p.account = f.tail(account + "/Id/Othr/Id");
    }
    p.agent = f.tail(agent + "/FinInstnId/BICFI", agent + "/FinInstnId/BIC");
    p.bankCode =
        f.tail(
            agent + "/FinInstnId/ClrSysMmbId/MmbId",
            agent + "/FinInstnId/Othr/Id",
            agent + "/FinInstnId/Nm");
  }

  private static String addressOf(IsoStream.Fields f, String party) {
    for (String k : f.values.keySet()) {
      int at = k.indexOf(party + "/");
      if (at == 0 || (at > 0 && k.charAt(at - 1) == '/')) {
        String prefix = k.substring(0, at) + party;
        String a = f.joined(prefix + "/PstlAdr", ADDRESS);
        if (a == null) {
          a = f.joined(prefix + "/Pty/PstlAdr", ADDRESS);
        }
        if (a != null) {
          return a;
        }
      }
    }
    return null;
  }
}
