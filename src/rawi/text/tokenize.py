"""Tokens, stems and analyzed terms. Stemming is chosen per token by script, so mixed
Arabic/English text is analyzed right without a document-level language decision."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import Stemmer

from rawi.lang import Language, all_languages
from rawi.text.normalize import normalize

# A token is a run of letters/digits (after normalization Arabic letters are plain \w), allowing
# inner dots and commas in numbers (3.5, 1,000) and inner apostrophes in English (don't).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|\w+", re.UNICODE)


@cache
def _original_token() -> re.Pattern[str]:
    """The token pattern above, run on the ORIGINAL text: letters may carry the marks that
    normalization drops (each language's ``word_marks``: harakat, superscript alef, tatweel), so the
    k-th match is the k-th normalized token, with its original offsets. A mark inside a number
    ("26ِ5", a stray kasra) is dropped by normalization, which then reads one number: the digits take
    the marks between them."""
    marks = "".join(lang.word_marks for lang in all_languages())
    letter = f"(?:[^\\W\\d_]|[{marks}])"
    digits = rf"(?:\d[{marks}]*)+"
    return re.compile(rf"[{marks}]*{digits}(?:[.,]{digits})*|{letter}+(?:'{letter}+)?|[\w{marks}]+")


def word_spans(text: str, expected: int) -> list[tuple[int, int]] | None:
    """(start, end) offsets in ``text`` of each of its ``expected`` normalized tokens, or ``None``
    when the original text does not split into exactly that many (invisible marks, presentation
    forms)."""
    spans = [m.span() for m in _original_token().finditer(text)]
    return spans if len(spans) == expected else None


def tokenize(text: str) -> list[str]:
    """Tokens of the *matching form* of ``text`` (normalizes first)."""
    return _TOKEN.findall(normalize(text))


def tokenize_normalized(norm: str) -> list[str]:
    """Tokens of text that is already in matching form."""
    return _TOKEN.findall(norm)


@cache
def _stemmers() -> list[tuple[re.Pattern[str], Stemmer.Stemmer, Language]]:
    return [(lang.script_re, Stemmer.Stemmer(lang.stemmer), lang) for lang in all_languages()]


def language_of_token(token: str) -> Language | None:
    for script_re, _stemmer, lang in _stemmers():
        if script_re.match(token):
            return lang
    return None


def _strip_clitics(token: str, lang: Language) -> str:
    for prefix in lang.clitic_prefixes:
        if token.startswith(prefix) and len(token) - len(prefix) >= lang.min_stem:
            return token[len(prefix) :]
    return token


@lru_cache(maxsize=1 << 16)  # news vocabulary repeats; lexicons call this per token
def strip_clitics(token: str) -> str:
    """``token`` (normalized) without its leading article/clitics, or without a fused conjunction
    (و ف) when no article is there; used where a word's written prefix matters (lexicon ``word*``).

    >>> strip_clitics("والمفبركه"), strip_clitics("ومفبركه"), strip_clitics("مفبركه")
    ('مفبركه', 'مفبركه', 'مفبركه')
    """
    lang = language_of_token(token)
    if lang is None:
        return token
    bare = _strip_clitics(token, lang)
    if bare == token:
        for conj in lang.conjunctions:
            if token.startswith(conj) and len(token) - len(conj) > lang.min_stem:
                return token[len(conj) :]
    return bare


@lru_cache(maxsize=1 << 16)
def conjunction_stem(token: str) -> str | None:
    """Stem of ``token`` without a fused conjunction that the stemmer keeps (و/ف before an alef:
    وأكد, فأعلن), or None when the token has none. Ambiguous (واحد reads و+احد too), so only
    phrase matching tries it, as a second reading; retrieval stems stay as Snowball gives them."""
    lang = language_of_token(token)
    if lang is None:
        return None
    for conj in lang.conjunctions:
        if token.startswith(conj) and len(token) - len(conj) > lang.min_stem:
            rest = token[len(conj) :]
            stem = stem_tokens([rest])[0]
            return stem if stem != stem_tokens([token])[0] else None
    return None


def stem_tokens(tokens: list[str]) -> list[str]:
    """Stem each token with the Snowball stemmer of its script; digits and others stay as they are."""
    out = list(tokens)
    for script_re, stemmer, lang in _stemmers():
        idx = [i for i, t in enumerate(tokens) if script_re.match(t)]
        if idx:
            words = [_strip_clitics(tokens[i], lang) for i in idx]
            for i, s in zip(idx, stemmer.stemWords(words), strict=True):
                out[i] = s
    return out


@cache
def all_stopwords() -> frozenset[str]:
    words: set[str] = set()
    for lang in all_languages():
        words |= lang.stopwords
    return frozenset(words)


def is_stopword(token: str) -> bool:
    return token in all_stopwords()


def analyze(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """The terms that retrieval indexes: normalized tokens, stopwords removed, stemmed.

    >>> analyze("أعلنت الوزارة عن انهيار السد في المدينة")
    ['اعلن', 'زار', 'انهيار', 'سد', 'مدين']
    """
    tokens = tokenize(text)
    if not keep_stopwords:
        stop = all_stopwords()
        tokens = [t for t in tokens if t not in stop]
    return stem_tokens(tokens)
