"""Verdict: independence-weighted aggregation of stances, on hand-built evidence."""

from __future__ import annotations

import pytest

from rawi.verdict import EvidenceStance, OriginGroup, PartyDenial, decide, weigh_origins


def ev(article_id: str, stance: str, p: float = 0.9, outlet: str | None = None) -> EvidenceStance:
    rest = (1 - p) / 3
    scores = {k: (p if k == stance else rest) for k in ("agree", "disagree", "discuss", "unrelated")}
    return EvidenceStance(article_id, stance, scores, outlet)


def test_no_evidence_is_unverified() -> None:
    v = decide([])
    assert v.label == "unverified"
    assert v.independent_origins == 0
    assert "No article" in v.explanation


def test_unrelated_articles_never_count() -> None:
    v = decide([ev(f"u{i}", "unrelated") for i in range(10)])
    assert v.label == "unverified"
    assert v.independent_origins == 0
    assert "10 retrieved article(s) were unrelated" in v.explanation


def test_two_independent_agreeing_origins_support() -> None:
    v = decide([ev("a", "agree"), ev("b", "agree"), ev("x", "unrelated")])
    assert v.label == "supported"
    assert v.independent_origins == 2
    assert v.confidence > 0.5


def test_copies_of_one_wire_are_one_origin_and_too_thin_for_a_verdict() -> None:
    evidence = [ev(f"copy{i}", "agree") for i in range(10)]
    one_origin = [OriginGroup("sana", [e.article_id for e in evidence])]
    v_grouped = decide(evidence, one_origin)
    v_apart = decide(evidence)
    assert v_grouped.independent_origins == 1
    assert v_grouped.label == "unverified" and v_grouped.rule == "single"
    assert v_apart.independent_origins == 10 and v_apart.label == "supported"
    assert "10 articles" in v_grouped.explanation
    assert "one independent origin" in v_grouped.explanation


def test_denials_only_refute() -> None:
    v = decide([ev("d1", "disagree"), ev("d2", "disagree"), ev("s", "discuss", 0.7)])
    assert v.label == "refuted"
    assert v.confidence > 0.5


def test_independent_support_and_denial_is_disputed() -> None:
    v = decide([ev("a1", "agree"), ev("a2", "agree"), ev("d", "disagree")])
    assert v.label == "disputed"
    assert "Denying (1)" in v.explanation and "Supporting (2)" in v.explanation


