"""Metadata a text gives plainly: its published date, and boilerplate lines to drop.

Dates are read from record fields or from an article's first lines (its dateline). Month names come
from each language's ``months.txt`` and footer/share phrases from its ``boilerplate.txt`` (through
:mod:`rawi.lang`), so no language is written into this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache

from rawi.lang import all_languages
from rawi.text import normalize, tokenize

MIN_YEAR, MAX_YEAR = 1900, 2100
BOILERPLATE_MAX_WORDS = 12  # a footer or share line is short; a longer line is content
DATELINE_LINES = 4  # how many first lines may hold the date
DATELINE_CHARS = 160  # and how far into each line


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
NAMED_DATE_REACH = 60  # "الأحد 15 أيلول/سبتمبر 2026": how far before the year a named date starts


@cache
def _months() -> dict[str, int]:
    names: dict[str, int] = {}
    for lang in all_languages():
        names.update(lang.months)
    return names


@cache
def _date_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(numeric patterns, month-name patterns) over *normalized* text (ASCII digits, folded, lower).
    Every month-name pattern ends with the year, so it is only tried just before a year."""
    month = "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True))
    m = f"(?:{month})"
    # "15 ايلول/سبتمبر 2026", "15 اذار (مارس) 2026", "15 march 2026", "15 mar. 2026"
    second_name = rf"(?:\s*(?:/|-|\()\s*{m}\.?\s*\)?)?"  # "/سبتمبر" or "(مارس)" after the first name
    day_month_year = rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{m})\.?{second_name}\s*,?\s+(?P<y>\d{{4}})$"
    # "march 15, 2026", "sept. 15 2026"
    month_day_year = rf"(?<!\w)(?P<m>{m})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y>\d{{4}})$"
    numeric = (
        re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),
        re.compile(r"(?<![\d./-])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?![\d])"),
    )
    return numeric, (re.compile(day_month_year), re.compile(month_day_year))


def _make_date(year: str, month: str, day: str) -> str | None:
    months = _months()
    month_number = int(month) if month.isdigit() else months.get(month, 0)
    try:
        found = date(int(year), month_number, int(day))
    except ValueError:
        return None
    return found.isoformat() if MIN_YEAR <= found.year <= MAX_YEAR else None


def find_date(text: str) -> str | None:
    """The first date written in ``text``, as ISO 8601 (YYYY-MM-DD), or None.

    >>> find_date("الأحد ١٥ آذار (مارس) ٢٠٢٦")
    '2026-03-15'
    >>> find_date("Beirut, March 15, 2026 (Reuters) -")
    '2026-03-15'
    """
    norm = normalize(text)
    years = [y.start() for y in _YEAR.finditer(norm)]
    if not years:  # every pattern needs a 4-digit year
        return None
    numeric, named = _date_patterns()
    found: list[tuple[int, str]] = []
    for pattern in numeric:
        for m in pattern.finditer(norm):
            iso = _make_date(m.group("y"), m.group("m"), m.group("d"))
            if iso is not None:
                found.append((m.start(), iso))
                break
    for year_at in years:  # "$" in these patterns is the end of the year (endpos)
        for pattern in named:
            m = pattern.search(norm, max(0, year_at - NAMED_DATE_REACH), year_at + 4)
            iso = _make_date(m.group("y"), m.group("m"), m.group("d")) if m else None
            if iso is not None:
                found.append((m.start(), iso))
                break
        else:
            continue
        break
    return min(found)[1] if found else None


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
