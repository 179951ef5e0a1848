"""Text reuse: MinHash LSH candidates, exact shared passages in the original text, earliest copy."""

from __future__ import annotations

import pytest

from rawi.provenance import ReuseIndex, ReuseLink, find_reuse
from rawi.records import Article

BASE = (
    "أعلنت وزارة الصحة في بيان صدر صباح اليوم أن عدد المصابين بالحمى في المحافظة الشمالية ارتفع إلى "
    "مئة وعشرين شخصاً، وأن فرقاً طبية أُرسلت إلى القرى المتضررة لإجراء الفحوص وتوزيع الأدوية على الأهالي. "
    "وأضاف البيان أن المستشفى المركزي خصص جناحاً كاملاً لاستقبال الحالات الجديدة حتى نهاية الشهر."
)
# The same text as another outlet would type it: letter variants, diacritics, tatweel, spacing.
VARIANT = (
    "اعلنت وزارةُ الصحّة في بيـــان صدر صباح اليوم ان عدد المصابين بالحمى في المحافظه الشماليه ارتفع الى "
    "مئة وعشرين شخصاً ، وان فرقا طبية ارسلت الى القرى المتضررة لاجراء الفحوص وتوزيع الادوية على الاهالي . "
    "واضاف البيان ان المستشفى المركزي خصص جناحا كاملا لاستقبال الحالات الجديدة حتى نهاية الشهر ."
)
UNRELATED = (
    "افتتح المعرض الدولي للكتاب أبوابه أمس بمشاركة أكثر من ثلاثمئة دار نشر من عشرين دولة، "
    "وتضمن البرنامج ندوات عن الترجمة والنشر الرقمي وأمسيات شعرية يحييها شعراء من المنطقة. "
    "وقال المنظمون إن عدد الزوار في اليوم الأول تجاوز التوقعات رغم الأمطار الغزيرة."
)
PARTIAL = (
    "في تطور جديد، أعلنت وزارة الصحة في بيان صدر صباح اليوم أن عدد المصابين بالحمى في المحافظة الشمالية "
    "ارتفع إلى مئة وعشرين شخصاً، وأن فرقاً طبية أُرسلت إلى القرى المتضررة لإجراء الفحوص وتوزيع الأدوية "
    "على الأهالي. من جهة أخرى طالب نواب في البرلمان بفتح تحقيق في أسباب تأخر وصول اللقاحات إلى المنطقة."
)
EN_A = (
    "Floodwaters cut the main road between the two towns on Tuesday, stranding hundreds of trucks "
    "and forcing the closure of schools across the valley, local officials said."
)
EN_B = "Floodwaters  cut the main road between the two towns on Tuesday , stranding hundreds of trucks and forcing the closure of schools across the valley, local officials said."


def _pairs(links: list[ReuseLink]) -> set[frozenset[str]]:
    return {frozenset((x.a, x.b)) for x in links}


def test_letter_variants_diacritics_tatweel_and_spacing_do_not_hide_a_copy() -> None:
    links = find_reuse([Article("a", BASE), Article("b", VARIANT), Article("c", UNRELATED)])
    assert _pairs(links) == {frozenset(("a", "b"))}
    (link,) = links
    assert link.similarity >= 0.9
    passage = link.shared_passages[0]
    assert passage in BASE or passage in VARIANT  # original text, not the normalized form
    assert len(passage) > 0.9 * min(len(BASE), len(VARIANT))


def test_english_spacing_variants() -> None:
    (link,) = find_reuse([Article("a", EN_A), Article("b", EN_B)])
    assert link.similarity == 1.0


def test_unrelated_and_empty_articles_are_not_linked() -> None:
    assert find_reuse([Article("a", BASE), Article("c", UNRELATED), Article("e", EN_A)]) == []
    assert find_reuse([Article("x", ""), Article("y", " ... ")]) == []


def test_partial_copy_reports_the_shared_passage_in_original_text() -> None:
    (link,) = find_reuse([Article("a", BASE), Article("p", PARTIAL)])
    assert 0.5 <= link.similarity < 1.0
    longest = link.shared_passages[0]
    assert longest in BASE or longest in PARTIAL  # cut from an original text, not the normalized form
    assert "وزارة الصحة في بيان صدر صباح اليوم" in longest
    assert "طالب نواب" not in longest


def test_earlier_article_is_the_likely_source() -> None:
    links = find_reuse(
        [Article("new", VARIANT, published="2021-03-02"), Article("old", BASE, published="2021-03-01")]
    )
    assert links[0].earlier == "old"
    assert find_reuse([Article("x", BASE), Article("y", VARIANT)])[0].earlier is None


def test_exact_copies_are_all_linked_and_cross_linked() -> None:
    arts = [Article(f"d{i}", BASE) for i in range(3)] + [Article("p", PARTIAL)]
    pairs = _pairs(find_reuse(arts))
    assert {frozenset(("d0", "d1")), frozenset(("d0", "d2")), frozenset(("d1", "d2"))} <= pairs
    assert {frozenset((f"d{i}", "p")) for i in range(3)} <= pairs


def test_worker_processes_give_the_same_links() -> None:
    arts = [Article("a", BASE), Article("b", VARIANT), Article("p", PARTIAL), Article("c", UNRELATED)]
    one = [(x.a, x.b, round(x.similarity, 6)) for x in find_reuse(arts, workers=1)]
    two = [(x.a, x.b, round(x.similarity, 6)) for x in find_reuse(arts, workers=2)]
    assert one == two and one


def test_index_query_and_remove() -> None:
    index = ReuseIndex()
    index.add("a", BASE)
    index.add("c", UNRELATED)
    assert [x.a for x in index.query(VARIANT)] == ["a"]
    index.remove("a")
    assert index.query(VARIANT) == []
    assert len(index) == 1


@pytest.mark.parametrize(
    ("option", "value"), [("threshold", 0.0), ("threshold", 1.0), ("min_similarity", 0.0)]
)
def test_parameters_are_checked(option: str, value: float) -> None:
    with pytest.raises(ValueError, match=option):
        ReuseIndex(**{option: value})
