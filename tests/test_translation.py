"""Translated copies (rawi.provenance.translation): an agency's Arabic report and an outlet's English
rendering of it are one report; an independent English report of the same event is not. Hand-written
text, the default sentence encoder; skipped when none is installed."""

from __future__ import annotations

import pytest

from rawi.embed import load_encoder
from rawi.provenance import EvidenceArticle, Registry, analyze_provenance
from rawi.provenance.translation import find_translations
from rawi.records import Article
from rawi.text import split_sentences, tokenize

ENCODER = load_encoder("use")
pytestmark = pytest.mark.skipif(ENCODER is None, reason="no sentence encoder installed")

ARABIC = (
    "غمرت السيول القوية التي اجتاحت ولاية صور مساء الاثنين عشرات المنازل في الأحياء المنخفضة من المدينة. "
    "وقالت هيئة الدفاع المدني إن فرقها أنقذت أربعة عشر شخصاً كانوا عالقين داخل مركباتهم في الأودية. "
    "وأوضحت الهيئة أن منسوب المياه في وادي فلج المشايخ ارتفع إلى أكثر من مترين خلال ساعة واحدة. "
    "ودعت السلطات المواطنين إلى تجنب عبور الأودية حتى انتهاء المنخفض الجوي يوم الأربعاء."
)
ENGLISH_TRANSLATION = (
    "Heavy flash floods that swept the wilayat of Sur on Monday evening inundated dozens of homes in the "
    "city's low-lying neighbourhoods. The Civil Defence Authority said its teams rescued fourteen people "
    "who were trapped inside their vehicles in the wadis. The authority said the water level in Wadi Falaj "
    "al-Mashayikh rose to more than two metres within a single hour. Authorities urged residents to avoid "
    "crossing the wadis until the weather system ends on Wednesday."
)
ENGLISH_INDEPENDENT = (
    "Shopkeepers in Sur spent Tuesday morning shovelling mud out of their stores after the storm. "
    "A baker on the old market street said the water reached his ovens before midnight and ruined his flour. "
    "Several roads to the fishing harbour were still closed at noon while municipal trucks cleared debris. "
    "Schools in the wilayat stayed shut for the day, according to a notice posted by the education office."
)


def _article(aid: str, text: str, language: str, published: str) -> tuple[Article, list[str]]:
    article = Article(aid, text, title=None, language=language, published=published)
    return article, [s.text for s in split_sentences(text)]


def test_an_english_rendering_of_an_arabic_report_is_a_translated_copy() -> None:
    articles = [
        _article("ona-ar", ARABIC, "ar", "2026-01-12"),
        _article("paper-en", ENGLISH_TRANSLATION, "en", "2026-01-13"),
        _article("mud-en", ENGLISH_INDEPENDENT, "en", "2026-01-13"),
    ]
    (link,) = find_translations(articles, ENCODER.encode)
    assert {link.a, link.b} == {"ona-ar", "paper-en"}
    assert link.kind == "translation" and link.earlier == "ona-ar" and link.similarity >= 0.5


def test_a_translated_copy_joins_the_origin_of_the_report_it_translates() -> None:
    evidence = [
        EvidenceArticle(a, split_sentences(a.text), "agree", [0])
        for a, _ in (
            _article("ona-ar", ARABIC, "ar", "2026-01-12"),
            _article("paper-en", ENGLISH_TRANSLATION, "en", "2026-01-13"),
            _article("mud-en", ENGLISH_INDEPENDENT, "en", "2026-01-13"),
        )
    ]
    result = analyze_provenance(tokenize("claim"), evidence, Registry.load(), vectors=ENCODER.encode)
    groups = sorted(sorted(o.articles) for o in result.origins)
    assert groups == [["mud-en"], ["ona-ar", "paper-en"]]
    joined = next(o for o in result.origins if len(o.articles) == 2)
    assert any(e["type"] == "translation" for e in joined.evidence)
    assert sorted(
        sorted(o.articles) for o in analyze_provenance(tokenize("claim"), evidence, Registry.load()).origins
    ) == [["mud-en"], ["ona-ar"], ["paper-en"]]  # without an encoder nothing joins them
