"""Attribution extraction on hand-written Arabic and English sentences (tables of real examples)."""

from __future__ import annotations

import pytest

from rawi.provenance import Registry, extract_attributions


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def _summary(text: str, registry: Registry) -> list[tuple[str, str, int | None]]:
    return [(a.source, a.polarity, a.cited_by) for a in extract_attributions(text, registry=registry)]


# (sentence, expected (source as written, polarity, cited_by) in textual order)
VERB_FAMILIES = [
    ("قال مصدر عسكري إن القوات تقدمت نحو البلدة", [("مصدر عسكري", "asserts", None)]),
    ("وقالت وزارة الصحة إن عدد المصابين ارتفع", [("وزارة الصحة", "asserts", None)]),
    ("ويقول سكان محليون إن المياه انقطعت منذ يومين", [("سكان محليون", "asserts", None)]),
    ("وأكدت الأمم المتحدة أن القافلة وصلت إلى المدينة", [("الأمم المتحدة", "asserts", None)]),
    ("وذكرت صحيفة محلية أن الأسعار ارتفعت", [("صحيفة محلية", "asserts", None)]),
    ("وأفادت مصادر أهلية بأن القصف توقف صباحاً", [("مصادر أهلية", "asserts", None)]),
    ("وأوضح المتحدث باسم الشرطة أن التحقيق مستمر", [("المتحدث باسم الشرطة", "asserts", None)]),
    ("وأشار التقرير إلى أن معظم الضحايا من المدنيين", [("التقرير", "asserts", None)]),
    ("وكشفت منظمة العفو الدولية أن السجناء تعرضوا للتعذيب", [("منظمة العفو الدولية", "asserts", None)]),
    ("وأعلنت وزارة الداخلية أن الطريق أعيد فتحه", [("وزارة الداخلية", "asserts", None)]),
    ("وصرّح محافظ المدينة بأن المدارس ستغلق غداً", [("محافظ المدينة", "asserts", None)]),
    (
        "ونوّه المرصد السوري لحقوق الإنسان إلى أن الاشتباكات تجددت",
        [("المرصد السوري لحقوق الإنسان", "asserts", None)],
    ),
    ("وشدّد الرئيس على أن الحكومة لن تتراجع", [("الرئيس", "asserts", None)]),
    ("واتهمت الحكومة في بيان لها المعارضة بإشعال الحرائق", [("الحكومة", "asserts", None)]),
    ("وزعمت صفحات موالية أن المسلحين انسحبوا من الحي", [("صفحات موالية", "reports", None)]),
    ("وادّعت جماعة مسلحة أنها أسقطت طائرة", [("جماعة مسلحة", "reports", None)]),
    ("ونفت وزارة الدفاع أن تكون طائراتها قصفت السوق", [("وزارة الدفاع", "denies", None)]),
    ("ونفى الجيش الخبر جملة وتفصيلاً", [("الجيش", "denies", None)]),
    ("وكذّبت الشرطة الرواية المتداولة على مواقع التواصل", [("الشرطة", "denies", None)]),
    ("The ministry said the road had reopened.", [("The ministry", "asserts", None)]),
    ("The governor says the schools will close on Sunday.", [("The governor", "asserts", None)]),
    (
        "A police spokesman told reporters that two men were arrested.",
        [("A police spokesman", "asserts", None)],
    ),
    ("The army stated that the operation was over.", [("The army", "asserts", None)]),
    (
        "The United Nations announced that aid convoys would resume.",
        [("The United Nations", "asserts", None)],
    ),
    ("The Pentagon confirmed that a drone had crashed.", [("The Pentagon", "asserts", None)]),
    ("The rebels claimed that they had shot down a helicopter.", [("The rebels", "reports", None)]),
    ("Prosecutors alleged that the funds were diverted.", [("Prosecutors", "reports", None)]),
    (
        "The Russian defence ministry denied that its jets struck the market.",
        [("The Russian defence ministry", "denies", None)],
    ),
    ("The government rejected the accusations as baseless.", [("The government", "denies", None)]),
    ("The company dismissed the report.", [("The company", "denies", None)]),
]

