"""Report stage: one check result (a plain dict following the JSON contract) in five forms.

Every renderer takes the same dict that `rawi check --format json` prints, so what a person reads
in the terminal, Markdown, HTML or ClaimReview is exactly what a script gets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rawi.report.claimreview import render_claimreview
from rawi.report.html import render_html
from rawi.report.markdown import render_markdown
from rawi.report.safe import terminal_json
from rawi.report.text import render_text

FORMATS = ("text", "json", "markdown", "html", "claimreview")


def render_json(result: dict[str, Any]) -> str:
    """The result as JSON, UTF-8 kept; control characters escaped (safe to print to a terminal)."""
    return terminal_json(result) + "\n"


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
    "claimreview": render_claimreview,
}


def render(result: dict[str, Any], fmt: str) -> str:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](result)


__all__ = [
    "FORMATS",
    "render",
    "render_claimreview",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]
