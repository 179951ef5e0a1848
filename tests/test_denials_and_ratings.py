"""End to end on hand-written news (tests/_market_fire.py): a claim that a denial happened, found in a
long sentence that reports it among other things; a denial whose headline states what is denied without
a denial word; a fact-check that rates an old photo of the event "misleading"; and three sites quoting
one unnamed source.

Real files, a real SQLite store, the shipped models and the default encoder; skipped when no sentence
encoder is installed.
"""

from __future__ import annotations

import pytest

from _market_fire import DEATHS, DENIAL, FIRE, write_market_fire
from _newsroom import ingested, stances, write_articles
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.stance.factcheck import rated_claims, rates_misleading

DENIAL_EN = "Zarqa's civil defence denied that three workers died in the vegetable market fire"
pytestmark = pytest.mark.skipif(load_encoder("use") is None, reason="no sentence encoder installed")


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    with ingested(tmp_path_factory.mktemp("market"), write_market_fire) as workbench:
        yield workbench


def test_a_denial_reported_in_a_long_sentence_agrees_with_the_claim_that_it_happened(wb: Rawi) -> None:
    # "The civil defence had denied, in a short statement issued on Saturday morning after an emergency
    # meeting of ..., reports ... of three workers' deaths in the fire", the third sentence: found among
    # all the article's sentences, and read from an English claim, across languages.
    for claim in (DENIAL, DENIAL_EN):
        got = stances(wb.check(claim))
        assert got["market/local.txt"] == "agree", claim
        assert got["market/agency.txt"] == "discuss", claim  # reports the fire, no denial


def test_a_denial_led_by_a_headline_without_a_denial_word_denies(wb: Rawi) -> None:
    # "Zarqa hospital: no deaths among the market's workers", then "the hospital's director denied ...".
    result = wb.check(DEATHS)
    assert stances(result)["market/hospital.txt"] == "disagree"
    assert result["verdict"]["label"] != "supported"  # a rumour site and a denial: not a confirmation


def test_a_misleading_photo_is_no_ruling_on_the_event_it_was_shared_with(wb: Rawi) -> None:
    # The photo check says the picture is old: the fire itself is not denied.
    result = wb.check(FIRE)
    assert stances(result)["market/photo-check.md"] != "disagree"
    assert result["verdict"]["label"] != "refuted"


def test_misleading_ratings_and_rated_claims_are_read_from_the_language_data() -> None:
    sentences = ["**الادعاء:** صورة تظهر ألسنة اللهب في السوق.", "**الحكم:** مضلل."]
    assert rates_misleading("# مضلل: صورة قديمة", sentences)
    assert not rates_misleading("# زائف: لا وفيات", ["**الحكم:** زائف."])
    assert rates_misleading(None, ["CLAIM: a photo shows the fire.", "RATING: Misleading"])
    assert rated_claims("عنوان", sentences) == ["صوره تظهر السنه اللهب في السوق."]


GOVERNOR = {
    "gov/site.txt": """خاص: محافظ الجنوب يقدّم استقالته

موقع الجنوب اليوم

قال مصدر مقرّب من مكتبه لموقع «الجنوب اليوم» إن محافظ الجنوب سالم بن عوض قدّم استقالته مساء الأحد إلى رئيس الحكومة احتجاجاً على تأخر مخصصات الكهرباء.
""",
    "gov/copy.txt": """مصدر: محافظ الجنوب سالم بن عوض يستقيل احتجاجاً على أزمة الكهرباء

شبكة عدن الإخبارية

أفاد مصدر مقرب من مكتب المحافظ بأن محافظ الجنوب سالم بن عوض قدم استقالته مساء الأحد إلى رئيس الحكومة احتجاجاً على تأخر مخصصات الكهرباء.
""",
    "gov/cite.txt": """أنباء عن استقالة محافظ الجنوب

موقع الساحل نت

نقلت مواقع محلية عن مصدر مقرّب من مكتب محافظ الجنوب أن المحافظ سالم بن عوض قدّم استقالته إلى رئيس الحكومة، بسبب أزمة مخصصات الكهرباء في المحافظة.
""",
}


def test_three_sites_quoting_one_unnamed_source_are_not_a_confirmation(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, GOVERNOR)) as workbench:
        result = workbench.check("قدّم محافظ الجنوب سالم بن عوض استقالته إلى رئيس الحكومة")
    assert set(stances(result).values()) == {"agree"}
    assert result["verdict"]["label"] == "unverified"
    origins = result["verdict"].get("origins") or result["provenance"]["origins"]
    assert all(o.get("anonymous") for o in origins)


