"""A denial is as close to the claim as what it names, on hand-written Arabic news (original text).

"وتنفي الشركة ما تداولته بعض الصفحات عن تجاوز سائق الشاحنة ساعات القيادة ...، إذ تُظهر سجلاتها ..." denies
the claim's own words; the reason the company gives after "إذ" pulls the whole sentence away from the
claim, so the denial's closeness is read from what it names, as written (hamza and taa marbuta kept:
the encoder reads the matching form worse).
"""

from __future__ import annotations

import numpy as np

from _newsroom import checked, stances
from rawi.stance.analysis import AnalysisCache, analyze_units
from rawi.stance.denials import claim_objects, denial_scope
from rawi.stance.semantic import SentenceEvidence
from rawi.stance.views import ArticleView, Reading

CLAIM = "تجاوز سائق الشاحنة ساعات القيادة المسموح بها قبل حادث طريق الكرك"
DENIAL = (
    "وتنفي الشركة ما تداولته بعض الصفحات عن تجاوز سائق الشاحنة ساعات القيادة المسموح بها، إذ تُظهر "
    "سجلاتها أنه تسلّم الشاحنة في العقبة بعد استراحة دامت إحدى عشرة ساعة، وأن الرحلة بدأت في موعدها."
)


def test_what_a_denial_names_is_read_as_written_up_to_its_reason() -> None:
    analyses = AnalysisCache()
    unit, claim = analyze_units([DENIAL, CLAIM])
    named = claim_objects(DENIAL, unit, claim, analyses)
    assert named == ["تداولته بعض الصفحات عن تجاوز سائق الشاحنة ساعات القيادة المسموح بها"], named


def test_who_denies_is_not_what_the_denial_names() -> None:
    # the subject follows the verb in Arabic, here with a name in apposition: the museum's director
    # shares the claim's words (the museum) and denies something else (that its pieces are copies)
    claim = "أعيد فتح متحف دار الحداد للتراث بالمنستير أمام الزوار بعد الترميم"
    denial = (
        "نفت مديرة متحف دار الحداد للتراث بالمنستير، سنية القروي، ما يتم تداوله بشأن أن أغلب القطع "
        "المعروضة في المتحف نسخ مقلدة."
    )
    unit, claim_unit = analyze_units([denial, claim])
    assert claim_objects(denial, unit, claim_unit, AnalysisCache()) == []


def test_a_denial_of_something_else_names_no_claim_words() -> None:
    other = "ونفت الشركة أن تكون الشاحنة محمّلة بمواد خطرة، مؤكدة أن حمولتها كانت أكياس إسمنت."
    unit, claim = analyze_units([other, CLAIM])
    assert claim_objects(other, unit, claim, AnalysisCache()) == []


TRUCK = {
    "truck/agency.txt": """انقلاب شاحنة على طريق الكرك ومقتل شخصين

وكالة الجنوب للأنباء – الكرك – 9 أيلول 2026

لقي شخصان حتفهما وأصيب ثلاثة آخرون، فجر الأربعاء، إثر انقلاب شاحنة نقل على طريق الكرك الصحراوي واصطدامها بسيارتين، بحسب ما أفادت مديرية الدفاع المدني.

وقال مصدر في إدارة السير إن التحقيق جارٍ لمعرفة أسباب الحادث.
""",
    "truck/report.txt": """شهود: سائق شاحنة الكرك قاد طوال الليل

موقع الهضبة الإخباري – 9 أيلول 2026

قال شهود وسائقون على طريق الكرك الصحراوي إن سائق الشاحنة التي انقلبت فجر الأربعاء تجاوز ساعات القيادة المسموح بها، إذ كان يقود منذ ظهر الثلاثاء دون استراحة.

وأكد مصدر في إدارة السير أن التقرير الأولي يرجّح أن التعب هو سبب الحادث.
""",
    "truck/company.txt": """بيان صادر عن شركة الصحراء للنقل بخصوص حادث طريق الكرك

الصفحة الرسمية لشركة الصحراء للنقل – 10 أيلول 2026

تتقدم شركة الصحراء للنقل بأحر التعازي إلى ذوي ضحايا الحادث الأليم الذي تعرضت له إحدى شاحناتها فجر الأربعاء على طريق الكرك الصحراوي.

"""
    + DENIAL
    + """

وتؤكد الشركة تعاونها الكامل مع الجهات المختصة في التحقيق.
""",
}


def test_a_companys_denial_with_its_reason_is_read_as_a_denial(tmp_path) -> None:
    result = checked(tmp_path, TRUCK, CLAIM)
    assert stances(result).get("truck/company.txt") == "disagree", stances(result)
    assert result["verdict"]["label"] != "supported", result["verdict"]


def test_a_pivots_own_words_do_not_make_a_denial_name_the_claim() -> None:
    # An Arabic pivot for an English claim ("the club ended its coach's contract") carries the coach's
    # name; the club's denial of a dispute between that coach and the players names him too, and
    # must not be read as naming the claim. An encoder that puts what a denial names right on the
    # claim shows which texts the scope reads.
    pivot_text = "أعلن نادي الوحدة التطواني فسخ عقد مدربه كريم اللمراني بالتراضي"
    denial = (
        "تنفي إدارة نادي الوحدة التطواني ما تروّجه بعض الصفحات بخصوص وجود خلاف بين المدرب كريم "
        "اللمراني ولاعبي الفريق الأول، مؤكدة أن الفريق يستعد للمباراة المقبلة."
    )
    analyses = AnalysisCache()
    pivot_unit, denial_unit = analyze_units([pivot_text, denial], analyses)
    named = claim_objects(denial, denial_unit, pivot_unit, analyses)
    assert named, "the denial names the coach, a word of the pivot"

    def vectors(texts):
        return np.array([[1.0, 0.0] if t in named else [0.0, 1.0] for t in texts])

    article = ArticleView((denial,), None, (0,), language="ar")
    evidence = [SentenceEvidence(0, 0.3, {"agree": 0.5, "disagree": 0.5, "other": 0.0}, {"denial": 1}, 0.4)]
    claim = Reading(pivot_text, pivot_unit, np.array([1.0, 0.0]), "ar")
    assert denial_scope(claim, evidence, article, analyses, vectors) == {0: 1.0}
    assert denial_scope(claim._replace(pivot=True), evidence, article, analyses, vectors) == {}
