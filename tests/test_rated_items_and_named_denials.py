"""What a fact-check rates, what a denial names, and copies read apart, end to end on hand-written
news (original text): a fact-check of a video rules on the video, not on the sighting it was shared
with; a denial that goes on to confirm something else ("..., saying the halt is commercial") denies
only what it names; a statement that names the whole rumour in a long preamble before denying it
denies it; a party named in the claim that denies another detail of the story does not dispute the
claim; a copy that reads as unrelated on its own is linked to the report it copies.

Real files, a real SQLite store, the shipped models and the default encoder (the last test needs
none); skipped when no sentence encoder is installed.
"""

from __future__ import annotations

import pytest

from _newsroom import ingested, stances, write_articles
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.provenance import EvidenceArticle, Registry, analyze_provenance
from rawi.records import Article
from rawi.stance.analysis import AnalysisCache
from rawi.stance.denials import denies_other
from rawi.text import split_sentences, tokenize

needs_encoder = pytest.mark.skipif(load_encoder("use") is None, reason="no sentence encoder installed")

WOLF = {
    "wolf/villagers.txt": """Villagers in Jebel Harim say a wolf killed their sheep

Harim Gazette - 12.03.2026

JEBEL HARIM - Shepherds in the mountain village of Jebel Harim, in the Wadi Bih area of Ras Al Khaimah, say they saw a grey wolf near the village on Tuesday evening, hours after three sheep were found dead in a pen at the edge of the village. "It stood there looking at us, then went back up the wadi," one shepherd said.
""",
    "wolf/guide.txt": """Hiking guide reports wolf tracks and a sighting above Jebel Harim

Trail Notes Gulf - 13.03.2026

A local hiking guide, Salem Al-Naqbi, said he saw a grey wolf near the village of Jebel Harim in the Wadi Bih area of Ras Al Khaimah on Wednesday morning and photographed fresh tracks near the village well, where shepherds reported the animal a day earlier.
""",
    "wolf/authority.txt": """Environment authority: camera traps near Jebel Harim recorded a fox

Emirates Wire - 14.03.2026

The environment authority said on Saturday that camera traps placed around Jebel Harim village after the reports recorded a red fox and feral dogs, and that it had found no evidence that a wolf was seen near the village.
""",
    "wolf/factcheck.md": """# Does this video show a wolf at Jebel Harim this week?

**Check Desk** | 15.03.2026

**Claim:** A video shared widely since March 11 shows a grey wolf near the village of Jebel Harim in the Wadi Bih area of Ras Al Khaimah.

**Rating: FALSE**

The same footage was posted in 2019 by a wildlife park abroad; the viral version is cropped to hide the enclosure. This check concerns the video only: it does not rule on what the shepherds say they saw.
""",
}
SIGHTING = "A grey wolf was seen near the village of Jebel Harim in the Wadi Bih area of Ras Al Khaimah in March 2026."
VIDEO = "The video of a grey wolf near the village of Jebel Harim in Ras Al Khaimah was filmed in March 2026."


@pytest.fixture(scope="module")
def wolf(tmp_path_factory: pytest.TempPathFactory):
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path_factory.mktemp("wolf"), lambda root: write_articles(root, WOLF)) as wb:
        yield wb


@needs_encoder
def test_a_fact_check_of_a_video_does_not_rule_on_the_sighting(wolf: Rawi) -> None:
    result = wolf.check(SIGHTING)
    got = stances(result)
    assert got["wolf/villagers.txt"] == "agree"
    # it rates the video: no ruling on the sighting, and what it quotes it does not assert
    assert got["wolf/factcheck.md"] == "discuss", result["evidence"]
    assert result["verdict"]["label"] != "refuted"  # shepherds and a guide against one authority


@needs_encoder
def test_a_fact_check_of_a_video_rules_on_a_claim_about_the_video(wolf: Rawi) -> None:
    assert stances(wolf.check(VIDEO))["wolf/factcheck.md"] == "disagree"


