"""Phrase lexicons matched on stems, so one entry covers a word's inflections and spellings.

A lexicon is compiled from a language list file (see :mod:`rawi.lang.base`): each phrase is
normalized, tokenized and stemmed, and matched against the stems of a sentence. An entry ending in
``*`` matches any token whose *normalized* form starts with the entry's form (for prefixes that
the stemmer does not strip, e.g. ``مفبرك*``), also after the article or a conjunction (المفبركة,
ومفبركة). A token that keeps a fused conjunction in its stem (وأكد stems to واكد, since after
normalization it reads like واحد) also matches as the word without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain

from rawi.lang import all_languages
from rawi.lang.base import LexiconEntry
from rawi.text.tokenize import conjunction_stem, stem_tokens, strip_clitics, tokenize


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
        self.size = len(patterns)

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

    def find(self, tokens: Sequence[str], stems: Sequence[str] | None = None) -> list[LexiconMatch]:
        """Non-overlapping matches, leftmost-longest, over parallel token and stem lists.

        ``tokens`` are normalized tokens; ``stems`` their stems (computed when not given).
        """
        if stems is None:
            stems = stem_tokens(list(tokens))
        matches: list[LexiconMatch] = []
        i, n = 0, len(tokens)
        by_first, heads = self._by_first, self._prefix_heads
        # Second readings: the token without its article/conjunction (for prefix items) and the stem
        # without a conjunction the stemmer kept (وأكد -> اكد). Computed once per token, on demand.
        bare = [strip_clitics(t) for t in tokens] if heads else list(tokens)
        conj = _conjunctions()
        alt = [
            conjunction_stem(t) if self._by_first and s[:1] in conj and len(t) > 3 else None
            for t, s in zip(tokens, stems, strict=True)
        ]
        while i < n:
            exact = by_first.get(stems[i], ())
            if not exact and alt[i] is not None:
                exact = by_first.get(alt[i], ())
            prefixed = (
                self._prefixed if heads and (tokens[i].startswith(heads) or bare[i].startswith(heads)) else ()
            )
            if not exact and not prefixed:
                i += 1
                continue
            best: _Pattern | None = None
            for p in chain(exact, prefixed):
                if (best is None or len(p.items) > len(best.items)) and self._matches_at(
                    p, tokens, stems, i, bare, alt
                ):
                    best = p
            if best:
                matches.append(LexiconMatch(i, i + len(best.items), best.entry))
                i += len(best.items)
            else:
                i += 1
        return matches

    @staticmethod
    def _matches_at(
        p: _Pattern,
        tokens: Sequence[str],
        stems: Sequence[str],
        i: int,
        bare: Sequence[str],
        alt: Sequence[str | None],
    ) -> bool:
        if i + len(p.items) > len(tokens):
            return False
        for k, (form, is_prefix) in enumerate(p.items):
            j = i + k
            if is_prefix:
                if not (tokens[j].startswith(form) or bare[j].startswith(form)):
                    return False
            elif stems[j] != form and alt[j] != form:
                return False
        return True

    def contains(self, text: str) -> bool:
        toks = tokenize(text)
        return bool(self.find(toks))
