"""The quantities a text states: numbers that count or measure something, as ranges of values.

"40 ألف منزل", "40,000 homes" and "٤٠ ألفاً" are one quantity, 40000: numbers are read from the
matching-form tokens (digits already ASCII), with the multiplier word that follows them (each
language's ``multipliers.txt``) and the qualifier just before them (``quantity_qualifiers.txt``):
"at least 20" is 20 or more, "نحو 40 ألفاً" about 40000 (within ABOUT of it). Numbers written as
words ("خمسة أيام", "twenty-five") are read from ``number_words.txt``. A year ("2027"), a day
of a month ("21 تشرين الأول", "October 13") and a dotted date ("04.03.2025") are dates, not
quantities: two reports of one event on different days do not disagree about how many died.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from rawi.lang import all_languages
from rawi.text.normalize import normalize

_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,500 / 40,000.5
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")  # 3,5 (a comma written for the decimal point)
# Plain whole numbers in this range, without a multiplier, are years.
YEARS = (1900, 2100)
# An estimate ("about 40,000") covers this share either side of its figure.
ABOUT = 0.15
# A figure written exactly still matches another within this share (1.2 billion is 1,200 million).
EXACT = 1e-6


@dataclass(frozen=True)
class Quantity:
    """A figure as the range of values it allows; ``duration``: a number of days, hours, years;
    ``dated``: a duration that says when ("قبل ثلاثة أيام", "three weeks ago"), not how long."""

    low: float
    high: float
    duration: bool = False
    dated: bool = False

    def overlaps(self, other: Quantity) -> bool:
        ends = [abs(v) for v in (self.low, self.high, other.low, other.high) if math.isfinite(v)]
        slack = EXACT * max(ends, default=1.0)
        return self.low <= other.high + slack and other.low <= self.high + slack


def _ranged(value: float, kind: str, duration: bool, dated: bool = False) -> Quantity:
    if kind == "min":
        return Quantity(value, math.inf, duration, dated)
    if kind == "max":
        return Quantity(-math.inf, value, duration, dated)
    if kind == "about":
        return Quantity(value * (1 - ABOUT), value * (1 + ABOUT), duration, dated)
    return Quantity(value, value, duration, dated)


@cache
def _table(list_name: str) -> dict[str, tuple[str, ...]]:
    """Every language's list ``list_name``: each phrase in matching form, with its fields."""
    return {
        normalize(e.phrase): e.fields
        for lang in all_languages()
        if lang.has_list(list_name)
        for e in lang.entries(list_name)
    }


@cache
def _placed(list_name: str, place: str) -> frozenset[str]:
    """The words of list ``list_name`` (every language) tagged ``place`` ("before" or "after" the
    number they qualify)."""
    return frozenset(word for word, fields in _table(list_name).items() if fields and fields[0] == place)


@cache
def _time_units() -> frozenset[str]:
    return frozenset(_table("time_units"))


@cache
def _multipliers() -> dict[str, float]:
    return {word: float(fields[0]) for word, fields in _table("multipliers").items()}


@cache
def _alone() -> frozenset[str]:
    """Multiplier words that state a figure with no number before them ("alone" in
    ``multipliers.txt``): "مليون مشترك", "a million subscribers"."""
    return frozenset(word for word, fields in _table("multipliers").items() if "alone" in fields[1:])