EXAM = {
    "exam/agency.txt": """وزارة التربية: لا تسريب لموضوع امتحان الفيزياء في بكالوريا هذا العام

الرباط (وكالة الأنباء) - أكدت وزارة التربية الوطنية اليوم الخميس أن موضوع امتحان الفيزياء للبكالوريا لم يتسرب قبل انطلاق الاختبار، موضحة أن مترشحاً في مكناس صوّر ورقة الأسئلة ونشرها على فيسبوك بعد نصف ساعة من بدء الامتحان، وأن مصالحها أحالته على القضاء.
""",
    "exam/site.txt": """تسريب أسئلة امتحان الفيزياء للبكالوريا على فيسبوك

تداولت صفحات على فيسبوك صباح الخميس صور أسئلة امتحان الفيزياء للبكالوريا، وقال تلاميذ لموقع المنارة بريس إن الأسئلة انتشرت على مجموعات المراجعة أثناء الامتحان.
""",
    "exam/parents.txt": """جمعية آباء التلاميذ تطالب بالتحقيق في تسرب أسئلة الفيزياء

طالبت جمعية آباء وأولياء التلاميذ بمكناس بفتح تحقيق في تسرب أسئلة امتحان الفيزياء للبكالوريا على مواقع التواصل الاجتماعي، مؤكدة أن عشرات الأسر تلقت صور الأسئلة صباح الامتحان.
""",
    "exam/factcheck.txt": """هل تسربت أسئلة امتحان الفيزياء للبكالوريا على فيسبوك؟ التقييم: مضلل

منصة تحقق لتدقيق الأخبار

الادعاء: تسربت أسئلة امتحان الفيزياء للبكالوريا على فيسبوك.

التقييم: مضلل.

صور الأسئلة انتشرت فعلاً على فيسبوك، لكن بعد انطلاق الامتحان بنصف ساعة وليس قبله، وقد نفت وزارة التربية الوطنية حدوث أي تسريب.
""",
}


def test_a_misleading_rating_of_an_event_is_no_refutation(tmp_path) -> None:
    # "Misleading": the questions did spread, during the exam and not before it. The claim is partly
    # true, and a fact-check that says so does not settle it as refuted the way a "false" rating does.
    with ingested(tmp_path, lambda root: write_articles(root, EXAM)) as workbench:
        result = workbench.check("تسربت أسئلة امتحان الفيزياء للبكالوريا على مواقع التواصل الاجتماعي")
    refuting = [o for o in result["provenance"]["origins"] if o.get("refutes")]
    assert not refuting, refuting
    assert result["verdict"]["label"] != "refuted", result["verdict"]


def test_a_rating_line_marks_a_fact_check_whatever_its_rating() -> None:
    from rawi.stance.factcheck import is_fact_check

    # a Markdown rating with its shadda and a dash after it, and a plain "rating: wrong" line
    assert is_fact_check(
        "فيديو النفق قديم", ["**تحقق الساحل** | 11 مارس 2026", "**الحكم: مضلِّل — سياق زمني خاطئ**"]
    )
    assert is_fact_check("هل احترقت المخازن؟", ["07.11.2025", "الادعاء: حريق أتلف المخازن.", "التقييم: خطأ."])
    assert is_fact_check("Was the bridge closed?", ["Claim: the bridge closed.", "Rating: Mostly false"])
    # a referee is no rating, and a denial by the accused party is no fact-check
    assert not is_fact_check(
        "الأهلي يفوز على الزمالك", ["أدار المباراة الحكم محمد عادل.", "نفت الشركة ما تردد."]
    )


