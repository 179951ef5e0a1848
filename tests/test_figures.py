"""Figures: a claim's number against the number an article gives, and denials that did not happen.

Unit tests read quantities and cues straight from text; the end-to-end tests check hand-written
Arabic news (original text) through a real store with the shipped models and the default encoder.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from _newsroom import ingested, stances, write_articles
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.stance.analysis import AnalysisCache, analyze_unit
from rawi.stance.figures import figure_reading, sets_aside
from rawi.stance.pivot import PIVOT, pivot
from rawi.stance.views import TITLE
from rawi.text import normalize
from rawi.text.quantities import Quantity, agree_on_a_figure, quantities
from rawi.text.tokenize import tokenize_normalized


def read(text: str) -> frozenset[Quantity]:
    return quantities(tuple(tokenize_normalized(normalize(text))))


def test_one_figure_in_every_writing_is_one_quantity() -> None:
    forty_thousand = Quantity(40000.0, 40000.0)
    assert read("انقطعت المياه عن 40 ألف منزل") == {forty_thousand}
    assert read("انقطعت المياه عن ٤٠ ألفاً من المنازل") == {forty_thousand}
    assert read("water was cut to 40,000 homes") == {forty_thousand}
    assert read("a $1.2bn contract") == read("عقد بقيمة 1200 مليون دولار")


def test_arabic_numbers_from_eleven_to_nineteen_are_read_whole() -> None:
    # "ثلاثة عشر" read as three made "13 injured" agree with a report of three injured.
    thirteen = {Quantity(13.0, 13.0)}
    assert read("أصيب ثلاثة عشر شخصاً في الانفجار") == thirteen == read("13 people were injured")
    assert read("ثلاث عشرة امرأة") == thirteen
    assert read("أحد عشر قتيلاً") == {Quantity(11.0, 11.0)} == read("إحدى عشرة سفينة")
    assert read("اثنا عشر جندياً") == {Quantity(12.0, 12.0)}
    assert read("ثلاثة أشخاص") == {Quantity(3.0, 3.0)}
    # alone, "عشر" is a tenth or a decade and "أحد" is "one of": no count
    assert read("أصيب أحد الجنود بجروح") == frozenset()
    # before a unit of time it is ten: "عشر ساعات", "عشر سنوات"
    assert read("امتد القطع إلى عشر ساعات") == {Quantity(10.0, 10.0, duration=True)}


def test_dates_and_years_are_not_quantities() -> None:
    assert read("الأحد 4 أكتوبر 2026") == frozenset()
    assert read("Doha, October 13 (QNA)") == frozenset()
    assert read("في 21 تشرين الأول قتل ١٢ شخصاً") == {Quantity(12.0, 12.0)}
    assert read("04.03.2025") == frozenset()


def test_bounds_and_estimates_are_ranges() -> None:
    (at_least,) = read("ما لا يقل عن 20 شخصاً")
    assert (at_least.low, at_least.high) == (20.0, math.inf)
    (fewer,) = read("fewer than 12,000 homes")
    assert (fewer.low, fewer.high) == (-math.inf, 12000.0)
    (about,) = read("نحو 40 ألف منزل")
    assert about.low < 40000 < about.high
    assert agree_on_a_figure(read("At least 20 people drowned"), read("23 people drowned"))
    assert not agree_on_a_figure(read("نحو 40 ألف منزل"), read("أقل من 12 ألف منزل"))
    assert not agree_on_a_figure(read("21 قتيلاً"), read("12 قتيلاً"))


@pytest.mark.parametrize(
    "text",
    [
        "أكد الناطق أن الوزارة لم تنفِ ما تم تداوله عن إغلاق المدرسة",
        "The company neither confirmed nor denied the report",
        "The ministry has not denied it",
        "قالت الشركة إنها لا تؤكد ولا تنفي ما نشرته الصحيفة",
    ],
)
def test_a_denial_that_did_not_happen_is_no_denial_cue(text: str) -> None:
    assert not analyze_unit(text).cue_count("denial")


@pytest.mark.parametrize(
    "text", ["نفت الوزارة إغلاق المدرسة", "The ministry denied it", "لم تمض ساعات حتى نفت الوزارة الخبر"]
)
def test_a_denial_is_still_a_denial_cue(text: str) -> None:
    assert analyze_unit(text).cue_count("denial")


def test_a_barely_related_sentence_is_never_a_pivot() -> None:
    """A pivot closer than PIVOT to the claim would lend its articles a side across languages."""

    class Article:
        def __init__(self, texts: list[str]) -> None:
            self.texts = texts

        def candidate_texts(self) -> list[tuple[int, str]]:
            return list(enumerate(self.texts))

    claim = np.array([1.0, 0.0])
    near = "أعلنت الشركة خطة لإعادة هيكلة أقسام التخزين والنقل البري في الدوحة"

    def vectors(texts):
        # every candidate sits just under PIVOT from the claim
        angle = math.acos(PIVOT - 0.01)
        return np.array([[math.cos(angle), math.sin(angle)] for _ in texts])

    assert pivot(vectors, claim, [Article([near])]) is None


FLOOD = {
    "flood/agency.txt": """ارتفاع حصيلة ضحايا السيول في بلدة وادي السدرة إلى 9 وفيات

