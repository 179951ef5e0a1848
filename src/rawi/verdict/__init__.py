"""Verdict stage: independent origins on each side, PRODUCT.md's rules, a calibrated confidence and
an explanation in the claim's language (see :mod:`rawi.verdict.decide`)."""

from rawi.verdict.calibration import Calibration, load_calibration
from rawi.verdict.decide import (
    ArticleGroup,
    EvidenceStance,
    OriginGroup,
    OriginWeight,
    PartyDenial,
    Verdict,
    counts,
    decide,
    log_odds,
    rule,
    weigh_origins,
)
from rawi.verdict.explain import explain

__all__ = [
    "ArticleGroup",
    "Calibration",
    "EvidenceStance",
    "OriginGroup",
    "OriginWeight",
    "PartyDenial",
    "Verdict",
    "counts",
    "decide",
    "explain",
    "load_calibration",
    "log_odds",
    "rule",
    "weigh_origins",
]
