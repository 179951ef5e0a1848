"""A denial covers its own clause: a headline that joins two news ("no truth to X.. and Y starts on
Sunday") denies X, not Y; a short clause that names nothing ("ministry denies it") denies what the
other clause says; a denial verb denies what it names after it ("reported the blast and denied that
the tanker was its own" does not deny the blast); an article that uses almost none of the claim's
words denies nothing of it. Hand-written news (original text), a real SQLite store, the shipped models and the
default encoder; skipped when no sentence encoder is installed.
"""

from __future__ import annotations

import numpy as np
import pytest

from _newsroom import ingested, stances, write_articles
from rawi.embed import load_encoder
from rawi.records import STANCE_LABELS
from rawi.stance.evidence import StanceStage
from rawi.stance.semantic import SentenceEvidence
from rawi.text import split_clauses

pytestmark = pytest.mark.skipif(load_encoder("use") is None, reason="no sentence encoder installed")

MARKET = {
    "souq/agency.txt": """بلدية صفاقس: أشغال ترميم السوق المركزي تنطلق يوم الأحد المقبل

صفاقس (وات) - أعلنت بلدية صفاقس اليوم الثلاثاء أن أشغال ترميم السوق المركزي بالمدينة ستنطلق يوم الأحد المقبل وتستمر أربعة أشهر، بكلفة تناهز ثلاثة ملايين دينار.

وأوضح رئيس البلدية أن الأشغال ستشمل تجديد السقف وشبكة الكهرباء وقنوات تصريف المياه، مع إبقاء الأجنحة الشمالية مفتوحة أمام التجار والزبائن طيلة فترة الترميم.
""",
    "souq/radio.txt": """إذاعة صفاقس: ترميم السوق المركزي يبدأ الأحد ويدوم أربعة أشهر

قال مراسل إذاعة صفاقس إن البلدية ستشرع يوم الأحد في أشغال ترميم السوق المركزي، بعد أن استكملت إجراءات الصفقة مع المقاول، وإن الأشغال تدوم نحو أربعة أشهر.
""",
    "souq/municipality.txt": """بلدية صفاقس تنفي مضاعفة معاليم الكراء.. وأشغال ترميم السوق المركزي تنطلق يوم الأحد

صفاقس - تداولت صفحات على مواقع التواصل أن معاليم كراء المحلات التجارية ستتضاعف بعد انتهاء الأشغال، وهو ما نفته البلدية في بيان اليوم، مؤكدة أن المعاليم لن تتغير هذا العام.

وأكدت البلدية أن أشغال ترميم السوق المركزي ستنطلق يوم الأحد كما أُعلن سابقاً.
""",
}

BRIDGE = {
    "bridge/parents.txt": """Footbridge over the Wadi Rawda collapsed, residents say; ministry denies it

Residents of Wadi Rawda said on Monday that the old footbridge over the wadi collapsed after two days of heavy rain, cutting the path that pupils take to the village school.

The public works ministry said the footbridge was standing and had been closed only as a precaution.
""",
    "bridge/local.txt": """Heavy rain brings down footbridge in Wadi Rawda

Villagers in Wadi Rawda watched the old footbridge over the wadi give way on Sunday night after two days of rain, a local council member told the Valley Post.
""",
}


TANKER = {
    "tanker/agency.txt": """انفجار صهريج وقود في محطة محروقات ببلدة الرمانة وإصابة شخصين

الرمانة (وكالة الأنباء) - انفجر صهريج لنقل الوقود صباح اليوم السبت أثناء تفريغ حمولته في محطة النخيل للمحروقات ببلدة الرمانة، ما أدى إلى إصابة السائق وعامل في المحطة بحروق، بحسب الدفاع المدني.

وقال الدفاع المدني إن فرقه أخمدت الحريق خلال ساعة، وإن أسباب الانفجار قيد التحقيق.
""",
    "tanker/local.txt": """حريق كبير بعد انفجار صهريج في محطة النخيل بالرمانة

شاهد سكان بلدة الرمانة صباح السبت ألسنة اللهب تتصاعد من محطة النخيل للمحروقات بعد انفجار صهريج وقود كان يفرغ حمولته فيها، وقال صاحب محل مجاور إن الانفجار هز واجهات المحلات.
""",
    "tanker/company.txt": """شركة النخيل: الصهريج الذي انفجر في الرمانة لا يتبع أسطولنا

أصدرت شركة النخيل للمحروقات بياناً تعقيباً على انفجار صهريج الوقود أثناء تفريغ حمولته في محطتها ببلدة الرمانة صباح السبت، نفت فيه أن يكون الصهريج تابعاً لأسطولها من الشاحنات.

وقال البيان إن الصهريج مملوك لشركة نقل خاصة متعاقدة معها، وتمنى الشفاء العاجل للمصابين.
""",
    "tanker/operator-en.txt": """Haulier says tanker that blew up in Rummana was not one of its trucks

Al-Nakheel Fuels, which owns the station where a fuel tanker exploded while unloading on Saturday, denied that the tanker belonged to its own fleet of trucks, saying it was hired from a private haulier.
""",
}