وادي السدرة - وكالة أنباء الجنوب

أعلنت مديرية الدفاع المدني في محافظة الجنوب اليوم الخميس ارتفاع حصيلة ضحايا السيول التي اجتاحت بلدة وادي السدرة إلى 9 وفيات، بعد انتشال جثتي طفلين من مجرى الوادي صباح اليوم.

وقال مدير الدفاع المدني في المحافظة العقيد ماجد الرواحنة إن فرق الإنقاذ أخلت أكثر من مئتي عائلة من الأحياء المنخفضة، وإن عمليات البحث ما زالت جارية عن مفقود واحد.

وكانت أمطار غزيرة قد هطلت على المنطقة مساء الثلاثاء وتسببت في جريان الأودية وانهيار جسر ترابي يربط البلدة بالطريق الرئيسي.
""",
    "flood/daily.txt": """وادي السدرة تودّع ضحايا السيول: 9 وفيات وعشرات المنازل المتضررة

صحيفة الجنوب اليوم - مراسلنا في وادي السدرة

شيّع أهالي بلدة وادي السدرة أمس ضحايا السيول التي ضربت البلدة، وأكدت مصادر في مستشفى البلدة الحكومي لـ"الجنوب اليوم" أن عدد الوفيات بلغ 9، بينهم أربعة أطفال.

وشاهد مراسلنا عشرات المنازل التي غمرتها المياه في الحي الغربي، فيما انشغل المتطوعون بإزالة الطمي من الشوارع وفتح الطرق أمام سيارات الإسعاف.

وطالب رئيس البلدية الحكومة بإعلان البلدة منطقة منكوبة وتعويض المتضررين.
""",
    "flood/rumour.txt": """مصادر محلية: 19 قتيلاً في سيول وادي السدرة والعدد مرشح للارتفاع

شبكة أخبار الوادي

أفادت مصادر محلية في بلدة وادي السدرة بأن عدد ضحايا السيول بلغ 19 قتيلاً، متهمة السلطات بالتكتم على الحصيلة الحقيقية.

وتداول ناشطون على مواقع التواصل الاجتماعي صوراً قالوا إنها لجثث انتُشلت من مجرى الوادي.
""",
    "flood/statement.txt": """بيان توضيحي من مديرية الدفاع المدني حول حصيلة سيول وادي السدرة

تؤكد مديرية الدفاع المدني في محافظة الجنوب أن الحصيلة الرسمية لضحايا السيول في بلدة وادي السدرة هي 9 وفيات، وأن الأرقام المتداولة عن سقوط 19 قتيلاً غير دقيقة.

وتدعو المديرية المواطنين إلى استقاء المعلومات من مصادرها الرسمية وعدم تداول الشائعات.
""",
    "flood/unrelated.txt": """افتتاح معرض الكتاب في مدينة الجنوب بمشاركة مئة دار نشر

