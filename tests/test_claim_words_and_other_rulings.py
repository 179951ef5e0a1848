"""A denial word that is the claim's own word, and a fact-check that rates another rumour of the
story, end to end on hand-written news (original text).

- A claim about fraud "by fake text messages" ("رسائل نصية مزيفة") names the fake messages: an
  agency report of those messages says "مزيفة" too and asserts the claim; it does not deny it.
- A fact-check that calls a rumour of the same story fabricated (a regulator's fine, "مفبرك:
  الهيئة لم تغرّم ...") states that rumour in its title: the title's "مفبرك" denies the fine, not
  the fraud the fine was said to punish, while the fact-check still refutes a claim of the fine.

Real files, a real SQLite store, the shipped models and the default encoder; skipped when no
sentence encoder is installed.
"""

from __future__ import annotations

import pytest

from _newsroom import ingested, stances, write_articles
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.stance.analysis import AnalysisCache

needs_encoder = pytest.mark.skipif(load_encoder("use") is None, reason="no sentence encoder installed")

POST = {
    "post/agency.txt": """شرطة عُمان: 38 بلاغاً عن احتيال برسائل نصية مزيفة تنتحل صفة البريد العُماني

مسقط - العُمانية

أعلنت شرطة عُمان السلطانية اليوم الثلاثاء أنها تلقت 38 بلاغاً من مواطنين ومقيمين تعرضوا لعمليات احتيال بعد وصول رسائل نصية مزيفة تنتحل صفة البريد العُماني وتطلب دفع رسوم شحنة معلقة عبر رابط إلكتروني.

وأوضحت الشرطة أن المحتالين استولوا على مبالغ تجاوزت 21 ألف ريال عُماني من حسابات الضحايا، ودعت الجمهور إلى التحقق من أي رسالة قبل إدخال بيانات البطاقات المصرفية.
""",
    "post/paper.txt": """ضحايا رسائل «الشحنة المعلقة» يروون كيف خسروا مدخراتهم

صحيفة صحار اليوم

التقت «صحار اليوم» عدداً من ضحايا الرسائل النصية المزيفة التي انتحلت صفة البريد العُماني خلال الأسبوع الماضي، وقالت معلمة من صحار إنها دفعت رسوم شحنة لم تطلبها أصلاً ثم اكتشفت سحب 600 ريال من حسابها.

وأكد البريد العُماني في تعقيب للصحيفة أنه لا يطلب من عملائه دفع أي رسوم عبر الرسائل النصية.
""",
    "post/rumour.txt": """هيئة الاتصالات تغرّم البريد العُماني 80 ألف ريال بعد فضيحة الرسائل

موقع نبض الباطنة

قررت هيئة تنظيم الاتصالات فرض غرامة قدرها 80 ألف ريال عُماني على البريد العُماني بسبب الرسائل النصية المزيفة التي انتحلت صفته، وفق بيان منسوب إلى الهيئة تداولته حسابات على مواقع التواصل الاجتماعي.
""",
    "post/factcheck.md": """# مفبرك: هيئة تنظيم الاتصالات لم تغرّم البريد العُماني

**منصة تحقّق** | 2026

**الادعاء:** هيئة تنظيم الاتصالات فرضت غرامة قدرها 80 ألف ريال على البريد العُماني بسبب رسائل الاحتيال.

**التقييم: مفبرك**

بحثنا في الموقع الرسمي لهيئة تنظيم الاتصالات وحساباتها الموثقة فلم نجد أي قرار بفرض غرامة على البريد العُماني، وأكد متحدث باسم الهيئة لمنصتنا أن البيان المتداول غير صادر عنها.

تجدر الإشارة إلى أن عمليات الاحتيال نفسها حقيقية، فقد أعلنت شرطة عُمان السلطانية تلقي 38 بلاغاً من ضحايا الرسائل النصية المزيفة.
""",
}
FRAUD = "تعرّض مواطنون ومقيمون في سلطنة عُمان لعمليات احتيال عبر رسائل نصية مزيفة تنتحل صفة البريد العُماني"
FINE = "فرضت هيئة تنظيم الاتصالات غرامة على البريد العُماني بسبب رسائل الاحتيال النصية"


def test_a_cue_word_the_claim_uses_is_not_counted_against_it() -> None:
    analyses = AnalysisCache()
    claim = analyses.claim(FRAUD).unit
    report = analyses.claim("تلقت الشرطة بلاغات عن رسائل نصية مزيفة تنتحل صفة البريد").unit
    ruling = analyses.claim("البيان المتداول مفبرك ورسائل البريد مزيفة").unit
    assert report.cue_count("refutation") == 1  # "مزيفة" is a refutation word ...
    assert report.cue_count_beside("refutation", claim) == 0  # ... that this claim uses itself
    assert ruling.cue_count_beside("refutation", claim) == 1  # "مفبرك" is still the text's own
    # a claim without the word leaves every match counted
    other = analyses.claim("فرضت الهيئة غرامة على البريد").unit
    assert report.cue_count_beside("refutation", other) == 1


@pytest.fixture(scope="module")
def post(tmp_path_factory: pytest.TempPathFactory):
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path_factory.mktemp("post"), lambda root: write_articles(root, POST)) as wb:
        yield wb


@needs_encoder
def test_a_report_of_fake_messages_agrees_with_a_claim_about_fake_messages(post: Rawi) -> None:
    result = post.check(FRAUD)
    got = stances(result)
    assert got["post/agency.txt"] == "agree", result["evidence"]
    assert got["post/paper.txt"] != "disagree", result["evidence"]


@needs_encoder
def test_a_fact_check_of_another_rumour_does_not_deny_the_event(post: Rawi) -> None:
    result = post.check(FRAUD)
    got = stances(result)
    # its title calls the fine fabricated; it says the fraud itself is real
    assert got["post/factcheck.md"] != "disagree", result["evidence"]
    assert result["verdict"]["label"] != "refuted", result["verdict"]


@needs_encoder
def test_the_same_fact_check_still_refutes_the_rumour_it_rates(post: Rawi) -> None:
    result = post.check(FINE)
    assert stances(result)["post/factcheck.md"] == "disagree", result["evidence"]
    assert result["verdict"]["label"] in ("refuted", "disputed"), result["verdict"]
