"""English text: lowercasing and quotes, stemming, numbers, stopwords and kept negations."""

from __future__ import annotations

import pytest

from rawi.text import analyze, is_stopword, normalize, stem_tokens, tokenize

STEM_FAMILIES = [
    ("collapse", "collaps", ["collapsed", "collapse", "collapses", "collapsing", "Collapsed"]),
    ("deny", "deni", ["denied", "denies", "deny", "denying"]),
    ("report", "report", ["reported", "reports", "reporting", "report"]),
    ("confirm", "confirm", ["confirmed", "confirms", "confirming"]),
    ("kill", "kill", ["killed", "kills", "killing"]),
    ("fabricate", "fabric", ["fabricated", "fabricate", "fabricating"]),
]


@pytest.mark.parametrize(("stem", "forms"), [pytest.param(s, f, id=rid) for rid, s, f in STEM_FAMILIES])
def test_inflections_share_a_stem(stem: str, forms: list[str]) -> None:
    assert set(stem_tokens([tokenize(f)[0] for f in forms])) == {stem}


TOKENS = [
    ("lowercase", "The Dam COLLAPSED", ["the", "dam", "collapsed"]),
    ("apostrophe", "officials don’t agree", ["officials", "don't", "agree"]),
    ("curly-quotes", "“fake news,” he said", ["fake", "news", "he", "said"]),
    ("decimal", "a 3.5 magnitude quake", ["a", "3.5", "magnitude", "quake"]),
    ("thousands", "1,000 people fled", ["1,000", "people", "fled"]),
    ("dotted-date", "on 07.09.2017 it broke", ["on", "07.09.2017", "it", "broke"]),
    ("hyphen", "pro-government media", ["pro", "government", "media"]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=rid) for rid, t, e in TOKENS])
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


@pytest.mark.parametrize("word", ["the", "of", "and", "was", "said", "says", "The", "AND"])
def test_stopwords_removed(word: str) -> None:
    assert is_stopword(normalize(word))
    assert analyze(f"dam {word} collapsed") == ["dam", "collaps"]


@pytest.mark.parametrize("word", ["not", "no", "never", "nor"])
def test_negations_kept(word: str) -> None:
    assert not is_stopword(word)
    assert analyze(f"the dam {word} collapsed") == ["dam", word, "collaps"]


MIXED = [
    ("arabic-sentence-english-agency", "قالت Reuters إن السدود انهارت", ["قال", "reuter", "سدود", "انهار"]),
    ("english-sentence-arabic-word", "Officials in درنة denied it", ["offici", "درن", "deni"]),
    ("article-and-english", "والسد collapsed", ["سد", "collaps"]),
    ("digits-untouched", "٢٠١٧ killed", ["2017", "kill"]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=rid) for rid, t, e in MIXED])
def test_mixed_script_stemmed_per_token(text: str, expected: list[str]) -> None:
    assert analyze(text) == expected
