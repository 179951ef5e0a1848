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


def test_beside_restatements_a_look_alike_copied_by_many_sites_does_not_outrank_the_event() -> None:
    # Blind held-out set 4: a minister's misquote about cutting irrigation water, copied by four
    # sites, stood in for "homes in Wadi Qurayn lost their water" (its copies lent it their echoes),
    # and its fact-check then refuted the outage at 0.75. The restatements say which event it is.
    claim = "Homes in the town of Al-Mudhaibi lost their water supply when the desalination plant stopped"
    same_language = Texts(
        [
            "About 30,000 homes in Al-Mudhaibi were left without water after the desalination plant stopped working",
            "Residents of Al-Mudhaibi queued for water tankers after the plant shut down",
        ]
    )
    anchors = restatements(vectors, vectors([claim])[0], [same_language])
    assert anchors is not None
    event = Texts(["طوابير أمام الصهاريج في المضيبي.. 30 ألف منزل بلا مياه بعد توقف محطة التحلية"])
    lookalike = "وزارة الري: قطع المياه عن المنازل المخالفة في المحافظة"
    copies = [
        Texts([lookalike]),
        Texts([lookalike + " فوراً"]),
        Texts(["عاجل| " + lookalike]),
        Texts([lookalike + "."]),
    ]
    assert pivot(vectors, vectors([claim])[0], [*copies, event], anchors) == event.texts[0]
