"""Independent origins on a small hand-built corpus, party denials, and the contract's provenance."""

from __future__ import annotations

import pytest

from rawi.provenance import EvidenceArticle, Registry, analyze_provenance, group_origins
from rawi.provenance.analysis import article_attributions
from rawi.records import Article
from rawi.text import split_sentences, tokenize

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
    result = analyze_provenance(tokenize(CLAIM), _evidence(), registry)
    groups = {o.key: sorted(o.articles) for o in result.origins}
    assert groups == {"sana": ["a1", "a2", "a3"], "sohr": ["a4", "a5"]}
    kinds = {o.key: o.kind for o in result.origins}
    assert kinds == {"sana": "relay", "sohr": "cited_source"}  # a1: "نقلت وكالة سانا عن مصدر عسكري"
    names = {o.key: o.name for o in result.origins}
    assert names == {"sana": "الوكالة العربية السورية للأنباء", "sohr": "المرصد السوري لحقوق الإنسان"}
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
        ("daily_star", ["b1", "b2"], "outlet"),
        ("unknown outlet", ["b3"], "single"),
    ]
    assert {o.key: o.name for o in origins}["unknown outlet"] == "unknown outlet"


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
    result = analyze_provenance(tokenize(CLAIM), evidence, registry)
    assert [(d.article_id, d.source_key, d.polarity) for d in result.party_denials] == [
        ("d1", "russian_defense_ministry", "denies")
    ]


