"""Is a denying article a published fact-check? (a verdict rule weighs one more than other denials)

PRODUCT.md: a claim is *refuted* when a party with first-hand knowledge, an official record or a
published fact-check establishes the opposite, but *disputed* when a named party only denies what
others assert. The words of a strong denial ("baseless", "fabricated") are no sign of a fact-check;
a platform naming itself or a rating line is. The marks live in ``rawi/lang/<code>/fact_check.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rawi.lang import all_languages
from rawi.text import normalize

LEAD = 3  # sentences after the title where a platform names itself or gives its rating


@cache
def _marks() -> tuple[str, ...]:
    return tuple(normalize(e.phrase) for lang in all_languages() for e in lang.entries("fact_check"))


def is_fact_check(title: str | None, sentences: Sequence[str], outlet: str | None = None) -> bool:
    """Whether the outlet's name, the title or the first sentences carry a fact-check's marks."""
    head = normalize(" ".join([outlet or "", title or "", *sentences[:LEAD]]))
    return any(mark in head for mark in _marks())
