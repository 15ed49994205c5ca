"""Detector and model metrics, in plain pandas so they are easy to check by hand."""

from __future__ import annotations

import pandas as pd


def precision_recall_curve(alerts: pd.DataFrame, positives: set, total_positives: int | None = None):
    """Precision and recall of one detector as its score threshold goes down.

    ``alerts``: one row per alert with columns ``score``, ``correct`` (bool: the alert is
    mostly laundering) and ``covered`` (the truth-positive transfer ids it flags, an iterable).
    ``positives``: every truth-positive transfer id the detector should find.

    Returns one row per distinct score (highest first): threshold, alerts, precision (share of
    alerts at or above the threshold that are correct), recall (share of ``positives`` flagged
    by those alerts). Recall counts transfers, not alerts, so overlapping alerts are not
    rewarded twice.
    """
    total = len(positives) if total_positives is None else total_positives
    rows = []
    seen: set = set()
    correct = 0
    count = 0
    ordered = alerts.sort_values("score", ascending=False, kind="mergesort")
    for score, group in ordered.groupby("score", sort=False):
        for _, a in group.iterrows():
            count += 1
            correct += int(bool(a["correct"]))
            seen.update(t for t in a["covered"] if t in positives)
        rows.append(
            {
                "threshold": float(score),
                "alerts": count,
                "precision": correct / count,
                "recall": (len(seen) / total) if total else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=["threshold", "alerts", "precision", "recall"])


def average_precision(curve: pd.DataFrame) -> float:
    """Area under a precision-recall curve as step sums: sum of (R_k - R_(k-1)) * P_k."""
    ap = 0.0
    previous = 0.0
    for _, row in curve.iterrows():
        ap += (row["recall"] - previous) * row["precision"]
        previous = row["recall"]
    return ap


def binary_report(y_true, y_pred) -> dict:
    """Precision, recall and F1 of the positive (illicit) class, as the AML benchmarks report."""
    tp = sum(1 for t, p in zip(y_true, y_pred) if t and p)
    fp = sum(1 for t, p in zip(y_true, y_pred) if not t and p)
    fn = sum(1 for t, p in zip(y_true, y_pred) if t and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


# Published baselines: illicit-class precision, recall and F1 on the test period of a temporal
# split. Not the same data as ours: they show what a baseline of this kind reaches on a public
# benchmark, not a target for a synthetic world.
#
# Source of every row: Weber, Domeniconi, Chen, Weidele, Bellei, Robinson, Leiserson (2019),
# "Anti-Money Laundering in Bitcoin: Experimenting with Graph Convolutional Networks for
# Financial Forensics", KDD '19 Workshop on Anomaly Detection in Finance, arXiv:1908.02591,
# Table 1. Data set: Elliptic; split: temporal, train on time steps 1-34, test on 35-49; metric:
# precision / recall / F1 of the illicit class on the test steps. AF = all 166 features.
#
# How far this is checked: the rows below agree, to the third decimal, across at least two
# independent reproductions of Table 1 (public write-ups that quote the paper), and each F1 is
# 2PR/(P+R) of its own precision and recall. The PDF's table itself was not read, so treat the
# figures as "Table 1 as commonly quoted". Rows that only one source reproduced (MLP with all
# features, EvolveGCN) are left out as not verified. IBM AMLworld (Altman et al. 2023): no
# figures are quoted here, none could be checked against the paper's tables.
ELLIPTIC = "Elliptic (Weber et al. 2019, Table 1; test steps 35-49)"
PUBLISHED_BASELINES = pd.DataFrame(
    [
        (ELLIPTIC, "Logistic regression (all features, AF)", 0.404, 0.593, 0.481),
        (ELLIPTIC, "Random forest (all features, AF)", 0.956, 0.670, 0.788),
        (ELLIPTIC, "Random forest (AF + GCN node embeddings)", 0.971, 0.675, 0.796),
        (ELLIPTIC, "GCN", 0.812, 0.512, 0.628),
    ],
    columns=["benchmark", "model", "precision", "recall", "f1"],
)
