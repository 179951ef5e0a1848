"""The claim's own polarity: stance is always relative to the claim as written.

- a *positive* claim ("helicopters landed in X") is judged as it is;
- a *negated* claim ("no helicopters landed in X", "لم تهبط مروحيات") is judged through its
  positive core, with agree and disagree swapped: an article asserting the landing disagrees;
- a *denial* claim ("the coalition denied that helicopters landed", "نفى التحالف ...") is about the
  denial: an article reporting that denial agrees, one reporting only the event discusses it.

The words come from the language folders: ``denial.txt`` (the stance cue lexicon), and
``claim_negation.txt`` with ``claim_negation_exceptions.txt`` (phrases such as "no less than" that
hold a negation word but negate nothing), so no language's words appear here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rawi.lang import all_languages
from rawi.stance.analysis import AnalysisCache, analyze_units
from rawi.text import normalize

POSITIVE, NEGATED, DENIAL = "positive", "negated", "denial"
# A negation this many words or more into a claim is inside a clause ("... and no one was hurt"),
# not the claim's own polarity.
MAX_NEGATION_POSITION = 5


@dataclass(frozen=True)
class ClaimFrame:
    kind: str  # positive | negated | denial
    core: str  # the claim without its negation or denial words (the event it is about)


@cache
def _negations() -> frozenset[str]:
    return frozenset(normalize(e.phrase) for lang in all_languages() for e in lang.entries("claim_negation"))


@cache
def _exceptions() -> tuple[tuple[str, ...], ...]:
    phrases = {
        tuple(normalize(e.phrase).split())
        for lang in all_languages()
        for e in lang.entries("claim_negation_exceptions")
    }
    return tuple(sorted(phrases, key=len, reverse=True))


def _masked(words: Sequence[str]) -> list[bool]:
    """Which words belong to an exception phrase (so their negation word negates nothing)."""
    return _masked_folded([normalize(w) for w in words])


def _masked_folded(folded: Sequence[str]) -> list[bool]:
    mask = [False] * len(folded)
    for phrase in _exceptions():
        n = len(phrase)
        for i in range(len(folded) - n + 1):
            if tuple(folded[i : i + n]) == phrase:
                mask[i : i + n] = [True] * n
    return mask


def negation_words(words: Sequence[str], *, folded: bool = False) -> list[bool]:
    """Which of ``words`` are negation words that negate something (not inside an exception phrase
    such as "no less than"); ``folded``: the words are in matching form already (a TextUnit's
    tokens). This runs on every candidate sentence of a check: a text with no negation word is
    not scanned for exception phrases."""
    forms = list(words) if folded else [normalize(w) for w in words]
    negations = _negations()
    found = [w in negations for w in forms]
    if not any(found):
        return found
    return [f and not m for f, m in zip(found, _masked_folded(forms), strict=True)]


def claim_frame(claim: str, cache: AnalysisCache | None = None) -> ClaimFrame:
    """Whether ``claim`` asserts an event, negates it, or reports a denial of it (its words analyzed
    through ``cache`` when given)."""
    words = claim.split()
    masked = _masked(words)
    units = analyze_units(words, cache)  # each word alone: a denial cue is one of the claim's words
    denial = [not m and bool(u.cues.get("denial")) for u, m in zip(units, masked, strict=True)]
    negation = [negates and i < MAX_NEGATION_POSITION for i, negates in enumerate(negation_words(words))]
    if any(denial):
        kind, drop = DENIAL, denial
    elif any(negation):
        kind, drop = NEGATED, negation
    else:
        return ClaimFrame(POSITIVE, claim)
    core = " ".join(w for w, d in zip(words, drop, strict=True) if not d)
    return ClaimFrame(kind, core or claim)
