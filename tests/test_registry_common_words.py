"""A registry name that is also a common word: «قناة الجديد» is an outlet, «خط نقل جديد» is a bus
line. A one-word name left when a prefix is taken off («قناة الجديد» -> «الجديد») needs the
article it was written with, and «نقل» written as the noun counts as a reporting verb only with
what it relays. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rawi.provenance import Registry, extract_attributions


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


RESOLVE = [
    ("جديد", None),
    ("الجديد", "aljadeed"),
    ("قناة الجديد", "aljadeed"),
    ("وتلفزيون الجديد", "aljadeed"),
    ("غد", None),
    ("الغد", "alghad_tv"),
    ("عالم", None),
    ("العالم", "alalam"),
    ("بيان", None),
    ("صحيفة البيان", "albayan"),
    ("للميادين", "almayadeen"),  # the preposition fused with the article keeps the name
    ("الرياض", None),  # the Saudi capital (states.txt) ...
    ("صحيفة الرياض", "alriyadh"),  # ... and the paper named after it
]


@pytest.mark.parametrize(("mention", "key"), RESOLVE, ids=[m for m, _ in RESOLVE])
def test_a_prefixed_name_needs_its_article(registry: Registry, mention: str, key: str | None) -> None:
    entry = registry.resolve(mention)
    assert (entry.key if entry else None) == key


SENTENCES = [
    # (sentence, registry keys and sources that must be found, keys that must not)
    ("افتتاح خط نقل جديد بين المدينتين", [], ["aljadeed"]),
    ("وأعلنت البلدية تشغيل خط نقل جديد للحافلات بين الضاحية ووسط المدينة", ["البلديه"], ["aljadeed"]),
    ("وجرى نقل جديد للمعدات إلى الموقع الحدودي صباح اليوم", [], ["aljadeed"]),
    ("وتم نقل الجرحى إلى مستشفى المدينة في ساعة متأخرة من الليل", [], []),
    ("يبدأ غد جديد للمدينة بعد افتتاح الجسر الذي انتظره السكان طويلا", [], ["alghad_tv", "aljadeed"]),
    ("ونقلت قناة الجديد عن مصادر أمنية أن الانفجار وقع قرب المرفأ", ["aljadeed", "مصادر امنيه"], []),
    ("ونقل الجديد عن مصدر في الوزارة أن الاجتماع تأجل إلى الأسبوع المقبل", ["aljadeed"], []),
    ("ونقل المراسل عن شهود عيان أن النيران امتدت إلى المباني المجاورة", ["المراسل"], []),
    ("وقالت قناة الغد إن المفاوضات ستستأنف بعد العيد", ["alghad_tv"], []),
    ("وقال مصدر للميادين إن القصف طال أطراف البلدة", ["almayadeen"], []),
    ("وقالت الرياض إن الهجوم على المنشآت النفطية لن يمر دون رد", ["الرياض"], ["alriyadh"]),
    ("وذكرت صحيفة الرياض أن الوزير سيزور العاصمة الأسبوع المقبل", ["alriyadh"], []),
]


@pytest.mark.parametrize(("sentence", "found", "absent"), SENTENCES, ids=[s[:30] for s, _, _ in SENTENCES])
def test_common_words_are_not_sources(
    registry: Registry, sentence: str, found: list[str], absent: list[str]
) -> None:
    keys = {a.source_key for a in extract_attributions(sentence, language="ar", registry=registry)}
    assert set(found) <= keys, keys
    assert not set(absent) & keys, keys
    if not found:
        assert not keys, f"no source in a sentence that cites none: {keys}"
