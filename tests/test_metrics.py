"""Metrics against values computed by hand (the computation is written next to each assertion)."""

from __future__ import annotations

import math

import pytest

from rawi.eval.metrics import (
    accuracy,
    calibration_report,
    classification_report,
    confusion_matrix,
    fnc_score,
    fnc_score_parts,
    macro_f1,
    per_class_f1,
    per_class_scores,
    rationale_precision_at_1,
    rationale_recall_at_k,
)

LABELS = ("agree", "disagree", "discuss", "unrelated")
GOLD = ["agree", "agree", "disagree", "discuss", "unrelated", "unrelated", "unrelated", "discuss"]
PRED = ["agree", "discuss", "agree", "discuss", "unrelated", "agree", "unrelated", "unrelated"]


def test_accuracy_by_hand() -> None:
    # right at positions 0, 3, 4, 6 -> 4 of 8
    assert accuracy(GOLD, PRED) == pytest.approx(0.5)
    assert accuracy([], []) == 0.0


def test_per_class_scores_by_hand() -> None:
    scores = per_class_scores(GOLD, PRED, LABELS)
    # agree: predicted at 0, 2, 5 (3), right at 0 -> P = 1/3; gold at 0, 1 (2) -> R = 1/2;
    #        F1 = 2 * (1/3 * 1/2) / (1/3 + 1/2) = (1/3) / (5/6) = 0.4
    assert scores["agree"]["precision"] == pytest.approx(1 / 3)
    assert scores["agree"]["recall"] == pytest.approx(0.5)
    assert scores["agree"]["f1"] == pytest.approx(0.4)
    assert scores["agree"]["support"] == 2
    # disagree: never predicted -> P = 0, R = 0, F1 = 0
    assert scores["disagree"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    # discuss: predicted at 1, 3 (2), right at 3 -> P = 1/2; gold at 3, 7 -> R = 1/2; F1 = 1/2
    assert scores["discuss"]["f1"] == pytest.approx(0.5)
    # unrelated: predicted at 4, 6, 7 (3), right at 4, 6 -> P = 2/3; gold 4, 5, 6 -> R = 2/3; F1 = 2/3
    assert scores["unrelated"]["f1"] == pytest.approx(2 / 3)
    assert list(scores) == list(LABELS)


def test_macro_f1_by_hand() -> None:
    # (0.4 + 0 + 0.5 + 2/3) / 4 = 1.5666.../4 = 0.391666...
    assert macro_f1(GOLD, PRED, LABELS) == pytest.approx((0.4 + 0.0 + 0.5 + 2 / 3) / 4)
    # default labels = sorted union seen: the same four here
    assert macro_f1(GOLD, PRED) == pytest.approx(macro_f1(GOLD, PRED, LABELS))
    # a label absent from both lists still counts (as 0) when asked for explicitly
    assert macro_f1(["a", "b"], ["a", "b"], ["a", "b", "c"]) == pytest.approx(2 / 3)
    assert per_class_f1(["a"], ["a"]) == {"a": 1.0}


def test_confusion_matrix_rows_gold_columns_predicted() -> None:
    # rows gold (agree, disagree, discuss, unrelated), columns predicted in the same order
    assert confusion_matrix(GOLD, PRED, LABELS) == [
        [1, 0, 1, 0],  # agree -> agree, discuss
        [1, 0, 0, 0],  # disagree -> agree
        [0, 0, 1, 1],  # discuss -> discuss, unrelated
        [1, 0, 0, 2],  # unrelated -> unrelated, agree, unrelated
    ]
    # the order given is the order used
    assert confusion_matrix(["x", "y"], ["y", "y"], ["y", "x"]) == [[1, 0], [1, 0]]


def test_fnc_score_by_hand() -> None:
    # pair: gold -> pred : points (max)
    # agree -> agree        : 0.25 + 0.75 = 1.0   (1.0)
    # agree -> discuss      : 0.25              (1.0)  related decision right, label wrong
    # disagree -> agree     : 0.25              (1.0)
    # discuss -> discuss    : 1.0               (1.0)
    # unrelated -> unrelated: 0.25              (0.25)
    # unrelated -> agree    : 0                 (0.25)
    # unrelated -> unrelated: 0.25              (0.25)
    # discuss -> unrelated  : 0                 (1.0)
    # score = 1 + .25 + .25 + 1 + .25 + 0 + .25 + 0 = 3.0; max = 5 * 1.0 + 3 * 0.25 = 5.75
    score, max_score = fnc_score_parts(GOLD, PRED)
    assert score == pytest.approx(3.0)
    assert max_score == pytest.approx(5.75)
    assert fnc_score(GOLD, PRED) == pytest.approx(100 * 3.0 / 5.75)
    assert fnc_score(GOLD, GOLD) == pytest.approx(100.0)
    assert fnc_score([], []) == 0.0


def test_rationale_precision_at_1_and_recall_at_3_by_hand() -> None:
    gold = [[0, 4], [2], [1, 3, 5], []]
    ranked = [[4, 1, 0], [0, 1, 2, 3], [7, 8, 9], [0]]
    # P@1 over pairs with gold lines (first three): top 4 in {0,4} yes; 0 in {2} no; 7 no -> 1/3
    assert rationale_precision_at_1(gold, ranked) == pytest.approx(1 / 3)
    # R@3: pair 1: {0,4} & {4,1,0} = 2 of 2 -> 1; pair 2: {2} & {0,1,2} = 1 of 1 -> 1;
    #      pair 3: {1,3,5} & {7,8,9} = 0 of 3 -> 0; mean = 2/3
    assert rationale_recall_at_k(gold, ranked, k=3) == pytest.approx(2 / 3)
    # R@1: pair 1: {4} -> 1/2; pair 2: {0} -> 0; pair 3: 0; mean = 1/6
    assert rationale_recall_at_k(gold, ranked, k=1) == pytest.approx(1 / 6)
    # a pair with no predicted sentence is a miss, not an error
    assert rationale_precision_at_1([[1]], [[]]) == 0.0
    with pytest.raises(ValueError, match="k must be"):
        rationale_recall_at_k(gold, ranked, k=0)


def test_misaligned_lists_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        accuracy(["agree"], [])


def test_classification_report_fields() -> None:
    report = classification_report(GOLD, PRED, LABELS)
    assert report["n"] == 8
    assert report["accuracy"] == pytest.approx(0.5)
    assert report["macro_f1"] == pytest.approx(macro_f1(GOLD, PRED, LABELS))
    assert report["confusion"]["labels"] == list(LABELS)
    assert report["per_class_f1"]["discuss"] == pytest.approx(0.5)


def test_calibration_report_by_hand() -> None:
    labels = ["agree", "unrelated"]
    gold = ["agree", "unrelated", "agree", "unrelated"]
    scores = [
        {"agree": 0.9, "unrelated": 0.1},  # top 0.9 right  -> bin 9
        {"agree": 0.8, "unrelated": 0.2},  # top 0.8 wrong  -> bin 8
        {"agree": 0.3, "unrelated": 0.7},  # top 0.7 wrong  -> bin 7
        {"agree": 3.0, "unrelated": 1.0},  # renormalized to 0.75 / 0.25, top wrong -> bin 7
    ]
    report = calibration_report(gold, scores, labels)
    # bins: 9 -> |0.9 - 1|; 8 -> |0.8 - 0|; 7 -> |0.7 + 0.75 - 0|; summed over 4 pairs
    assert report["ece"] == pytest.approx((0.1 + 0.8 + 1.45) / 4)
    brier = [2 * 0.1**2, 2 * 0.8**2, 2 * 0.7**2, 2 * 0.75**2]
    assert report["brier"] == pytest.approx(sum(brier) / 4)
    assert report["log_loss"] == pytest.approx(
        -(math.log(0.9) + math.log(0.2) + math.log(0.3) + math.log(0.25)) / 4
    )


def test_calibration_report_perfect_and_empty() -> None:
    labels = ["agree", "disagree"]
    perfect = calibration_report(["agree", "disagree"], [{"agree": 1.0}, {"disagree": 1.0}], labels)
    assert perfect == {"ece": 0.0, "brier": 0.0, "log_loss": 0.0}
    # no scores at all: uniform, so the top score is 0.5 and the first label wins the tie
    uniform = calibration_report(["disagree"], [{}], labels)
    assert uniform["ece"] == pytest.approx(0.5) and uniform["brier"] == pytest.approx(0.5)
    assert calibration_report([], [], labels) == {"ece": 0.0, "brier": 0.0, "log_loss": 0.0}