def test_a_denial_of_what_the_report_does_not_claim_does_not_deny_the_claim(tmp_path) -> None:
    # The company reports the blast and denies only that the tanker was its own: the closeness of the
    # whole sentence to the claim (the blast) is not the closeness of what it denies.
    with ingested(tmp_path, lambda root: write_articles(root, TANKER)) as wb:
        result = wb.check("انفجر صهريج وقود أثناء تفريغ حمولته في محطة للمحروقات ببلدة الرمانة")
        english = wb.check("A fuel tanker exploded while unloading at a petrol station in Rummana")
    got = stances(result)
    assert got["tanker/company.txt"] != "disagree", result["evidence"]
    assert got["tanker/agency.txt"] == "agree"
    assert result["verdict"]["label"] not in ("refuted", "disputed")
    assert stances(english)["tanker/operator-en.txt"] != "disagree", english["evidence"]
    assert english["verdict"]["label"] not in ("refuted", "disputed")


def test_a_denial_verb_that_names_the_claims_event_still_denies_it(tmp_path) -> None:
    denial = {
        "tanker/company.txt": """شركة النخيل تنفي وقوع انفجار في محطتها بالرمانة

نفت شركة النخيل للمحروقات أن يكون صهريج وقود قد انفجر أثناء تفريغ حمولته في محطتها ببلدة الرمانة صباح السبت، مؤكدة أن ما حدث تسرب بسيط للوقود جرى احتواؤه.
"""
    }
    with ingested(tmp_path, lambda root: write_articles(root, {**TANKER, **denial})) as wb:
        result = wb.check("انفجر صهريج وقود أثناء تفريغ حمولته في محطة للمحروقات ببلدة الرمانة")
    assert stances(result)["tanker/company.txt"] == "disagree", result["evidence"]


def test_a_denial_in_an_article_that_uses_almost_none_of_the_claims_words_denies_nothing() -> None:
    # An operator's denial about another ship, close to the claim by topic (the stories' s06c3: a
    # seizure off Mokha against a grounding at Aqaba): with a denial word, near the claim, read as a
    # contradiction, it denies the claim unless the article is foreign to the claim's words.
    stage = StanceStage(None, encoder_key="use")
    denial = SentenceEvidence(0, 0.6, {"agree": 0.05, "disagree": 0.9, "other": 0.05}, {"denial": 1})
    core = np.array([0.05, 0.7, 0.15, 0.1])
    disagree = STANCE_LABELS.index("disagree")
    assert stage._gate_denial(core, [denial], missing=0.5)[disagree] > 0.7
    assert stage._gate_denial(core, [denial], missing=0.9, foreign=True)[disagree] < 0.1


def test_clauses_split_at_a_headline_joint_a_semicolon_and_an_ellipsis() -> None:
    assert split_clauses("البلدية: لا صحة لغلق السوق.. والأشغال تنطلق الأحد") == [
        "البلدية: لا صحة لغلق السوق",
        "والأشغال تنطلق الأحد",
    ]
    assert split_clauses("Bridge collapsed, residents say; ministry denies it") == [
        "Bridge collapsed, residents say",
        "ministry denies it",
    ]
    assert split_clauses("قالت الوزارة إن الجسر قائم") == ["قالت الوزارة إن الجسر قائم"]


def test_a_denial_of_another_news_in_the_same_headline_does_not_deny_the_claim(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, MARKET)) as wb:
        result = wb.check("تنطلق أشغال ترميم السوق المركزي في صفاقس يوم الأحد")
    got = stances(result)
    # The municipality denies that shop rents double, and confirms the works start on Sunday.
    assert got["souq/municipality.txt"] != "disagree", result["evidence"]
    assert got["souq/agency.txt"] == "agree"
    assert result["verdict"]["label"] not in ("refuted", "disputed")


def test_a_denial_clause_that_names_nothing_denies_what_the_other_clause_says(tmp_path) -> None:
    with ingested(tmp_path, lambda root: write_articles(root, BRIDGE)) as wb:
        result = wb.check("The footbridge over the Wadi Rawda collapsed")
    assert stances(result)["bridge/parents.txt"] == "disagree", result["evidence"]
