"""The notebook metrics, checked on hand-made alerts whose answers are worked out below."""

import pandas as pd
import pytest

from scamflow_nb.metrics import average_precision, binary_report, precision_recall_curve


def alerts(rows):
    return pd.DataFrame(rows, columns=["score", "correct", "covered"])


def test_curve_admits_alerts_by_falling_score_and_counts_each_positive_transfer_once():
    positives = {"t1", "t2", "t3", "t4"}
    curve = precision_recall_curve(
        alerts(
            [
                (0.9, True, {"t1", "t2"}),
                (0.5, False, {"h1"}),  # an honest look-alike
                (0.7, True, {"t2", "t3"}),  # overlaps the first: t2 counts once
            ]
        ),
        positives,
    )
    assert curve["threshold"].tolist() == [0.9, 0.7, 0.5]
    assert curve["alerts"].tolist() == [1, 2, 3]
    assert curve["precision"].tolist() == pytest.approx([1.0, 1.0, 2 / 3])
    assert curve["recall"].tolist() == pytest.approx([0.5, 0.75, 0.75])


def test_alerts_of_equal_score_enter_together():
    curve = precision_recall_curve(
        alerts([(0.8, True, {"t1"}), (0.8, False, set()), (0.2, True, {"t2"})]), {"t1", "t2"}
    )
    assert curve["alerts"].tolist() == [2, 3]
    assert curve["precision"].tolist() == pytest.approx([0.5, 2 / 3])


def test_covered_transfers_outside_the_positives_do_not_raise_recall():
    curve = precision_recall_curve(alerts([(1.0, True, {"x", "y"})]), {"t1"})
    assert curve["recall"].tolist() == [0.0]


def test_average_precision_is_the_step_sum_under_the_curve():
    curve = pd.DataFrame({"recall": [0.5, 0.75, 0.75], "precision": [1.0, 1.0, 2 / 3]})
    assert average_precision(curve) == pytest.approx(0.5 * 1.0 + 0.25 * 1.0 + 0.0)


def test_binary_report_scores_the_positive_class():
    r = binary_report([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 1)
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(2 / 3)


def test_binary_report_without_predicted_positives_is_zero_not_an_error():
    assert binary_report([1, 0], [0, 0])["f1"] == 0.0
