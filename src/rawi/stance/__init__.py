"""Stance detection: does an article agree with, disagree with, discuss, or ignore a claim?

The public model is :class:`StanceClassifier` (feature-based, LightGBM, calibrated scores and
rationale sentences); :func:`load_default` returns the model shipped in ``rawi/stance/data/``.
"""

from rawi.stance.base import STANCE_LABELS, RationaleSentence, StanceModel, StancePair, StanceResult
from rawi.stance.model import StanceClassifier
from rawi.stance.persist import FORMAT_VERSION, load_default, load_model, save_model

__all__ = [
    "FORMAT_VERSION",
    "STANCE_LABELS",
    "RationaleSentence",
    "StanceClassifier",
    "StanceModel",
    "StancePair",
    "StanceResult",
    "load_default",
    "load_model",
    "save_model",
]
