"""A claim that names the outlet that reported it ("Petra reported that 12 were injured") is a claim
about what that outlet said: when the outlet's own report in the corpus says otherwise, others who
report the figure do not make it the outlet's word (rawi.provenance.claimed). Original Arabic text."""

from __future__ import annotations

from pathlib import Path

import pytest

from _newsroom import ingested, write_articles
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.provenance.attribution import Attribution
from rawi.provenance.claimed import claimed_denier, claimed_sources, denied_by_others, silent_sources
from rawi.provenance.origins import ArticleAttribution
from rawi.provenance.registry import Registry
from rawi.verdict import EvidenceStance, decide


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.mark.parametrize(
    ("claim", "sources"),
    [
        ("Jordan's Petra news agency reported that 12 people were injured", {"petra"}),
        ("قالت وكالة الأنباء الأردنية بترا إن 12 شخصاً أصيبوا في انقلاب حافلة", {"petra"}),
        ("لقي خمسة أشخاص حتفهم في انحراف قطار، بحسب وكالة الأنباء الجزائرية", {"aps"}),
        # no outlet named; a ministry is no publisher; a denial is the claim's own frame
        ("أصيب 12 شخصاً في انقلاب حافلة على طريق الطفيلة", set()),
        ("قالت وزارة الصحة إن 12 شخصاً أصيبوا", set()),
        ("نفت وكالة الأنباء الأردنية أن تكون نشرت خبر الحادث", set()),
    ],
)
def test_the_outlet_a_claim_names_as_its_source(registry, claim: str, sources: set[str]) -> None:
    assert claimed_sources(claim, registry) == sources


def test_an_outlet_is_silent_when_none_of_its_own_related_reports_agrees(registry) -> None:
    read = [("petra", "discuss"), ("صحيفة الأنباط الجديدة", "agree"), ("petra", "unrelated")]
    assert silent_sources(frozenset({"petra"}), read, registry) == ["petra"]
    assert silent_sources(frozenset({"petra"}), [*read, ("petra", "agree")], registry) == []
    # no report of its own among the related ones: nothing to read its word from
    assert silent_sources(frozenset({"petra"}), [("petra", "unrelated")], registry) == []
    assert silent_sources(frozenset(), read, registry) == []


def ev(article_id: str, stance: str) -> EvidenceStance:
    rest = (1.0 - 0.9) / 3
    scores = {k: (0.9 if k == stance else rest) for k in ("agree", "disagree", "discuss", "unrelated")}
    return EvidenceStance(article_id, stance, scores)


def test_a_silent_named_source_keeps_two_origins_from_supporting_the_claim() -> None:
    evidence = [ev("a", "agree"), ev("b", "agree"), ev("petra", "discuss")]
    assert decide(evidence).label == "supported"
    verdict = decide(evidence, silent_sources=["Petra"], language="en")
    assert (verdict.label, verdict.rule) == ("unverified", "source_silent")
    assert "Petra" in verdict.explanation
    arabic = decide(evidence, silent_sources=["بترا", "سبأ"], language="ar")
    assert "بترا أو سبأ" in arabic.explanation
    # it never turns a denial into anything else
    denied = [ev("a", "disagree"), ev("b", "disagree")]
    assert decide(denied, silent_sources=["Petra"]).label == "refuted"


BUS = {
    "bus/daily.txt": """12 مصاباً في انقلاب حافلة على طريق عين البيضاء

صحيفة الأنباط الجديدة - anbat.example

انقلبت حافلة ركاب صباح الاثنين على طريق الطفيلة - عين البيضاء، ما أسفر عن إصابة 12 شخصاً، بحسب ما قاله شهود عيان ومسعفون للصحيفة.

وقال أحد المسعفين إن الحافلة كانت تقل عمالاً إلى مصنع الإسمنت في المنطقة.
""",
    "bus/other.txt": """افتتاح مهرجان الزيتون في الطفيلة

صحيفة الأنباط الجديدة - anbat.example

افتتح محافظ الطفيلة اليوم مهرجان الزيتون السنوي بمشاركة أربعين تعاونية زراعية من المحافظة.
""",
    "bus/petra.txt": """إصابة سبعة أشخاص بانقلاب حافلة ركاب على طريق الطفيلة

عمّان (بترا) - وكالة الأنباء الأردنية

الطفيلة (بترا) - أصيب سبعة أشخاص بجروح متوسطة، صباح اليوم الاثنين، إثر انقلاب حافلة ركاب على الطريق الواصل بين الطفيلة وبلدة عين البيضاء، بحسب ما أفاد به مصدر في مديرية الدفاع المدني.

وأوضح المصدر أن فرق الإسعاف نقلت المصابين إلى مستشفى الطفيلة الحكومي، وأن حالتهم مستقرة.
""",
    "bus/radio.txt": """إذاعة الجنوب: 12 مصاباً في حادث حافلة الطفيلة

إذاعة صوت الجنوب - sawt-janoub.example

أصيب 12 شخصاً صباح الاثنين في انقلاب حافلة ركاب على طريق الطفيلة - عين البيضاء، وفق ما أكده مدير مستشفى الطفيلة الحكومي لإذاعة صوت الجنوب.

وأضاف المدير أن ثلاثة من المصابين ما زالوا تحت المراقبة الطبية.
""",
    "bus/site-cites.txt": """ارتفاع عدد مصابي حادث حافلة الطفيلة

موقع الجنوب نيوز - janoub.example

أفادت وكالة الأنباء الأردنية (بترا) بإصابة سبعة أشخاص في انقلاب حافلة ركاب على طريق الطفيلة - عين البيضاء صباح الاثنين، فيما أكدت مصادر محلية لـ«الجنوب نيوز» أن عدد المصابين ارتفع إلى اثني عشر شخصاً.

وطالب أهالي البلدة بإصلاح المنعطف الخطر الذي وقع فيه الحادث.
""",
}


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path_factory.mktemp("claimed"), lambda root: write_articles(root, BUS)) as workbench:
        yield workbench


