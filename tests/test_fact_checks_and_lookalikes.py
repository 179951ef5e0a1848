"""End to end on hand-written news (tests/_rumours.py): a published fact-check's ruling, a fact-check
of another rumour of the same story, a look-alike event in another language, and a title that
restates the claim in other words.

Real files, a real SQLite store, the shipped models and the default encoder; skipped when no
sentence encoder is installed.
"""

from __future__ import annotations

import pytest

from _newsroom import ingested, stances
from _rumours import write_rumours
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.stance.factcheck import rated_texts, statement

pytestmark = pytest.mark.skipif(load_encoder("use") is None, reason="no sentence encoder installed")

SCHOOLS = "قررت وزارة التربية والتعليم تعطيل مدارس محافظة إربد لمدة أسبوع بسبب المنخفض الجوي"
BRIDGE = "انهار جسر للمشاة فوق الطريق الدائري في إربد ما أدى إلى إصابة خمسة أشخاص"


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    with ingested(tmp_path_factory.mktemp("rumours"), write_rumours) as workbench:
        yield workbench


def test_a_fact_check_that_rates_the_claim_false_denies_it(wb: Rawi) -> None:
    # Read sentence by sentence it quotes the rumour; its ruling is what it says of the claim.
    got = stances(wb.check(SCHOOLS))
    assert got["schools/factcheck.md"] == "disagree"
    assert got["schools/rumour.txt"] == "agree"


def test_a_fact_checks_rationale_is_its_claim_line_and_its_ruling(wb: Rawi) -> None:
    # Not the rumour it quotes: the sentence a reader can check the ruling against.
    evidence = {e["article_id"]: e for e in wb.check(SCHOOLS)["evidence"]}
    quoted = [r["text"] for r in evidence["schools/factcheck.md"]["rationale"]]
    assert quoted[0].startswith("**الادعاء:**")
    assert any("مفبرك" in text for text in quoted)


def test_a_fact_check_and_an_official_denial_refute_a_rumour(wb: Rawi) -> None:
    result = wb.check(SCHOOLS)
    assert result["verdict"]["label"] == "refuted"
    refuting = [o for o in result["provenance"]["origins"] if o["refutes"]]
    assert any("schools/factcheck.md" in o["articles"] for o in refuting)


def test_the_negated_claim_is_supported_by_the_fact_check(wb: Rawi) -> None:
    result = wb.check("لم تقرر وزارة التربية تعطيل مدارس إربد لمدة أسبوع")
    assert stances(result)["schools/factcheck.md"] == "agree"
    # the fact-check's ruling is on the claim's side, and settles it with the ministry's denial
    # against the rumour sites (PRODUCT.md: a published fact-check establishes it)
    ruling = [o for o in result["provenance"]["origins"] if o["refutes"]]
    assert any("schools/factcheck.md" in o["articles"] and o["stance"] == "agree" for o in ruling)
    assert result["verdict"]["label"] == "supported"


def test_a_fact_check_of_another_rumour_does_not_rule_on_this_claim(wb: Rawi) -> None:
    # The photo check rates an old picture, not the closure: it may discuss the claim, never deny it.
    got = stances(wb.check(SCHOOLS))
    assert got.get("schools/photo-check.md", "unrelated") != "disagree"


def test_a_title_restating_the_claim_in_other_words_is_no_denial(wb: Rawi) -> None:
    # "Five injured as a footbridge falls on the ring road" has other words and details than the
    # claim and no denial word: the pair model alone reads such titles as contradictions.
    got = stances(wb.check(BRIDGE))
    assert got["bridge/local.txt"] == "agree"
    assert got["bridge/agency.txt"] == "agree"


def test_a_look_alike_event_in_another_language_takes_no_side(wb: Rawi) -> None:
    # Schools closed by a storm, but in Cyprus: the only English text near the Arabic claim, it must
    # not become the claim's stand-in in English and so agree with itself.
    result = wb.check(SCHOOLS)
    assert stances(result).get("schools/cyprus.txt", "unrelated") in ("unrelated", "discuss")
    counted = {a for o in result["provenance"]["origins"] if o["stance"] == "agree" for a in o["articles"]}
    assert "schools/cyprus.txt" not in counted


def test_a_look_alike_beside_a_true_report_in_another_language(wb: Rawi) -> None:
    result = wb.check(BRIDGE)
    got = stances(result)
    assert got.get("bridge/lookalike.txt", "unrelated") == "unrelated"
    assert got.get("bridge/english.txt") == "agree"
    assert result["verdict"]["label"] == "supported"


def test_a_negation_word_without_a_denial_is_no_denial(wb: Rawi) -> None:
    # "بثلاثة أهداف دون رد" (a 3-0 defeat) holds a negation word; the scoop asserts the claim.
    result = wb.check("أنهى نادي الشعلة الإربدي عقد مدربه عماد الزعبي")
    got = stances(result)
    assert got["coach/site.txt"] == "agree"
    assert got["coach/agency.txt"] == "agree"
    assert result["verdict"]["label"] == "supported"


def test_a_statement_that_leads_with_its_denial_denies(wb: Rawi) -> None:
    # The pair model reads "X rejects the allegation that its tannery discharged waste" as agreeing:
    # the denial leads the statement, so the statement denies the claim and agrees with its negation.
    claim = "صرف مصنع دباغة تابع لشركة الشرق للجلود مخلفات كيميائية في نهر الزرقاء"
    assert stances(wb.check(claim))["river/statement.txt"] == "disagree"
    negated = stances(wb.check("لم يصرف مصنع الدباغة التابع لشركة الشرق للجلود أي مخلفات في نهر الزرقاء"))
    assert negated["river/statement.txt"] == "agree"
    assert negated["river/agency.txt"] == "disagree"


def test_claim_lines_are_read_as_statements() -> None:
    sentences = [
        "انتشر الادعاء صباح السبت.",
        "**الادعاء:** قررت الوزارة تعطيل المدارس أسبوعاً.",
        "**الحكم:** مفبرك.",
        "ادعاء انهيار السد لا أساس له من الصحة.",
    ]
    texts = rated_texts("مفبرك: لا قرار بتعطيل المدارس", sentences)
    assert texts[:3] == ["مفبرك: لا قرار بتعطيل المدارس", sentences[1], sentences[3]]
    assert "انتشر الادعاء صباح السبت." not in texts  # the claim label must open the line
    # The statement keeps what happened and drops what is said of it.
    assert "اساس" not in statement(sentences[3])
    assert "السد" in statement(sentences[3])
    # A bare heading: the claim is the sentence after it; a conclusion that says what did happen is
    # not what the fact-check rates.
    english = ["Claim", "A video shows the dam cracked.", "Verdict: False", "A quake did strike."]
    assert rated_texts(None, english)[:1] == ["A video shows the dam cracked."]
    assert "A quake did strike." not in rated_texts(None, english)
