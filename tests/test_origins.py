"""Independent origins on a small hand-built corpus, party denials, and the contract's provenance."""

from __future__ import annotations

import pytest

from rawi.provenance import EvidenceArticle, Registry, analyze_provenance, group_origins
from rawi.provenance.analysis import article_attributions
from rawi.records import Article
from rawi.text import split_sentences

COPIED = (
    "وقالت وكالة سانا إن وحدات الجيش سيطرت على بلدة الحاضر بعد اشتباكات استمرت يومين مع المسلحين، "
    "وإن فرق الهندسة بدأت تفكيك الألغام في الطرق المؤدية إلى البلدة تمهيداً لعودة الأهالي إليها."
)
CORPUS = [
    # two outlets relaying SANA in their own words
    ("a1", "aljazeera", "نقلت وكالة سانا عن مصدر عسكري أن الجيش سيطر على بلدة الحاضر بعد معارك عنيفة."),
    ("a2", "alarabiya", COPIED),
    # a copy of a2 with no known outlet: the same origin through shared text
    ("a3", None, COPIED.replace("سيطرت", "سيطــرت").replace("،", " ،")),
    # two reports citing the Syrian Observatory
    ("a4", "rudaw", "قال المرصد السوري لحقوق الإنسان إن الاشتباكات في محيط بلدة الحاضر ما زالت مستمرة."),
    ("a5", None, "وذكر المرصد السوري لحقوق الإنسان أن المعارك حول بلدة الحاضر لم تتوقف حتى المساء."),
    # unrelated evidence never counts
    ("a6", "aljazeera", "افتتح معرض الكتاب أبوابه أمس بمشاركة مئات دور النشر."),
]
STANCES = {"a1": "agree", "a2": "agree", "a3": "agree", "a4": "disagree", "a5": "discuss", "a6": "unrelated"}
CLAIM = "الجيش السوري سيطر على بلدة الحاضر بدعم من وزارة الدفاع الروسية"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def _evidence() -> list[EvidenceArticle]:
    out = []
    for aid, outlet, text in CORPUS:
        sentences = split_sentences(text)
        out.append(EvidenceArticle(Article(aid, text, outlet=outlet), sentences, STANCES[aid], [0]))
    return out


def test_five_articles_trace_back_to_two_origins(registry: Registry) -> None:
    result = analyze_provenance(CLAIM, _evidence(), registry)
    groups = {o.key: sorted(o.articles) for o in result.origins}
    assert groups == {"sana": ["a1", "a2", "a3"], "sohr": ["a4", "a5"]}
    kinds = {o.key: o.kind for o in result.origins}
    assert kinds == {"sana": "cited_source", "sohr": "cited_source"}
    assert {frozenset((x.a, x.b)) for x in result.reuse} == {frozenset(("a2", "a3"))}


def test_outlet_and_reuse_group_without_cited_sources(registry: Registry) -> None:
    texts = [
        ("b1", "daily_star", "انقطعت الكهرباء عن أحياء واسعة من المدينة مساء أمس بسبب عطل في محطة التحويل."),
        ("b2", "daily_star", "عاد التيار الكهربائي تدريجياً إلى الأحياء الشرقية صباح اليوم بعد إصلاح العطل."),
        ("b3", None, "شهدت المدينة ازدحاماً مرورياً خانقاً بسبب إغلاق الجسر الرئيسي للصيانة طوال اليوم."),
    ]
    evidence = [
        EvidenceArticle(Article(i, t, outlet=o), split_sentences(t), "agree", [0]) for i, o, t in texts
    ]
    origins = group_origins(evidence, [], [], registry)
    assert sorted((o.key, sorted(o.articles), o.kind) for o in origins) == [
        ("b3", ["b3"], "single"),
        ("daily_star", ["b1", "b2"], "outlet"),
    ]


def test_anonymous_sources_do_not_merge_origins(registry: Registry) -> None:
    texts = [
        ("c1", "وقال مصدر محلي إن الجسر انهار صباح اليوم."),
        ("c2", "وقال مصدر محلي إن السوق أغلق بسبب الأمطار."),
    ]
    evidence = [EvidenceArticle(Article(i, t), split_sentences(t), "agree", [0]) for i, t in texts]
    atts = [a for ev in evidence for a in article_attributions(ev.article, ev.sentences, [0], registry)]
    assert len(group_origins(evidence, atts, [], registry)) == 2


def test_denial_by_a_party_the_claim_names(registry: Registry) -> None:
    denial = "ونفت وزارة الدفاع الروسية أن تكون طائراتها شاركت في الهجوم على بلدة الحاضر."
    other = "ونفى ناشطون أن تكون البلدة سقطت بالكامل."
    evidence = [
        *_evidence(),
        EvidenceArticle(Article("d1", denial), split_sentences(denial), "disagree", [0]),
        EvidenceArticle(Article("d2", other), split_sentences(other), "disagree", [0]),
    ]
    result = analyze_provenance(CLAIM, evidence, registry)
    assert [(d.article_id, d.source_key, d.polarity) for d in result.party_denials] == [
        ("d1", "russian_defense_ministry", "denies")
    ]


def test_provenance_json_follows_the_contract(registry: Registry, check_schema: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    prov = analyze_provenance(CLAIM, _evidence(), registry).to_json()
    jsonschema.validate(prov, check_schema["properties"]["provenance"])
    assert {a["article_id"] for a in prov["attributions"]} >= {"a1", "a2", "a4", "a5"}
    assert all(0 <= r["similarity"] <= 1 for r in prov["reuse"])
