"""Passage-level reuse: a passage one article repeats from another inside different text, found
through small edits, letter variants and spacing; an outlet's formula is not reuse."""

from __future__ import annotations

import pytest

from rawi.provenance import analyze_provenance, find_passages, find_reuse
from rawi.provenance.origins import EvidenceArticle
from rawi.provenance.registry import Registry
from rawi.records import Article
from rawi.text import tokenize

# Sentences written for these tests.
SHARED = (
    "وأكد المصدر أن القوات الحكومية استعادت السيطرة على ثلاث قرى في الريف الشمالي بعد معارك "
    "استمرت طوال الليل وأسفرت عن سقوط عدد من القتلى والجرحى في صفوف المسلحين"
)
OTHER_A = (
    "افتتح وزير التربية صباح اليوم مدرسة جديدة في حي الميدان بحضور عدد من المسؤولين والأهالي. "
    "وقال الوزير في كلمة له إن المدرسة تتسع لألف طالب وتضم مختبرات حديثة. "
)
OTHER_B = (
    "ارتفعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الماضي بسبب موجة البرد التي ضربت البلاد. "
    "وأشار تجار إلى أن الطلب تراجع بعد الارتفاع الكبير في الأسعار. "
)
TAIL_B = " وفي سياق آخر تستمر الاستعدادات لموسم الحصاد في المحافظات الجنوبية وسط توقعات بإنتاج وفير."


def _variant(text: str) -> str:
    """The same words as another outlet types them: hamza dropped, ta marbuta as ha, ya for alef
    maqsura, tatweel, diacritics, doubled spaces."""
    return (
        text.replace("أ", "ا")
        .replace("ة", "ه")
        .replace("ى", "ي")
        .replace("القوات", "القـــوات")
        .replace("السيطرة", "السَّيطرة")
        .replace(" على ", "  على ")
    )


def _edit(text: str) -> str:
    """Two small edits: a word changed and a word dropped."""
    return text.replace("ثلاث قرى", "ثلاث بلدات").replace("طوال الليل ", "")


CASES = [
    ("verbatim", SHARED),
    ("letter variants and spacing", _variant(SHARED)),
    ("edits", _edit(SHARED)),
    ("edits and letter variants", _variant(_edit(SHARED))),
]


@pytest.mark.parametrize(("name", "copy"), CASES, ids=[c[0] for c in CASES])
def test_planted_passage_is_found_with_offsets_and_shares(name: str, copy: str) -> None:
    a = Article("a.txt", OTHER_A + SHARED, published="2017-09-07")
    b = Article("b.txt", OTHER_B + copy + TAIL_B, published="2017-09-08")
    assert not find_reuse([a, b]), "the near-duplicate pass does not see a partial copy"
    (p,) = find_passages([a, b])
    assert (p.a, p.b, p.earlier) == ("a.txt", "b.txt", "a.txt")
    assert p.words >= 20
    assert a.text[p.a_span[0] : p.a_span[1]].startswith("وأكد المصدر")
    assert b.text[p.b_span[0] : p.b_span[1]].endswith("المسلحين")
    assert 0.4 < p.a_share < 1.0 and 0.3 < p.b_share < 0.8


def test_no_passage_between_unrelated_articles() -> None:
    assert find_passages([Article("a", OTHER_A), Article("b", OTHER_B + TAIL_B)]) == []


def test_short_shared_phrase_is_not_a_passage() -> None:
    phrase = "وقال المتحدث باسم وزارة الخارجية "
    assert find_passages([Article("a", phrase + OTHER_A), Article("b", phrase + OTHER_B)]) == []


SIGN_OFF = "تابعونا على مواقع التواصل الاجتماعي للحصول على آخر الأخبار العاجلة لحظة بلحظة ومن مصادرها"


def test_an_outlets_closing_formula_is_not_reuse() -> None:
    a = Article("a", OTHER_A + SIGN_OFF, outlet="sana")
    b = Article("b", OTHER_B + SIGN_OFF, outlet="sana")
    assert find_passages([a, b]) == []
    # the same words shared by two outlets, in the body, are reuse
    c = Article("c", OTHER_A + SIGN_OFF + " " + OTHER_B, outlet="sana")
    d = Article("d", OTHER_B + SIGN_OFF + " " + OTHER_A[:60], outlet="reuters")
    assert find_passages([c, d])


