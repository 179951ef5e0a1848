"""Evaluation metrics as plain functions over lists of labels (no numpy needed by callers).

Everything here is deliberately small and hand-checkable: the tests pin each function to values
computed by hand. Conventions follow scikit-learn where one exists (a class never predicted has
precision 0; F1 is 0 when precision + recall is 0), so figures are comparable with published ones.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

RELATED_LABELS: frozenset[str] = frozenset({"agree", "disagree", "discuss"})
UNRELATED_LABEL = "unrelated"


def _check_aligned(gold: Sequence[object], predicted: Sequence[object]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"gold and predicted differ in length: {len(gold)} != {len(predicted)}")


def _label_order(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None) -> list[str]:
    if labels is not None:
        return list(labels)
    return sorted(set(gold) | set(predicted))


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of positions where the predicted label equals the gold one (0.0 on empty input)."""
    _check_aligned(gold, predicted)
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def per_class_scores(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support for each label, in the order of ``labels``.

    ``labels`` defaults to the sorted union of the labels seen in ``gold`` and ``predicted``.
    """
    _check_aligned(gold, predicted)
    scores: dict[str, dict[str, float]] = {}
    for label in _label_order(gold, predicted, labels):
        true_pos = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        predicted_count = sum(p == label for p in predicted)
        support = sum(g == label for g in gold)
        precision = true_pos / predicted_count if predicted_count else 0.0
        recall = true_pos / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    return scores


def per_class_f1(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, float]:
    """F1 of each label, in the order of ``labels``."""
    return {label: s["f1"] for label, s in per_class_scores(gold, predicted, labels).items()}


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None) -> float:
    """Unweighted mean of the per-label F1 scores over ``labels`` (default: labels seen)."""
    f1s = per_class_f1(gold, predicted, labels)
    return sum(f1s.values()) / len(f1s) if f1s else 0.0


def confusion_matrix(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """Counts with rows = gold label and columns = predicted label, both in the order of ``labels``.

    Pairs whose gold or predicted label is not in ``labels`` are not counted.
    """
    _check_aligned(gold, predicted)
    position = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        if g in position and p in position:
            matrix[position[g]][position[p]] += 1
    return matrix


def fnc_score_parts(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """The FNC-1 weighted score and its maximum, as ``(score, max_score)``.

    +0.25 for each pair whose related/unrelated decision is right; +0.75 more for each related pair
    (gold agree/disagree/discuss) whose exact label is right. So a related pair is worth 1.0 at most
    and an unrelated pair 0.25.
    """
    _check_aligned(gold, predicted)
    score = 0.0
    max_score = 0.0
    for g, p in zip(gold, predicted, strict=True):
        gold_related = g != UNRELATED_LABEL
        max_score += 1.0 if gold_related else 0.25
        if gold_related == (p != UNRELATED_LABEL):
            score += 0.25
        if gold_related and g == p:
            score += 0.75
    return score, max_score


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The FNC-1 official weighted score as a percentage of the maximum possible (0.0 on empty input)."""
    score, max_score = fnc_score_parts(gold, predicted)
    return 100.0 * score / max_score if max_score else 0.0


def rationale_precision_at_1(gold_lines: Sequence[Sequence[int]], ranked: Sequence[Sequence[int]]) -> float:
    """Share of pairs whose top-ranked predicted sentence is one of the gold rationale lines.

    ``gold_lines[i]`` are the gold line indices of pair i, ``ranked[i]`` the predicted sentence indices
    best first. Pairs without gold lines are skipped; a pair with no prediction counts as a miss.
    """
    _check_aligned(gold_lines, ranked)
    hits = [bool(r) and r[0] in set(g) for g, r in zip(gold_lines, ranked, strict=True) if g]
    return sum(hits) / len(hits) if hits else 0.0


def rationale_recall_at_k(
    gold_lines: Sequence[Sequence[int]], ranked: Sequence[Sequence[int]], k: int = 3
) -> float:
    """Share of a pair's gold lines found among its top ``k`` predicted sentences, averaged over pairs.

    Pairs without gold lines are skipped.
    """
    if k < 1:
        raise ValueError(f"k must be an int >= 1. Got {k!r} instead.")
    _check_aligned(gold_lines, ranked)
    recalls = [len(set(g) & set(r[:k])) / len(set(g)) for g, r in zip(gold_lines, ranked, strict=True) if g]
    return sum(recalls) / len(recalls) if recalls else 0.0


def classification_report(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, object]:
    """The fields every stance result carries: accuracy, macro-F1, per-class scores, confusion."""
    scores = per_class_scores(gold, predicted, labels)
    return {
        "n": len(gold),
        "accuracy": accuracy(gold, predicted),
        "macro_f1": sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0,
        "per_class_f1": {label: s["f1"] for label, s in scores.items()},
        "per_class": scores,
        "confusion": {"labels": list(labels), "matrix": confusion_matrix(gold, predicted, labels)},
    }


def calibration_report(
    gold: Sequence[str], scores: Sequence[Mapping[str, float]], labels: Sequence[str], bins: int = 10
) -> dict[str, float]:
    """How far the scores are from meaning what they say, over the evaluated ``labels``.

    - ``ece``: expected calibration error of the top score: pairs binned by their highest score
      (``bins`` equal-width bins), then the gap between each bin's mean top score and the share of
      its pairs whose top-scored label is the gold one, weighted by bin size (0 is perfect).
    - ``brier``: mean over pairs of the squared distance between the score vector and the gold
      one-hot vector (0 perfect, 2 worst).
    - ``log_loss``: mean negative log of the gold label's score (clipped at 1e-12).

    Scores are renormalized over ``labels`` (a label outside them carries no weight); a pair with no
    scores counts as uniform.
    """
    _check_aligned(gold, scores)
    if bins < 1:
        raise ValueError(f"bins must be an int >= 1. Got {bins!r} instead.")
    n = len(gold)
    if n == 0:
        return {"ece": 0.0, "brier": 0.0, "log_loss": 0.0}
    counts, confidence, correct = [0] * bins, [0.0] * bins, [0.0] * bins
    brier = log_loss = 0.0
    for label, row in zip(gold, scores, strict=True):
        values = [max(float(row.get(name, 0.0)), 0.0) for name in labels]
        total = sum(values)
        probs = [v / total for v in values] if total > 0 else [1.0 / len(labels)] * len(labels)
        top = max(range(len(labels)), key=probs.__getitem__)
        b = min(int(probs[top] * bins), bins - 1)
        counts[b] += 1
        confidence[b] += probs[top]
        correct[b] += float(labels[top] == label)
        brier += sum((p - float(name == label)) ** 2 for p, name in zip(probs, labels, strict=True))
        gold_p = probs[labels.index(label)] if label in labels else 0.0
        log_loss -= math.log(max(gold_p, 1e-12))
    ece = sum(abs(confidence[b] - correct[b]) for b in range(bins) if counts[b]) / n
    return {"ece": ece, "brier": brier / n, "log_loss": log_loss / n}


__all__ = [
    "accuracy",
    "calibration_report",
    "classification_report",
    "confusion_matrix",
    "fnc_score",
    "fnc_score_parts",
    "macro_f1",
    "per_class_f1",
    "per_class_scores",
    "rationale_precision_at_1",
    "rationale_recall_at_k",
]
