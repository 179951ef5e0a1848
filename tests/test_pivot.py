"""The pivot: the sentence that stands for a claim in another language (rawi.stance.pivot), on real
vectors from the default encoder; skipped when no sentence encoder is installed."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from rawi.embed import load_encoder
from rawi.stance.pivot import pivot, restatements

ENCODER = load_encoder("use")
pytestmark = pytest.mark.skipif(ENCODER is None, reason="no sentence encoder installed")


@dataclass
class Texts:
    texts: list[str]

    def candidate_texts(self) -> list[tuple[int, str]]:
        return list(enumerate(self.texts))


def vectors(texts) -> np.ndarray:
    assert ENCODER is not None
    return ENCODER.encode(list(texts))


CLAIM = "The army took control of the town of Umm Sayala in North Kordofan"


def test_a_dateline_is_never_a_pivot_and_a_hedged_statement_can_be() -> None:
    agency = Texts(
        [
            "وكالة السودان للأنباء (سونا) - 12.08.2025",
            "أعلنت القوات المسلحة السودانية اليوم سيطرتها الكاملة على بلدة أم سيالة في ولاية شمال كردفان",
        ]
    )
    copy = Texts(["وكالة السودان للأنباء (سونا) - 12.08.2025", "الجيش يعلن السيطرة على أم سيالة"])
    chosen = pivot(vectors, vectors([CLAIM])[0], [agency, copy])
    assert chosen == agency.texts[1]


def test_a_denial_is_never_a_pivot() -> None:
    denial = Texts(["نفت قوات الدعم السريع سيطرة الجيش على بلدة أم سيالة في ولاية شمال كردفان"])
    assert pivot(vectors, vectors([CLAIM])[0], [denial]) is None


def test_a_look_alike_event_is_no_pivot_beside_restatements_in_the_claims_language() -> None:
    claim = "انهار جسر للمشاة فوق الطريق الدائري في مدينة إربد وأصيب خمسة أشخاص"
    same_language = Texts(["انهيار جسر مشاة فوق الطريق الدائري في إربد وإصابة خمسة أشخاص"])
    anchors = restatements(vectors, vectors([claim])[0], [same_language])
    assert anchors is not None
    lookalike = Texts(["A pedestrian bridge collapsed in the Lebanese city of Tripoli, injuring two people"])
    assert (
        pivot(vectors, vectors([claim])[0], [lookalike]) is not None
    )  # alone, the look-alike would stand in
    assert pivot(vectors, vectors([claim])[0], [lookalike], anchors) is None
    same_event = Texts(
        ["A pedestrian bridge collapsed over the ring road in Irbid on Monday, injuring five people"]
    )
    assert pivot(vectors, vectors([claim])[0], [same_event], anchors) == same_event.texts[0]
