"""Inline SVG of a claim's provenance: articles and outlets on the left, cited sources on the right.

Edges run from an article to each source it cites, coloured by polarity (asserts / reports /
denies; each source's box counts them, so twenty crossing edges carry no overlapping labels); boxes
show names as written or the registry's display names, never internal keys; text reuse between
articles is a dashed arc on the left. The layout is a fixed grid (no randomness), every name is
XML-escaped, and the SVG holds no script and no external reference, so it is safe to inline in the
HTML report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from rawi.result import CheckResult

POLARITY_COLOURS = {"asserts": "#2b7a3d", "reports": "#b7791f", "denies": "#c53030"}
ROW = 44
LEFT_X, RIGHT_X = 16, 430
BOX_W, BOX_H = 250, 32
WIDTH = RIGHT_X + BOX_W + 16
MAX_LABEL = 38
# The graph's own words; a page in another language passes its catalogue's (``labels=``).
LABELS = {
    "title": "Provenance: articles and the sources they cite",
    "articles": "Articles (outlet)",
    "sources": "Cited sources",
    "asserts": "asserts",
    "reports": "reports",
    "denies": "denies",
    "shared_text": "shared text",
    "reuse": "reuse {pct}",
}


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _box(x: int, y: int, title: str, subtitle: str, css: str) -> str:
    return (
        f'<g class="{css}"><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="5" '
        f'fill="#f7f7f9" stroke="#8a8fa3"/>'
        f'<text x="{x + 8}" y="{y + 14}" font-size="12" font-weight="600">{escape(_short(title))}</text>'
        f'<text x="{x + 8}" y="{y + 27}" font-size="10" fill="#555">{escape(_short(subtitle, 48))}</text></g>'
    )


def render_provenance_svg(
    provenance_json: dict[str, Any],
    articles: dict[str, dict[str, Any]],
    labels: Mapping[str, str] | None = None,
    percent: Callable[[float], str] | None = None,
) -> str:
    """The provenance graph as an ``<svg>`` string.

    Parameters
    ----------
    provenance_json : the contract's ``provenance`` object (attributions, reuse, origins).
    articles : article id -> ``{"outlet": ..., "title": ...}`` for the left column labels.
    labels : the graph's own words (keys of :data:`LABELS`), English by default.
    percent : how a share is written ("70%" by default; a page passes its reader's digits).
    """
    words = {**LABELS, **(labels or {})}
    percent = percent or "{:.0%}".format
    # only the given (related) articles are drawn; with none given, every article attributed
    attributions = [
        a for a in provenance_json.get("attributions", []) if not articles or a["article_id"] in articles
    ]
    article_ids = list(dict.fromkeys([*articles, *(a["article_id"] for a in attributions)]))
    sources: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for a in attributions:
        sources.setdefault(a["source_key"], a.get("source") or a["source_key"])
        kinds.setdefault(a["source_key"], a.get("source_kind") or "")
    edges: dict[tuple[str, str, str], str | None] = {}
    for a in attributions:
        edges.setdefault((a["article_id"], a["source_key"], a["polarity"]), a.get("verb"))
    left_y = {aid: 40 + i * ROW for i, aid in enumerate(article_ids)}
    right_y = {key: 40 + i * ROW for i, key in enumerate(sources)}
    height = 40 + max(len(article_ids), len(sources), 1) * ROW + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rawi-provenance" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" font-family="sans-serif">',
        f"<title>{escape(words['title'])}</title>",
        f'<text x="{LEFT_X}" y="24" font-size="13" font-weight="700">{escape(words["articles"])}</text>',
        f'<text x="{RIGHT_X}" y="24" font-size="13" font-weight="700">{escape(words["sources"])}</text>',
    ]
    # Edges carry colour only (the legend names it): labels in the middle of twenty crossing edges
    # overlap. What each source does is counted in its box instead.
    per_source: dict[str, dict[str, int]] = {}
    for aid, key, polarity in sorted(edges):
        colour = POLARITY_COLOURS.get(polarity, "#555")
        per_source.setdefault(key, {}).setdefault(polarity, 0)
        per_source[key][polarity] += 1
        x1, y1 = LEFT_X + BOX_W, left_y[aid] + BOX_H // 2
        x2, y2 = RIGHT_X, right_y[key] + BOX_H // 2
        verb = edges[(aid, key, polarity)]
        tip = escape(polarity + (f" ({verb})" if verb else ""))
        parts.append(
            f'<g class="edge {escape(polarity)}"><title>{tip}</title><line x1="{x1}" y1="{y1}" '
            f'x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="1.6"/></g>'
        )
    for link in provenance_json.get("reuse", []):
        if link["a"] in left_y and link["b"] in left_y:
            ya, yb = left_y[link["a"]] + BOX_H // 2, left_y[link["b"]] + BOX_H // 2
            bend = LEFT_X - 4
            label = words["reuse"].format(pct=percent(float(link.get("similarity", 0))))
            parts.append(
                f'<g class="reuse"><path d="M {LEFT_X} {ya} C {bend - 12} {ya}, '
                f'{bend - 12} {yb}, {LEFT_X} {yb}" '
                f'fill="none" stroke="#4a5568" stroke-dasharray="4 3"/>'
                f'<text x="{LEFT_X + 2}" y="{(ya + yb) // 2}" font-size="9" fill="#4a5568">'
                f"{escape(label)}</text></g>"
            )
    for aid in article_ids:
        meta = articles.get(aid, {})
        title = meta.get("outlet") or aid
        parts.append(_box(LEFT_X, left_y[aid], str(title), str(meta.get("title") or aid), "article"))
    for key, name in sources.items():
        counts = " · ".join(f"{p} {n}" for p, n in per_source.get(key, {}).items())
        subtitle = " · ".join(x for x in (kinds.get(key), counts) if x)
        parts.append(_box(RIGHT_X, right_y[key], name, subtitle, "source"))
    legend_y = height - 14
    x = LEFT_X
    for polarity, colour in POLARITY_COLOURS.items():
        parts.append(
            f'<line x1="{x}" y1="{legend_y - 4}" x2="{x + 22}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2"/>'
            f'<text x="{x + 26}" y="{legend_y}" font-size="10">{escape(words.get(polarity, polarity))}</text>'
        )
        x += 90
    parts.append(
        f'<line x1="{x}" y1="{legend_y - 4}" x2="{x + 22}" y2="{legend_y - 4}" '
        f'stroke="#4a5568" stroke-dasharray="4 3"/>'
        f'<text x="{x + 26}" y="{legend_y}" font-size="10">{escape(words["shared_text"])}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def provenance_svg(
    result: CheckResult,
    labels: Mapping[str, str] | None = None,
    percent: Callable[[float], str] | None = None,
) -> str:
    """The graph of a check (names as :func:`rawi.report.common.for_display` gives them): its related
    articles only (unrelated ones are listed, not drawn); empty when none is related."""
    related = {e.article_id: {"outlet": e.outlet, "title": e.title} for e in result.related}
    return render_provenance_svg(result.provenance.to_json(), related, labels, percent) if related else ""