@pytest.mark.parametrize(
    ("claim", "denial", "other"),
    [
        (
            "أوقفت شركة الواحة للطيران رحلاتها بين الكويت وتبليسي",
            "نفت شركة الواحة للطيران أن تكون السلطات الجورجية قد حظرت طائراتها، مؤكدة أن قرار وقف رحلاتها "
            "إلى تبليسي تجاري",
            True,
        ),
        (
            "Oasis Air halted its flights between Kuwait and Tbilisi",
            "Oasis Air denied online reports that Georgian authorities had banned its aircraft, saying its "
            "decision to halt flights between Kuwait and Tbilisi was commercial",
            True,
        ),
        # what it names is the claim's event: it denies it
        (
            "أوقفت شركة الواحة للطيران رحلاتها بين الكويت وتبليسي",
            "نفت شركة الواحة للطيران أن تكون أوقفت رحلاتها بين الكويت وتبليسي",
            False,
        ),
    ],
)
def test_a_denial_names_what_it_denies_up_to_what_the_speaker_adds(
    claim: str, denial: str, other: bool
) -> None:
    analyses = AnalysisCache()
    assert denies_other(analyses.claim(denial).unit, analyses.claim(claim).unit, analyses) is other


MUSEUM = {
    "museum/agency.txt": """سرقة مخطوطة نادرة من متحف دار الكتب القديمة في مدينة سوسة

سوسة (وات) - أفاد مصدر بالمعهد الوطني للتراث اليوم الاثنين بأن مخطوطة «رسالة الأفلاك» النادرة سُرقت من خزانة العرض في متحف دار الكتب القديمة بمدينة سوسة، وأن الأعوان وجدوا قفل الخزانة مكسوراً صباح اليوم.
""",
    "museum/radio.txt": """إذاعة الساحل: اختفاء مخطوطة «رسالة الأفلاك» من متحف سوسة

قال مراسل إذاعة الساحل إن مخطوطة «رسالة الأفلاك» اختفت من متحف دار الكتب القديمة بسوسة، وإن أعوان المتحف أبلغوا الشرطة بسرقتها بعد أن وجدوا خزانة العرض فارغة.
""",
    "museum/ministry.txt": """بلاغ توضيحي حول مخطوطة «رسالة الأفلاك»

وزارة الشؤون الثقافية - بلاغ

تونس - على إثر ما تم تداوله في عدد من وسائل الإعلام ومواقع التواصل الاجتماعي بخصوص سرقة مخطوطة «رسالة الأفلاك» النادرة من متحف دار الكتب القديمة بمدينة سوسة، تنفي وزارة الشؤون الثقافية نفياً قاطعاً تعرّض المخطوطة المذكورة لأي سرقة.

وتوضح الوزارة أن المخطوطة نُقلت الأسبوع الماضي إلى مخبر الترميم بالمكتبة الوطنية في إطار برنامج دوري لصيانة المخطوطات المعروضة.
""",
}


@needs_encoder
def test_a_statement_that_names_the_rumour_in_its_preamble_denies_it(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, MUSEUM)) as wb:
        result = wb.check("سُرقت مخطوطة «رسالة الأفلاك» النادرة من متحف دار الكتب القديمة في سوسة")
    got = stances(result)
    assert got["museum/ministry.txt"] == "disagree", result["evidence"]
    assert got["museum/agency.txt"] == "agree"
    assert result["verdict"]["label"] != "supported"


def test_a_copy_read_as_unrelated_is_linked_to_the_report_it_copies() -> None:
    report = (
        "أعلنت وزارة الزراعة اليوم رصد أسراب من الجراد الصحراوي في ثلاث ولايات بمحافظة الجنوب، قادمة من جهة "
        "الساحل، وذلك بعد أسابيع من هطول أمطار غزيرة هيأت بيئة مناسبة لتكاثره، وبدأت فرق المكافحة رش المبيدات."
    )
    copy = report.replace("أعلنت", "اعلنت").replace("أسراب", "اسراب").replace("غزيرة", "غزيره")
    other = "افتتح معرض الكتاب أبوابه أمس بمشاركة مئات دور النشر من عشرين دولة، ويستمر عشرة أيام."
    evidence = [EvidenceArticle(Article("r1", report, language="ar"), split_sentences(report), "agree", [0])]
    candidates = [Article("c1", copy, language="ar"), Article("c2", other, language="ar")]
    result = analyze_provenance(tokenize("claim"), evidence, Registry.load(), copy_candidates=candidates)
    assert {(x.a, x.b) for x in result.reuse} | {(x.b, x.a) for x in result.reuse} >= {("r1", "c1")}
    assert all("c2" not in (x.a, x.b) for x in result.reuse)
    assert [o.articles for o in result.origins] == [["r1"]]  # a candidate joins no origin


