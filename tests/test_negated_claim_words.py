"""A sentence that negates the claim's own words contradicts it without a denial word, on
hand-written Arabic and English news (original text).

- "ولم تُحدث أي حفرة في ساحة المدرسة" against "أحدثت القطعة ... حفرة عميقة في ساحة المدرسة": the
  negation governs the claim's verb (in another tense) and its object.
- "لا حفرة في ساحة المدرسة", "no crater was found in the schoolyard": a negated noun phrase of the claim.
- A negation of something else is no contradiction: "لا علاقة لها بالقطعة" (no relation), "لم تعلّق
  البلدية على سقوط القطعة" (did not comment), "دون وقوع إصابات" (without injuries), "لا يقل عن" (no
  less than).
"""

from __future__ import annotations

import pytest

from _newsroom import checked, stances
from rawi.stance.analysis import analyze_units
from rawi.stance.negation import negates_claim

CLAIM_AR = "أحدثت القطعة المعدنية التي سقطت على مدرسة بيت ليد حفرة عميقة في ساحة المدرسة"
CLAIM_EN = "The metal fragment that fell on the Beit Lid school left a deep crater in the schoolyard"


def _negates(sentence: str, claim: str) -> bool:
    unit, claim_unit = analyze_units([sentence, claim])
    return negates_claim(unit, claim_unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "وأكدت البلدية أن القطعة استقرت فوق السطح، ولم تُحدث أي حفرة في ساحة المدرسة.",
        "بلدية بيت ليد: لا حفرة في ساحة المدرسة والصور المتداولة قديمة",
    ],
)
def test_a_negation_of_the_claims_words_negates_it(sentence: str) -> None:
    assert _negates(sentence, CLAIM_AR)


@pytest.mark.parametrize(
    "sentence",
    [
        "وقالت البلدية إن الصور المتداولة لا علاقة لها بالقطعة التي سقطت على المدرسة.",
        "ولم تعلّق البلدية على سقوط القطعة المعدنية على مدرسة بيت ليد حتى الآن.",
        "سقطت قطعة معدنية على سطح مدرسة بيت ليد دون وقوع إصابات بين الطلبة.",
        "أحدثت القطعة حفرة لا يقل عمقها عن مترين في ساحة المدرسة.",
        "أحدثت القطعة المعدنية حفرة عميقة في ساحة المدرسة.",
    ],
)
def test_a_negation_of_something_else_does_not(sentence: str) -> None:
    assert not _negates(sentence, CLAIM_AR)


def test_a_restatement_of_the_claims_own_negation_does_not() -> None:
    # the claim's negation comes late (inside its clause), so the claim reads as positive and its
    # core keeps "لم": an article that says the same is no contradiction of it
    claim = "قالت البلدية يوم الأحد إنه لم يتبق في مخيم الوادي سوى مئتي عائلة بعد نقل الآخرين"
    assert not _negates("وأوضحت البلدية أنه لم يتبق في مخيم الوادي سوى مئتي عائلة.", claim)


def test_an_english_negated_noun_phrase_negates_the_claim() -> None:
    assert _negates("No crater was found in the schoolyard, the municipality said.", CLAIM_EN)
    assert not _negates("The municipality did not comment on the crater in the schoolyard.", CLAIM_EN)


SCHOOL = {
    "school/agency.txt": """سقوط قطعة معدنية مشتعلة على سطح مدرسة في بيت ليد دون إصابات

وكالة السهل للأنباء – طولكرم – 3 آذار 2026

سقطت قطعة معدنية مشتعلة من السماء صباح الثلاثاء على سطح مدرسة في قرية بيت ليد شرق طولكرم، دون وقوع إصابات بين الطلبة، بحسب ما أفاد مدير التربية والتعليم في المحافظة.

وقال المدير إن الطواقم أخلت المدرسة فور سقوط القطعة، وإن الدوام سيستأنف صباح الأربعاء.
""",
    "school/viral.txt": """صور متداولة لحفرة في ساحة مدرسة بيت ليد

موقع نبض القرى – 3 آذار 2026

تداولت صفحات على مواقع التواصل الاجتماعي أن القطعة المعدنية التي سقطت على مدرسة بيت ليد أحدثت حفرة عميقة في ساحة المدرسة، ونشرت صوراً قالت إنها للحفرة.

وطالب ناشطون الجهات الرسمية بتوضيح ما جرى.
""",
    "school/municipality.txt": """بلدية بيت ليد: لا حفرة في ساحة المدرسة

بلدية بيت ليد – بيان – 4 آذار 2026

أكدت بلدية بيت ليد أن القطعة المعدنية التي سقطت على مدرسة القرية استقرت فوق سطحها، ولم تُحدث أي حفرة في ساحة المدرسة، مشيرة إلى أن الصور المتداولة التُقطت في مكان آخر قبل سنوات.

ودعت البلدية المواطنين إلى استقاء المعلومات من مصادرها الرسمية.
""",
}


def test_a_statement_negating_the_claims_words_disagrees(tmp_path) -> None:
    result = checked(tmp_path, SCHOOL, CLAIM_AR)
    assert stances(result).get("school/municipality.txt") == "disagree", stances(result)
    assert result["verdict"]["label"] != "supported", result["verdict"]