افتتح محافظ الجنوب اليوم معرض الكتاب السنوي بمشاركة مئة دار نشر عربية، ويستمر المعرض عشرة أيام.
""",
}


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path_factory.mktemp("figures"), lambda root: write_articles(root, FLOOD)) as workbench:
        yield workbench


def test_reports_of_another_figure_do_not_support_the_claims_figure(wb: Rawi) -> None:
    result = wb.check("بلغت حصيلة ضحايا السيول في بلدة وادي السدرة 19 قتيلاً")
    got = stances(result)
    assert got["flood/agency.txt"] != "agree"  # it reports the floods, with 9 dead: no one's denial
    assert got["flood/daily.txt"] != "agree"
    assert got["flood/statement.txt"] == "disagree"  # "the figures of 19 in circulation are inaccurate"
    assert result["verdict"]["label"] != "supported"


def test_the_figure_the_reports_give_is_not_disputed_by_them(wb: Rawi) -> None:
    result = wb.check("ارتفعت حصيلة ضحايا السيول في بلدة وادي السدرة إلى 9 وفيات")
    got = stances(result)
    assert got["flood/agency.txt"] == "agree"
    assert result["verdict"]["label"] != "refuted"


def test_a_lower_bound_is_read_as_a_bound(wb: Rawi) -> None:
    below = stances(wb.check("لقي أكثر من 5 أشخاص حتفهم في سيول بلدة وادي السدرة"))
    assert below["flood/agency.txt"] != "disagree"  # 9 is more than 5
    above = stances(wb.check("لقي أكثر من 50 شخصاً حتفهم في سيول بلدة وادي السدرة"))
    assert above["flood/agency.txt"] != "agree"


def test_a_claim_of_a_denial_that_was_not_made_is_not_supported(tmp_path: Path) -> None:
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    school = {
        "school/agency.txt": """مديرية التربية تغلق مبنى مدرسة الربوة الأساسية بعد ظهور تصدعات

أعلن مدير التربية والتعليم في لواء الربوة إغلاق مبنى مدرسة الربوة الأساسية للبنات حتى نهاية الفصل الدراسي، بعد أن أوصت لجنة هندسية بإخلائه.

وأكد الناطق باسم وزارة التربية والتعليم أن الوزارة لم تنفِ في أي وقت ما تم تداوله عن إغلاق المدرسة، وأن بعض العناوين المنشورة لم تعكس مضمون تصريحاته.
""",
        "school/statement.txt": """بيان من وزارة التربية والتعليم حول مدرسة الربوة الأساسية للبنات

تعلن وزارة التربية والتعليم أنها قررت إغلاق مبنى مدرسة الربوة الأساسية للبنات ونقل طالباتها إلى مدرسة مجاورة بنظام الفترتين، وأنها لم تنفِ ذلك في أي وقت.
""",
    }
    with ingested(tmp_path, lambda root: write_articles(root, school)) as workbench:
        result = workbench.check("نفت وزارة التربية والتعليم إغلاق مدرسة الربوة الأساسية للبنات")
    assert stances(result).get("school/agency.txt") != "agree"
    assert result["verdict"]["label"] != "supported"


def test_durations_that_say_when_are_no_figures_and_lengths_are() -> None:
    from rawi.stance.figures import figures

    assert all(q.duration and q.dated for q in read("قبل ثلاثة أيام")) and read("three weeks ago")
    assert figures(analyze_unit("قتل الجيش طفلاً من عفرين قبل ثلاثة أيام")) == frozenset()
    assert figures(analyze_unit("عاد الصيادون بعد عشر سنوات من الانتظار")) == frozenset()
    # how long something lasts is a figure a report can state otherwise: ten hours, eight hours
    assert figures(analyze_unit("قتل 12 شخصاً في معارك دامت أربعة أشهر")) == {
        Quantity(12.0, 12.0),
        Quantity(4.0, 4.0, duration=True),
    }
    ten_hours = figures(analyze_unit("The night water cuts last about ten hours, from 8 pm to 6 am"))
    assert ten_hours == {Quantity(8.5, 11.5, duration=True)}  # "8 pm" and "6 am" are hours of the day
    assert not agree_on_a_figure(ten_hours, figures(analyze_unit("يدوم القطع ثماني ساعات لا غير")))
    assert read("تبدأ الجلسة الساعة 9 صباحاً") == frozenset()


FROST = {
    "frost/agency.txt": """الصقيع يتلف نحو 30 في المئة من أشجار الزيتون في سهل الحمرا