FLOODED_TUNNEL = {
    "tunnel/viral.txt": """فيديو صادم: السيول تغرق نفق الواحة في الريان

موقع ترند الريان - trend-rayyan.example - 3 مارس 2026

تداول روّاد مواقع التواصل الاجتماعي الليلة مقطع فيديو يُظهر غرق عدد من السيارات داخل نفق الواحة في مدينة الريان خلال الأمطار الغزيرة التي هطلت مساء اليوم الثلاثاء 3 مارس 2026.

ويظهر في المقطع سائقون يغادرون سياراتهم وسط المياه التي بلغت النوافذ.
""",
    "tunnel/factcheck.md": """# فيديو غرق السيارات في نفق الواحة قديم ولا علاقة له بأمطار مارس 2026

**منصة بيّن الخليج** | bayyin-gulf.example | 5 مارس 2026 | إعداد: فريق التحقق

**الحكم: مضلِّل — سياق زمني خاطئ**

## الادعاء

تداولت حسابات ومواقع، بينها موقع «ترند الريان»، مقطع فيديو يُظهر سيارات غارقة في نفق، مع تعليق يقول إنه صُوّر في نفق الواحة خلال أمطار الثلاثاء 3 مارس 2026.

## ماذا وجدنا

- أظهر البحث العكسي أن المقطع نُشر لأول مرة في يناير 2021 خلال أمطار ذلك الشتاء.
- أكدت هيئة الطرق أن النفق بقي مفتوحاً خلال أمطار الثلاثاء ولم تغمره المياه.

## الخلاصة

المقطع حقيقي لكنه قديم، ولا يُظهر نفق الواحة خلال أمطار 3 مارس 2026، لذلك نصنّف الادعاء مضلِّلاً.
""",
    "tunnel/rain.txt": """أمطار غزيرة على الريان وتعليق الدراسة الحضورية

وكالة أنباء الخليج - الريان

هطلت أمطار غزيرة على مدينة الريان مساء الثلاثاء 3 مارس 2026، وأعلنت وزارة التربية تعليق الدراسة الحضورية يوم الأربعاء.

وقالت هيئة الطرق إن فرقها سحبت المياه المتجمعة من عدد من الشوارع، وإن الأنفاق الرئيسية بقيت مفتوحة أمام الحركة.
""",
}


def test_a_misleading_rating_rules_on_the_item_its_title_opens_with(tmp_path) -> None:
    # The claim line opens with who circulated the video ("تداولت حسابات ... مقطع فيديو"); the title
    # opens with the video itself: the "misleading" rating rules on a claim that names the video.
    with ingested(tmp_path, lambda root: write_articles(root, FLOODED_TUNNEL)) as workbench:
        result = workbench.check("يُظهر مقطع فيديو متداول غرق سيارات في نفق الواحة خلال أمطار يوم 3 مارس 2026")
        rain = workbench.check("هطلت أمطار غزيرة على مدينة الريان مساء الثلاثاء 3 مارس 2026")
    assert stances(result)["tunnel/factcheck.md"] == "disagree", result["evidence"]
    assert result["verdict"]["label"] != "supported"
    # the rain itself, which the video was shared with, is not what it rates
    assert stances(rain).get("tunnel/factcheck.md") != "disagree"


CRANE_PHOTO = {
    "crane/report.txt": """Crane collapses onto a parked bus at Sharjah construction site

Gulf Courier - Sharjah

A tower crane collapsed onto an empty parked bus at a construction site in Sharjah's Al Nahda area on Tuesday evening, police said, adding that nobody was hurt.
""",
    "crane/viral.txt": """Shocking photo shows the moment the Sharjah crane fell

BuzzGulf

A photo shared widely on Tuesday night shows a yellow crane lying across a crushed bus, which users said was the Al Nahda collapse.
""",
    "crane/factcheck.md": """# Viral photo of a crane on a crushed bus is not from Sharjah

**FactLens Gulf** · factlens.example · Fact-check

**Rating: FALSE CONTEXT**

## The claim

Posts shared thousands of times on Tuesday night and a story on the BuzzGulf site present a photo of a yellow crane lying across a crushed bus as the Al Nahda crane collapse in Sharjah.

## What we found

A reverse image search shows the photo was first published in 2019 after a crane accident in another country. The Sharjah collapse did happen, but the crane fell onto an empty bus and the scene looks different.
""",
}


def test_a_false_context_rating_rules_on_the_photo_its_claim_line_names(tmp_path) -> None:
    # "Posts shared ... present a photo": the rated item comes after who shared it. The rating rules
    # on a claim about the photo, and not on the collapse, which did happen.
    with ingested(tmp_path, lambda root: write_articles(root, CRANE_PHOTO)) as workbench:
        photo = workbench.check(
            "A photo circulating online shows the crane that collapsed onto a bus in Sharjah"
        )
        event = workbench.check("A crane collapsed onto a parked bus at a construction site in Sharjah")
    assert stances(photo)["crane/factcheck.md"] == "disagree", photo["evidence"]
    assert stances(event).get("crane/factcheck.md") != "disagree", event["evidence"]
