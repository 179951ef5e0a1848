"""Metadata a text gives plainly: its published date, and boilerplate lines to drop.

Dates are read from record fields or from an article's first lines (its dateline). Month names come
from each language's ``months.txt`` and footer/share phrases from its ``boilerplate.txt`` (through
:mod:`rawi.lang`), so no language is written into this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache

from rawi.lang import all_languages
from rawi.text import tokenize
from rawi.text.dates import MAX_YEAR, MIN_YEAR, find_date

BOILERPLATE_MAX_WORDS = 12  # a footer or share line is short; a longer line is content
DATELINE_LINES = 4  # how many first lines may hold the date
DATELINE_CHARS = 160  # and how far into each line


def parse_date_field(value: object) -> str | None:
    """A record's date field as ISO 8601: an ISO date or datetime is kept (normalized), anything else
    is read like a dateline. Numbers are taken as Unix timestamps (UTC)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(float(value), timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return find_date(text)
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def date_from_lines(lines: list[str]) -> str | None:
    """The date of an article from its first non-empty lines (title and dateline), read in one pass."""
    head = [line[:DATELINE_CHARS] for line in lines if line.strip()][:DATELINE_LINES]
    return find_date("\n".join(head)) if head else None


_NON_SPACE = re.compile(r"\S")


def date_from_spans(text: str, spans: Iterable[tuple[int, int]]) -> str | None:
    """:func:`date_from_lines` of the lines ``text[start:end]`` of ``spans``, without copying a line
    whole (a file may be one huge line)."""
    head: list[str] = []
    for start, end in spans:
        if _NON_SPACE.search(text, start, end):
            head.append(text[start : min(end, start + DATELINE_CHARS)])
            if len(head) == DATELINE_LINES:
                break
    return find_date("\n".join(head)) if head else None


@dataclass(frozen=True)
class _Boilerplate:
    phrases: tuple[str, ...]  # space-joined normalized tokens, each padded with spaces
    widget_words: frozenset[str]


@cache
def _boilerplate() -> _Boilerplate:
    phrases: set[str] = set()
    widgets: set[str] = set()
    for lang in all_languages():
        for entry in lang.entries("boilerplate"):
            tokens = tokenize(entry.phrase)
            if not tokens:
                continue
            if entry.tag == "widget":
                widgets.update(tokens)
            else:
                phrases.add(f" {' '.join(tokens)} ")
    return _Boilerplate(tuple(sorted(phrases, key=len, reverse=True)), frozenset(widgets))


def is_boilerplate(line: str) -> bool:
    """True for a short stand-alone footer/share/subscribe line.

    >>> is_boilerplate("جميع الحقوق محفوظة © 2026")
    True
    >>> is_boilerplate("Facebook | Twitter | WhatsApp")
    True
    >>> is_boilerplate("وقال الوزير إن جميع الحقوق محفوظة للمزارعين الذين تضرروا من قرار الوزارة الأخير")
    False
    """
    if len(line.split()) > 3 * BOILERPLATE_MAX_WORDS:  # a paragraph; skip normalizing it
        return False
    tokens = tokenize(line)
    if not tokens or len(tokens) > BOILERPLATE_MAX_WORDS:
        return False
    data = _boilerplate()
    if all(t in data.widget_words for t in tokens):
        return True
    padded = f" {' '.join(tokens)} "  # whole-token phrase match as a substring test
    return any(phrase in padded for phrase in data.phrases)


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop boilerplate (and blank) lines at the start and the end; lines in between stay."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or is_boilerplate(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or is_boilerplate(lines[end - 1])):
        end -= 1
    return lines[start:end]
