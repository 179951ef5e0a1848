"""Claim factuality (true / false) predicted from the evidence alone, as in Baly et al. (2018).

Per claim, the out-of-fold stance predictions of its articles are summarised into a small feature
vector (how many articles, how many related, how strongly they agree, disagree or discuss); a
logistic regression is cross-validated over the same claim-level folds. The claim wording, its id
and its file name never reach the model: the id prefix (R- / V-) gives the label away.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from rawi.eval.metrics import accuracy, macro_f1

FACTUALITY_LABELS: tuple[str, ...] = ("true", "false")
_STANCES = ("agree", "disagree", "discuss")
FACTUALITY_FEATURES: tuple[str, ...] = (
    "log_articles",
    "share_related",
    *(f"mean_{s}" for s in _STANCES),
    *(f"max_{s}" for s in _STANCES),
    *(f"share_{s}" for s in _STANCES),
    "agree_minus_disagree",
)


def claim_features(labels: Sequence[str], scores: Sequence[Mapping[str, float]]) -> list[float]:
    """The evidence summary of one claim, from its articles' predicted labels and label scores.

    Follows :data:`FACTUALITY_FEATURES`. A claim without articles gets all zeros.
    """
    count = len(labels)
    if count == 0:
        return [0.0] * len(FACTUALITY_FEATURES)
    predicted = Counter(labels)
    related = sum(predicted[s] for s in _STANCES)
    means = [sum(row.get(s, 0.0) for row in scores) / count for s in _STANCES]
    maxima = [max(row.get(s, 0.0) for row in scores) for s in _STANCES]
    shares = [predicted[s] / count for s in _STANCES]
    balance = (predicted["agree"] - predicted["disagree"]) / (related + 1)
    return [math.log1p(count), related / count, *means, *maxima, *shares, balance]


def _fact_label(value: bool) -> str:
    return FACTUALITY_LABELS[0] if value else FACTUALITY_LABELS[1]


def cross_validate_factuality(
    claim_of_pair: Sequence[str],
    labels: Sequence[str],
    scores: Sequence[Mapping[str, float]],
    claim_truth: Mapping[str, bool],
    claim_fold: Mapping[str, str],
) -> dict[str, object]:
    """Accuracy and macro-F1 of claim factuality from stance predictions, with the majority baseline.

    ``claim_of_pair[i]`` is the claim of pair i, whose predicted stance is ``labels[i]`` with
    ``scores[i]``; ``claim_truth`` gives each claim's gold factuality and ``claim_fold`` its fold.
    Ids are used to group and split only.
    """
    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim_id in enumerate(claim_of_pair):
        by_claim[claim_id].append(i)
    claims = [c for c in claim_truth if c in claim_fold]
    features = np.array(
        [claim_features([labels[i] for i in by_claim[c]], [scores[i] for i in by_claim[c]]) for c in claims]
    ).reshape(len(claims), len(FACTUALITY_FEATURES))
    gold = [_fact_label(claim_truth[c]) for c in claims]
    folds = [claim_fold[c] for c in claims]
    predicted = [""] * len(claims)
    majority = [""] * len(claims)
    for fold in dict.fromkeys(folds):
        test = [k for k, f in enumerate(folds) if f == fold]
        train = [k for k, f in enumerate(folds) if f != fold]
        train_gold = [gold[k] for k in train]
        counts = Counter(train_gold)
        # ties go to "false", the larger class of the full corpus
        most_common = max(FACTUALITY_LABELS, key=lambda label: (counts[label], label == "false"))
        for k in test:
            majority[k] = most_common
        if len(counts) < 2:  # a single training class: predicting it is all a model could do
            fold_predictions = [most_common] * len(test)
        else:
            model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, class_weight="balanced"))
            model.fit(features[train], train_gold)
            fold_predictions = list(model.predict(features[test]))
        for k, label in zip(test, fold_predictions, strict=True):
            predicted[k] = str(label)
    return {
        "claims": len(claims),
        "features": list(FACTUALITY_FEATURES),
        "accuracy": accuracy(gold, predicted),
        "macro_f1": macro_f1(gold, predicted, FACTUALITY_LABELS),
        "majority": {
            "accuracy": accuracy(gold, majority),
            "macro_f1": macro_f1(gold, majority, FACTUALITY_LABELS),
        },
    }


def gold_scores(labels: Sequence[str]) -> list[dict[str, float]]:
    """One-hot scores for gold stance labels (the oracle row: factuality if stance were perfect)."""
    return [{label: 1.0} for label in labels]


__all__ = [
    "FACTUALITY_FEATURES",
    "FACTUALITY_LABELS",
    "claim_features",
    "cross_validate_factuality",
    "gold_scores",
]