الحمرا (وكالة الأنباء) - قال رئيس جمعية مزارعي سهل الحمرا إن موجة الصقيع التي ضربت السهل ليل الأحد أتلفت نحو 30 في المئة من أشجار الزيتون، مطالباً بتعويض المزارعين قبل موسم القطاف.

وأضاف أن الخسائر تركزت في الحقول المنخفضة قرب مجرى النهر، حيث انخفضت الحرارة إلى خمس درجات تحت الصفر.
""",
    "frost/union.txt": """اتحاد الفلاحين: ثلث زيتون سهل الحمرا تضرر من الصقيع

أكد اتحاد الفلاحين في بيان أن فرقه أحصت تضرر نحو 30 في المئة من أشجار الزيتون في سهل الحمرا جراء موجة الصقيع الأخيرة، داعياً وزارة الزراعة إلى إعلان السهل منطقة منكوبة.
""",
    "frost/ministry.txt": """وزارة الزراعة: تضرر أشجار الزيتون في الحمرا لا يتجاوز 8 في المئة

أعلنت مديرية الزراعة في المحافظة أن المسح الذي أجرته فرقها في الحقول بعد موجة البرد أظهر أن 120 شجرة من أصل 1500 شجرة في العينة تضررت، أي نحو 8 في المئة.

وقال مدير الزراعة إن الحديث عن 30 في المئة مبالغ فيه ولا يستند إلى إحصاء ميداني، موضحاً أن أغلب الأشجار فقدت أوراقها فقط وستتعافى في الربيع.
""",
}


def test_an_article_that_calls_the_claims_own_figure_exaggerated_denies_it(tmp_path: Path) -> None:
    # The ministry never gives 30 %; it gives 8 % and calls "the talk of 30 %" exaggerated: it denies
    # the claim's figure, even where its words are further from the claim's than a report's are.
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path, lambda root: write_articles(root, FROST)) as workbench:
        result = workbench.check("أتلف الصقيع نحو 30 في المئة من أشجار الزيتون في سهل الحمرا")
    got = stances(result)
    assert got["frost/ministry.txt"] == "disagree", result["evidence"]
    assert got["frost/agency.txt"] == "agree"
    assert result["verdict"]["label"] != "supported"


def test_the_claims_own_figure_beside_a_denial_word_is_denied_in_an_article_near_the_claim() -> None:
    ministry = FROST["frost/ministry.txt"].split("\n\n")
    article = AnalysisCache().article([p.strip() for p in ministry[1:]], ministry[0])
    claimed = read("أتلف الصقيع نحو 30 في المئة من أشجار الزيتون في سهل الحمرا")
    # Its closest texts give 8 % (another figure, no denial word): "other", unless the article is
    # near enough to the claim for "30 % is exaggerated" to be read as a denial of the claim's figure.
    assert figure_reading(claimed, article, [TITLE], about=set()) == "other"
    assert figure_reading(claimed, article, [TITLE], about=set(), near=True) == "denied"
    # an article that states the claim's figure anywhere does not deny it
    agency = FROST["frost/agency.txt"].split("\n\n")
    reporting = AnalysisCache().article([p.strip() for p in agency[1:]], agency[0])
    assert figure_reading(claimed, reporting, [TITLE], near=True) is None


def test_a_length_is_compared_with_a_length_and_a_count_with_a_count() -> None:
    # "more than five years" (5 or more) allows any count, $1.2 billion too: across kinds nothing is
    # compared, so a column that "has no information to confirm or deny" the contract denies no figure.
    column = AnalysisCache().article(
        ["لا أملك معلومات تؤكد الخبر أو تنفيه، لكن المشروع تأخر أكثر من خمس سنوات."], "عقود الغاز"
    )
    contract = read("Bahra Petroleum will award a $1.2 billion contract to Hanseong Engineering")
    assert figure_reading(contract, column, [0], near=True) is None
    ten_hours = read("The night water cuts last about ten hours")
    assert figure_reading(ten_hours, column, [0], near=True) == "denied"  # five years is a length


def test_a_singular_multiplier_alone_is_a_figure_and_a_plural_is_not() -> None:
    more_than_a_million = {Quantity(1e6, math.inf)}
    assert read("تسربت بيانات أكثر من مليون مشترك") == more_than_a_million
    assert read("the data of more than a million subscribers") == more_than_a_million
    assert read("نحو ألف شخص") == read("about a thousand people") != frozenset()
    # after a number it multiplies that number, and is not read a second time alone
    assert read("1.2 million records") == {Quantity(1.2e6, 1.2e6)} == read("1.2 مليون سجل")
    assert read("40 ألف منزل") == {Quantity(40000.0, 40000.0)}
    # "millions of dollars", "آلاف المنازل": no figure
    assert read("خسائر بملايين الدولارات وآلاف المنازل") == frozenset()
    assert read("losses of millions of dollars") == frozenset()


def test_a_figure_after_a_contrast_phrase_is_set_aside_against_the_one_before() -> None:
    claimed = read("Data of more than a million subscribers leaked")
    cache = AnalysisCache()

    def aside(text: str) -> bool:
        return sets_aside(claimed, cache.claim(text).unit)

    assert aside("The file holds about 800,000 numbers, far fewer than the 2 million records claimed")
    assert aside("أظهر الملف نحو 800 ألف رقم، أي أقل بكثير من 2 مليون سجل ادعاها القراصنة")
    # the claim's figure before the contrast is the article's own: it asserts it
    assert not aside("الحصيلة 2 مليون سجل وليس 800 ألف كما قالت الهيئة")
    # no figure of the article's own before the contrast phrase: nothing is set against it
    assert not aside("The regulator rather than the hackers spoke of 2 million records")
    assert not aside("The file holds fewer than 800,000 entries")


LEAK = {
    "leak/agency.txt": """قراصنة يعلنون سرقة بيانات مشتركي شركة نجمة للاتصالات

