"""Stance decided at the evidence sentence: a sentence-pair model and an article-level combiner.

Two small logistic regressions over a multilingual sentence encoder (see :mod:`rawi.embed`):

- :class:`PairModel` reads one (claim, sentence) pair: does the sentence *agree* with the claim,
  *disagree* (deny or contradict it) or say something *other*? Features are the encoder's
  ``[u, v, u * v, |u - v|]``, the cosine and the cue counts (denial, refutation, negation, hedge) of
  each side. Trained on ANS sentence pairs and the Baly rationale sentences.
- :class:`ArticleCombiner` turns the lexical model's scores and what the pair model says about the
  article's best evidence sentences into the article's four stance scores. It is fitted on Baly
  out-of-fold scores, unweighted, so its probabilities are calibrated and the label is simply the
  most probable one: a label never contradicts the scores shown beside it.

Both follow the estimator contract (``fit`` returns ``self``, fitted attributes end in ``_``) and
save as plain JSON (coefficients), never a pickle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import numpy as np

from rawi.errors import ModelError
from rawi.records import STANCE_LABELS
from rawi.stance.analysis import TextUnit
from rawi.stance.negation import ClaimNegations

PAIR_LABELS: tuple[str, ...] = ("agree", "disagree", "other")
CUES: tuple[str, ...] = ("denial", "refutation", "negation", "hedge")
# A sentence this close (in cosine) to the article's best one still counts as evidence for cue
# features: the denial that answers a claim is often the second-best match, not the best.
NEAR = 0.15

ARTICLE_FEATURES: tuple[str, ...] = (
    *(f"lexical_{k}" for k in STANCE_LABELS),
    "article_cos",
    "max_cos",
    "second_cos",
    "lead_cos",
    *(f"pair_{k}_best" for k in PAIR_LABELS),
    "pair_agree_max",
    "pair_disagree_max",
    *(f"{c}_near" for c in CUES),
)


def _cue_vector(unit: TextUnit) -> np.ndarray:
    return np.array([min(unit.cue_count(c), 2) for c in CUES], dtype=np.float32)


def pair_features(u: np.ndarray, v: np.ndarray, claim: TextUnit, sentences: Sequence[TextUnit]) -> np.ndarray:
    """Rows of pair features for one claim vector ``u`` against sentence vectors ``v``."""
    v = np.atleast_2d(v)
    c = _cue_vector(claim)
    cues = np.array([(s, s - c) for s in map(_cue_vector, sentences)], dtype=np.float32)
    cos = (v @ u)[:, None]
    # u and v themselves, not only their interactions: what a sentence says (a denial, a number)
    # matters beside how far it is from the claim. Measured on ANS dev (USE, ANS train only):
    # macro-F1 0.669 without them, 0.722 with them (benchmarks/bench_pair_encoders.py).
    return np.hstack([np.broadcast_to(u, v.shape), v, v * u, np.abs(v - u), cos, cues.reshape(len(v), -1)])


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


_M = TypeVar("_M", bound="_LinearModel")


class _LinearModel:
    """Multinomial logistic regression held as plain arrays (fitted with scikit-learn).

    ``class_weight`` weighs each training row by its label (``None``: all rows alike; "balanced":
    inversely to the label's frequency in the training rows)."""

    labels: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        C: float = 1.0,
        max_iter: int = 2000,
        class_weight: dict[str, float] | Literal["balanced"] | None = None,
        standardize: bool = True,
    ):
        self.C = C
        self.max_iter = max_iter
        self.class_weight = class_weight
        self.standardize = standardize

    def fit(self: _M, X: np.ndarray, y: Sequence[str]) -> _M:
        weights = None
        if self.class_weight == "balanced":
            from sklearn.utils.class_weight import compute_sample_weight

            weights = compute_sample_weight("balanced", list(y))
        elif self.class_weight:
            weights = np.array([self.class_weight.get(k, 1.0) for k in y])
        self._fit_arrays(np.asarray(X, dtype=np.float64), y, sample_weight=weights)
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return self._proba(np.asarray(X, dtype=np.float64))

    @classmethod
    def from_json(cls: type[_M], data: dict[str, object]) -> _M:
        model = cls(C=float(data.get("C", 1.0)), standardize=bool(data.get("standardize", True)))  # type: ignore[arg-type]
        model._load(data)
        return model

    def _fit_arrays(self, X: np.ndarray, y: Sequence[str], sample_weight: np.ndarray | None = None) -> None:
        from sklearn.linear_model import LogisticRegression

        unknown = sorted(set(y) - set(self.labels))
        if unknown:
            raise ModelError(f"{type(self).__name__}: unknown labels {unknown}; expected {self.labels}")
        target = np.array([self.labels.index(k) for k in y])
        # Standardizing puts every feature on one scale; without it (the pair model), the encoder's
        # coordinates keep their own scale, which regularization then respects.
        self.mean_ = X.mean(axis=0) if self.standardize else np.zeros(X.shape[1])
        self.scale_ = X.std(axis=0) + 1e-6 if self.standardize else np.ones(X.shape[1])
        model = LogisticRegression(C=self.C, max_iter=self.max_iter)
        model.fit((X - self.mean_) / self.scale_, target, sample_weight=sample_weight)
        coef = np.zeros((len(self.labels), X.shape[1]))
        intercept = np.full(len(self.labels), -30.0)  # a class absent from training is never predicted
        if len(model.classes_) == 2:  # scikit-learn's binary form: one row for the second class
            coef[model.classes_[1]], intercept[model.classes_[1]] = model.coef_[0], model.intercept_[0]
            coef[model.classes_[0]], intercept[model.classes_[0]] = 0.0, 0.0
        else:
            coef[model.classes_] = model.coef_
            intercept[model.classes_] = model.intercept_
        self.coef_, self.intercept_ = coef, intercept
        self.classes_ = self.labels

    def _proba(self, X: np.ndarray) -> np.ndarray:
        if not hasattr(self, "coef_"):
            raise ModelError(f"This {type(self).__name__} is not fitted yet: call fit() or load it.")
        if len(X) == 0:
            return np.zeros((0, len(self.labels)))
        if X.shape[1] != self.coef_.shape[1]:
            raise ModelError(
                f"This {type(self).__name__} was trained on {self.coef_.shape[1]} features, not "
                f"{X.shape[1]}: it comes from another version of rawi; retrain it (rawi train semantic)."
            )
        return _softmax(((X - self.mean_) / self.scale_) @ self.coef_.T + self.intercept_)

    def to_json(self) -> dict[str, object]:
        return {
            "labels": list(self.labels),
            "C": self.C,
            "standardize": self.standardize,
            "mean": self.mean_.tolist(),
            "scale": self.scale_.tolist(),
            "coef": self.coef_.tolist(),
            "intercept": self.intercept_.tolist(),
        }

    def _load(self, data: dict[str, object]) -> None:
        if tuple(data["labels"]) != self.labels:  # type: ignore[arg-type]
            raise ModelError(f"{type(self).__name__}: saved labels {data['labels']} are not {self.labels}")
        self.mean_ = np.array(data["mean"], dtype=np.float64)
        self.scale_ = np.array(data["scale"], dtype=np.float64)
        self.coef_ = np.array(data["coef"], dtype=np.float64)
        self.intercept_ = np.array(data["intercept"], dtype=np.float64)
        self.classes_ = self.labels


