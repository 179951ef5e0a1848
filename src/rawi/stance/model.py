"""The stance estimator: claim–article features, gradient-boosted trees, calibrated scores.

Design (measured on the Baly 2018 folds, see MODEL_CARD.md): one multiclass LightGBM over the
features of :mod:`rawi.stance.features`, with class weights for the rare disagree and discuss
classes; probabilities calibrated by vector scaling fitted on claim-grouped out-of-fold
predictions. The label is the class-weighted trees' choice (favouring the rare classes, as macro-F1
wants); the scores are the calibrated probabilities.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import lightgbm as lgb
import numpy as np
from scipy.optimize import minimize

from rawi.errors import ModelError
from rawi.records import STANCE_LABELS
from rawi.stance.analysis import AnalysisCache
from rawi.stance.base import StancePair, StanceResult
from rawi.stance.features import FEATURE_NAMES, IdfTable, feature_vector, sentence_matches
from rawi.stance.rationale import rank_rationale

DEFAULT_CLASS_WEIGHT: dict[str, float] = {"agree": 1.5, "disagree": 8.0, "discuss": 1.5, "unrelated": 0.4}
_EPS = 1e-6


class StanceClassifier:
    """Feature-based stance model following the scikit-learn estimator contract.

    Parameters
    ----------
    n_estimators, learning_rate, num_leaves, min_child_samples, subsample, colsample_bytree :
        LightGBM settings.
    class_weight : weight per label (rare classes weigh more); ``None`` for uniform.
    calibration_folds : claim-grouped folds for the out-of-fold predictions that calibrate the
        scores; 0 or 1 turns calibration off.
    min_df : stems seen in fewer training articles than this get the default (maximum) IDF.
    random_state : seed; training is deterministic for a given seed.
    n_jobs : LightGBM threads. 1 by default: on a busy 2-core machine OpenMP with 2 threads was
        measured >10x slower than 1 thread (spin-waiting when cores are oversubscribed).
    cache : text analyses to share between models (e.g. across cross-validation folds).

    Examples
    --------
    >>> model = StanceClassifier(n_estimators=20, calibration_folds=0)
    >>> pairs = [StancePair("the dam collapsed", ("The dam collapsed on Monday.",)),
    ...          StancePair("the dam collapsed", ("Officials denied that the dam collapsed.",)),
    ...          StancePair("the dam collapsed", ("Football scores from the weekend.",))] * 4
    >>> model.fit(pairs, ["agree", "disagree", "unrelated"] * 4).classes_
    ('agree', 'disagree', 'discuss', 'unrelated')
    """

    def __init__(
        self,
        *,
        n_estimators: int = 300,
        learning_rate: float = 0.04,
        num_leaves: int = 7,
        min_child_samples: int = 10,
        subsample: float = 0.8,
        colsample_bytree: float = 0.7,
        class_weight: dict[str, float] | None = None,
        calibration_folds: int = 3,
        min_df: int = 2,
        random_state: int = 0,
        n_jobs: int = 1,
        cache: AnalysisCache | None = None,
    ) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.num_leaves = num_leaves
        self.min_child_samples = min_child_samples
        self.subsample = subsample
        self.colsample_bytree = colsample_bytree
        self.class_weight = class_weight
        self.calibration_folds = calibration_folds
        self.min_df = min_df
        self.random_state = random_state
        self.n_jobs = n_jobs
        # Not a parameter: analyses depend on the text only, so CV folds may share one cache.
        self._cache = cache if cache is not None else AnalysisCache()

    # -- parameters -------------------------------------------------------------------------
    def get_params(self) -> dict[str, object]:
        names = (
            "n_estimators learning_rate num_leaves min_child_samples subsample colsample_bytree "
            "class_weight calibration_folds min_df random_state n_jobs"
        ).split()
        return {name: getattr(self, name) for name in names}

    def _check_params(self) -> None:
        for name in ("n_estimators", "num_leaves", "min_child_samples", "min_df"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ModelError(f"StanceClassifier {name!r} must be an int >= 1. Got {value!r} instead.")
        if not 0 < self.learning_rate <= 1:
            raise ModelError(f"The 'learning_rate' parameter must be in (0, 1]. Got {self.learning_rate!r}.")
        if self.class_weight and set(self.class_weight) - set(STANCE_LABELS):
            raise ModelError(f"class_weight keys must be in {STANCE_LABELS}. Got {self.class_weight}.")

    # -- training ---------------------------------------------------------------------------
    def _booster(self) -> lgb.LGBMClassifier:
        return lgb.LGBMClassifier(
            objective="multiclass",
            n_estimators=self.n_estimators,
            learning_rate=self.learning_rate,
            num_leaves=self.num_leaves,
            min_child_samples=self.min_child_samples,
            subsample=self.subsample,
            subsample_freq=1,
            colsample_bytree=self.colsample_bytree,
            random_state=self.random_state,
            deterministic=True,
            force_row_wise=True,
            num_threads=self.n_jobs,
            verbose=-1,
        )

    def _weights(self, y: np.ndarray) -> np.ndarray:
        weights = self.class_weight if self.class_weight is not None else DEFAULT_CLASS_WEIGHT
        return np.array([weights.get(STANCE_LABELS[k], 1.0) for k in y])

    def fit(self, pairs: Sequence[StancePair], labels: Sequence[str]) -> StanceClassifier:
        self._check_params()
        if len(pairs) != len(labels):
            raise ModelError(f"fit got {len(pairs)} pairs but {len(labels)} labels")
        unknown = sorted(set(labels) - set(STANCE_LABELS))
        if unknown:
            raise ModelError(f"unknown stance labels {unknown}; expected {STANCE_LABELS}")
        if len(set(labels)) < 2:
            raise ModelError("fit needs at least two different stance labels")
        y = np.array([STANCE_LABELS.index(label) for label in labels])
        articles = [self._cache.article(p.sentences, p.title) for p in pairs]
        unique = {id(a): a for a in articles}.values()
        self.idf_ = IdfTable.fit(unique, min_df=self.min_df)
        X = self._features(pairs)
        self.classes_ = STANCE_LABELS
        self.feature_names_ = FEATURE_NAMES
        self.calibration_ = None
        if self.calibration_folds >= 2:
            oof = self._out_of_fold(pairs, X, y)
            if oof is not None:
                self.calibration_ = _fit_vector_scaling(oof, y)
        self.booster_ = self._fit_booster(X, y)
        return self

    def _fit_booster(self, X: np.ndarray, y: np.ndarray) -> lgb.Booster:
        model = self._booster()
        # LightGBM needs every class present to keep four output columns: add a zero-weight row
        # per absent class (copies of a real row) so the model shape never depends on the data.
        missing = [k for k in range(len(STANCE_LABELS)) if k not in set(y.tolist())]
        weights = self._weights(y)
        if missing:
            X = np.vstack([X, np.repeat(X[:1], len(missing), axis=0)])
            y = np.concatenate([y, missing])
            weights = np.concatenate([weights, np.zeros(len(missing))])
        model.fit(X, y, sample_weight=weights)
        return model.booster_

    def _out_of_fold(self, pairs: Sequence[StancePair], X: np.ndarray, y: np.ndarray) -> np.ndarray | None:
        """Probabilities for each training pair from a model that never saw its claim."""
        claims = sorted({p.claim for p in pairs})
        if len(claims) < self.calibration_folds:
            return None
        rng = np.random.default_rng(self.random_state)
        fold_of_claim = {c: i % self.calibration_folds for i, c in enumerate(rng.permutation(claims))}
        folds = np.array([fold_of_claim[p.claim] for p in pairs])
        oof = np.zeros((len(pairs), len(STANCE_LABELS)))
        for k in range(self.calibration_folds):
            train, test = folds != k, folds == k
            if len(set(y[train].tolist())) < 2:
                return None
            oof[test] = self._fit_booster(X[train], y[train]).predict(X[test])
        return oof

    # -- prediction -------------------------------------------------------------------------
    def _check_fitted(self) -> None:
        if not hasattr(self, "booster_"):
            raise ModelError("This StanceClassifier is not fitted yet: call fit(pairs, labels) or load().")

    def _features(self, pairs: Sequence[StancePair]) -> np.ndarray:
        rows = [
            feature_vector(self._cache.claim(p.claim), self._cache.article(p.sentences, p.title), self.idf_)
            for p in pairs
        ]
        return np.array(rows).reshape(len(rows), len(FEATURE_NAMES))

    def _raw_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        return self.booster_.predict(self._features(pairs)).reshape(len(pairs), len(self.classes_))

    def _calibrate(self, raw: np.ndarray) -> np.ndarray:
        proba = _apply_scaling(self.calibration_, raw) if self.calibration_ is not None else raw
        return proba / proba.sum(axis=1, keepdims=True)

    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        """Calibrated probabilities, columns in ``classes_`` order, rows summing to 1."""
        self._check_fitted()
        if not pairs:
            return np.zeros((0, len(self.classes_)))
        return self._calibrate(self._raw_proba(pairs))

    def _decide(self, raw: np.ndarray) -> list[str]:
        # The label comes from the class-weighted trees, which favour the rare classes as macro-F1
        # wants; calibrating first and deciding after was measured worse (0.446 vs 0.477 macro-F1).
        return [self.classes_[k] for k in raw.argmax(axis=1)]

    def predict(self, pairs: Sequence[StancePair]) -> list[str]:
        self._check_fitted()
        return self._decide(self._raw_proba(pairs)) if pairs else []

    @property
    def analysis(self) -> AnalysisCache:
        """The analyses of the claims and articles this model has read (shared with later stages)."""
        return self._cache

    def reading_into(self, cache: AnalysisCache) -> StanceClassifier:
        """This fitted model, reading and filling ``cache`` instead of its own analyses: a workbench
        keeps its analyses apart from another's that shares the loaded model."""
        view = copy.copy(self)
        view._cache = cache
        return view

    def predict_results(self, pairs: Sequence[StancePair], *, max_rationale: int = 3) -> list[StanceResult]:
        self._check_fitted()
        if not pairs:
            return []
        raw = self._raw_proba(pairs)
        results = []
        for pair, row, label in zip(pairs, self._calibrate(raw), self._decide(raw), strict=True):
            claim = self._cache.claim(pair.claim)
            article = self._cache.article(pair.sentences, pair.title)
            matches = sentence_matches(claim, article, self.idf_)
            scores = {name: float(p) for name, p in zip(self.classes_, row, strict=True)}
            rationale = rank_rationale(label, matches, article, pair.sentences, max_rationale)
            results.append(StanceResult(label=label, scores=scores, rationale=rationale))
        return results

    # -- persistence (see rawi.stance.persist) ---------------------------------------------
    def save(self, path: str) -> None:
        from rawi.stance.persist import save_model

        save_model(self, path)

    @classmethod
    def load(cls, path: str) -> StanceClassifier:
        from rawi.stance.persist import load_model

        return load_model(path)