@cache
def _qualifiers() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Each qualifier phrase as its words, with its kind, under its last word (the one just before
    the number), so a number costs one lookup, not one test per phrase."""
    by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, fields in _table("quantity_qualifiers").items():
        words = tuple(phrase.split())
        by_last.setdefault(words[-1], []).append((words, fields[0]))
    return by_last


@cache
def _number_words() -> dict[str, float]:
    return {word: float(fields[0]) for word, fields in _table("number_words").items()}


@cache
def _joined_words() -> frozenset[str]:
    """Number words that count only beside another one ("joined" in ``number_words.txt``): "عشر" is
    ten in "ثلاثة عشر" (13) and "a tenth" alone; "أحد" is one in "أحد عشر" (11) and "one of" alone."""
    return frozenset(word for word, fields in _table("number_words").items() if "joined" in fields[1:])


@cache
def _conjunctions() -> tuple[str, ...]:
    """Conjunctions fused to the next word (Arabic و): "وعشرة" is "and ten". (Not
    ``strip_clitics``: it takes the article off too ("الخمسة"), a wider reading than the one measured
    on the stories and Baly, where it moved an origin count.)"""
    return tuple(c for lang in all_languages() for c in lang.conjunctions)


def _word_value(token: str) -> float | None:
    words = _number_words()
    if token in words:
        return words[token]
    for conjunction in _conjunctions():
        if token.startswith(conjunction) and token[len(conjunction) :] in words:
            return words[token[len(conjunction) :]]
    return None


def _spelled(tokens: tuple[str, ...], i: int) -> tuple[float, int] | None:
    """The number spelled by the words from ``i`` ("خمسة وعشرون" 25, "ثلاثة عشر" 13, "three hundred"
    300, "twenty five"), and the index after them; ``None`` when ``tokens[i]`` is no number word, or
    is a joined word (:func:`_joined_words`) standing alone."""
    current, end = None, i
    while end < len(tokens):
        value = _word_value(tokens[end])
        if value is None and tokens[end] == "and" and end + 1 < len(tokens):
            value = _word_value(tokens[end + 1])
            if value is not None:
                end += 1
        if value is None:
            break
        current = (current or 1.0) * 100 if value == 100 else (current or 0.0) + value
        end += 1
    alone = end == i + 1 and tokens[i] in _joined_words()
    # "عشر ساعات" (ten hours): a joined word before a unit of time counts alone
    if current is None or (alone and (end >= len(tokens) or tokens[end] not in _time_units())):
        return None
    return current, end


@cache
def _month_words() -> frozenset[str]:
    """Every word of every month name (matching form): a number beside one is a day, not a count."""
    return frozenset(word for lang in all_languages() for name in lang.months for word in name.split())


def number_value(token: str) -> float | None:
    """The value a number token writes ("1,500" -> 1500.0, "3.5", "3,5"), or ``None``."""
    if _GROUPED.fullmatch(token):
        return float(token.replace(",", ""))
    if _DECIMAL_COMMA.fullmatch(token):
        return float(token.replace(",", "."))
    if _PLAIN.fullmatch(token):
        return float(token)
    return None


def _qualifier(before: tuple[str, ...]) -> str:
    """The kind of the qualifier that ``before`` (the tokens before a number) ends with."""
    for phrase, kind in _qualifiers().get(before[-1], ()) if before else ():
        if before[len(before) - len(phrase) :] == phrase:
            return kind
    return "exact"


@lru_cache(maxsize=200_000)
def quantities(tokens: tuple[str, ...]) -> frozenset[Quantity]:
    """The quantities stated in ``tokens`` (matching form, so lower case), dates left out."""
    multipliers, months = _multipliers(), _month_words()
    found: set[Quantity] = set()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value, after = number_value(token), i + 1
        if value is None and (spelled := _spelled(tokens, i)) is not None:
            value, after = spelled
        if value is None and token in _alone():
            # a multiplier after a number was read with that number, so here it stands alone
            found.add(_ranged(multipliers[token], _qualifier(tokens[max(0, i - 4) : i]), False))
            i += 1
            continue
        if value is None:
            i += 1
            continue
        start, i = i, after
        following = tokens[after] if after < len(tokens) else ""
        preceding = tokens[start - 1] if start else ""
        kind = _qualifier(tokens[max(0, start - 4) : start])
        if following in multipliers:
            counted = tokens[i + 1] if i + 1 < len(tokens) else ""
            found.add(_ranged(value * multipliers[following], kind, counted in _time_units()))
            i += 1  # the multiplier is read: it does not stand alone
            continue
        if following in months or preceding in months:
            continue
        # an hour of the day ("8 pm", "الساعة 8 مساءً") counts nothing
        if following in _placed("time_of_day", "after") or preceding in _placed("time_of_day", "before"):
            continue
        if value.is_integer() and YEARS[0] <= value <= YEARS[1]:
            continue
        duration = following in _time_units()
        after_unit = tokens[i + 1] if i + 1 < len(tokens) else ""
        dated = duration and (
            preceding in _placed("time_reference", "before")
            or after_unit in _placed("time_reference", "after")
        )
        found.add(_ranged(value, kind, duration, dated))
    return frozenset(found)


def agree_on_a_figure(wanted: Iterable[Quantity], stated: Iterable[Quantity]) -> bool:
    """Whether any quantity of ``stated`` allows a value that one of ``wanted`` allows."""
    stated = list(stated)
    return any(w.overlaps(s) for w in wanted for s in stated)


def stated_quantities(texts: Iterable[tuple[str, ...]]) -> frozenset[Quantity]:
    """Every quantity stated across several texts (each as its tokens)."""
    out: set[Quantity] = set()
    for tokens in texts:
        out |= quantities(tokens)
    return frozenset(out)
