"""What a user reads never holds an internal registry key (``ria_novosti``, ``global_coalition``)
or a normalized spelling (``وسايل``, ``اعلاميه``): text, Markdown, HTML and the provenance graph."""

from __future__ import annotations

import re

import pytest

from rawi.provenance import EvidenceArticle, Registry, analyze_provenance
from rawi.records import Article
from rawi.report import render
from rawi.report.svg import render_provenance_svg
from rawi.text import normalize, split_sentences, tokenize

# Sentences written for this test.
TEXTS = {
    "a1": ("sana", "وذكرت مصادر إعلامية ومحلية لوكالة نوفوستي الروسية أن الطائرات قصفت المدينة."),
    "a2": ("ria_novosti", "ونقلت وسائل إعلام روسية عن مصادر عسكرية أن الطائرات قصفت المدينة فجراً."),
    "a3": ("الأفق المصرية", "وتنفي قيادة التحالف الدولي تقارير إعلامية بهذا الشأن."),
}
STANCES = {"a1": "agree", "a2": "agree", "a3": "disagree"}


@pytest.fixture(scope="module")
def result() -> dict:
    registry = Registry.load()
    evidence, rows = [], []
    for aid, (outlet, text) in TEXTS.items():
        art = Article(aid, text, outlet=outlet, language="ar", title=f"عنوان {aid}")
        evidence.append(EvidenceArticle(art, split_sentences(text), STANCES[aid], [0]))
        rows.append(
            {
                "article_id": aid,
                "title": art.title,
                "outlet": outlet,
                "language": "ar",
                "url": None,
                "published": None,
                "retrieval_score": 1.0,
                "stance": STANCES[aid],
                "stance_scores": {"agree": 0.5, "disagree": 0.3, "discuss": 0.1, "unrelated": 0.1},
                "rationale": [],
            }
        )
    rows.append({**rows[0], "article_id": "u1", "title": "مباراة", "outlet": "rudaw", "stance": "unrelated"})
    prov = analyze_provenance(tokenize("قصفت الطائرات المدينة"), evidence, registry).to_json()
    # the core keeps its own origin fields: key, articles, label (the registry's English name or key)
    prov["origins"] = [
        {
            "key": o["key"],
            "articles": o["articles"],
            "label": registry.display_names().get(o["key"], o["key"]),
        }
        for o in prov["origins"]
    ]
    return {
        "claim": {"text": "قصفت الطائرات المدينة", "language": "ar", "normalized": "قصفت الطايرات المدينه"},
        "verdict": {"label": "disputed", "confidence": 0.5, "explanation": "…", "independent_origins": 2},
        "evidence": rows,
        "provenance": prov,
        "corpus": {"articles": 4, "store": "sqlite:///x.db"},
        "model": {"name": "m", "version": "1"},
    }


def _forbidden(result: dict) -> set[str]:
    """Registry keys and normalized spellings that differ from what the text wrote."""
    registry = Registry.load()
    keys = {a["source_key"] for a in result["provenance"]["attributions"]}
    keys |= {e["outlet"] for e in result["evidence"] if e["outlet"]} | {
        o["key"] for o in result["provenance"]["origins"]
    }
    out = {k for k in keys if k in registry}
    for a in result["provenance"]["attributions"]:
        out |= {w for w in normalize(a["source"]).split() if w not in a["source"]}
    out |= {
        w
        for e in result["evidence"]
        if e["outlet"]
        for w in normalize(e["outlet"]).split()
        if w not in e["outlet"]
    }
    return out


def test_the_result_holds_keys_and_normalized_forms(result: dict) -> None:
    forbidden = _forbidden(result)
    assert {"ria_novosti", "global_coalition", "sana"} <= forbidden
    assert {"اعلاميه", "الافق", "المصريه"} <= forbidden


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_reports_show_display_names_only(fmt: str, result: dict) -> None:
    out = render(result, fmt)
    words = set(re.findall(r"[\w]+", out))
    leaked = {f for f in _forbidden(result) if f in words}
    assert not leaked, f"{fmt} shows {leaked}"
    assert "الوكالة العربية السورية للأنباء" in out  # sana as the Arabic registry name
    assert "الأفق المصرية" in out  # an unknown outlet as written


def test_graph_draws_related_articles_only_without_edge_labels(result: dict) -> None:
    related = {e["article_id"]: {"outlet": e["outlet"], "title": e["title"]} for e in result["evidence"][:3]}
    svg = render_provenance_svg(result["provenance"], related)
    assert "u1" not in svg and "مباراة" not in svg
    # verbs and polarities live in tooltips and the source boxes' counts, not on the edges
    edges = re.findall(r'<g class="edge[^"]*">.*?</g>', svg)
    assert edges and not any("<text" in e for e in edges)


def test_graph_is_readable_at_twenty_nodes() -> None:
    atts = [
        {
            "article_id": f"a{i}",
            "sentence_index": 0,
            "source": f"مصدر {i % 10}",
            "source_key": f"s{i % 10}",
            "source_kind": "anonymous",
            "polarity": "asserts",
            "verb": "قال",
        }
        for i in range(10)
    ]
    articles = {f"a{i}": {"outlet": None, "title": f"t{i}"} for i in range(10)}
    svg = render_provenance_svg({"attributions": atts, "reuse": [], "origins": []}, articles)
    ys = [int(y) for y in re.findall(r'<rect x="\d+" y="(\d+)"', svg)]
    assert len(ys) == 20 and len(set(ys)) == 10  # one row per article / source, no two boxes stacked
