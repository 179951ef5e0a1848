"""Per-text analysis computed once and shared by every stance feature.

A claim and each article sentence become a :class:`TextUnit`: normalized tokens, their stems, the
content stems (stopwords dropped), the numbers, and where each cue lexicon matched. An article is
the tuple of its units plus article-level bags (stem counts, stem bigrams, character n-grams). The
analysis depends on the text only, so an article shared by many claims (FNC-1 bodies, a corpus
checked against many claims) is analyzed once (see :class:`AnalysisCache`).

What is remembered lives in an :class:`AnalysisCache`, one per owner (a workbench, a training run),
never in this module: two workbenches on two corpora keep apart, and a server's threads share theirs
safely. The module functions analyze without remembering unless given one.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise
from typing import TypeVar

from rawi.lang import LexiconEntry, all_languages
from rawi.text import Lexicon, all_stopwords, normalize, stem_tokens, tokenize_normalized
from rawi.text.chunks import ChunkMemo, folded_chunks

# Cue lists read from every language folder (rawi/lang/<code>/<name>.txt).
CUE_LISTS: tuple[str, ...] = ("denial", "refutation", "hedge", "negation", "support")
CHAR_GRAM = 4
_NUMBER = re.compile(r"\d")
V = TypeVar("V")


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

    def cue_count_beside(self, name: str, claim: TextUnit) -> int:
        """Matches of cue list ``name`` that are not the claim's own words: a claim about "رسائل
        نصية مزيفة" (fake text messages) names the fake messages, and an article that reports them
        says "مزيفة" too without calling the claim false. A match is the claim's own when the claim
        holds a match of the same list that starts with the same stem."""
        own = {claim.stems[p] for p in claim.cues.get(name, ())}
        positions = self.cues.get(name, ())
        return sum(1 for p in positions if self.stems[p] not in own) if own else len(positions)


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


@cache
def _negation_words() -> frozenset[str]:
    """The one-word entries of every negation list, in matching form ("لم", "لا", "not", "never")."""
    return frozenset(
        normalize(e.phrase)
        for lang in all_languages()
        for e in lang.entries("negation")
        if " " not in e.phrase
    )


# A denial word with a negation this few words before it reports that no denial was made: "الوزارة
# لم تنفِ ما تم تداوله", "neither confirmed nor denied", "has not denied". Three words reach "لم
# تصدر نفياً" and "did not deny"; four would take "لم تمض ساعات حتى نفت" (hours later it denied).
NEGATED_DENIAL_REACH = 3


def find_cues(
    tokens: Sequence[str], stems: Sequence[str], starts: Sequence[int] | None = None
) -> dict[str, tuple[int, ...]]:
    """Start positions of the cue matches in a token sequence, per cue list (``starts``: where a cue
    may begin, when the caller knows; see :meth:`Lexicon.find`). A denial or refutation word that a
    negation governs (NEGATED_DENIAL_REACH) is no denial cue."""
    found: dict[str, list[int]] = {}
    negations = _negation_words()
    for match in cue_lexicon().find(tokens, stems, starts):
        name = match.entry.fields[0]
        if name in ("denial", "refutation") and any(
            t in negations for t in tokens[max(0, match.start - NEGATED_DENIAL_REACH) : match.start]
        ):
            continue
        found.setdefault(name, []).append(match.start)
    return {name: tuple(positions) for name, positions in found.items()}


# A whitespace-separated chunk of folded text always yields the same tokens, stems, content stems,
# numbers and cue candidates (no token spans whitespace), so each chunk is analyzed once and
# remembered: on news text most of an article costs one dictionary lookup per word.
_Chunk = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...]]
_CHUNK_CACHE_LIMIT = 300_000


def _learn_chunks(chunks: set[str]) -> dict[str, _Chunk]:
    tokens_of = {chunk: tuple(tokenize_normalized(chunk)) for chunk in chunks}
    distinct = list({t for tokens in tokens_of.values() for t in tokens})
    stem_of = dict(zip(distinct, stem_tokens(distinct), strict=True))
    stop = all_stopwords()
    lexicon = cue_lexicon()
    learned: dict[str, _Chunk] = {}
    for chunk, tokens in tokens_of.items():
        stems = tuple(stem_of[t] for t in tokens)
        pairs = list(zip(tokens, stems, strict=True))
        learned[chunk] = (
            tokens,
            stems,
            tuple(s for t, s in pairs if len(t) > 1 and t not in stop),
            tuple(t for t in tokens if _NUMBER.search(t)),
            tuple(k for k, (t, s) in enumerate(pairs) if lexicon.may_start(t, s)),  # where cues may start
        )
    return learned


def analyze_units(texts: Sequence[str], cache: AnalysisCache | None = None) -> list[TextUnit]:
    """Each text (a sentence, a title or a claim) as a :class:`TextUnit`, analyzed together.

    The same as analyzing each text alone (``normalize``, ``tokenize``, stems, cues), only faster:
    the texts are folded in one pass (joined by newlines) and their chunks looked up in ``cache``
    (analyzed on the spot, and forgotten, without one).
    """
    chunked = folded_chunks(texts)
    known = cache.chunks.lookup(chunked) if cache is not None else _learn_chunks(set(chain(*chunked)))
    units = []
    for chunks in chunked:
        parts = [known[c] for c in chunks]
        tokens = tuple(chain.from_iterable([part[0] for part in parts]))
        stems = tuple(chain.from_iterable([part[1] for part in parts]))
        seq = tuple(chain.from_iterable([part[2] for part in parts]))
        numbers = frozenset(chain.from_iterable([part[3] for part in parts]))
        starts: list[int] = []
        offset = 0
        for part in parts:
            if part[4]:
                starts += [offset + k for k in part[4]]
            offset += len(part[0])
        cues = find_cues(tokens, stems, starts) if starts else {}
        units.append(TextUnit(tokens, stems, seq, frozenset(seq), numbers, cues))
    return units


def analyze_unit(text: str, cache: AnalysisCache | None = None) -> TextUnit:
    return analyze_units([text], cache)[0]


def stem_bigrams(units: Iterable[TextUnit]) -> frozenset[tuple[str, str]]:
    grams: set[tuple[str, str]] = set()
    for unit in units:
        grams.update(pairwise(unit.content_seq))
    return frozenset(grams)


def _token_grams(tokens: set[str]) -> dict[str, tuple[str, ...]]:
    return {t: tuple(t[i : i + CHAR_GRAM] for i in range(len(t) - CHAR_GRAM + 1)) for t in tokens}


def char_grams(
    units: Iterable[TextUnit], n: int = CHAR_GRAM, cache: AnalysisCache | None = None
) -> frozenset[str]:
    """Character n-grams of the normalized tokens (catches spellings the stemmer splits apart)."""
    distinct = set(chain.from_iterable([unit.tokens for unit in units]))
    if n != CHAR_GRAM:
        return frozenset(t[i : i + n] for t in distinct for i in range(len(t) - n + 1))
    grams = cache.grams.lookup([list(distinct)]) if cache is not None else _token_grams(distinct)
    return frozenset(chain.from_iterable([grams[t] for t in distinct]))


def analyze_claim(text: str, cache: AnalysisCache | None = None) -> ClaimAnalysis:
    unit = analyze_unit(text, cache)
    return ClaimAnalysis(unit, stem_bigrams([unit]), char_grams([unit], cache=cache))


def analyze_article(
    sentences: Sequence[str], title: str | None = None, cache: AnalysisCache | None = None
) -> ArticleAnalysis:
    texts = ([title] if title else []) + list(sentences)
    units = tuple(analyze_units(texts, cache))
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update(unit.content_seq)
    return ArticleAnalysis(
        units=units,
        has_title=bool(title),
        stem_counts=counts,
        bigrams=stem_bigrams(units),
        char_grams=char_grams(units, cache=cache),
        content_length=sum(counts.values()),
    )


class AnalysisCache:
    """Analyses remembered by text, so repeated words, claims and articles are analyzed once.

    Per word chunk (tokens, stems, cue candidates) and per token (character n-grams), then per
    claim and per article. Bounded (each part starts again when full) and safe to share between
    threads: chunk memos replace their dict rather than empty it (:class:`ChunkMemo`), and the
    claim and article tables are filled and emptied under a lock. A workbench owns one; a
    training run makes its own.
    """

    def __init__(self, max_articles: int = 20_000, max_chunks: int = _CHUNK_CACHE_LIMIT) -> None:
        self.max_articles = max_articles
        self.chunks: ChunkMemo[_Chunk] = ChunkMemo(_learn_chunks, max_chunks)
        # token -> its character n-grams (none when too short)
        self.grams: ChunkMemo[tuple[str, ...]] = ChunkMemo(_token_grams, max_chunks)
        self._claims: dict[str, ClaimAnalysis] = {}
        self._articles: dict[tuple[str | None, tuple[str, ...]], ArticleAnalysis] = {}
        self._lock = threading.Lock()

    def units(self, texts: Sequence[str]) -> list[TextUnit]:
        """:func:`analyze_units` through this cache's chunk memo."""
        return analyze_units(texts, self)

    def claim(self, text: str) -> ClaimAnalysis:
        found = self._claims.get(text)
        if found is None:
            found = self._keep(self._claims, text, analyze_claim(text, self))
        return found

    def article(self, sentences: Sequence[str], title: str | None = None) -> ArticleAnalysis:
        key = (title, tuple(sentences))
        found = self._articles.get(key)
        if found is None:
            found = self._keep(self._articles, key, analyze_article(sentences, title, self))
        return found

    def _keep(self, table: dict, key: object, value: V) -> V:
        """Remember ``value`` (bounded memory for long-running services: a full table starts again);
        a value another thread stored first is the one returned, so callers share one object."""
        with self._lock:
            if key not in table and len(table) >= self.max_articles:
                table.clear()
            return table.setdefault(key, value)
