#!/usr/bin/env python3
"""An IBM AMLworld-format benchmark file from a generated world.

The generator writes part of each world's bank transfers as AMLworld CSV
(landing/<date>/bank/ibm-aml-csv/aml-*.csv) without the label column; its truth
(truth/transfers/*.csv) says, per file and line, whether the transfer is laundering.
This joins the two into one labelled file in IBM's layout (..., Payment Format,
Is Laundering), which `scamflow evaluate --dataset ibm-aml --input` reads as it would
a published AMLworld file. With --usd, amounts are converted to US dollars with the world's
own daily FX file (landing/<date>/reference/fx-rates-csv): the benchmark evaluation loads bank
transfers only, so without it most amounts have no USD value and the run's FX-coverage check
stops it. Usage: label-amlworld.py [--usd] WORLD OUT.csv
"""
import csv
import glob
import os
import sys

args = sys.argv[1:]
usd = "--usd" in args
world, out = [a for a in args if a != "--usd"]
# AMLworld's currency names (io.scamflow.ingest.bank.AmlWorldCsvReader); ISO codes pass as they are
NAMES = {"us dollar": "USD", "euro": "EUR", "yuan": "CNY", "uk pound": "GBP", "yen": "JPY",
         "rupee": "INR", "bitcoin": "BTC", "australian dollar": "AUD", "swiss franc": "CHF",
         "canadian dollar": "CAD", "mexican peso": "MXN", "ruble": "RUB", "shekel": "ILS",
         "brazil real": "BRL", "saudi riyal": "SAR"}
rates = {}
for fx in glob.glob(os.path.join(world, "landing", "*", "reference", "fx-rates-csv", "*.csv")):
    with open(fx, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rates[(row["date"], row["currency"])] = float(row["usd_per_unit"])


def in_usd(fields):
    day = fields[0][:10].replace("/", "-")
    iso = NAMES.get(fields[6].strip().lower(), fields[6].strip())
    rate = 1.0 if iso == "USD" else rates[(day, iso)]
    amount = "%.2f" % (float(fields[7]) * rate)
    return fields[:5] + [amount, "US Dollar", amount, "US Dollar"] + fields[9:]

labels = {}
for truth in sorted(glob.glob(os.path.join(world, "truth", "transfers", "*.csv"))):
    with open(truth, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["format"] == "ibm-aml-csv":
                labels[(row["file"], int(row["line"]))] = row["laundering"]
rows = positives = 0
landing = os.path.join(world, "landing")
with open(out, "w", newline="", encoding="utf-8") as w:
    header_written = False
    for path in sorted(glob.glob(os.path.join(landing, "*", "bank", "ibm-aml-csv", "*.csv"))):
        rel = os.path.relpath(path, landing)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                line = line.rstrip("\n")
                if n == 1:
                    if not header_written:
                        w.write(line + ",Is Laundering\n")
                        header_written = True
                    continue
                label = labels[(rel, n)]  # every line has its truth row, or the world is broken
                if usd:
                    line = ",".join(in_usd(line.split(",")))
                w.write(line + "," + ("1" if label in ("1", "true") else "0") + "\n")
                rows += 1
                positives += label in ("1", "true")
print(f"{out}: {rows} transfers, {positives} labelled laundering", file=sys.stderr)