def test_provenance_json_follows_the_contract(registry: Registry, check_schema: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    prov = analyze_provenance(tokenize(CLAIM), _evidence(), registry).to_json()
    jsonschema.validate(prov, check_schema["properties"]["provenance"])
    assert {a["article_id"] for a in prov["attributions"]} >= {"a1", "a2", "a4", "a5"}
    assert all(0 <= r["similarity"] <= 1 for r in prov["reuse"])


def _ev(aid: str, text: str, outlet: str | None = None, published: str | None = None) -> EvidenceArticle:
    article = Article(aid, text, outlet=outlet, published=published, language="ar")
    return EvidenceArticle(article, split_sentences(text), "agree", list(range(len(split_sentences(text)))))


def _origins(evidence: list[EvidenceArticle], registry: Registry) -> dict[str, list[str]]:
    return {
        o.name: sorted(o.articles) for o in analyze_provenance(tokenize("claim"), evidence, registry).origins
    }


def test_articles_resting_on_the_same_specific_anonymous_source_are_one_origin(registry: Registry) -> None:
    evidence = [
        _ev("r1", "وقالت مصادر عسكرية روسية إن الطائرات قصفت مستودعا للذخيرة قرب المطار.", "aljazeera"),
        _ev("r2", "وذكرت مصادر عسكرية روسية أن القصف استهدف مواقع للمسلحين في الريف الجنوبي.", "rudaw"),
        _ev("r3", "وقال مصدر محلي إن القصف استهدف مواقع في الريف الجنوبي.", "alarabiya"),
    ]
    origins = analyze_provenance(tokenize("claim"), evidence, registry).origins
    joined = next(o for o in origins if len(o.articles) == 2)
    assert sorted(joined.articles) == ["r1", "r2"] and joined.name == "مصادر عسكرية روسية"
    (citation,) = [e for e in joined.evidence if e["type"] == "cited_source"]
    assert [c["article_id"] for c in citation["citations"]] == ["r1", "r2"]
    assert len(origins) == 2  # "مصدر محلي" is too generic to join anything


def test_origin_is_named_after_the_agency_not_the_file_that_copied_it(registry: Registry) -> None:
    story = (
        "قالت وكالة رويترز إن الطائرات قصفت مستودعا للذخيرة قرب المطار العسكري في ريف المدينة الجنوبي "
        "فجر اليوم الأحد وإن النيران اشتعلت في المستودع لساعات قبل أن تتمكن فرق الإطفاء من إخمادها."
    )
    copy = "نشرت الصحف المحلية الخبر التالي. " + story.replace("قالت وكالة رويترز إن ", "") + " انتهى."
    evidence = [
        _ev("feeds/wire.jsonl#17", story, published="2017-09-07"),
        _ev("local/002.txt", copy, published="2017-09-08"),
    ]
    origins = analyze_provenance(tokenize("claim"), evidence, registry).origins
    (origin,) = origins
    assert origin.key == "reuters" and origin.name == registry.get("reuters").display_name("ar")
    (joined,) = origin.evidence  # the shared text joined them
    assert joined["type"] in ("passage", "shared_text") and joined["earlier"] == "feeds/wire.jsonl#17"


def test_no_outlet_is_unknown_outlet_never_the_file_name(registry: Registry) -> None:
    evidence = [_ev("002.txt", "انقطعت الكهرباء عن أحياء المدينة مساء أمس بسبب عطل في محطة التحويل.")]
    (origin,) = analyze_provenance(tokenize("claim"), evidence, registry).origins
    assert (origin.key, origin.name, origin.articles) == ("unknown outlet", "unknown outlet", ["002.txt"])


def test_five_article_story_with_a_relayed_agency_is_two_origins(registry: Registry) -> None:
    """State outlets relaying a foreign agency, a copy of one of them, and the accused party's
    denial: two origins (the agency, the party), not five."""
    evidence = [
        _ev("s1", "وذكرت مصادر إعلامية ومحلية لوكالة نوفوستي الروسية أن الطائرات قصفت المدينة.", "sana"),
        _ev("s2", "ونقلت وكالة نوفوستي الروسية عن مصادر محلية أن الطائرات قصفت المدينة فجرا.", "syria_tv"),
        _ev("s3", "وقالت وكالة نوفوستي نقلا عن مصدر عسكري دبلوماسي إن الطائرات قصفت المدينة.", None),
        _ev("s4", "وتنفي قيادة التحالف تقارير إعلامية بهذا الشأن.", "rudaw"),
    ]
    origins = _origins(evidence, registry)
    novosti = registry.get("ria_novosti").display_name("ar")
    assert origins[novosti] == ["s1", "s2", "s3"]
    assert len(origins) == 2


def test_one_unnamed_source_described_with_other_endings_is_one_origin(registry: Registry) -> None:
    # "a source close to his office" / "... to the governor's office": one source, however worded.
    evidence = [
        _ev("g1", "وقال مصدر مقرّب من مكتبه إن المحافظ قدّم استقالته إلى رئيس المجلس مساء الأحد.", "aljazeera"),
        _ev("g2", "ونقل الموقع عن مصدر مقرب من مكتب المحافظ أن الاستقالة قُدّمت مساء الأحد.", "rudaw"),
        _ev("g3", "وأفاد مصدر في وزارة الداخلية بأن الاستقالة لم تصل إلى الوزارة بعد.", "alarabiya"),
    ]
    origins = analyze_provenance(tokenize("claim"), evidence, registry).origins
    joined = next(o for o in origins if len(o.articles) == 2)
    assert sorted(joined.articles) == ["g1", "g2"]
    assert joined.anonymous and joined.to_json()["anonymous"] is True
    assert len(origins) == 2  # a source in another ministry is another source


def test_a_relay_of_an_interview_joins_the_site_that_carried_it(registry: Registry) -> None:
    """An interview on one site, another site relaying it by name ("بحسب ما صرح به لموقع ..."), and
    a third outlet with its own report: two origins; the interview's site names the first."""
    evidence = [
        _ev(
            "i1",
            "قال سامي العتيبي، مدير نادي الساحل، إن الفريق لم يدفع أي مبلغ مقابل ضم المهاجم الجديد.",
            "موقع المدرج الأخضر",
        ),
        _ev(
            "i2",
            "نفى سامي العتيبي أن يكون النادي قد دفع أي مبلغ للاعب. وقال العتيبي، بحسب ما صرح به لموقع "
            '"المدرج الأخضر"، إن المهاجم انضم بصفة لاعب حر.',
            "موقع الرياضة اليوم",
        ),
        _ev("i3", "وذكرت صحيفة الأفق أن النادي دفع مبلغا كبيرا لضم المهاجم من فريقه السابق.", "صحيفة الأفق"),
    ]
    origins = analyze_provenance(tokenize("claim"), evidence, registry).origins
    joined = next(o for o in origins if len(o.articles) == 2)
    assert sorted(joined.articles) == ["i1", "i2"] and joined.name == "موقع المدرج الأخضر"
    assert joined.kind == "cited_source"
    (citation,) = [e for e in joined.evidence if e["type"] == "cited_source"]
    assert citation["published_by"] == "i1" and citation["citations"][0]["article_id"] == "i2"
    assert len(origins) == 2


def test_a_relay_that_denies_what_the_cited_site_asserts_stays_apart(registry: Registry) -> None:
    evidence = [
        _ev("j1", "وأكد موقع المدرج الأخضر أن النادي دفع مبلغا كبيرا لضم المهاجم.", "موقع المدرج الأخضر"),
        EvidenceArticle(
            Article("j2", "ونفى النادي ما نشره موقع المدرج الأخضر عن دفع مبلغ لضم المهاجم.", language="ar"),
            split_sentences("ونفى النادي ما نشره موقع المدرج الأخضر عن دفع مبلغ لضم المهاجم."),
            "disagree",
            [0],
        ),
    ]
    assert len(analyze_provenance(tokenize("claim"), evidence, registry).origins) == 2


def test_a_fact_check_that_cites_an_outlet_stays_its_own_origin(registry: Registry) -> None:
    # the reports a fact-check cites are its evidence; its finding is its own
    denial = "ونفت الوزارة في بيان أن يكون النادي قد دفع أي مبلغ لضم المهاجم الجديد."
    check = (
        'وقال مسؤول في الوزارة، بحسب ما نشره موقع "المدرج الأخضر"، إن النادي لم يدفع أي مبلغ. الحكم: زائف.'
    )
    evidence = [
        _ev("k1", denial, "موقع المدرج الأخضر"),
        EvidenceArticle(
            Article("k2", check, outlet="منصة تحقق", language="ar"),
            split_sentences(check),
            "agree",
            [0, 1],
            True,
        ),
    ]
    assert len(analyze_provenance(tokenize("claim"), evidence, registry).origins) == 2
    evidence[1] = EvidenceArticle(evidence[1].article, evidence[1].sentences, "agree", [0, 1])
    assert len(analyze_provenance(tokenize("claim"), evidence, registry).origins) == 1
