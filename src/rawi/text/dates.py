"""Dates a text writes: the first full date (a dateline's), and the period a claim dates its event to.

Month names come from each language's ``months.txt`` and the words of a statement about the future
from its ``future.txt`` (through :mod:`rawi.lang`), so no language is written here. Ingest reads an
article's date with :func:`find_date`; the stance stage compares the period a claim dates its event
to (:func:`stated_period`: "في آذار 2026", "on Friday, 9 January 2026") with the date an article
was published: an article published before an event cannot report it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from rawi.lang import all_languages
from rawi.text.normalize import normalize

MIN_YEAR, MAX_YEAR = 1900, 2100
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
NAMED_DATE_REACH = 60  # "الأحد 15 أيلول/سبتمبر 2026": how far before the year a named date starts


@dataclass(frozen=True)
class Period:
    """The days a written date allows: one day ("9 January 2026") or a month ("March 2026")."""

    first: date
    last: date

    def began_after(self, published: str | None) -> bool:
        """Whether an article published on ``published`` (ISO 8601, its own calendar day) came out
        before this period began."""
        day = _iso_day(published)
        return day is not None and day < self.first

    def overlaps(self, other: Period) -> bool:
        return self.first <= other.last and other.first <= self.last


def _iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@cache
def _months() -> dict[str, int]:
    names: dict[str, int] = {}
    for lang in all_languages():
        names.update(lang.months)
    return names


@cache
def _month_pattern() -> str:
    return "(?:" + "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True)) + ")"


@cache
def _date_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(numeric patterns, month-name patterns) over *normalized* text (ASCII digits, folded, lower).
    Every month-name pattern ends with the year, so it is only tried just before a year."""
    m = _month_pattern()
    # "15 ايلول/سبتمبر 2026", "15 اذار (مارس) 2026", "15 march 2026", "15 mar. 2026"
    second_name = rf"(?:\s*(?:/|-|\()\s*{m}\.?\s*\)?)?"  # "/سبتمبر" or "(مارس)" after the first name
    day_month_year = rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{m})\.?{second_name}\s*,?\s+(?P<y>\d{{4}})$"
    # "march 15, 2026", "sept. 15 2026"
    month_day_year = rf"(?<!\w)(?P<m>{m})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y>\d{{4}})$"
    numeric = (
        # 2024-07-09, 2024/7/9
        re.compile(r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"),
        re.compile(r"(?<![\d./-])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?![\d])"),
    )
    return numeric, (re.compile(day_month_year), re.compile(month_day_year))


@cache
def _month_year_pattern() -> re.Pattern[str]:
    """A month and its year, no day before it: "اذار 2026", "march 2026", "ايلول/سبتمبر 2025"."""
    m = _month_pattern()
    second_name = rf"(?:\s*(?:/|-|\()\s*{m}\.?\s*\)?)?"
    return re.compile(rf"(?<![\w\d])(?<!\d\s)(?P<m>{m})\.?{second_name}\s*,?\s+(?P<y>\d{{4}})$")


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


def _dated_spans(norm: str) -> list[tuple[int, Period]]:
    """Every full date and month-with-year in ``norm`` (matching form), with where it starts."""
    numeric, named = _date_patterns()
    month_year, months = _month_year_pattern(), _months()
    spans: list[tuple[int, Period]] = []
    for pattern in numeric:
        for m in pattern.finditer(norm):
            if iso := _make_date(m.group("y"), m.group("m"), m.group("d")):
                spans.append((m.start(), Period(date.fromisoformat(iso), date.fromisoformat(iso))))
    for year_at in (y.start() for y in _YEAR.finditer(norm)):
        window = (max(0, year_at - NAMED_DATE_REACH), year_at + 4)
        for pattern in named:
            m = pattern.search(norm, *window)
            if m and (iso := _make_date(m.group("y"), m.group("m"), m.group("d"))):
                spans.append((m.start(), Period(date.fromisoformat(iso), date.fromisoformat(iso))))
                break
        else:
            m = month_year.search(norm, *window)
            year, month = (int(m.group("y")), months.get(m.group("m"), 0)) if m else (0, 0)
            if m and MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
                last = calendar.monthrange(year, month)[1]
                spans.append((m.start(), Period(date(year, month, 1), date(year, month, last))))
    return sorted(spans, key=lambda span: span[0])


@cache
def _phrases(list_name: str) -> frozenset[tuple[str, ...]]:
    """Every language's word list ``list_name``, each phrase as its matching-form words."""
    return frozenset(
        tuple(normalize(e.phrase).split())
        for lang in all_languages()
        if lang.has_list(list_name)
        for e in lang.entries(list_name)
        if e.phrase
    )


@cache
def _month_parts() -> tuple[tuple[str, ...], ...]:
    """Every language's ``month_parts`` phrases, longest first (the longest that ends a text wins)."""
    return tuple(sorted(_phrases("month_parts"), key=len, reverse=True))


def stated_period(text: str) -> Period | None:
    """The period ``text`` dates its event to: its first full date or month with its year ("في آذار
    2026", "on Friday, 9 January 2026") that is not a bound ("اعتباراً من آذار 2026", "since
    January 2024": a date things start from or run to, ``date_bounds.txt``), else ``None``. A year
    alone is no date of an event: "رؤية 2030", "the 2026 budget"."""
    return period_in(normalize(text))


def period_in(norm: str) -> Period | None:
    """:func:`stated_period` of a text in matching form (:func:`rawi.text.normalize`), as a claim
    keeps it: it is analysed once."""
    bounds = _phrases("date_bounds")
    parts = _month_parts()
    for start, period in _dated_spans(norm):
        words = norm[:start].split()[-6:]
        # "اعتباراً من الأول من نوفمبر": the bound comes before the day it names
        part = next((p for p in parts if tuple(words[len(words) - len(p) :]) == p), ())
        before = tuple(words[: len(words) - len(part)][-3:])
        if not any(before[len(before) - len(b) :] == b for b in bounds if len(b) <= len(before)):
            return period
    return None


def speaks_of_future(tokens: Iterable[str]) -> bool:
    """Whether a text (its matching-form tokens) says what will or is to happen ("will", "سوف",
    "المقبل"): an article published before such a date may well report it."""
    words = tuple(tokens)
    for phrase in _phrases("future"):
        n = len(phrase)
        if any(words[i : i + n] == phrase for i in range(len(words) - n + 1)):
            return True
    return False
