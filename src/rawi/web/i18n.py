"""The workbench's interface text: one catalogue per language, ``rawi/lang/<code>/interface.txt``
(``key<TAB>text``, read through the :class:`rawi.lang.Language` interface like every other list).

Arabic is the default interface; English is one click away (``?lang=en``, then kept in a cookie).
A key a language lacks is shown in English, so a new language can start with a partial catalogue.

Numbers the interface shows (confidences, counts, dates of metadata) are written in the digits the
user prefers: Western (``latn``: 0123) or Arabic-Indic (``arab``: the Unicode digits from U+0660),
chosen the same way (``?digits=arab``, then kept in a cookie); each catalogue names its default
(``digits``). Text quoted from articles is never touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from rawi.lang import available, get

DEFAULT = "ar"
LANG_COOKIE = "rawi_lang"
DIGITS_COOKIE = "rawi_digits"
# CLDR numbering systems by the code point of their zero.
NUMBERING_ZERO = {"latn": 0x30, "arab": 0x660}
PERCENT = {"latn": "%", "arab": "\u066a"}  # the Arabic percent sign goes with Arabic-Indic digits
_FROM_LATN = {
    code: str.maketrans("0123456789", "".join(chr(z + i) for i in range(10)))
    for code, z in NUMBERING_ZERO.items()
}


@cache
def interface_languages() -> tuple[str, ...]:
    """Languages that ship an interface catalogue, the default first."""
    codes = [c for c in available() if get(c).has_list("interface")]
    return tuple(sorted(codes, key=lambda c: (c != DEFAULT, c)))


@cache
def catalogue(code: str) -> Mapping[str, str]:
    table = {e.phrase: e.fields[0] for e in get(code).entries("interface") if e.fields}
    if code != "en":
        return {**catalogue("en"), **table}
    return table


@dataclass(frozen=True)
class Translator:
    """``t("key", n=3)``: the interface text of ``key`` in this language, with fields filled in
    (numbers in the chosen digits: ``numbering``, or the catalogue's default)."""

    code: str
    numbering: str | None = None

    @property
    def digits(self) -> str:
        """The numbering system numbers are shown in: "latn" or "arab"."""
        chosen = self.numbering or catalogue(self.code).get("digits", "latn")
        return chosen if chosen in NUMBERING_ZERO else "latn"

    @property
    def other_digits(self) -> str:
        """The numbering system the digits switch offers."""
        codes = list(NUMBERING_ZERO)
        return codes[(codes.index(self.digits) + 1) % len(codes)]

    def num(self, value: object) -> str:
        """``value`` as the interface shows it: its ASCII digits in the chosen digits (a count, a
        metadata date). Never for text quoted from an article."""
        return str(value).translate(_FROM_LATN[self.digits])

    def pct(self, share: object) -> str:
        """A share in [0, 1] as a whole percentage ("70%", or in Arabic-Indic digits)."""
        return self.num(f"{100 * float(share):.0f}") + PERCENT[self.digits]

    def sample(self, digits: str) -> str:
        """The first digits in ``digits``, as the switch shows them."""
        return "123".translate(_FROM_LATN[digits])

    @property
    def direction(self) -> str:
        return catalogue(self.code).get("direction", "ltr")

    @property
    def other(self) -> str:
        """The language the switch offers (the next interface language)."""
        codes = interface_languages()
        return codes[(codes.index(self.code) + 1) % len(codes)] if self.code in codes else DEFAULT

    def get(self, key: str, default: str) -> str:
        """The text of ``key``, or ``default`` (a registry kind the catalogue does not name)."""
        return catalogue(self.code).get(key, default)

    def __call__(self, key: str, **fields: object) -> str:
        text = catalogue(self.code).get(key)
        if text is None:
            raise KeyError(f"interface text {key!r} is in no catalogue (rawi/lang/<code>/interface.txt)")
        if not fields:
            return text
        shown = {
            k: self.num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
            for k, v in fields.items()
        }
        return text.format(**shown)


def choose(
    query_lang: str | None,
    cookie_lang: str | None,
    query_digits: str | None = None,
    cookie_digits: str | None = None,
) -> Translator:
    """The interface the request asks for: a query parameter first, then the cookie, else the default."""
    code = next((c for c in (query_lang, cookie_lang) if c in interface_languages()), DEFAULT)
    digits = next((d for d in (query_digits, cookie_digits) if d in NUMBERING_ZERO), None)
    return Translator(code, digits)
