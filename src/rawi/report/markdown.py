"""Markdown report: the same content as the terminal report, for a newsroom's notes or a ticket."""

from __future__ import annotations

import re

from rawi.report.common import (
    STANCE_TITLES,
    VERDICT_TITLES,
    attributions_by_article,
    for_display,
    pct,
    related,
    unrelated,
)
from rawi.report.safe import clean
from rawi.result import CheckResult

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>|#"})
_BACKTICKS = re.compile("`+")


def md(text: str) -> str:
    """Escape Markdown (and inline HTML) in untrusted article text."""
    return " ".join(clean(text).split()).translate(_MD_SPECIAL)


def code(text: str, *, in_table: bool = False) -> str:
    """An id as a code span: shown exactly (no backslashes: escapes are literal inside a span), fenced
    by more backticks than it holds; in a table, ``|`` is escaped, since GFM splits cells first.

    >>> code("feed.jsonl#11"), code("a`b"), code("a|b", in_table=True)
    ('`feed.jsonl#11`', '``a`b``', '`a\\\\|b`')
    """
    text = " ".join(clean(text).split())
    fence = "`" * (max((len(m) for m in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def render_markdown(result: CheckResult) -> str:
    result = for_display(result)
    v = result.verdict
    lines = [
        f"# Claim check: {md(result.claim.text)}",
        "",
        f"**Verdict: {VERDICT_TITLES[v.label]}** (confidence {pct(v.confidence)}, "
        f"{v.independent_origins} independent origin(s))",
        "",
        md(v.explanation),
        "",
        "## Evidence",
        "",
    ]
    attributions = attributions_by_article(result)
    for e in related(result):
        title = f" — {md(e.title)}" if e.title else ""
        meta = ", ".join(x for x in (e.outlet, e.published) if x)
        lines.append(f"### {code(e.article_id)}{title}")
        lines.append("")
        lines.append(
            f"Stance: **{STANCE_TITLES[e.stance]}** "
            + " · ".join(f"{k} {pct(s)}" for k, s in e.stance_scores.items())
            + (f" ({md(meta)})" if meta else "")
        )
        lines.append("")
        for r in e.rationale:
            lines.append(f"> {md(r.text)} *(sentence {r.sentence_index}, weight {r.score:.2f})*")
            lines.append("")
        for a in attributions.get(e.article_id, []):
            lines.append(
                f"- {md(a.source)} → {a.polarity}"
                + (f" ({md(a.verb)})" if a.verb else "")
                + f", sentence {a.sentence_index}"
            )
        lines.append("")
    prov = result.provenance
    if prov.origins:
        lines += ["## Independent origins", ""]
        lines += [
            f"- **{md(o.name or o.key)}**: " + ", ".join(code(a) for a in o.articles) for o in prov.origins
        ]
        lines.append("")
    if prov.reuse:
        lines += ["## Shared text", "", "| article | article | similarity |", "|---|---|---|"]
        lines += [
            f"| {code(r.a, in_table=True)} | {code(r.b, in_table=True)} | {r.similarity:.2f} |"
            for r in prov.reuse
        ]
        lines.append("")
    skipped = unrelated(result)
    if skipped:
        lines += [
            f"{len(skipped)} unrelated article(s) not counted: "
            + ", ".join(code(e.article_id) for e in skipped),
            "",
        ]
    lines.append(
        f"*corpus: {result.corpus.articles} articles; model {md(result.model.name)} "
        f"{md(result.model.version)}*"
    )
    return "\n".join(lines) + "\n"
