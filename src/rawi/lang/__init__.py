"""Language data, one folder per language (``rawi/lang/<code>/``), read through one interface.

Each language package defines ``LANGUAGE``, a :class:`Language`. Lists (stopwords, cue lexicons,
reporting verbs, month names ...) are plain UTF-8 text files in the language folder, one entry per
line, ``#`` starting a comment, optional tab-separated fields after the entry. Adding a language is a
new folder with an ``__init__.py`` and its lists; no stage of the pipeline hard-codes a language.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from rawi.lang.base import Language, LexiconEntry

__all__ = ["Language", "LexiconEntry", "all_languages", "available", "get"]


@cache
def available() -> tuple[str, ...]:
    """Codes of the languages that ship with rawi, e.g. ``("ar", "en")``."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg))


@cache
def get(code: str) -> Language:
    """The :class:`Language` for an ISO 639-1 code; raises ``KeyError`` naming the known codes."""
    if code not in available():
        raise KeyError(f"unknown language {code!r}; rawi knows {', '.join(available())}")
    return importlib.import_module(f"rawi.lang.{code}").LANGUAGE


def all_languages() -> tuple[Language, ...]:
    return tuple(get(code) for code in available())