def test_a_fact_check_on_the_leading_side_refutes() -> None:
    check = EvidenceStance(
        "fc", "disagree", {"agree": 0.03, "disagree": 0.9, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    v = decide([ev("rumour", "agree"), check, ev("ministry", "disagree")])
    assert v.label == "refuted" and v.rule == "refuted_check"
    without_check = decide([ev("rumour", "agree"), ev("fc", "disagree"), ev("ministry", "disagree")])
    assert without_check.label == "disputed"


def test_party_denial_inside_supporting_article_counts_as_denial() -> None:
    evidence = [ev("a1", "agree"), ev("a2", "agree")]
    denial = PartyDenial("a2", "health_ministry", "وزارة الصحة", 4)
    v = decide(evidence, party_denials=[denial], names={"health_ministry": "Ministry of Health"})
    assert v.label == "disputed"
    assert v.independent_origins == 3
    assert "وزارة الصحة (named in the claim) denies it in a2" in v.explanation


def test_party_denial_is_not_counted_twice_when_its_origin_already_denies() -> None:
    weighed = weigh_origins(
        [ev("d", "disagree")], [OriginGroup("moh", ["d"])], [PartyDenial("d", "moh", "الوزارة", 1)]
    )
    assert len(weighed) == 1


def test_party_denial_in_an_unrelated_article_does_not_count() -> None:
    weighed = weigh_origins(
        [ev("a", "agree"), ev("u", "unrelated")], (), [PartyDenial("u", "moh", "الوزارة", 1)]
    )
    assert [o.stance for o in weighed] == ["agree"]


def test_discussion_alone_is_unverified() -> None:
    v = decide([ev("s1", "discuss"), ev("s2", "discuss")])
    assert v.label == "unverified"


@pytest.mark.parametrize("weight, expected", [(1.0, "supported"), (0.1, "unverified")])
def test_reliability_weights_scale_an_origin(weight: float, expected: str) -> None:
    evidence = [ev("a", "agree", outlet="tabloid"), ev("b", "agree", outlet="tabloid")]
    v = decide(evidence, reliability={"tabloid": weight})
    assert v.label == expected


def test_confidence_is_a_probability() -> None:
    for evidence in ([ev("a", "agree")], [ev("d", "disagree")], [ev("a", "agree"), ev("d", "disagree")], []):
        v = decide(evidence)
        assert 0.0 <= v.confidence <= 1.0


def test_weakly_related_articles_are_reported_not_counted() -> None:
    weak = EvidenceStance("w", "discuss", {"agree": 0.05, "disagree": 0.05, "discuss": 0.2, "unrelated": 0.7})
    v = decide([ev("a", "agree"), weak])
    assert v.independent_origins == 1
    assert "1 article(s) only weakly related" in v.explanation


def test_origin_label_follows_its_articles_decisions() -> None:
    decided = EvidenceStance(
        "d", "disagree", {"agree": 0.2, "disagree": 0.35, "discuss": 0.2, "unrelated": 0.25}
    )
    weighed = weigh_origins([decided])
    assert weighed[0].stance == "disagree"
    assert 0.45 < weighed[0].strength < 0.5


def test_a_lone_weak_dissent_does_not_dispute() -> None:
    weak = EvidenceStance(
        "d", "disagree", {"agree": 0.3, "disagree": 0.32, "discuss": 0.3, "unrelated": 0.08}
    )
    v = decide([ev(f"a{i}", "agree") for i in range(4)] + [weak])
    assert v.label == "supported"


def test_explanation_is_written_in_the_claims_language() -> None:
    v = decide([ev("a", "agree"), ev("b", "agree")], language="ar")
    assert "تؤيد مصادر مستقلة الادعاء" in v.explanation
    assert "Supporting" not in v.explanation
    quoted = EvidenceStance(
        "q",
        "agree",
        {"agree": 0.9, "disagree": 0.03, "discuss": 0.04, "unrelated": 0.03},
        quote="هبطت المروحيات فجراً",
    )
    assert "«هبطت المروحيات فجراً»" in decide([quoted, ev("b", "agree")], language="ar").explanation


def test_calibration_fits_a_confidence_that_follows_the_evidence() -> None:
    from rawi.verdict.calibration import Calibration, fit_side
    from rawi.verdict.decide import OriginWeight

    def origins(n_for: int, n_against: int) -> list[OriginWeight]:
        return [OriginWeight(f"a{i}", [f"a{i}"], "agree", 0.9) for i in range(n_for)] + [
            OriginWeight(f"d{i}", [f"d{i}"], "disagree", 0.9) for i in range(n_against)
        ]

    # Supported verdicts with more agreeing origins were right more often.
    rows = [("supported", origins(n, 0), right) for n in (2, 3, 4, 5) for right in [True] * n + [False] * 2]
    rows += [("refuted", origins(0, n), right) for n in (1, 2, 3) for right in [True] * (n + 1) + [False] * 2]
    cal = Calibration(coef=fit_side(rows))
    assert set(cal.coef) == {"supported", "refuted"}
    assert 0.5 < cal.confidence("supported", origins(2, 0)) < cal.confidence("supported", origins(5, 0)) < 1.0
    assert cal.confidence("disputed", origins(1, 1)) == 0.5  # no fixed value given: an honest coin


def test_a_fact_check_on_the_agreeing_side_of_a_negated_claim_supports() -> None:
    check = EvidenceStance(
        "fc", "agree", {"agree": 0.9, "disagree": 0.03, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    v = decide([check, ev("ministry", "agree"), ev("rumour", "disagree")])
    assert v.label == "supported" and v.rule == "supported_check"


def test_a_fact_check_with_one_more_denial_refutes_a_rumour_many_sites_carry() -> None:
    # Rumour sites we could not link outnumber the denials; a published fact-check and an official
    # denial still refute (PRODUCT.md), and a fact-check alone against two sites does not.
    check = EvidenceStance(
        "fc", "disagree", {"agree": 0.03, "disagree": 0.9, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    rumours = [ev(f"site{i}", "agree") for i in range(3)]
    v = decide([*rumours, check, ev("ministry", "disagree")])
    assert v.label == "refuted" and v.rule == "refuted_check"
    assert decide([*rumours[:2], check]).label == "disputed"
    assert decide([rumours[0], check]).label == "refuted"


def test_fact_checks_on_both_sides_settle_nothing() -> None:
    against = EvidenceStance(
        "fc1", "disagree", {"agree": 0.03, "disagree": 0.9, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    for_ = EvidenceStance(
        "fc2", "agree", {"agree": 0.9, "disagree": 0.03, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    v = decide([for_, ev("a", "agree"), against, ev("d", "disagree")])
    assert v.label == "disputed"


def test_origins_resting_on_unnamed_sources_count_as_one() -> None:
    # Three sites, each quoting "a source close to the governor": nothing shows three sources.
    evidence = [ev(f"s{i}", "agree") for i in range(3)]
    unnamed = [OriginGroup(f"source {i}", [f"s{i}"], anonymous=True) for i in range(3)]
    v = decide(evidence, unnamed, language="ar")
    assert v.label == "unverified" and v.rule == "anonymous"
    assert "غير مسمّاة" in v.explanation
    named = [OriginGroup("reuters", ["s0"]), *unnamed[1:]]  # one named origin and the unnamed ones
    assert decide(evidence, named).label == "supported"


def test_unnamed_sources_on_the_denying_side_count_as_one() -> None:
    evidence = [ev("a1", "agree"), ev("a2", "agree"), ev("d1", "disagree"), ev("d2", "disagree")]
    groups = [
        OriginGroup("afp", ["a1"]),
        OriginGroup("reuters", ["a2"]),
        OriginGroup("unnamed 1", ["d1"], anonymous=True),
        OriginGroup("unnamed 2", ["d2"], anonymous=True),
    ]
    weighed = weigh_origins(evidence, groups)
    assert [o.anonymous for o in weighed] == [False, False, True, True]
    assert decide(evidence, groups).label == "disputed"


def test_one_denial_against_origins_that_report_the_claim_disputes() -> None:
    # "The ministry denies the outbreak" beside two reports quoting doctors: one party's word.
    reports = [ev("doctors", "discuss", 0.7), ev("relief", "discuss", 0.7)]
    v = decide([ev("ministry", "disagree"), *reports])
    assert (v.label, v.rule) == ("disputed", "denied_once")
    assert "One origin denies the claim" in v.explanation
    assert (
        "ينفي الادعاءَ مصدرٌ واحد" in decide([ev("ministry", "disagree"), *reports], language="ar").explanation
    )


def test_denials_outnumbered_by_the_reports_of_the_claim_dispute_it() -> None:
    # A state ministry and the federal ministry deny deaths that a doctors' union, a wire agency and
    # residents report: the officials' word against theirs, not a refutation.
    ministries = [ev("state ministry", "disagree"), ev("federal ministry", "disagree")]
    reports = [ev("doctors", "discuss", 0.7), ev("wire", "discuss", 0.7), ev("residents", "discuss", 0.7)]
    v = decide([*ministries, *reports])
    assert (v.label, v.rule) == ("disputed", "denials_outnumbered")
    assert "are fewer than the independent origins that report it" in v.explanation
    assert (
        "أقل عدداً من المصادر المستقلة التي تنقله"
        in decide([*ministries, *reports], language="ar").explanation
    )
    # as many reports as denials: the denials stand
    assert decide([*ministries, *reports[:2]]).label == "refuted"
    # a published fact-check among the denials settles it
    check = EvidenceStance(
        "fc", "disagree", {"agree": 0.03, "disagree": 0.9, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    assert decide([ministries[0], check, *reports]).label == "refuted"
    # the mirror, for "no one died": two origins say so, three report the deaths
    mirrored = [ev("state ministry", "agree"), ev("federal ministry", "agree"), *reports]
    v = decide(mirrored, negated=True)
    assert (v.label, v.rule) == ("disputed", "assertions_outnumbered")


def test_one_denial_refutes_when_fewer_than_two_report_the_claim_or_a_fact_check_denies_it() -> None:
    assert decide([ev("ministry", "disagree")]).label == "refuted"
    assert decide([ev("ministry", "disagree"), ev("site", "discuss", 0.7)]).label == "refuted"
    check = EvidenceStance(
        "fc", "disagree", {"agree": 0.03, "disagree": 0.9, "discuss": 0.04, "unrelated": 0.03}, refutes=True
    )
    assert decide([check, ev("site", "discuss", 0.7)]).label == "refuted"


def test_a_negated_claim_gets_the_mirror_of_its_events_verdict() -> None:
    # "No fire broke out": one agency report of the fire leaves the fire unverified (one origin), so
    # it leaves its negation unverified too, not refuted on one report; two independent reports of the
    # fire refute it, as they would support "a fire broke out".
    one = [ev("agency", "disagree"), ev("local", "discuss", 0.7)]
    v = decide(one, negated=True)
    assert (v.label, v.rule) == ("unverified", "single_event")
    assert "Only one independent origin reports the event" in v.explanation
    two = [ev("agency", "disagree"), ev("radio", "disagree")]
    v = decide(two, negated=True)
    assert (v.label, v.rule) == ("refuted", "refuted_event")
    assert "تنقل مصادر مستقلة وقوع" in decide(two, negated=True, language="ar").explanation
    # as confident as "a fire broke out" is supported by the same two reports
    positive = decide([ev("agency", "agree"), ev("radio", "agree")])
    assert positive.label == "supported" and v.confidence == positive.confidence
    # the civil defence's word that nothing burned, against two reports of the fire: disputed
    v = decide([ev("civil defence", "agree"), *two], negated=True)
    assert v.label == "disputed"
    reported = [ev("civil defence", "agree"), ev("local", "discuss", 0.7), ev("radio", "discuss", 0.7)]
    v = decide(reported, negated=True)
    assert (v.label, v.rule) == ("disputed", "asserted_once")
    # one origin's word that nothing burned is one origin, however often copied: too thin to support
    # "no fire broke out", as one report is too thin to support "a fire broke out"
    v = decide([ev("civil defence", "agree"), ev("local", "discuss", 0.7)], negated=True)
    assert (v.label, v.rule) == ("unverified", "single_denial")
    assert (
        "لا يقول إن الأمر لم يقع إلا مصدر مستقل واحد"
        in decide([ev("civil defence", "agree")], negated=True, language="ar").explanation
    )
    # two independent origins saying so, and nothing reporting it: the negation stands
    assert decide([ev("civil defence", "agree"), ev("police", "agree")], negated=True).label == "supported"
