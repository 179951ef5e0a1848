"""Shared passages that are not copies (rawi.provenance.formulas): a site's own template, a formula
whose figures differ, a list item glued to its neighbours; and the site a URL belongs to. Every
sentence here was written for these tests."""

from __future__ import annotations

import pytest

from rawi.provenance import find_passages
from rawi.provenance.site import site_of
from rawi.records import Article

SITES = [
    ("https://www.example.com/news/1", "example.com"),
    ("https://mideast.example.com/x", "example.com"),
    ("http://news.example.org.uk/a?b=1", "example.org.uk"),
    ("https://www.annahar.com.lb/article/5", "annahar.com.lb"),
    ("https://bbc.co.uk", "bbc.co.uk"),
    ("example.net/path", "example.net"),
    ("https://10.0.0.7/page", "10.0.0.7"),
    ("", None),
    (None, None),
    ("http://[::1", None),
]


@pytest.mark.parametrize(("url", "site"), SITES, ids=[str(u) for u, _ in SITES])
def test_site_of(url: str | None, site: str | None) -> None:
    assert site_of(url) == site


# Page text around the shared passages: three unrelated reports.
LEAD_A = (
    "افتتح وزير التربية صباح اليوم مدرسة جديدة في حي الميدان بحضور عدد من المسؤولين والأهالي. "
    "وقال الوزير في كلمة له إن المدرسة تتسع لألف طالب وتضم مختبرات حديثة. "
)
LEAD_B = (
    "ارتفعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الماضي بسبب موجة البرد التي ضربت البلاد. "
    "وأشار تجار إلى أن الطلب تراجع بعد الارتفاع الكبير في الأسعار. "
)
LEAD_C = (
    "أعلنت إدارة المطار استئناف الرحلات الداخلية بعد توقف دام أسبوعين بسبب أعمال الصيانة في المدرج. "
    "وأوضحت الإدارة أن الجدول الجديد يبدأ مطلع الشهر المقبل. "
)
TAIL_A = " وفي سياق آخر تستمر الاستعدادات لموسم الحصاد في المحافظات الجنوبية وسط توقعات بإنتاج وفير."
TAIL_B = " ومن جهة أخرى دعت نقابة الأطباء إلى اجتماع طارئ لمناقشة نقص الأدوية في المستشفيات العامة."
TAIL_C = " وعلى صعيد آخر تواصل فرق البلدية حملة تنظيف الشوارع والحدائق قبل حلول فصل الربيع."


def _caption(town: str, day: str) -> str:
    """A photo caption a site writes under many of its pictures, with the town and day filled in."""
    return (
        f"عناصر من فصائل المعارضة ينتشرون في شوارع مدينة {town} بريف حلب الشمالي بعد يوم من "
        f"سيطرتهم الكاملة عليها إثر معارك عنيفة يوم {day} شباط"
    )


def _pages(site_a: str, site_b: str) -> list[Article]:
    """Two pages carrying the caption for one town (other days), and a third page of site A with
    the same caption for another town."""
    return [
        Article("a", LEAD_A + _caption("الباب", "24") + " ." + TAIL_A, url=f"https://www.{site_a}/1"),
        Article("b", LEAD_B + _caption("الباب", "23") + " ." + TAIL_B, url=f"https://{site_b}/2"),
        Article("c", LEAD_C + _caption("منبج", "12") + " ." + TAIL_C, url=f"https://www.{site_a}/3"),
    ]


def test_a_sites_caption_template_is_not_reuse() -> None:
    """Two pages of one site (one on a subdomain) share the caption the site writes on many pages."""
    assert not find_passages(_pages("example.com", "photos.example.com"))


def test_the_same_caption_on_two_sites_is_reuse() -> None:
    """A caption another site copies is reuse: the template rule is a site's own furniture."""
    found = find_passages(_pages("example.com", "other.org"))
    assert any((p.a, p.b) == ("a", "b") and p.words >= 15 for p in found)


CASUALTY = "ما أدى إلى مقتل مدنيين اثنين وإصابة {n}آخرين بجروح متفاوتة نقلوا على إثرها"


