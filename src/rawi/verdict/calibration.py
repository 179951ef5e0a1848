"""The verdict's confidence: a probability that the printed label is right.

For *supported* and *refuted* it is a logistic function of the evidence on each side (origins and
how strongly each holds its stance), fitted on the Baly 2018 claims end to end (``rawi eval verdict
--fit`` checks every claim with models that never saw its fold and fits on those verdicts). Baly's
gold is true/false only, so *disputed* and *unverified* keep a fixed confidence from the stories set
(the share of those verdicts that were right there), recorded in the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rawi.verdict.decide import OriginWeight

FILE = "calibration.json"
FEATURES = ("bias", "log_for", "log_against", "strength_for", "strength_against", "refutes")


def side_features(label: str, weighed: Sequence[OriginWeight]) -> list[float]:
    """Features of the evidence from the point of view of ``label``'s side."""
    mine, other = ("agree", "disagree") if label == "supported" else ("disagree", "agree")
    own = [o for o in weighed if o.stance == mine]
    opposed = [o for o in weighed if o.stance == other]
    return [
        1.0,
        math.log1p(len(own)),
        math.log1p(len(opposed)),
        sum(o.strength for o in own) / max(len(own), 1),
        sum(o.strength for o in opposed) / max(len(opposed), 1),
        float(any(o.refutes for o in own)),
    ]


@dataclass
class Calibration:
    """Coefficients per side label and fixed confidences for the others."""

    coef: dict[str, list[float]] = field(default_factory=dict)
    fixed: dict[str, float] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    def confidence(self, label: str, weighed: Sequence[OriginWeight]) -> float:
        if label in self.coef:
            z = sum(w * x for w, x in zip(self.coef[label], side_features(label, weighed), strict=True))
            return 1 / (1 + math.exp(-z))
        return self.fixed.get(label, 0.5)

    def to_json(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "coef": self.coef, "fixed": self.fixed, "metadata": self.metadata}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        return cls(data.get("coef", {}), data.get("fixed", {}), data.get("metadata", {}))


# Before any fit: a side held by more, stronger origins is surer; a contested one less so.
DEFAULT = Calibration(
    coef={
        "supported": [-0.5, 1.0, -1.0, 1.0, -1.0, 0.0],
        "refuted": [-0.5, 1.0, -1.0, 1.0, -1.0, 0.5],
    },
    fixed={"disputed": 0.6, "unverified": 0.6},
)


@cache
def load_calibration() -> Calibration:
    """The shipped calibration (``rawi/verdict/data/calibration.json``), or the default before a fit."""
    resource = resources.files("rawi.verdict") / "data" / FILE
    if not resource.is_file():
        return DEFAULT
    return Calibration.from_json(json.loads(resource.read_text(encoding="utf-8")))


def fit_side(
    rows: Sequence[tuple[str, Sequence[OriginWeight], bool]], C: float = 1.0
) -> dict[str, list[float]]:
    """Logistic coefficients per side label from (label, origins, was it right) rows."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    coef: dict[str, list[float]] = {}
    for label in ("supported", "refuted"):
        mine = [(side_features(lab, w), right) for lab, w, right in rows if lab == label]
        ys = {right for _, right in mine}
        if len(mine) < 10 or len(ys) < 2:
            continue
        X = np.array([f[1:] for f, _ in mine])
        y = np.array([int(r) for _, r in mine])
        model = LogisticRegression(C=C).fit(X, y)
        coef[label] = [float(model.intercept_[0]), *map(float, model.coef_[0])]
    return coef
