"""How the claim's frame (:mod:`rawi.stance.polarity`) turns scores toward its core (the event, read
by the models) into scores toward the claim as written, and which reading of the core a claim-level
label rests on (the rationale quotes that reading)."""

from __future__ import annotations

import numpy as np

from rawi.records import MIRRORED_STANCE, STANCE_LABELS
from rawi.stance.polarity import DENIAL, NEGATED


def normalized(row: np.ndarray) -> np.ndarray:
    """``row`` as probabilities (clipped away from zero, summing to one)."""
    row = np.clip(row, 1e-6, None)
    return row / row.sum()


def quoted(scores: np.ndarray) -> np.ndarray:
    """``scores`` with the reading "agree" moved to "discuss"."""
    agree, discuss = STANCE_LABELS.index("agree"), STANCE_LABELS.index("discuss")
    out = scores.copy()
    out[discuss] += out[agree]
    out[agree] = 0.0
    return out


def core_reading(kind: str, label: str) -> str:
    """The reading of the claim's core that a claim-level ``label`` rests on, which the rationale
    quotes: for a negated claim its mirror (an article that disagrees with "the driver did not exceed
    his hours" is one that says he did, not the company's denial it also carries); for a claim that a
    denial happened, the article agrees by carrying the denial."""
    if kind == NEGATED:
        return MIRRORED_STANCE.get(label, label)
    if kind == DENIAL and label == "agree":
        return "disagree"
    return label


def claim_scores(kind: str, core: np.ndarray, denial_reported: float | None) -> np.ndarray:
    """Scores toward the claim of the frame ``kind`` from scores toward its ``core``: mirrored for a
    negated claim; for a claim that a denial happened, agreeing as far as the article reports the
    denial (``denial_reported``, rawi.stance.denials.reports_of_denial)."""
    if kind == NEGATED:
        return core[[STANCE_LABELS.index(MIRRORED_STANCE[k]) for k in STANCE_LABELS]]
    if kind == DENIAL and denial_reported is not None:
        unrelated = core[STANCE_LABELS.index("unrelated")]
        related = 1.0 - unrelated
        scores = {
            "agree": related * (0.9 * denial_reported + 0.05),
            "disagree": related * 0.02,
            "discuss": related * (0.93 - 0.9 * denial_reported),
            "unrelated": unrelated,
        }
        return normalized(np.array([scores[k] for k in STANCE_LABELS]))
    if kind == DENIAL:
        # No sentence-level reading (lexical-only): an article that denies the event reports a
        # denial; one that asserts it does not, so it only discusses the claim that it was denied.
        agree, disagree, discuss = (STANCE_LABELS.index(k) for k in ("agree", "disagree", "discuss"))
        out = core.copy()
        out[agree], out[disagree], out[discuss] = core[disagree], 0.0, core[discuss] + core[agree]
        return normalized(out)
    return core