# The pair model's regularization and class weights per encoder, measured on ANS dev (train on ANS
# train alone; benchmarks/bench_pair_encoders.py). Not standardized: standardized, USE reached
# 0.58-0.67 at any C from 0.01 to 0.3. USE: C 3 0.720 (C 1 0.682, C 10 0.700; balanced 0.685). e5,
# whose vectors sit closer together: balanced C 10 0.781 (C 30 0.780, C 100 0.750; unweighted C 10
# 0.715): ANS train holds 63 "other" pairs against 1,686 "disagree", which e5 alone under-predicts.
PAIR_SETTINGS: dict[str, dict[str, Any]] = {
    "use": {"C": 3.0, "class_weight": None},
    "e5": {"C": 10.0, "class_weight": "balanced"},
}


class PairModel(_LinearModel):
    """agree / disagree / other for a (claim, sentence) pair, from ``pair_features`` rows
    (``PAIR_SETTINGS`` gives C and class weights per encoder)."""

    labels = PAIR_LABELS

    def __init__(
        self,
        *,
        C: float = 3.0,
        max_iter: int = 5000,
        class_weight: dict[str, float] | Literal["balanced"] | None = None,
        standardize: bool = False,
    ):
        super().__init__(C=C, max_iter=max_iter, class_weight=class_weight, standardize=standardize)