def test_a_formula_three_articles_of_one_outlet_share_is_boilerplate() -> None:
    bodies = [OTHER_A, OTHER_B, TAIL_B.strip()]
    arts = [
        Article(f"s{i}", SIGN_OFF + " " + body + " " + SIGN_OFF, outlet="sana")
        for i, body in enumerate(bodies)
    ]
    other = Article("x", "في خبر منفصل " + SIGN_OFF + " وهذا كل شيء", outlet="reuters")
    assert find_passages([*arts, other]) == []


def test_analyze_provenance_reports_passage_reuse() -> None:
    a = Article("a.txt", OTHER_A + SHARED, published="2017-09-07")
    b = Article("b.txt", OTHER_B + _variant(SHARED) + TAIL_B, published="2017-09-08")
    ev = [EvidenceArticle(x, [], "agree", []) for x in (a, b)]
    result = analyze_provenance(tokenize("claim"), ev, Registry.load()).to_json()
    (link,) = result["reuse"]
    assert link["kind"] == "passage" and link["earlier"] == "a.txt"
    (p,) = link["passages"]
    assert p["words"] >= 20 and set(p) >= {"a_span", "b_span", "a_share", "b_share"}
    assert 0 < link["similarity"] <= 1


# What pages share that is not a copied report: written for these tests.
DATE_LINE = "الثلاثاء 07 آذار مارس 2017 م آخر تحديث الأربعاء 08 آذار مارس 2017 م مساء السبت"
CLOSING_CREDIT = (
    "المصدر : وكالة الأنباء الأردنية وفي زاوية الرأي يكتب الكاتب عن الشتاء والمطر والذكريات القديمة"
)
TEASER = "وأعلنت الشركة افتتاح فرعها الجديد في وسط العاصمة بعد أشهر من التحضيرات والتجهيزات الفنية المعقدة"

NOT_REUSE = [
    ("a date line", DATE_LINE, DATE_LINE),
    ("a closing credit and the column after it", CLOSING_CREDIT, CLOSING_CREDIT),
    ("a teaser cut by an ellipsis", TEASER + " . . . ", TEASER + " . . . "),
    ("the same item of two teaser lists", " . . . " + TEASER + " .", " . . . " + TEASER + " ."),
]


@pytest.mark.parametrize(("name", "in_a", "in_b"), NOT_REUSE, ids=[c[0] for c in NOT_REUSE])
def test_page_furniture_is_not_reuse(name: str, in_a: str, in_b: str) -> None:
    a = Article("a.txt", OTHER_A + in_a + " " + OTHER_A)
    b = Article("b.txt", OTHER_B + in_b + " " + OTHER_B)
    assert not find_passages([a, b])


def test_a_copy_ending_with_its_sources_credit_is_reuse() -> None:
    a = Article("a.txt", OTHER_A + SHARED + " . المصدر : أ ف ب")
    b = Article("b.txt", OTHER_B + SHARED + " . المصدر : أ ف ب")
    (p,) = find_passages([a, b])
    assert p.words >= 20


def test_a_copied_sentence_next_to_furniture_is_still_found() -> None:
    """The rules above look at the passage and its edges, not at the whole page."""
    a = Article("a.txt", OTHER_A + SHARED + " . " + DATE_LINE)
    b = Article("b.txt", OTHER_B + SHARED + " . " + TAIL_B)
    (p,) = find_passages([a, b])
    assert p.words >= 20


def test_a_mark_inside_a_number_keeps_offsets() -> None:
    """A stray kasra inside a number ("26ِ5"), which normalization drops, still gives offsets."""
    text = SHARED.replace("ثلاث قرى", "26ِ5 قرية")
    a = Article("a.txt", OTHER_A + text)
    b = Article("b.txt", OTHER_B + SHARED.replace("ثلاث قرى", "265 قرية") + TAIL_B)
    (p,) = find_passages([a, b])
    assert "26ِ5" in a.text[p.a_span[0] : p.a_span[1]]


def test_a_passage_in_another_script_than_both_pages_is_chrome() -> None:
    menu = "channels news channels sports channels economy channels health channels culture channels travel"
    a = Article("a.txt", OTHER_A + menu + " " + OTHER_A)
    b = Article("b.txt", OTHER_B + menu + " " + OTHER_B)
    assert not find_passages([a, b])
    english = Article("c.txt", "The minister opened a school. " + menu + " The school has labs.")
    english2 = Article("d.txt", "Prices rose last week. " + menu + " Traders said demand fell.")
    assert find_passages([english, english2])
