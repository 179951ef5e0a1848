"""The claim of one check, analysed once into one object that every stage reads.

spaCy's one-document idea: the claim is cleaned, normalised, tokenised, stemmed, its language
detected, its polarity read (:mod:`rawi.stance.polarity`), its stance analysis made and its vectors
computed here, once per check. Retrieval, stance, provenance and the verdict read the fields of
:class:`AnalyzedClaim` and never analyse the claim's text again (``tests/test_claim_once.py``
counts the calls).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rawi.ingest.readers import clean_field
from rawi.retrieve import query_terms
from rawi.stance.analysis import AnalysisCache, ClaimAnalysis, TextUnit
from rawi.stance.polarity import POSITIVE, ClaimFrame, claim_frame
from rawi.text import detect_language, normalize, tokenize_normalized

Vectors = Callable[[Sequence[str]], np.ndarray]  # texts -> unit vectors (the semantic index)


@dataclass(frozen=True, eq=False)
class AnalyzedClaim:
    """A check's claim in every form a stage reads.

    Attributes
    ----------
    text : the claim as checked (cleaned of lone surrogates and control characters, stripped).
    normalized : its matching form (:func:`rawi.text.normalize`).
    language : the language detected from its script (None: no letters of a known script).
    tokens : its normalized tokens (provenance matches party names and passages against them).
    terms : its distinct analysed terms, in order (what retrieval searches).
    frame : whether it asserts, negates or reports a denial of its event, and that event (the core).
    core_language : the language detected in the core (the claim's, but for a rare mixed text).
    unit : the claim's stance analysis (tokens, stems, cues).
    core : the core's stance analysis, as the lexical stance model reads it.
    vector, core_vector : the claim's and the core's sentence vectors (None without an encoder).
    """

    text: str
    normalized: str
    language: str | None
    tokens: tuple[str, ...]
    terms: tuple[str, ...]
    frame: ClaimFrame
    core_language: str | None
    unit: TextUnit
    core: ClaimAnalysis
    vector: np.ndarray | None = None
    core_vector: np.ndarray | None = None

    @property
    def core_text(self) -> str:
        return self.frame.core

    @property
    def asserts_event(self) -> bool:
        """Whether the claim asserts its event (neither negates it nor reports a denial of it)."""
        return self.frame.kind == POSITIVE


def read_claim(raw: str, cache: AnalysisCache | None = None, vectors: Vectors | None = None) -> AnalyzedClaim:
    """Analyse a claim once for a whole check; raises :class:`rawi.errors.ClaimError` (before any
    other work) when it is empty or has no searchable words.

    Parameters
    ----------
    raw : the claim as given.
    cache : the workbench's analyses (the core's analysis is kept there for the lexical model).
    vectors : the semantic index's ``vectors``, or None (lexical-only: no vectors).
    """
    # a lone surrogate (from a JSON "\ud800" or undecodable argv bytes) as U+FFFD: the encoder and
    # every output encode the claim as UTF-8, which cannot hold one
    text = clean_field(raw).strip() if raw else ""
    normalized = normalize(text)
    tokens = tuple(tokenize_normalized(normalized))
    terms = tuple(query_terms(text, tokens))  # fails early, with a clear error, on an empty claim
    cache = cache if cache is not None else AnalysisCache()
    frame = claim_frame(text, cache)
    core = cache.claim(frame.core)
    unit = core.unit if frame.core == text else cache.units([text])[0]
    language = detect_language(text).code
    core_language = language if frame.core == text else detect_language(frame.core).code
    vector = core_vector = None
    if vectors is not None:
        vector = vectors([text])[0]
        core_vector = vector if frame.core == text else vectors([frame.core])[0]
    return AnalyzedClaim(
        text=text,
        normalized=normalized,
        language=language,
        tokens=tokens,
        terms=terms,
        frame=frame,
        core_language=core_language,
        unit=unit,
        core=core,
        vector=vector,
        core_vector=core_vector,
    )


__all__ = ["AnalyzedClaim", "read_claim"]
