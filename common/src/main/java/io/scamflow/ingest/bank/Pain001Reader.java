package io.scamflow.ingest.bank;

import java.util.Set;

/**
 * [iso20022-pain001] customer credit transfer initiation, .001.02 to .001.13 and national variants
 * (Swiss SIX .ch.02): one record per CdtTrfTxInf; the payer, its account and the execution date
 * come from the enclosing PmtInf.
 */
public final class Pain001Reader extends IsoReader {
  private static final long serialVersionUID = 1L;

  @Override
  public String format() {
    return "iso20022-pain001";
  }

  @Override
  IsoStream stream() {
    return new IsoStream(
        "pain.001", Set.of("CdtTrfTxInf"), Set.of("PmtInf", "CstmrCdtTrfInitn"), null);
  }

  @Override
  String position(int ordinal) {
    return "CdtTrfTxInf[" + ordinal + "]";
  }

  @Override
  Transfer map(String version, IsoStream.Fields rec, IsoStream.Fields ctx) {
    Transfer t = new Transfer();
    t.recordType = version;
    t.messageId = ctx.tail("GrpHdr/MsgId");
    t.instructionId = rec.get("PmtId/InstrId");
    t.endToEndId = rec.get("PmtId/EndToEndId");
    t.uetr = rec.get("PmtId/UETR");
    t.txRef = ctx.tail("PmtInf/PmtInfId");
    t.dateText = ctx.tail("PmtInf/ReqdExctnDt/Dt", "PmtInf/ReqdExctnDt/DtTm", "PmtInf/ReqdExctnDt");
    t.amountText = rec.get("Amt/InstdAmt", "Amt/EqvtAmt/Amt");
    t.currency = rec.get("Amt/InstdAmt@Ccy", "Amt/EqvtAmt/Amt@Ccy");
    party(t.debtor, ctx, "PmtInf/Dbtr", "PmtInf/DbtrAcct", "PmtInf/DbtrAgt");
    party(t.creditor, rec, "Cdtr", "CdtrAcct", "CdtrAgt");
    t.paymentFormat = "wire";
    t.remittance = rec.joined("RmtInf", REMITTANCE);
    t.charges = rec.get("ChrgBr");
    if (t.charges == null) {
      t.charges = ctx.tail("PmtInf/ChrgBr");
    }
    t.senderInfo = rec.tail("InstrForDbtrAgt", "InstrForCdtrAgt/InstrInf");
    return t;
  }
}
