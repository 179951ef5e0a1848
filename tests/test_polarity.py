"""The claim's own polarity: positive, negated, or a claim that a denial happened."""

from __future__ import annotations

import pytest

from rawi.stance.polarity import DENIAL, NEGATED, POSITIVE, claim_frame

CASES = [
    ("هبطت مروحيات تابعة للتحالف في قرية شرقي دير الزور", POSITIVE, "هبطت"),
    ("لم تهبط مروحيات تابعة للتحالف في قرية شرقي دير الزور", NEGATED, "تهبط مروحيات"),
    ("نفى التحالف الدولي هبوط مروحياته في قرية شرقي دير الزور", DENIAL, "التحالف الدولي هبوط"),
    ("وزارة الصحة تنفي تسجيل إصابات بالكوليرا في عدن", DENIAL, "وزارة الصحة تسجيل"),
    ("قُتل ما لا يقل عن 30 شخصاً في انهيار المبنى", POSITIVE, "ما لا يقل"),  # "at least": no negation
    ("أُطلق سراح الصحفي بعد ثلاث سنوات من الاعتقال", POSITIVE, "أُطلق"),
    ("Coalition helicopters landed in a village east of Deir ez-Zor", POSITIVE, "landed"),
    ("No coalition helicopters landed in Deir ez-Zor", NEGATED, "coalition helicopters landed"),
    ("The ship did not carry weapons", NEGATED, "The ship did carry weapons"),
    ("The coalition denied that its helicopters landed in Deir ez-Zor", DENIAL, "its helicopters landed"),
    ("At least 20 people died, and no fewer than 40 were injured", POSITIVE, "At least"),
    # "a dispute" is a quarrel, not a denial; "disputed" is
    (
        "The minister resigned after a dispute with the prime minister over road contracts",
        POSITIVE,
        "dispute",
    ),
    (
        "The ministry disputed reports that the minister resigned",
        DENIAL,
        "reports that the minister resigned",
    ),
]


@pytest.mark.parametrize(("claim", "kind", "core_part"), CASES)
def test_claim_frame(claim: str, kind: str, core_part: str) -> None:
    frame = claim_frame(claim)
    assert frame.kind == kind
    assert core_part in frame.core


def test_negation_deep_inside_a_claim_is_not_the_claim_polarity() -> None:
    claim = "انهار المبنى السكني في طرابلس بعد ظهر الأحد ولم يُصب أحد من الجيران"
    assert claim_frame(claim).kind == POSITIVE
