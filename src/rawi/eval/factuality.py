"""Claim factuality (true / false) predicted from the evidence alone, as in Baly et al. (2018).

Per claim, the out-of-fold stance predictions of its articles are summarised into a small feature
vector (how many articles, how many related, how strongly they agree, disagree or discuss) and,
when the articles' sources are known, who stands behind each stance (how many distinct outlets, how
many of them agencies, known to the registry or state-owned; never which outlet, so no outlet gets a
learned reputation). A logistic regression is cross-validated over the same claim-level folds. The
claim wording, its id and its file name never reach the model: the id prefix (R- / V-) gives the
label away.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

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
SOURCE_FEATURES: tuple[str, ...] = (
    "log_outlets_related",
    "log_outlets_agree",
    "log_outlets_disagree",
    "share_agree_known",
    "share_agree_agency",
    "share_agree_state",
    "share_related_state",
)
# An article's source as plain data: (outlet key or domain, registry kind, registry ownership); the
# kind and ownership are None for an outlet the registry does not know.
ArticleSource = tuple[str, str | None, str | None]


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


def source_features(labels: Sequence[str], sources: Sequence[ArticleSource | None]) -> list[float]:
    """Who stands behind a claim's stances (follows :data:`SOURCE_FEATURES`); articles without a
    known source count in the shares' denominators but name no outlet."""
    related = [src for label, src in zip(labels, sources, strict=True) if label in _STANCES]
    agree = [src for label, src in zip(labels, sources, strict=True) if label == "agree"]
    disagree = [src for label, src in zip(labels, sources, strict=True) if label == "disagree"]

    def outlets(group: list[ArticleSource | None]) -> float:
        return math.log1p(len({src[0] for src in group if src is not None}))

    def share(group: list[ArticleSource | None], test: Callable[[ArticleSource], bool]) -> float:
        return sum(1 for src in group if src is not None and test(src)) / len(group) if group else 0.0

    def state(src: ArticleSource) -> bool:
        return src[2] == "state"

    return [
        outlets(related),
        outlets(agree),
        outlets(disagree),
        share(agree, lambda src: src[1] is not None),
        share(agree, lambda src: src[1] == "agency"),
        share(agree, state),
        share(related, state),
    ]


def _fact_label(value: bool) -> str:
    return FACTUALITY_LABELS[0] if value else FACTUALITY_LABELS[1]


def cross_validate_factuality(
    claim_of_pair: Sequence[str],
    labels: Sequence[str],
    scores: Sequence[Mapping[str, float]],
    claim_truth: Mapping[str, bool],
    claim_fold: Mapping[str, str],
    sources: Sequence[ArticleSource | None] | None = None,
) -> dict[str, object]:
    """Accuracy and macro-F1 of claim factuality from the evidence, with the majority baseline.

    ``claim_of_pair[i]`` is the claim of pair i, whose predicted stance is ``labels[i]`` with
    ``scores[i]`` and whose article's source is ``sources[i]`` (when sources are given, the result
    also reports the stances alone under ``without_sources``); ``claim_truth`` gives each claim's
    gold factuality and ``claim_fold`` its fold. Ids are used to group and split only.
    """
    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim_id in enumerate(claim_of_pair):
        by_claim[claim_id].append(i)
    claims = [c for c in claim_truth if c in claim_fold]
    members = [by_claim[c] for c in claims]
    stance_part = np.array(
        [claim_features([labels[i] for i in idx], [scores[i] for i in idx]) for idx in members]
    ).reshape(len(claims), len(FACTUALITY_FEATURES))
    gold = [_fact_label(claim_truth[c]) for c in claims]
    folds = [claim_fold[c] for c in claims]
    predicted, majority = _cross_validate(stance_part, gold, folds)
    result: dict[str, object] = {"claims": len(claims), "features": list(FACTUALITY_FEATURES)}
    if sources is not None:
        rows = [source_features([labels[i] for i in idx], [sources[i] for i in idx]) for idx in members]
        source_part = np.array(rows).reshape(len(claims), len(SOURCE_FEATURES))
        stances_only = predicted
        predicted, _ = _cross_validate(np.hstack([stance_part, source_part]), gold, folds)
        result["features"] = [*FACTUALITY_FEATURES, *SOURCE_FEATURES]
        result["without_sources"] = _scores(gold, stances_only)
    result.update(_scores(gold, predicted))
    result["majority"] = _scores(gold, majority)
    return result


def _scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    return {"accuracy": accuracy(gold, predicted), "macro_f1": macro_f1(gold, predicted, FACTUALITY_LABELS)}


def _cross_validate(features: np.ndarray, gold: list[str], folds: list[str]) -> tuple[list[str], list[str]]:
    """Out-of-fold predictions of a balanced logistic regression, and of the majority class."""
    predicted = [""] * len(gold)
    majority = [""] * len(gold)
    for fold in dict.fromkeys(folds):
        test = [k for k, f in enumerate(folds) if f == fold]
        train = [k for k, f in enumerate(folds) if f != fold]
        counts = Counter(gold[k] for k in train)
        # ties go to "false", the larger class of the full corpus
        most_common = max(FACTUALITY_LABELS, key=lambda label: (counts[label], label == "false"))
        for k in test:
            majority[k] = most_common
        if len(counts) < 2:  # a single training class: predicting it is all a model could do
            fold_predictions = [most_common] * len(test)
        else:
            model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, class_weight="balanced"))
            model.fit(features[train], [gold[k] for k in train])
            fold_predictions = list(model.predict(features[test]))
        for k, label in zip(test, fold_predictions, strict=True):
            predicted[k] = str(label)
    return predicted, majority


def gold_scores(labels: Sequence[str]) -> list[dict[str, float]]:
    """One-hot scores for gold stance labels (the oracle row: factuality if stance were perfect)."""
    return [{label: 1.0} for label in labels]


__all__ = [
    "FACTUALITY_FEATURES",
    "FACTUALITY_LABELS",
    "SOURCE_FEATURES",
    "ArticleSource",
    "claim_features",
    "cross_validate_factuality",
    "gold_scores",
    "source_features",
]