def test_two_reports_of_a_figure_do_not_make_it_the_agencys_word(wb: Rawi) -> None:
    # Petra's own report gives seven injured; a daily and a radio give twelve from their own sources.
    plain = wb.check("أصيب 12 شخصاً في انقلاب حافلة على طريق الطفيلة")
    assert plain["verdict"]["label"] == "supported", plain["verdict"]
    for claim in (
        "قالت وكالة الأنباء الأردنية بترا إن 12 شخصاً أصيبوا في انقلاب حافلة على طريق الطفيلة",
        "Jordan's Petra news agency reported that 12 people were injured when a bus overturned on the Tafileh road",
    ):
        verdict = wb.check(claim)["verdict"]
        assert verdict["label"] == "unverified", verdict
        assert "نفسها" in verdict["explanation"] or "itself published" in verdict["explanation"]


def test_an_agency_whose_own_report_says_it_is_not_held_silent(wb: Rawi) -> None:
    verdict = wb.check(
        "قالت وكالة الأنباء الأردنية بترا إن سبعة أشخاص أصيبوا في انقلاب حافلة على طريق الطفيلة"
    )
    assert "نفسها في المدوّنة" not in verdict["verdict"]["explanation"], verdict["verdict"]


UNION = {
    "union/other.txt": """افتتاح سوق الزيتون الأسبوعي في عين الزيت

موقع الساحل اليوم - sahel-today.example

افتتحت بلدية عين الزيت سوق الزيتون الأسبوعي بمشاركة خمسين مزارعاً من البلدات المجاورة.
""",
    "union/radio.txt": """النقابة تطمئن: لا صيادلة موقوفين

إذاعة صوت الجبل - sawt-jabal.example

نفى نقيب الصيادلة سامي الحاج، في حديث لإذاعة صوت الجبل، توقيف أي صيدلي في قضية مستودع الأدوية المزورة في عين الزيت، وقال إن ما يتداول عن توقيفات بين الصيادلة غير صحيح.
""",
    "union/site.txt": """توقيف شخصين في قضية مستودع الأدوية المزورة في عين الزيت

موقع الساحل اليوم - sahel-today.example

أوقفت دورية من أمن الدولة شخصين بعد دهم مستودع للأدوية المزورة في بلدة عين الزيت، وضبطت فيه أكثر من ألف علبة من أدوية الضغط والسكري.

وقال مصدر أمني للموقع إن التحقيق يشمل صيادلة اشتروا أدوية من المستودع خلال الأشهر الماضية.

وفي وقت لاحق، نفت شركة "الدواء الذهبي" في اتصال مع "الساحل اليوم" توقيف أي صيدلي من المتعاملين معها في قضية مستودع الأدوية المزورة في عين الزيت.
""",
    "union/statement.txt": """نقيب الصيادلة: لم يوقف أي صيدلي في قضية عين الزيت

نقابة الصيادلة - الصفحة الرسمية

نفى نقيب الصيادلة الدكتور سامي الحاج توقيف أي صيدلي في قضية مستودع الأدوية المزورة في بلدة عين الزيت، مؤكداً أن النقابة تتابع التحقيق مع الأجهزة المختصة.

ودعا النقيب المواطنين إلى شراء الأدوية من الصيدليات المرخصة فقط.
""",
}


def test_the_party_a_claim_says_denied_something(registry) -> None:
    denier = claimed_denier("نفى نقيب الصيادلة توقيف أي صيدلي في قضية المستودع", registry)
    assert denier is not None and denier.source == "نقيب الصيادلة"
    assert claimed_denier("أوقفت دورية شخصين في قضية المستودع", registry) is None


def test_another_partys_denial_does_not_report_the_claimed_one(tmp_path: Path) -> None:
    # The union head's denial is reported by his statement and a radio; a site carries only a
    # company's denial of the same arrests: it does not report that the union head denied them.
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path, lambda root: write_articles(root, UNION)) as workbench:
        result = workbench.check(
            "نفى نقيب الصيادلة توقيف أي صيدلي في قضية مستودع الأدوية المزورة في عين الزيت"
        )
        denier = claimed_denier("نفى نقيب الصيادلة توقيف أي صيدلي", workbench.registry)
    got = {e["article_id"]: e["stance"] for e in result["evidence"]}
    assert got["union/statement.txt"] == got["union/radio.txt"] == "agree"
    assert got["union/site.txt"] != "agree", result["evidence"]
    assert denier is not None


def test_only_named_parties_denials_set_an_article_apart() -> None:
    def said(article: str, source: str, key: str) -> ArticleAttribution:
        return ArticleAttribution(article, 0, Attribution(source, key, "person", "denies", "نفت", (0, 3)))

    head = Attribution("نقيب الصيادلة", "نقيب الصيادله", "official", "denies", "نفى", (0, 3))
    found = [
        said("company", 'شركة "الدواء الذهبي"', 'شركه "الدواء الذهبي"'),
        said("both", 'شركة "الدواء الذهبي"', 'شركه "الدواء الذهبي"'),
        said("both", "النقيب سامي الحاج الصيادلة", "النقيب سامي الحاج"),
        said("misread", "رغم", "رغم"),  # "رغم نفي الشركة": one word the grammar misread
        said("person", "كريم الهواري", "كريم الهواري"),  # a name against a role: cannot be told apart
        said("english", "Golden Medicine company", "golden medicine company"),
    ]
    compared = {"company", "both", "misread", "person"}  # "english" is in another language than the claim
    assert denied_by_others(head, found, compared) == {"company"}