نواكشوط - وكالة أنباء الساحل

أعلنت مجموعة قرصنة تطلق على نفسها اسم «ذئاب الرمال» أنها حصلت على البيانات الشخصية لـ2 مليون مشترك في شركة نجمة للاتصالات، ونشرت عينة منها في منتدى على الإنترنت.

وتضمنت العينة أسماء وأرقام هواتف وأرقام بطاقات تعريف، ولم يتسن للوكالة التحقق من صحتها أو من حجم الملف كاملاً.
""",
    "leak/regulator.txt": """هيئة الاتصالات: الملف المسرب يضم نحو 800 ألف رقم

نواكشوط - صحيفة الأفق الجديد

قالت هيئة تنظيم الاتصالات إن التحليل الأولي للملف المنشور على الإنترنت أظهر نحو 800 ألف رقم هاتف فريد، أي أقل بكثير من 2 مليون سجل ادعاها القراصنة، وإنها فتحت تحقيقاً في تسرب بيانات مشتركي شركة نجمة للاتصالات.

وأضافت الهيئة أنها استدعت إدارة الشركة للاستماع إليها، وأن القانون يفرض غرامات على المشغلين الذين يقصرون في حماية البيانات.
""",
    "leak/regulator-en.txt": """Regulator says Najma Telecom leak holds about 800,000 numbers

Sahel Business Review - Nouakchott

Mauritania's telecoms regulator said on Thursday that an initial analysis of the file published online found about 800,000 unique phone numbers, far fewer than the 2 million records claimed by the hackers, and that it had opened an investigation into the leak of Najma Telecom subscriber data.

The regulator said it had summoned the company's management and that operators who fail to protect personal data face heavy fines.
""",
    "leak/festival.txt": """انطلاق مهرجان الشعر الحساني في نواكشوط

نواكشوط - صحيفة الأفق الجديد

انطلقت مساء أمس فعاليات مهرجان الشعر الحساني بمشاركة ثلاثين شاعراً من مختلف الولايات.
""",
}


def test_a_report_that_sets_the_claims_figure_aside_does_not_support_it(tmp_path: Path) -> None:
    # The regulator's count (800,000) is "far fewer than the 2 million claimed": the hackers' figure
    # is the one it sets aside, so it denies "more than a million", in Arabic and in English.
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path, lambda root: write_articles(root, LEAK)) as workbench:
        result = workbench.check("تسربت بيانات أكثر من مليون مشترك في شركة نجمة للاتصالات")
    got = stances(result)
    assert got["leak/regulator.txt"] == "disagree", result["evidence"]
    assert got["leak/regulator-en.txt"] != "agree", result["evidence"]
    assert result["verdict"]["label"] != "supported"
