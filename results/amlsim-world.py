#!/usr/bin/env python3
"""An AMLSim-format benchmark folder from a generated world.

Writes a generated world's bank transfers (every bank format: AMLworld CSV, pacs.008, MT103;
chain transfers are left out, as AMLSim has none) in the layout of AMLSim's published outputs,
the one in /work/shared/fixtures/bank/amlsim-mini, which `scamflow evaluate --dataset amlsim
--input OUT` reads:

  OUT/tx.csv        TXN_ID,ACCOUNT_ID,COUNTER_PARTY_ACCOUNT_NUM,TXN_SOURCE_TYPE_CODE,tx_count,
                    TXN_AMOUNT_ORIG,start,end
  OUT/accounts.csv  ACCOUNT_ID,PRIMARY_CUSTOMER_ID,init_balance,start,end,country,business,
                    suspicious,isFraud,modelID
  OUT/alerts.csv    ALERT_KEY,ALERT_TEXT,ACCOUNT_ID,CUSTOMER_ID,EVENT_DATE,CHECK_NAME,
                    Organization_Type,Escalated_To_Case_Investigation
  OUT/account_keys.tsv  ACCOUNT_ID -> the world's account key (not an AMLSim file: for tracing
                    an alert back to the world's truth; the reader and the label scan skip it)

Everything comes from the world's truth (truth/transfers/*.csv, truth/accounts/*.csv), which holds
each transfer's accounts, date, USD amount and each account's role:

* Account ids are integers, as AMLSim's are: 0.. in the order of the sorted account keys.
* Amounts are the truth's amount_usd (AMLSim has no currency: the reader reads USD).
* start = end = the step: days after 2017-01-01, AMLSim's default start, so the reader gives back
  the world's own dates. AMLSim's time is one step per day: the time of day is lost and every
  transfer of a day reads as 00:00 (TXN_ID follows the truth's timestamp order within a day).
* isFraud: true when the account's truth role is a scam role (victim, mule, controller,
  designated: DetectionMetrics.SCAM_ROLES). AMLSim flags every member of an alert pattern, the
  originators of a fan-in included, so the victims who pay into the mule network are members as
  the mules are. Exchange and OTC accounts are false: in AMLSim format there is no "neither"
  (the generated-world metric leaves them out; here an alert on them counts as a false positive).
* alerts.csv: one row per positive account, CHECK_NAME the typology of its first laundering
  transfer, EVENT_DATE that transfer's date, as AMLSim's alert files list an alert's members.

With --timestamps, the transfers go to OUT/transactions.csv in AMLSim's newer layout
(tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,is_sar,alert_id) with the truth's
time of day instead of tx.csv. AMLSim itself writes midnight there (its time is still a day
step): this is a diagnostic, the same world with its times kept, to measure what day steps cost.

Usage: amlsim-world.py [--timestamps] WORLD OUT
"""
import csv
import datetime
import glob
import os
import sys

BANK_FORMATS = {"ibm-aml-csv", "iso20022-pacs008", "swift-mt103"}
SCAM_ROLES = {"victim", "mule", "controller", "designated"}
BASE = datetime.date(2017, 1, 1)


def step(day):
    return (datetime.date.fromisoformat(day) - BASE).days