def _fit_vector_scaling(proba: np.ndarray, y: np.ndarray) -> dict[str, list]:
    """Per-class scale and bias on log-probabilities, fitted by minimizing the log-loss.

    Diagonal (vector scaling), not a full matrix: a full matrix was measured to turn confident
    class-weighted "disagree" outputs into "unrelated"; a per-class scale keeps each class's score
    monotone in the trees' own output. A small penalty keeps the map near the identity.
    """
    n = len(STANCE_LABELS)
    logp = np.log(proba + _EPS)
    onehot = np.eye(n)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        scale, bias = theta[:n], theta[n:]
        logits = logp * scale + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        diff = (p - onehot) / len(y)
        penalty = 1e-3 * (np.sum((scale - 1) ** 2) + np.sum(bias**2))
        value = -np.sum(onehot * np.log(p + 1e-12)) / len(y) + penalty
        grad_scale = (diff * logp).sum(axis=0) + 2e-3 * (scale - 1)
        grad = np.concatenate([grad_scale, diff.sum(axis=0) + 2e-3 * bias])
        return value, grad

    start = np.concatenate([np.ones(n), np.zeros(n)])
    fitted = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=[(0.05, 5.0)] * n + [(-10, 10)] * n)
    theta = fitted.x if fitted.success else start
    return {"coef": np.diag(theta[:n]).tolist(), "intercept": theta[n:].tolist()}


def _apply_scaling(calibration: dict[str, list], proba: np.ndarray) -> np.ndarray:
    logits = np.log(proba + _EPS) @ np.array(calibration["coef"]).T + np.array(calibration["intercept"])
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)


def macro_f1(y: np.ndarray, pred: np.ndarray, n_classes: int = len(STANCE_LABELS)) -> float:
    """Unweighted mean F1 over ``n_classes`` (numpy only: called hundreds of times per fit)."""
    confusion = np.bincount(y * n_classes + pred, minlength=n_classes * n_classes).reshape(n_classes, -1)
    tp = np.diag(confusion).astype(float)
    denominator = confusion.sum(axis=0) + confusion.sum(axis=1)
    return float(np.mean(np.divide(2 * tp, denominator, out=np.zeros(n_classes), where=denominator > 0)))
