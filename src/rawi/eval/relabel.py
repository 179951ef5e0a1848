"""Run a stance model on a dataset whose labels differ from the model's own label set.

ANS labels pairs agree / disagree / other, while rawi's model knows agree / disagree / discuss /
unrelated. :class:`RelabelledModel` trains the wrapped model on the dataset labels renamed into its
set and renames its predictions back, summing the scores of labels that fold into one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from rawi.errors import ModelError
from rawi.stance.base import StanceModel, StancePair, StanceResult

# ANS "other" is neither agreement nor contradiction: for a four-way model, unrelated on the way
# in; both of the model's non-committal labels count as "other" on the way out.
ANS_TO_MODEL: dict[str, str] = {"other": "unrelated"}
MODEL_TO_ANS: dict[str, str] = {"unrelated": "other", "discuss": "other"}


class RelabelledModel:
    """Estimator wrapper: ``to_model`` renames training labels, ``from_model`` renames predictions.

    Labels missing from a mapping keep their name. ``classes_`` are the dataset-side labels.
    """

    def __init__(
        self, model: StanceModel, to_model: Mapping[str, str], from_model: Mapping[str, str]
    ) -> None:
        self.model = model
        self.to_model = dict(to_model)
        self.from_model = dict(from_model)

    def fit(self, pairs: Sequence[StancePair], labels: Sequence[str]) -> RelabelledModel:
        self.model.fit(pairs, [self.to_model.get(label, label) for label in labels])
        model_classes = tuple(self.model.classes_)
        self.classes_ = tuple(sorted({self.from_model.get(c, c) for c in model_classes}))
        # column j of the model's output adds into column _target_[j] of ours
        self.target_ = np.array([self.classes_.index(self.from_model.get(c, c)) for c in model_classes])
        return self

    def _require_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise ModelError("RelabelledModel is not fitted: call fit(pairs, labels) first")

    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        self._require_fitted()
        inner = np.asarray(self.model.predict_proba(pairs), dtype=float)
        folded = np.zeros((inner.shape[0], len(self.classes_)))
        np.add.at(folded.T, self.target_, inner.T)
        return folded

    def predict(self, pairs: Sequence[StancePair]) -> list[str]:
        self._require_fitted()
        return [self.from_model.get(label, label) for label in self.model.predict(pairs)]

    def predict_results(self, pairs: Sequence[StancePair], *, max_rationale: int = 3) -> list[StanceResult]:
        self._require_fitted()
        results = []
        for result in self.model.predict_results(pairs, max_rationale=max_rationale):
            scores = dict.fromkeys(self.classes_, 0.0)
            for label, value in result.scores.items():
                scores[self.from_model.get(label, label)] += value
            label = self.from_model.get(result.label, result.label)
            results.append(StanceResult(label=label, scores=scores, rationale=list(result.rationale)))
        return results


__all__ = ["ANS_TO_MODEL", "MODEL_TO_ANS", "RelabelledModel"]