FEES = {
    "fees/agency.txt": """وزارة التعليم العالي ترفع أجور الدراسة المسائية في الجامعات الحكومية

بغداد (واع) - قررت وزارة التعليم العالي والبحث العلمي رفع أجور الدراسة المسائية في الجامعات الحكومية بنسبة 25 في المئة لجميع التخصصات، اعتباراً من العام الدراسي المقبل، بحسب تعميم رسمي نشرته على موقعها اليوم الأحد.

وقال المتحدث باسم الوزارة إن الزيادة تطبق على الطلبة المقبولين في المرحلة الأولى فقط.
""",
    "fees/tv.txt": """زيادة أجور الدراسة المسائية تثير غضب الطلبة

البصرة - قناة الرافدين اليوم - علمت القناة من عمادات عدد من الكليات أن وزارة التعليم العالي رفعت أجور الدراسة المسائية في الجامعات الحكومية للعام الدراسي المقبل، وأن الجامعات بدأت إبلاغ الطلبة الجدد بالأجور الجديدة.
""",
    "fees/union.txt": """رابطة طلبة المسائي: الزيادة تصل إلى 40 في المئة في الكليات الطبية

بغداد - شبكة الجامعة نيوز - قالت رابطة طلبة الدراسات المسائية إن الطلبة الجدد تفاجؤوا بارتفاع الأجور في الجامعات الحكومية هذا العام.

وأضافت الرابطة أن جدولاً منسوباً لجامعة البصرة يحدد 40 في المئة لكليات الطب، وهو ما تنفيه الوزارة.
""",
}


@needs_encoder
def test_a_named_party_denying_another_detail_does_not_dispute_the_claim(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, FEES)) as wb:
        raised = wb.check("رفعت وزارة التعليم العالي أجور الدراسة المسائية في الجامعات الحكومية")
        forty = wb.check(
            "رفعت وزارة التعليم العالي أجور الدراسة المسائية بنسبة 40 في المئة في الكليات الطبية"
        )
    # the ministry denies the 40 %, not the raise it announced itself
    assert [d["source"] for d in raised["provenance"]["party_denials"]] == ["الوزارة"]
    assert raised["verdict"]["label"] == "supported", raised["verdict"]
    # the same denial is about a claim of 40 %
    assert forty["verdict"]["label"] != "supported", forty["verdict"]


def test_a_translation_takes_the_reading_of_its_original_in_the_claims_language() -> None:
    from rawi.stance.base import StanceResult
    from rawi.stance.copies import pool_copies

    def reading(agree: float, discuss: float) -> StanceResult:
        scores = {
            "agree": agree,
            "disagree": 0.02,
            "discuss": discuss,
            "unrelated": 1 - agree - discuss - 0.02,
        }
        return StanceResult(max(scores, key=lambda k: scores[k]), scores)

    ids = ["ar/agency.txt", "en/translation.txt", "ar/copy.txt", "en/other.txt"]
    stances = [reading(0.25, 0.55), reading(0.89, 0.07), reading(0.25, 0.55), reading(0.8, 0.1)]
    links = [
        {"a": "ar/agency.txt", "b": "en/translation.txt", "kind": "translation"},
        {"a": "ar/agency.txt", "b": "ar/copy.txt", "kind": "near_duplicate"},
    ]
    languages = ["ar", "en", "ar", "en"]
    pooled = pool_copies(ids, stances, links, languages, "ar")
    # the translation, read through a pivot, agreed; the agency report it renders only discusses
    assert [s.label for s in pooled] == ["discuss", "discuss", "discuss", "agree"]
    # an English claim reads the English translation directly: the Arabic original takes its reading
    assert [s.label for s in pool_copies(ids, stances, links, languages, "en")][:3] == ["agree"] * 3
    # without the languages nothing is taken across a translation
    assert pool_copies(ids, stances, links)[1].label == "agree"


def test_a_copy_read_as_unrelated_gives_no_reading_to_the_copies_that_are_related() -> None:
    from rawi.stance.base import StanceResult
    from rawi.stance.copies import pool_copies

    denial = {"agree": 0.05, "disagree": 0.45, "discuss": 0.1, "unrelated": 0.4}
    missed = {"agree": 0.05, "disagree": 0.05, "discuss": 0.1, "unrelated": 0.8}
    stances = [
        StanceResult("disagree", denial),
        StanceResult("disagree", denial),
        StanceResult("unrelated", missed),
    ]
    links = [
        {"a": "sana", "b": "alofoq", "kind": "near_duplicate"},
        {"a": "sana", "b": "cp1256", "kind": "near_duplicate"},
    ]
    # the mean of the three would be "unrelated": the two related copies' reading stands for all three
    assert [s.label for s in pool_copies(["sana", "alofoq", "cp1256"], stances, links)] == ["disagree"] * 3
