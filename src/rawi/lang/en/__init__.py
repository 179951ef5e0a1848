"""English (en): stopwords, months, abbreviations and the cue lists read by every stage."""

from __future__ import annotations

from pathlib import Path

from rawi.lang.base import Language

# Abbreviations whose final period does not end a sentence (lowercase, without the period).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj capt sgt st jr sr inc ltd co corp dept gov sen rep pres vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)

LANGUAGE = Language(
    code="en",
    name="English",
    stemmer="english",
    script="A-Za-z\u00c0-\u024f",
    data_dir=Path(__file__).parent,
    sentence_enders=".!?",
    abbreviations=ABBREVIATIONS,
    capitalized_names=True,
)
