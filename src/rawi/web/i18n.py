"""The workbench's interface text: one catalogue per language, ``rawi/lang/<code>/interface.txt``
(``key<TAB>text``, read through the :class:`rawi.lang.Language` interface like every other list).

Arabic is the default interface; English is one click away (``?lang=en``, then kept in a cookie).
A key a language lacks is shown in English, so a new language can start with a partial catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from rawi.lang import available, get

DEFAULT = "ar"
LANG_COOKIE = "rawi_lang"


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
    """``t("key", n=3)``: the interface text of ``key`` in this language, with fields filled in."""

    code: str

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
        return text.format(**fields) if fields else text


def choose(query_lang: str | None, cookie_lang: str | None) -> Translator:
    for code in (query_lang, cookie_lang):
        if code in interface_languages():
            return Translator(code)
    return Translator(DEFAULT)
