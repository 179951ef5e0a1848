"""Sentence segmentation on the original text, keeping character offsets for display.

Boundaries: a line break (news bodies put one paragraph per line, and scraped text often has no
punctuation at all), or a sentence-ending mark of any known language (. ! ? ؟ ۔ …), possibly followed
by closing quotes or brackets, then whitespace. Not a boundary: a period after a known abbreviation
or after a single letter (initials such as "أ." or "U."), or inside a number (3.5, 07.09.2017).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rawi.lang import all_languages
from rawi.records import Sentence

_CLOSERS = "\"'»”’)]}›"


@cache
def _boundary_re() -> re.Pattern[str]:
    enders = "".join(sorted({ch for lang in all_languages() for ch in lang.sentence_enders} | {"…"}))
    # No lookahead for the whitespace after the mark: with one, a long run of marks not followed by
    # whitespace was rescanned from each of its characters (quadratic: 32k "!" took 19 s). The run is
    # matched once and the character after it checked in split_sentences: linear, same boundaries.
    return re.compile(f"[{re.escape(enders)}]+[{re.escape(_CLOSERS)}]*|\\n+")


@cache
def _abbreviations() -> frozenset[str]:
    out: set[str] = set()
    for lang in all_languages():
        out |= lang.abbreviations
    return frozenset(out)


_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Look back only this far for the word before a period: searching from 0 made splitting quadratic in
# the text length (a 7,000-character article took ~25 ms); no abbreviation or initial is longer.
_LOOKBACK = 32
_HAS_CONTENT = re.compile(r"\w")
# Letters joined by periods are an abbreviation in any language: U.S., e.g., agency credits أ.ف.ب.
_DOTTED_LETTERS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")


def _is_false_stop(text: str, mark_start: int, mark: str) -> bool:
    """True when a period at ``mark_start`` belongs to an abbreviation or an initial."""
    if not mark.startswith(".") or mark.startswith("..") or mark_start == 0:
        return False
    prev = text[mark_start - 1]
    if not (prev.isalnum() or prev in "_."):  # no word right before the period (same test as \w|.)
        return False
    m = _WORD_BEFORE.search(text, max(0, mark_start - _LOOKBACK), mark_start)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    # A lone letter is an initial (F. / د.), a lone digit is not ("rose to 5. Officials said").
    if len(word) == 1:
        return word.isalpha()
    return word in _abbreviations() or bool(_DOTTED_LETTERS.match(word))


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, in order, one at a time (a long text is never held
    as a list of sentences: the store analyzes a huge article a block of sentences at a time).

    >>> list(sentence_spans("Rain fell. Dams held"))
    [(0, 10), (11, 20)]
    """
    start = 0

    def span(end: int) -> tuple[int, int] | None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped and _HAS_CONTENT.search(stripped):
            s = start + len(chunk) - len(chunk.lstrip())
            return s, s + len(stripped)
        return None

    size = len(text)
    for m in _boundary_re().finditer(text):
        mark = m.group(0)
        if mark[0] != "\n" and (
            m.end() == size or not text[m.end()].isspace() or _is_false_stop(text, m.start(), mark)
        ):
            continue
        found = span(m.end())
        if found:
            yield found
        start = m.end()
    found = span(len(text))
    if found:
        yield found


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    >>> [s.text for s in split_sentences("قال الوزير إن السد انهار. ونفى المحافظ ذلك؟ لا تعليق")]
    ['قال الوزير إن السد انهار.', 'ونفى المحافظ ذلك؟', 'لا تعليق']
    """
    return [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(sentence_spans(text))]


@cache
def _clause_re() -> re.Pattern[str]:
    enders = "".join(sorted({ch for lang in all_languages() for ch in lang.sentence_enders}))
    marks = "".join(sorted({ch for lang in all_languages() for ch in lang.clause_marks}))
    return re.compile(f"[{re.escape(enders)}]{{2,}}|…|[{re.escape(marks)}]|\\s\\|\\s")


def split_clauses(text: str) -> list[str]:
    """The clauses of one sentence or headline: the parts between a run of sentence marks (a
    headline's "..", joining two news), an ellipsis, a semicolon or a spaced bar.

    >>> split_clauses("الداخلية: لا صحة لمضاعفة الغرامة.. والكاميرات تبدأ في فبراير")
    ['الداخلية: لا صحة لمضاعفة الغرامة', 'والكاميرات تبدأ في فبراير']
    """
    parts = (part.strip() for part in _clause_re().split(text))
    return [part for part in parts if _HAS_CONTENT.search(part)]