# Class weights of the article combiner, measured on the Baly folds (label = top score, so it never
# contradicts the scores shown); macro-F1 / disagree F1 / ECE of the scores: unweighted 0.382 / 0.019 /
# 0.021 (a denial is never the top score, so the verdict never sees one); square root of inverse
# frequency 0.452 / 0.206 / 0.073, but it made clear assertions in short articles "discuss" (the
# stories); the same with discuss at 1.0, shipped, 0.433 / 0.198 / 0.038; inverse frequency 0.447 /
# 0.166 / 0.144; the lexical model's weights 0.436 / 0.156 / 0.124.
COMBINER_CLASS_WEIGHT = {"agree": 1.26, "disagree": 2.95, "discuss": 1.0, "unrelated": 0.6}


class ArticleCombiner(_LinearModel):
    """Four stance scores of an article from ``ARTICLE_FEATURES`` rows (label = the top score)."""

    labels = STANCE_LABELS

    def __init__(
        self,
        *,
        C: float = 1.0,
        max_iter: int = 2000,
        class_weight: dict[str, float] | None = None,
        standardize: bool = True,
    ):
        weights = class_weight or COMBINER_CLASS_WEIGHT
        super().__init__(C=C, max_iter=max_iter, class_weight=weights, standardize=standardize)


@dataclass(frozen=True)
class SentenceEvidence:
    """What the pair model says about one candidate sentence of an article."""

    sentence_index: int
    cosine: float
    pair: dict[str, float]  # agree / disagree / other
    cues: dict[str, int]  # every cue match: the combiner's features, as it was trained
    shared: float = 0.0  # share of the claim's content words the sentence uses
    # denial and refutation words that are not the claim's own ("مزيفة" beside a claim about fake
    # messages); None: every such cue (``cues``)
    denies: int | None = None
    # the sentence negates the claim's own words ("ولم يحدث أي حفرة"): rawi.stance.negation
    negates: bool = False

    def denial_words(self) -> int:
        """Denial and refutation words of the sentence that may deny the claim. The combiner reads
        ``cues`` as it was trained; whether a sentence denies is read from these."""
        if self.denies is None:
            return self.cues.get("denial", 0) + self.cues.get("refutation", 0)
        return self.denies

    def contradicts(self) -> bool:
        """Whether the sentence says the claim is not so: a denial or refutation word
        (:meth:`denial_words`), or a negation of the claim's own words (``negates``)."""
        return bool(self.denial_words()) or self.negates


def sentence_evidence(
    pair_model: PairModel,
    claim_vector: np.ndarray,
    claim_unit: TextUnit,
    indices: Sequence[int],
    vectors: np.ndarray,
    units: Sequence[TextUnit],
) -> list[SentenceEvidence]:
    """The pair model's reading of each candidate sentence (aligned with ``indices``)."""
    if not len(indices):
        return []
    proba = pair_model.predict_proba(pair_features(claim_vector, vectors, claim_unit, units))
    cosines = vectors @ claim_vector
    negations = ClaimNegations.of(claim_unit)
    return [
        SentenceEvidence(
            int(i),
            float(cos),
            {k: float(p) for k, p in zip(PAIR_LABELS, row, strict=True)},
            {c: unit.cue_count(c) for c in CUES},
            len(unit.content & claim_unit.content) / len(claim_unit.content) if claim_unit.content else 0.0,
            sum(unit.cue_count_beside(c, claim_unit) for c in ("denial", "refutation")),
            negations.negated_by(unit),
        )
        for i, cos, row, unit in zip(indices, cosines, proba, units, strict=True)
    ]


def article_features(
    lexical_scores: Sequence[float],
    article_cos: float | None,
    evidence: Sequence[SentenceEvidence],
    lead: int = 3,
) -> np.ndarray:
    """One ``ARTICLE_FEATURES`` row."""
    ranked = sorted(evidence, key=lambda e: -e.cosine)
    best = ranked[0] if ranked else None
    max_cos = best.cosine if best else 0.0
    near = [e for e in ranked if e.cosine >= max_cos - NEAR]
    row = [
        *lexical_scores,
        article_cos if article_cos is not None else max_cos,
        max_cos,
        ranked[1].cosine if len(ranked) > 1 else max_cos,
        max((e.cosine for e in evidence if e.sentence_index < lead), default=0.0),
        *((best.pair[k] if best else (1.0 if k == "other" else 0.0)) for k in PAIR_LABELS),
        max((e.cosine * e.pair["agree"] for e in ranked), default=0.0),
        max((e.cosine * e.pair["disagree"] for e in ranked), default=0.0),
        *(max((e.cosine * min(e.cues[c], 1) for e in near), default=0.0) for c in CUES),
    ]
    return np.array(row, dtype=np.float64)
