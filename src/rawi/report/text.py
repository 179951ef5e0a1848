"""Terminal report with rich.

Arabic is kept out of narrow table cells, where a terminal's bidi handling (or lack of it) scrambles
mixed-direction lines: each Arabic snippet gets a line of its own, right-aligned, so it reads in order
in bidi-aware terminals and stays legible in the others.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rawi.report.common import STANCE_TITLES, VERDICT_TITLES, for_display, pct, related, unrelated
from rawi.result import CheckResult
from rawi.text import detect_language

VERDICT_STYLES = {
    "supported": "bold green",
    "refuted": "bold red",
    "disputed": "bold yellow",
    "unverified": "bold",
}
STANCE_STYLES = {"agree": "green", "disagree": "red", "discuss": "yellow", "unrelated": "dim"}


def _para(text: str, style: str = "") -> Text:
    rtl = detect_language(text).code == "ar"
    return Text(text, style=style, justify="right" if rtl else "left")


def build(result: CheckResult) -> Group:
    result = for_display(result)
    v = result.verdict
    head = Text.assemble(
        (VERDICT_TITLES[v.label], VERDICT_STYLES[v.label]),
        f"  confidence {pct(v.confidence)} · {v.independent_origins} independent origin(s)",
    )
    parts: list[Any] = [
        Panel(Group(_para(result.claim.text, "bold"), head, Text(v.explanation)), title="rawi check")
    ]
    for e in related(result):
        scores = " ".join(f"{k} {pct(s)}" for k, s in e.stance_scores.items())
        header = Text.assemble(
            (f"{STANCE_TITLES[e.stance]}", STANCE_STYLES[e.stance]),
            f"  {e.article_id}",
            (f"  [{e.outlet}]" if e.outlet else ""),
            (f"  {e.published}" if e.published else ""),
        )
        body: list[Any] = [header, Text(scores, style="dim")]
        if e.title:
            body.append(_para(e.title, "bold"))
        for r in e.rationale:
            body.append(Text(f"sentence {r.sentence_index} (weight {r.score:.2f}):", style="dim"))
            body.append(_para(r.text))
        parts.append(Panel(Group(*body), border_style=STANCE_STYLES[e.stance]))
    prov = result.provenance
    if prov.origins:
        t = Table(title="Independent origins", show_lines=False)
        t.add_column("origin")
        t.add_column("articles")
        for o in prov.origins:
            t.add_row(Text(o.name or o.key), Text("\n".join(o.articles)))
        parts.append(t)
    if prov.attributions:
        t = Table(title="Who says what")
        for col in ("article", "sentence", "source", "polarity", "verb"):
            t.add_column(col)
        for a in prov.attributions:
            t.add_row(
                *(Text(x) for x in (a.article_id, str(a.sentence_index), a.source, a.polarity)),
                Text(a.verb or ""),
            )
        parts.append(t)
    if prov.reuse:
        t = Table(title="Shared text")
        for col in ("article", "article", "similarity"):
            t.add_column(col)
        for r in prov.reuse:
            t.add_row(Text(r.a), Text(r.b), f"{r.similarity:.2f}")
        parts.append(t)
    skipped = unrelated(result)
    if skipped:
        parts.append(
            Text(
                f"{len(skipped)} unrelated article(s) not counted: "
                + ", ".join(e.article_id for e in skipped[:10]),
                style="dim",
            )
        )
    parts.append(
        Text(
            f"corpus: {result.corpus.articles} articles · model {result.model.name} {result.model.version}",
            style="dim",
        )
    )
    return Group(*parts)


def render_text(result: CheckResult, *, width: int = 100, color: bool = False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="auto" if color else None)
    console.print(build(result))
    return buf.getvalue()
