"""The stance interface: a claim and an article in, a label, calibrated scores and rationale out.

Models follow the scikit-learn estimator contract: ``__init__`` stores parameters, ``fit(pairs,
labels)`` returns ``self`` and sets attributes ending in ``_``, ``predict_proba(pairs)`` returns an
array whose columns line up with ``classes_``. The saved form is plain data (JSON / LightGBM text /
numpy arrays), never a pickle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from rawi.records import STANCE_LABELS


@dataclass(frozen=True)
class StancePair:
    """A claim and one article, the article given as its sentences (original text, in order).

    For the Baly 2018 corpus the "sentences" are the article's lines, which is what its rationale
    indices count.
    """

    claim: str
    sentences: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True)
class RationaleSentence:
    sentence_index: int
    text: str
    score: float  # how much the decision rests on this sentence, in [0, 1]


@dataclass
class StanceResult:
    label: str
    scores: dict[str, float]  # one per label in STANCE_LABELS, summing to 1
    rationale: list[RationaleSentence] = field(default_factory=list)
    ruling: bool = False  # a published fact-check's ruling on the claim gave this stance
    # the article reads as a denial that no sentence close to the claim carries (StanceStage's
    # gate set it aside): not a denial of the claim, but no ground to call the claim settled either
    doubted: bool = False


@runtime_checkable
class StanceModel(Protocol):
    classes_: tuple[str, ...]

    def fit(self, pairs: Sequence[StancePair], labels: Sequence[str]) -> StanceModel: ...

    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray: ...

    def predict(self, pairs: Sequence[StancePair]) -> list[str]: ...

    def predict_results(self, pairs: Sequence[StancePair], *, max_rationale: int = 3) -> list[StanceResult]:
        """Label, scores and the rationale sentences the decision rests on, for each pair."""
        ...


__all__ = ["STANCE_LABELS", "RationaleSentence", "StanceModel", "StancePair", "StanceResult"]