FRAMES_AND_CHAINS = [
    ("وبحسب ناشطين محليين فإن القصف طال السوق", [("ناشطين محليين", "reports", None)]),
    ("وحسب الدفاع المدني فإن الحريق أخمد", [("الدفاع المدني", "reports", None)]),
    ("ووفقاً لمنظمة الصحة العالمية فإن الوباء ينحسر", [("لمنظمة الصحة العالمية", "reports", None)]),
    ("وارتفع عدد القتلى إلى عشرة نقلاً عن مصادر طبية", [("مصادر طبية", "reports", None)]),
    (
        "ونقلت وكالة رويترز عن مصادر أمنية أن الهجوم أحبط",
        [("وكالة رويترز", "reports", None), ("مصادر أمنية", "asserts", 0)],
    ),
    (
        "وقال مصدر مطلع لوكالة الأناضول إن المفاوضات توقفت",
        [("مصدر مطلع", "asserts", 1), ("لوكالة الأناضول", "reports", None)],
    ),
    (
        "According to the World Health Organization, cases are falling.",
        [("the World Health Organization", "reports", None)],
    ),
    (
        "Reuters, citing two security sources, said the convoy was stopped.",
        [("Reuters", "reports", None), ("two security sources", "asserts", 0)],
    ),
    (
        "Local residents told Reuters that the bridge had collapsed.",
        [("Local residents", "asserts", 1), ("Reuters", "reports", None)],
    ),
    (
        "The state news agency quoted the minister as saying talks would resume.",
        [("The state news agency", "reports", None), ("the minister", "asserts", 0)],
    ),
    (
        'ونقلت " سانا " عن مصدر في المحافظة قوله إن الطريق أغلق',
        [("سانا", "reports", None), ("مصدر في المحافظة", "asserts", 0)],
    ),
    (
        "وقال سكان وعمال إغاثة إن الجسر انهار",
        [("سكان", "asserts", None), ("وعمال إغاثة", "asserts", None)],
    ),
    ("وكانت وزارة الزراعة ، قد أعلنت أن الموسم جيد", [("وزارة الزراعة", "asserts", None)]),
]

ANONYMOUS_AND_DATELINES = [
    ("وقال شهود عيان إن الانفجار هز الحي", [("شهود عيان", "asserts", None)]),
    ("وذكرت مصادر إعلامية أن الوفد غادر", [("مصادر إعلامية", "asserts", None)]),
    ("وقال ناشطون إن الاحتجاجات عمت المدينة", [("ناشطون", "asserts", None)]),
    (
        "A source familiar with the matter said the deal was close.",
        [("A source familiar with the matter", "asserts", None)],
    ),
    ("Officials who asked not to be named said the talks had failed.", [("Officials", "asserts", None)]),
    ("Witnesses said the fire spread quickly.", [("Witnesses", "asserts", None)]),
    (
        "دمشق-سانا أعلنت وزارة النقل تشغيل خط جديد",
        [("سانا", "asserts", None), ("وزارة النقل", "asserts", None)],
    ),
    ("بيروت (رويترز) - قال الجيش إن الحدود أغلقت", [("رويترز", "asserts", None), ("الجيش", "asserts", None)]),
    ("القاهرة (أ ف ب) - ارتفعت أسعار الخبز", [("أ ف ب", "asserts", None)]),
    ("LONDON (Reuters) - Shares fell sharply on Monday.", [("Reuters", "asserts", None)]),
    ("(AFP) - Heavy rain flooded the capital.", [("AFP", "asserts", None)]),
]

HEDGES_AND_NEGATIVES = [
    ("وأفاد قيادي في الحزب بأنه لا صحة للأنباء", [("قيادي في الحزب", "denies", None)]),
    ("وأضاف أن الوضع صعب", []),
    ("ويذكر أن الطريق مغلق منذ أسبوع", []),
    ("وفقاً للقانون فإن الانتخابات تجري كل أربع سنوات", []),
    ("وكشف الانهيار عن هشاشة المباني القديمة", []),
    ("He denied the charges.", []),
    ("The claim was false.", []),
    ("The army reportedly withdrew from the town, the officials said.", [("the officials", "asserts", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), VERB_FAMILIES)
def test_verb_families(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), FRAMES_AND_CHAINS)
def test_citation_frames_and_chains(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), ANONYMOUS_AND_DATELINES)
def test_anonymous_sources_and_datelines(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


@pytest.mark.parametrize(("sentence", "expected"), HEDGES_AND_NEGATIVES)
def test_denials_hedges_and_negatives(sentence: str, expected: list, registry: Registry) -> None:
    assert _summary(sentence, registry) == expected


def test_spans_point_into_the_original_text_with_diacritics_and_tatweel(registry: Registry) -> None:
    text = "وقالـــت وزارةُ الصحّة إنّ المستشفى امتلأ"
    (att,) = extract_attributions(text, registry=registry)
    assert text[att.span[0] : att.span[1]] == att.source == "وزارةُ الصحّة"
    assert att.source_kind == "government"
    assert att.verb == "وقالت"


def test_registry_keys_and_kinds(registry: Registry) -> None:
    atts = extract_attributions("ونقلت وكالة سانا عن مصدر عسكري أن الجيش تقدم", registry=registry)
    assert [(a.source_key, a.source_kind) for a in atts] == [("sana", "agency"), ("مصدر عسكري", "anonymous")]
    (un,) = extract_attributions("According to the UN refugee agency, 300 families fled.", registry=registry)
    assert un.source_kind == "international_org"


def test_language_is_detected_per_sentence(registry: Registry) -> None:
    assert extract_attributions("قال الجيش إن الحدود أغلقت", language="ar", registry=registry)
    assert extract_attributions("The army said the border was closed.", language=None, registry=registry)
