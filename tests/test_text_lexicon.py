"""Lexicon: phrases match across inflections, clitics and spellings; prefixes; longest, non-overlapping."""

from __future__ import annotations

import pytest

from rawi.lang import LexiconEntry
from rawi.text import Lexicon, tokenize

PHRASES = [
    "نفى",
    "نفت",
    "أكد",
    "أشار",
    "قال",
    "لا أساس له من الصحة",
    "عار عن الصحة",
    "غير صحيح",
    "نقلا عن",
    "مصدر مطلع",
    "مصادر عسكرية",
    "وفقا ل*",
    "مفبرك*",
    "مزعوم*",
    "denied",
    "no evidence",
    "fabricat*",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries([LexiconEntry(p, ("cue",)) for p in PHRASES], name="test")


# (id, sentence, the entry phrases matched, in order)
ROWS = [
    ("verb-masculine", "نفى الجيش الخبر", ["نفى"]),
    ("verb-feminine", "نفت الوزارة الخبر", ["نفت"]),
    ("verb-conjunction", "ونفت الوزارة الخبر", ["نفت"]),
    ("verb-conjunction-fa", "فنفى الجيش", ["نفى"]),
    ("verb-feminine-akkadat", "أكدت الوزارة", ["أكد"]),
    ("verb-plural", "أكدوا أن السد صامد", ["أكد"]),
    ("verb-conjunction-hamza", "وأكد الوزير أن السد صامد", ["أكد"]),
    ("verb-fa-hamza", "فأكد الوزير", ["أكد"]),
    ("verb-conjunction-hamza-feminine", "وأشارت الوزارة إلى", ["أشار"]),
    ("verb-vocalized", "قَالَتْ الوزارة", ["قال"]),
    ("verb-tatweel", "قـالت الوزارة", ["قال"]),
    ("phrase-plain", "الخبر لا أساس له من الصحة", ["لا أساس له من الصحة"]),
    ("phrase-spelling-variants", "الخبر ﻻ اساس له من الصحه", ["لا أساس له من الصحة"]),
    ("phrase-vocalized", "الخبرُ عارٍ عن الصّحة", ["عار عن الصحة"]),
    ("phrase-negation", "هذا غير صحيح", ["غير صحيح"]),
    ("phrase-tanwin", "نقلاً عن مصدر مطلع", ["نقلا عن", "مصدر مطلع"]),
    ("phrase-plural-article", "قالت مصادر عسكرية", ["قال", "مصادر عسكرية"]),
    ("prefix-plain", "صور مفبركة", ["مفبرك*"]),
    ("prefix-article", "نشرت الصور المفبركة", ["مفبرك*"]),
    ("prefix-conjunction-article", "الصور المعدلة والمفبركة", ["مفبرك*"]),
    ("prefix-conjunction", "صور قديمة ومفبركة", ["مفبرك*"]),
    ("prefix-feminine-article", "الأنباء المزعومة", ["مزعوم*"]),
    ("prefix-attached-preposition", "وفقاً للوكالة", ["وفقا ل*"]),
    ("prefix-separate-word", "وفقا لما ورد", ["وفقا ل*"]),
    ("english-inflection", "The army denied the report", ["denied"]),
    ("english-denies", "The army denies it", ["denied"]),
    ("english-phrase", "There is no evidence of that", ["no evidence"]),
    ("english-prefix", "a fabricated video", ["fabricat*"]),
    ("english-uppercase", "NO EVIDENCE", ["no evidence"]),
    ("no-match", "انهار السد في درنة", []),
    ("no-false-prefix", "وفق الخطة", []),
    ("mixed-script", "قالت Reuters إن الجيش denied", ["قال", "denied"]),
]


@pytest.mark.parametrize(("text", "phrases"), [pytest.param(t, p, id=rid) for rid, t, p in ROWS])
def test_matches(lexicon: Lexicon, text: str, phrases: list[str]) -> None:
    assert [m.entry.phrase for m in lexicon.find(tokenize(text))] == phrases
    assert lexicon.contains(text) == bool(phrases)


def test_longest_match_wins() -> None:
    lex = Lexicon.from_entries([LexiconEntry("مصدر"), LexiconEntry("مصدر مطلع"), LexiconEntry("مطلع")])
    matches = lex.find(tokenize("قال مصدر مطلع إن"))
    assert [(m.start, m.end, m.entry.phrase) for m in matches] == [(1, 3, "مصدر مطلع")]


def test_matches_do_not_overlap() -> None:
    lex = Lexicon.from_entries([LexiconEntry("لا أساس"), LexiconEntry("أساس له من الصحة")])
    matches = lex.find(tokenize("لا أساس له من الصحة"))
    assert [(m.start, m.end) for m in matches] == [(0, 2)]


def test_prefix_longer_than_stem_phrase() -> None:
    lex = Lexicon.from_entries([LexiconEntry("أخبار"), LexiconEntry("أخبار مفبرك*")])
    matches = lex.find(tokenize("انتشرت أخبار مفبركة"))
    assert [(m.start, m.end, m.entry.phrase) for m in matches] == [(1, 3, "أخبار مفبرك*")]


def test_fields_and_tag() -> None:
    lex = Lexicon.from_entries([LexiconEntry("نفى", ("denial", "strong"))])
    (match,) = lex.find(tokenize("نفى الجيش"))
    assert match.entry.tag == "denial" and match.entry.fields == ("denial", "strong")
    assert len(lex) == 1


def test_given_stems_are_used() -> None:
    lex = Lexicon.from_entries([LexiconEntry("قال")])
    tokens = tokenize("قالت الوزارة")
    assert lex.find(tokens, ["قال", "زار"]) == lex.find(tokens)
