"""Tokens with offsets into the ORIGINAL text, so attribution spans and reuse passages point at what
the user reads, while matching uses the normalized form (rawi.text.normalize)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rawi.lang import all_languages
from rawi.text import normalize, stem_tokens, tokenize_normalized

# A word is a run of letters/digits plus the marks that normalization drops inside words (each
# language's ``word_marks``: Arabic harakat, tatweel, superscript alef) and invisible joiners;
# everything else non-space is one punctuation token.
WORD_MARKS = "".join(lang.word_marks for lang in all_languages())
_WORD_CHARS = rf"\w{WORD_MARKS}\u200b-\u200f\u00ad"
_WORD = re.compile(f"[{_WORD_CHARS}]")
_TOKEN = re.compile(f"[{_WORD_CHARS}]+(?:['’][{_WORD_CHARS}]+)?|[^\\s{_WORD_CHARS}]")


class Tok(NamedTuple):
    """One token: its normalized form (``norm``; punctuation in ASCII form) and original offsets."""

    norm: str
    start: int
    end: int
    is_word: bool


def _norm_word(raw: str) -> str:
    return "".join(tokenize_normalized(normalize(raw)))


@lru_cache(maxsize=500_000)
def _norm_token(raw: str) -> tuple[str, bool]:
    if _WORD.match(raw):
        return _norm_word(raw), True
    return normalize(raw) or raw, False


def offset_tokens(text: str) -> list[Tok]:
    """Words and punctuation marks of ``text`` with their original character offsets."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        norm, is_word = _norm_token(m.group())
        if norm:
            out.append(Tok(norm, m.start(), m.end(), is_word))
    return out


def stems_of(tokens: list[Tok]) -> list[str]:
    """Snowball stems of the word tokens (punctuation keeps its form)."""
    return stem_tokens([t.norm for t in tokens])


def _prefixes(role: str) -> tuple[str, ...]:
    """Every language's ``grammar.txt`` entries with ``role``, longest first: the article with the
    clitics fused to it (``article_prefix``) and the clitics a name may carry (``proclitic``)."""
    found = {w for lang in all_languages() for w in lang.words("grammar", role) if w}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


_ARTICLE_PREFIXES = _prefixes("article_prefix")
_PROCLITICS = _prefixes("proclitic")


@lru_cache(maxsize=1 << 16)  # called for every word of every candidate mention: memoize
def strip_article(word: str) -> str:
    """``word`` without the Arabic article (and a conjunction/preposition fused with it)."""
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def name_words(name: str) -> list[str]:
    """The words of a source's name in matching form, without the Arabic article ("وزارة الصحة" ->
    "وزاره", "صحه"): what two mentions of one party share."""
    return [strip_article(w) for w in tokenize_normalized(normalize(name))]


@lru_cache(maxsize=1 << 16)
def clitic_variants(word: str) -> tuple[str, ...]:
    """``word`` as written, then without each proclitic it may carry (most likely reading first)."""
    out = [word]
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            out.append(word[len(prefix) :])
    return tuple(out)
