"""Phrase lexicons matched on stems, so one entry covers a word's inflections and spellings.

A lexicon is compiled from a language list file (see :mod:`rawi.lang.base`): each phrase is
normalized, tokenized and stemmed, and matched against the stems of a sentence. An entry ending in
``*`` matches any token whose *normalized* form starts with the entry's form (for prefixes that
the stemmer does not strip, e.g. ``مفبرك*``), also after the article or a conjunction (المفبركة,
ومفبركة). A token that keeps a fused conjunction in its stem (وأكد stems to واكد, since after
normalization it reads like واحد) also matches as the word without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain

from rawi.lang import all_languages
from rawi.lang.base import LexiconEntry
from rawi.text.tokenize import conjunction_stem, stem_tokens, strip_clitics, tokenize

_READINGS_LIMIT = 200_000


@cache
def _conjunctions() -> frozenset[str]:
    return frozenset(c for lang in all_languages() for c in lang.conjunctions)


@dataclass(frozen=True)
class LexiconMatch:
    start: int  # token index of the first token matched
    end: int  # token index after the last token matched
    entry: LexiconEntry


@dataclass(frozen=True)
class _Pattern:
    items: tuple[tuple[str, bool], ...]  # (stem or prefix, is_prefix)
    entry: LexiconEntry


class Lexicon:
    """Compiled phrase list. Build it with :meth:`from_entries`; match with :meth:`find`."""

    def __init__(self, patterns: list[_Pattern], name: str = "") -> None:
        self.name = name
        self._by_first: dict[str, list[_Pattern]] = {}
        self._prefixed: list[_Pattern] = []
        for p in patterns:
            first, is_prefix = p.items[0]
            if is_prefix:
                self._prefixed.append(p)
            else:
                self._by_first.setdefault(first, []).append(p)
        for plist in self._by_first.values():
            plist.sort(key=lambda p: -len(p.items))  # longest phrase first
        # First prefixes of the prefix patterns, so find() tests a token against all of them in one
        # C-level startswith call and skips the tokens no pattern can start at.
        self._prefix_heads: tuple[str, ...] = tuple(p.items[0][0] for p in self._prefixed)
        self._heads_re = re.compile(
            "|".join(map(re.escape, sorted(set(self._prefix_heads), key=len, reverse=True))) or "(?!)"
        )
        self.size = len(patterns)
        self._readings: dict[str, tuple[str, tuple[str, str | None, bool]]] = {}

    @classmethod
    def from_entries(cls, entries: Sequence[LexiconEntry], name: str = "") -> Lexicon:
        patterns = []
        for entry in entries:
            items: list[tuple[str, bool]] = []
            for word in entry.phrase.split():
                if word.endswith("*"):
                    items.extend((t, True) for t in tokenize(word[:-1]))
                else:
                    items.extend((s, False) for s in stem_tokens(tokenize(word)))
            if items:
                patterns.append(_Pattern(tuple(items), entry))
        return cls(patterns, name)

    def __len__(self) -> int:
        return self.size

    def find(
        self, tokens: Sequence[str], stems: Sequence[str] | None = None, starts: Sequence[int] | None = None
    ) -> list[LexiconMatch]:
        """Non-overlapping matches, leftmost-longest, over parallel token and stem lists.

        ``tokens`` are normalized tokens; ``stems`` their stems (computed when not given). ``starts``,
        when given, are the positions where :meth:`may_start` holds, ascending (a caller that keeps
        them per word saves the scan); otherwise they are found here.
        """
        if stems is None:
            stems = stem_tokens(list(tokens))
        if starts is None:
            starts = [i for i, (t, s) in enumerate(zip(tokens, stems, strict=True)) if self._reading(t, s)[2]]
        matches: list[LexiconMatch] = []
        free = 0  # matches do not overlap: a phrase may start only after the last match ended
        heads = self._prefix_heads
        for i in starts:
            if i < free:
                continue
            bare, alt, _ = self._reading(tokens[i], stems[i])
            exact = self._by_first.get(stems[i], ())
            if not exact and alt is not None:
                exact = self._by_first.get(alt, ())
            has_head = heads and (tokens[i].startswith(heads) or bare.startswith(heads))
            prefixed = self._prefixed if has_head else ()
            best: _Pattern | None = None
            for p in chain(exact, prefixed):
                if (best is None or len(p.items) > len(best.items)) and self._matches_at(p, tokens, stems, i):
                    best = p
            if best:
                matches.append(LexiconMatch(i, i + len(best.items), best.entry))
                free = i + len(best.items)
        return matches

    def may_start(self, token: str, stem: str) -> bool:
        """Whether a phrase of this lexicon can start at ``token`` (with stem ``stem``): a token for
        which this is False never begins a match, so text without such a token has none."""
        return self._reading(token, stem)[2]

    def _reading(self, token: str, stem: str) -> tuple[str, str | None, bool]:
        """``(bare, alt, may_start)`` for a token: the token without its article/conjunction (for
        prefix items), its stem without a conjunction the stemmer kept (وأكد -> اكد), and whether
        any phrase can start at it. Memoized per token (news vocabulary repeats)."""
        found = self._readings.get(token)
        if found is not None and found[0] == stem:
            return found[1]
        heads = self._prefix_heads
        # A prefix item can only match where one of its heads occurs in the token at all: one C-level
        # regex search spares the clitic stripping for nearly every token.
        bare = strip_clitics(token) if heads and self._heads_re.search(token) else token
        alt = None
        if self._by_first and stem[:1] in _conjunctions() and len(token) > 3:
            alt = conjunction_stem(token)
        may_start = (
            stem in self._by_first
            or (alt is not None and alt in self._by_first)
            or bool(heads and (token.startswith(heads) or bare.startswith(heads)))
        )
        if len(self._readings) >= _READINGS_LIMIT:
            self._readings.clear()  # bounded memory in long-running services
        reading = (bare, alt, may_start)
        self._readings[token] = (stem, reading)
        return reading

    def _matches_at(self, p: _Pattern, tokens: Sequence[str], stems: Sequence[str], i: int) -> bool:
        if i + len(p.items) > len(tokens):
            return False
        for k, (form, is_prefix) in enumerate(p.items):
            j = i + k
            if is_prefix:
                if not (tokens[j].startswith(form) or self._reading(tokens[j], stems[j])[0].startswith(form)):
                    return False
            elif stems[j] != form and self._reading(tokens[j], stems[j])[1] != form:
                return False
        return True

    def contains(self, text: str) -> bool:
        toks = tokenize(text)
        return bool(self.find(toks))