def main(world, out, timestamps=False):
    accounts = {}  # account key -> truth row
    for path in sorted(glob.glob(os.path.join(world, "truth", "accounts", "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["kind"] == "bank_account":
                    accounts[row["account_key"]] = row
    people = set()  # entity ids of persons: AMLSim's business "I" (individual), else "O"
    for path in sorted(glob.glob(os.path.join(world, "truth", "entities", "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            people.update(r["entity_id"] for r in csv.DictReader(f) if r["kind"] == "person")
    transfers = []
    for path in sorted(glob.glob(os.path.join(world, "truth", "transfers", "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["format"] in BANK_FORMATS:
                    transfers.append(row)
    if not transfers:
        sys.exit(f"{world}: no bank transfers in truth/transfers (is it a generated world?)")
    transfers.sort(key=lambda r: (r["timestamp"], r["transfer_id"]))
    used = sorted({r["from_key"] for r in transfers} | {r["to_key"] for r in transfers})
    missing = [k for k in used if k not in accounts]
    if missing:  # every account a transfer names has its truth row, or the world is broken
        sys.exit(f"{world}: {len(missing)} accounts without a truth row, e.g. {missing[0]}")
    ids = {key: n for n, key in enumerate(used)}
    first_step = step(transfers[0]["date"])
    last_step = max(step(r["date"]) for r in transfers)
    os.makedirs(out, exist_ok=True)

    first_laundering = {}  # account key -> its first laundering transfer
    name = "transactions.csv" if timestamps else "tx.csv"
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as w:
        tx = csv.writer(w, lineterminator="\n")
        if timestamps:
            tx.writerow(["tran_id", "orig_acct", "bene_acct", "tx_type", "base_amt",
                         "tran_timestamp", "is_sar", "alert_id"])
        else:
            tx.writerow(["TXN_ID", "ACCOUNT_ID", "COUNTER_PARTY_ACCOUNT_NUM",
                         "TXN_SOURCE_TYPE_CODE", "tx_count", "TXN_AMOUNT_ORIG", "start", "end"])
        for n, r in enumerate(transfers, start=1):
            s = step(r["date"])
            usd = "%.2f" % float(r["amount_usd"])
            sar = r["laundering"] in ("1", "true")
            if timestamps:
                tx.writerow([n, ids[r["from_key"]], ids[r["to_key"]], "TRANSFER", usd,
                             r["timestamp"], "true" if sar else "false", -1])
            else:
                tx.writerow([n, ids[r["from_key"]], ids[r["to_key"]], "TRANSFER", 1, usd, s, s])
            if sar:
                for key in (r["from_key"], r["to_key"]):
                    first_laundering.setdefault(key, r)

    positives = 0
    with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as w, \
            open(os.path.join(out, "account_keys.tsv"), "w", encoding="utf-8") as keys:
        acc = csv.writer(w, lineterminator="\n")
        acc.writerow(["ACCOUNT_ID", "PRIMARY_CUSTOMER_ID", "init_balance", "start", "end",
                      "country", "business", "suspicious", "isFraud", "modelID"])
        keys.write("ACCOUNT_ID\taccount_key\trole\n")
        for key in used:
            a = accounts[key]
            fraud = a["role"] in SCAM_ROLES
            positives += fraud
            business = "I" if a["entity_id"] in people else "O"
            acc.writerow([ids[key], "C_" + a["entity_id"], "0.00", first_step, last_step,
                          a["country"], business, "False", "true" if fraud else "false", 0])
            keys.write(f"{ids[key]}\t{key}\t{a['role']}\n")

    with open(os.path.join(out, "alerts.csv"), "w", newline="", encoding="utf-8") as w:
        al = csv.writer(w, lineterminator="\n")
        al.writerow(["ALERT_KEY", "ALERT_TEXT", "ACCOUNT_ID", "CUSTOMER_ID", "EVENT_DATE",
                     "CHECK_NAME", "Organization_Type", "Escalated_To_Case_Investigation"])
        n = 0
        for key in used:
            if accounts[key]["role"] not in SCAM_ROLES or key not in first_laundering:
                continue
            r = first_laundering[key]
            al.writerow([n, 1, ids[key], ids[key], r["date"].replace("-", ""), r["typology"],
                         "INDIVIDUAL" if accounts[key]["entity_id"] in people
                         else "ORGANIZATION", "YES"])
            n += 1
    print(f"{out}: {len(transfers)} transfers, {len(used)} accounts, {positives} isFraud, "
          f"steps {first_step}-{last_step}", file=sys.stderr)
    last_day = BASE + datetime.timedelta(days=last_step)
    if last_day > datetime.date.today():
        # evaluate runs its one nightly on today's date: the detectors' look-back ends there
        print(f"warning: the world ends on {last_day}, after today; `scamflow evaluate` runs on "
              f"today's date and its network detectors will not see transfers dated later "
              f"(generate with a start date that ends before today)", file=sys.stderr)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--timestamps"]
    if len(args) != 2:
        sys.exit("usage: amlsim-world.py [--timestamps] WORLD OUT")
    main(args[0], args[1], timestamps="--timestamps" in sys.argv[1:])
