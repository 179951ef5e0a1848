"""What the pages and their JSON twins show, built once from the workbench: the corpus overview,
an article with its marked passages, the sources registry. Plain data (dicts and lists), so the
API returns it as it is and a template only lays it out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rawi.core import Rawi
from rawi.errors import NotFoundError
from rawi.records import Sentence
from rawi.report.claimreview import safe_url
from rawi.result import CheckResult

MARK_ORDER = ("denies", "attribution", "reuse", "rationale")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # denies / attribution / reuse / rationale
    note: str = ""


def segments(text: str, marks: Sequence[Mark]) -> list[dict[str, Any]]:
    """``text`` cut where marks start and end: each piece with the kinds (and notes) covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(cuts):
        if not 0 <= a < b <= len(text):
            continue
        over = [m for m in marks if m.start <= a and b <= m.end]
        kinds = sorted({m.kind for m in over}, key=MARK_ORDER.index)
        notes = list(dict.fromkeys(m.note for m in over if m.note))
        out.append({"text": text[a:b], "kinds": kinds, "notes": notes})
    return out


def overview(wb: Rawi, recent: int = 12) -> dict[str, Any]:
    stats = wb.stats()
    names = wb.registry.display_names()
    stats["recent"] = [
        {
            "article_id": a.id,
            "title": a.title,
            "outlet": names.get(a.outlet, a.outlet) if a.outlet else None,
            "published": a.published,
            "language": a.language,
        }
        for a in wb.corpus.list_articles(limit=recent)
    ]
    return stats


def article_view(wb: Rawi, article_id: str) -> dict[str, Any]:
    """An article in full, with its attributions, denials and the passages it shares with others."""
    article = wb.corpus.get(article_id)
    if article is None:
        raise NotFoundError(f"No article with id {article_id!r} in this corpus.")
    described = wb.provenance([article_id])["articles"][0]
    sentences = wb.corpus.sentences(article_id)
    marks: list[Mark] = []
    for att in described["attributions"]:
        i = att["sentence_index"]
        if 0 <= i < len(sentences) and att.get("span"):
            start = sentences[i].start + int(att["span"][0])
            end = sentences[i].start + int(att["span"][1])
            kind = "denies" if att.get("polarity") == "denies" else "attribution"
            marks.append(Mark(start, end, kind, f"{att.get('source', '')} · {att.get('polarity', '')}"))
            if kind == "denies":  # the whole denying sentence, not only the words naming the source
                marks.append(Mark(sentences[i].start, sentences[i].end, "denies"))
    for link in described["reuse"]:
        other = str(link["article_id"])
        for p in link.get("passages", []):
            span = p["a_span"] if p.get("a") == article_id else p["b_span"]
            marks.append(Mark(int(span[0]), int(span[1]), "reuse", other))
        if not link.get("passages"):  # a near-duplicate: its shared excerpt, found in this text
            for excerpt in link.get("shared_passages", []):
                excerpt = str(excerpt).rstrip("…").strip()
                at = article.text.find(excerpt) if excerpt else -1
                if at >= 0:
                    marks.append(Mark(at, at + len(excerpt), "reuse", other))
    return {
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "outlet_name": described.get("outlet_name"),
        "url": safe_url(article.url),
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "segments": segments(article.text, marks),
        "attributions": described["attributions"],
        "reuse": described["reuse"],
    }


def evidence_texts(wb: Rawi, result: CheckResult, limit: int = 8) -> dict[str, list[dict[str, Any]]]:
    """For the related evidence articles (at most ``limit``): each sentence with its rationale mark,
    so the check page shows the rationale inside the article's own text."""
    out: dict[str, list[dict[str, Any]]] = {}
    for e in result.related[:limit]:
        sentences: list[Sentence] = wb.corpus.sentences(e.article_id)
        chosen = {r.sentence_index: r.score for r in e.rationale}
        out[e.article_id] = [
            {"index": s.index, "text": s.text, "rationale": s.index in chosen} for s in sentences
        ]
    return out


def sources_view(wb: Rawi, per_outlet: int = 5) -> dict[str, Any]:
    """Outlets of the corpus (with their latest articles), then the registry's other entries."""
    counts = wb.corpus.outlets()
    registry = wb.registry
    outlets = []
    for key, n in counts.items():
        entry = registry.get(key)
        outlets.append(
            {
                "key": key,
                "name": entry.display_name("ar") if entry else key,
                "name_en": entry.display_name("en") if entry else key,
                "kind": entry.kind if entry else None,
                "country": entry.country if entry else None,
                "articles": n,
                "latest": [
                    {"article_id": a.id, "title": a.title, "published": a.published}
                    for a in wb.corpus.list_articles(outlet=key, limit=per_outlet)
                ],
            }
        )
    registered = [
        {
            "key": e.key,
            "name": e.display_name("ar"),
            "name_en": e.display_name("en"),
            "kind": e.kind,
            "country": e.country,
        }
        for e in sorted(registry.entries.values(), key=lambda e: (e.kind, e.key))
        if e.key not in counts
    ]
    return {"outlets": outlets, "registry": registered}
