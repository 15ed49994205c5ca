package io.scamflow.ingest.bank;

import java.util.Set;

/**
 * camt.053 statements and camt.054 notifications: one record per entry's transaction details (or
 * per entry without details). The statement's own account is the creditor of a CRDT entry and the
 * debtor of a DBIT entry; the related party is the other side.
 */
abstract class CamtReader extends IsoReader {
  private static final long serialVersionUID = 1L;

  private static final String[] REPORTS = {"Stmt", "Ntfctn", "Rpt"};

  abstract String message();

  @Override
  IsoStream stream() {
    return new IsoStream(
        message(), Set.of("TxDtls"), Set.of("Stmt", "Ntfctn", "Rpt", "Ntry"), "Ntry");
  }

  @Override
  String position(int ordinal) {
    return "Ntry/TxDtls[" + ordinal + "]";
  }

  private static String report(IsoStream.Fields ctx, String suffix) {
    for (String r : REPORTS) {
      String v = ctx.tail(r + "/" + suffix);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  @Override
  Transfer map(String version, IsoStream.Fields rec, IsoStream.Fields ctx) {
    Transfer t = new Transfer();
    t.recordType = version + " entry";
    t.messageId = rec.get("Refs/MsgId");
    if (t.messageId == null) {
      t.messageId = ctx.tail("GrpHdr/MsgId");
    }
    t.instructionId = rec.get("Refs/InstrId", "Refs/PmtInfId");
    t.endToEndId = rec.get("Refs/EndToEndId");
    t.uetr = rec.get("Refs/UETR");
    t.txRef = rec.get("Refs/AcctSvcrRef", "Refs/TxId");
    if (t.txRef == null) {
      t.txRef = ctx.tail("Ntry/AcctSvcrRef", "Ntry/NtryRef");
    }
    t.dateText =
        ctx.tail("Ntry/ValDt/Dt", "Ntry/ValDt/DtTm", "Ntry/BookgDt/Dt", "Ntry/BookgDt/DtTm");
    if (t.dateText == null) {
      t.dateText = rec.get("RltdDts/IntrBkSttlmDt");
    }
    t.amountText = rec.get("AmtDtls/TxAmt/Amt", "Amt", "AmtDtls/InstdAmt/Amt");
    t.currency = rec.get("AmtDtls/TxAmt/Amt@Ccy", "Amt@Ccy", "AmtDtls/InstdAmt/Amt@Ccy");
    if (t.amountText == null) {
      t.amountText = ctx.tail("Ntry/Amt");
      t.currency = ctx.tail("Ntry/Amt@Ccy");
    }
    t.direction = rec.get("CdtDbtInd");
    if (t.direction == null) {
      t.direction = ctx.tail("Ntry/CdtDbtInd");
    }
    party(t.debtor, rec, "RltdPties/Dbtr", "RltdPties/DbtrAcct", "RltdAgts/DbtrAgt");
    party(t.creditor, rec, "RltdPties/Cdtr", "RltdPties/CdtrAcct", "RltdAgts/CdtrAgt");
    Transfer.Party own = "DBIT".equals(t.direction) ? t.debtor : t.creditor;
    if (own.account == null) {
      String iban = report(ctx, "Acct/Id/IBAN");
      own.account = iban != null ? iban : report(ctx, "Acct/Id/Othr/Id");
      own.accountIsIban = iban != null;
    }
    if (own.name == null) {
      own.name = report(ctx, "Acct/Ownr/Nm");
    }
    if (own.agent == null) {
      own.agent = report(ctx, "Acct/Svcr/FinInstnId/BICFI");
      if (own.agent == null) {
        own.agent = report(ctx, "Acct/Svcr/FinInstnId/BIC");
      }
    }
    t.paymentFormat = "wire";
    t.remittance = rec.joined("RmtInf", REMITTANCE);
    t.senderInfo = rec.get("AddtlTxInf");
    if (t.senderInfo == null) {
      t.senderInfo = ctx.tail("Ntry/AddtlNtryInf");
    }
    return t;
  }
}