@pytest.mark.parametrize(
    ("in_a", "in_b", "reuse"),
    [
        (CASUALTY.format(n=""), CASUALTY.format(n="8 "), False),  # a figure in one only
        (CASUALTY.format(n="5 "), CASUALTY.format(n="8 "), False),  # other figures
        (CASUALTY.format(n="8 "), CASUALTY.format(n="8 "), True),  # the same figures: a copy
    ],
    ids=["figure in one", "other figures", "same figures"],
)
def test_a_short_formula_with_other_figures_is_not_reuse(in_a: str, in_b: str, reuse: bool) -> None:
    a = Article("a", LEAD_A + in_a + " ." + TAIL_A)
    b = Article("b", LEAD_B + in_b + " ." + TAIL_B)
    assert bool(find_passages([a, b])) is reuse


def test_a_long_copy_with_an_updated_figure_is_still_reuse() -> None:
    report = (
        "وقال مدير الدفاع المدني في المحافظة إن فرق الإنقاذ انتشلت {n} جثث من تحت أنقاض المبنى "
        "المنهار في الحي القديم وإن عمليات البحث مستمرة عن مفقودين آخرين"
    )
    a = Article("a", LEAD_A + report.format(n="7") + " ." + TAIL_A)
    b = Article("b", LEAD_B + report.format(n="9") + " ." + TAIL_B)
    (p,) = find_passages([a, b])
    assert p.words >= 20


ITEM = (
    "الجيش يعلن قصف أهداف عسكرية في المنطقة الحدودية وجميع المصابين الذين نقلوا إلى المستشفيات هم من المسلحين"
)


def test_a_ticker_item_glued_to_its_neighbours_is_not_reuse() -> None:
    """One page lists headlines on lines; the other's ticker runs its items together without
    spaces, so the item's first and last words are glued to other headlines."""
    listed = "تحسن في الأحوال الجوية\n" + ITEM + "\nارتفاع أسعار الذهب في الأسواق"
    a = Article("a", LEAD_A + listed + " ." + TAIL_A)
    glued = "انقطاع الكهرباء عن أحياء العاصمة" + ITEM + "افتتاح معرض الكتاب الدولي"
    b = Article("b", LEAD_B + glued + " ." + TAIL_B)
    assert not find_passages([a, b])
    apart = "انقطاع الكهرباء عن أحياء العاصمة " + ITEM + " افتتاح معرض الكتاب الدولي"
    spaced = Article("b", LEAD_B + apart + " ." + TAIL_B)
    assert find_passages([a, spaced]), "the same item written apart is still found"


DESIGNATION = "وقال المتحدث الرسمي باسم وزارة الداخلية في الحكومة المؤقتة"
REPORTS = [
    "إن الشرطة أوقفت عصابة لتهريب السيارات في المنطقة الشرقية بعد مراقبة استمرت أسابيع",
    "إن التحقيقات في حريق السوق القديم لم تنته بعد وإن لجنة فنية ستعلن النتائج قريبا",
    "إن حملة لتنظيم السير ستبدأ الأسبوع المقبل في شوارع العاصمة المزدحمة",
    "إن الوزارة فتحت باب التطوع في صفوف الدفاع المدني أمام خريجي الجامعات",
    "إن دوريات إضافية ستنتشر على الطرق السريعة خلال عطلة العيد لتجنب الحوادث",
]


def test_a_short_designation_many_stories_carry_is_not_reuse() -> None:
    """Over a collection, a short passage made of a designation that many stories print (here
    five), with a name two of them share, is a stock phrase: the more common its words, the less
    it is a copy (n-grams found in more stories than ``max_stories`` count too)."""
    name = " العميد سامر الخطيب "
    articles = [
        Article(f"s{k}", f"{lead} {DESIGNATION}{name if k < 2 else ' '}{report} .")
        for k, (lead, report) in enumerate(
            zip([LEAD_A, LEAD_B, LEAD_C, TAIL_A, TAIL_B], REPORTS, strict=True)
        )
    ]
    assert not find_passages(articles, max_stories=3)
