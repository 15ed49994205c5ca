package io.scamflow.ingest.bank;

import java.util.Set;

/**
 * [iso20022-pacs008] FI to FI customer credit transfer, any version .001.02 to .001.13: one record
 * per CdtTrfTxInf, with the group header's message id and settlement date as context.
 */
public final class Pacs008Reader extends IsoReader {
  private static final long serialVersionUID = 1L;

  @Override
  public String format() {
    return "iso20022-pacs008";
  }

  @Override
  IsoStream stream() {
    return new IsoStream("pacs.008", Set.of("CdtTrfTxInf"), Set.of("FIToFICstmrCdtTrf"), null);
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
    t.txRef = rec.get("PmtId/TxId");
    t.dateText = rec.get("IntrBkSttlmDt");
    if (t.dateText == null) {
      t.dateText = ctx.tail("GrpHdr/IntrBkSttlmDt", "GrpHdr/CreDtTm");
    }
    t.timeText = rec.get("AccptncDtTm");
    t.amountText = rec.get("IntrBkSttlmAmt");
    t.currency = rec.get("IntrBkSttlmAmt@Ccy");
    t.otherAmountText = rec.get("InstdAmt");
    t.otherCurrency = rec.get("InstdAmt@Ccy");
    party(t.debtor, rec, "Dbtr", "DbtrAcct", "DbtrAgt");
    party(t.creditor, rec, "Cdtr", "CdtrAcct", "CdtrAgt");
    t.paymentFormat = "wire";
    t.remittance = rec.joined("RmtInf", REMITTANCE);
    t.charges = rec.get("ChrgBr");
    t.senderInfo = rec.tail("InstrForNxtAgt/InstrInf", "InstrForCdtrAgt/InstrInf");
    return t;
  }
}
