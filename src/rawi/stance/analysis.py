"""Per-text analysis computed once and shared by every stance feature.

A claim and each article sentence become a :class:`TextUnit`: normalized tokens, their stems, the
content stems (stopwords dropped), the numbers, and where each cue lexicon matched. An article is
the tuple of its units plus article-level bags (stem counts, stem bigrams, character n-grams). The
analysis depends on the text only, so an article shared by many claims (FNC-1 bodies, a corpus
checked against many claims) is analyzed once (see :class:`AnalysisCache`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from rawi.lang import LexiconEntry, all_languages
from rawi.text import Lexicon, all_stopwords, stem_tokens, tokenize

# Cue lists read from every language folder (rawi/lang/<code>/<name>.txt).
CUE_LISTS: tuple[str, ...] = ("denial", "refutation", "hedge", "negation", "support")
CHAR_GRAM = 4
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class TextUnit:
    """One sentence (or the claim) in matching form."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    content_seq: tuple[str, ...]  # content stems in text order: stopwords, one-letter tokens dropped
    content: frozenset[str]
    numbers: frozenset[str]
    cues: dict[str, tuple[int, ...]]  # cue list -> token positions where a match starts

    def cue_count(self, name: str) -> int:
        return len(self.cues.get(name, ()))


@dataclass(frozen=True)
class ClaimAnalysis:
    unit: TextUnit
    bigrams: frozenset[tuple[str, str]]
    char_grams: frozenset[str]


@dataclass(frozen=True)
class ArticleAnalysis:
    units: tuple[TextUnit, ...]  # title first when given, then the sentences
    has_title: bool
    stem_counts: Counter[str]
    bigrams: frozenset[tuple[str, str]]
    char_grams: frozenset[str]
    content_length: int

    @property
    def sentence_offset(self) -> int:
        """Index of the first body sentence in ``units`` (1 when a title leads)."""
        return 1 if self.has_title else 0


@cache
def cue_lexicon() -> Lexicon:
    """One lexicon over every cue list of every language, each entry tagged with its list name.

    One pass per sentence instead of one per list and language; stems of one script never match
    another script's entries, so mixed text needs no language decision.
    """
    entries = [
        LexiconEntry(entry.phrase, (name,))
        for name in CUE_LISTS
        for lang in all_languages()
        for entry in lang.entries(name)
    ]
    return Lexicon.from_entries(entries, name="stance-cues")


def find_cues(tokens: Sequence[str], stems: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """Start positions of the cue matches in a token sequence, per cue list."""
    found: dict[str, list[int]] = {}
    for match in cue_lexicon().find(tokens, stems):
        found.setdefault(match.entry.fields[0], []).append(match.start)
    return {name: tuple(positions) for name, positions in found.items()}


_STEMS: dict[str, str] = {}
_STEM_CACHE_LIMIT = 500_000


def cached_stems(tokens: Sequence[str]) -> list[str]:
    """Stems of ``tokens``; stemming is per token, so a token seen before is looked up, not re-stemmed."""
    missing = [t for t in set(tokens) if t not in _STEMS]
    if missing:
        if len(_STEMS) > _STEM_CACHE_LIMIT:
            _STEMS.clear()
        _STEMS.update(zip(missing, stem_tokens(missing), strict=True))
    return [_STEMS[t] for t in tokens]


def analyze_unit(text: str) -> TextUnit:
    tokens = tokenize(text)
    stems = cached_stems(tokens)
    stop = all_stopwords()
    seq = tuple(s for t, s in zip(tokens, stems, strict=True) if len(t) > 1 and t not in stop)
    numbers = frozenset(t for t in tokens if _NUMBER.search(t))
    return TextUnit(tuple(tokens), tuple(stems), seq, frozenset(seq), numbers, find_cues(tokens, stems))


def stem_bigrams(units: Iterable[TextUnit]) -> frozenset[tuple[str, str]]:
    grams: set[tuple[str, str]] = set()
    for unit in units:
        grams.update(pairwise(unit.content_seq))
    return frozenset(grams)


def char_grams(units: Iterable[TextUnit], n: int = CHAR_GRAM) -> frozenset[str]:
    """Character n-grams of the normalized tokens (catches spellings the stemmer splits apart)."""
    distinct = {token for unit in units for token in unit.tokens if len(token) >= n}
    return frozenset(token[i : i + n] for token in distinct for i in range(len(token) - n + 1))


def analyze_claim(text: str) -> ClaimAnalysis:
    unit = analyze_unit(text)
    return ClaimAnalysis(unit, stem_bigrams([unit]), char_grams([unit]))


def analyze_article(sentences: Sequence[str], title: str | None = None) -> ArticleAnalysis:
    texts = ([title] if title else []) + list(sentences)
    units = tuple(analyze_unit(t) for t in texts)
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update(unit.content_seq)
    return ArticleAnalysis(
        units=units,
        has_title=bool(title),
        stem_counts=counts,
        bigrams=stem_bigrams(units),
        char_grams=char_grams(units),
        content_length=sum(counts.values()),
    )


class AnalysisCache:
    """Analyses keyed by text, so repeated claims and articles are analyzed once."""

    def __init__(self, max_articles: int = 20_000) -> None:
        self.max_articles = max_articles
        self._claims: dict[str, ClaimAnalysis] = {}
        self._articles: dict[tuple[str | None, tuple[str, ...]], ArticleAnalysis] = {}

    def claim(self, text: str) -> ClaimAnalysis:
        found = self._claims.get(text)
        if found is None:
            found = self._claims[text] = analyze_claim(text)
        return found

    def article(self, sentences: Sequence[str], title: str | None = None) -> ArticleAnalysis:
        key = (title, tuple(sentences))
        found = self._articles.get(key)
        if found is None:
            if len(self._articles) >= self.max_articles:
                self._articles.clear()  # bounded memory for long-running services
            found = self._articles[key] = analyze_article(sentences, title)
        return found
