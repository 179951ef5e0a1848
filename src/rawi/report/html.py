"""Self-contained HTML report (one file, inline CSS and SVG, no scripts, no external requests).

News text is untrusted: Jinja2 autoescape is on, and the only markup marked safe is the provenance
SVG, which rawi builds itself with every name escaped.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rawi.report.common import (
    STANCE_TITLES,
    VERDICT_TITLES,
    attributions_by_article,
    for_display,
    pct,
    related,
    unrelated,
)
from rawi.report.svg import provenance_svg
from rawi.result import CheckResult
from rawi.text import detect_language


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("rawi.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = pct
    env.filters["safe_url"] = lambda url: (
        url if url and url.lower().startswith(("http://", "https://")) else None
    )
    env.filters["dir"] = lambda text: "rtl" if text and detect_language(text).code == "ar" else "ltr"
    return env


def render_html(result: CheckResult) -> str:
    result = for_display(result)
    svg = provenance_svg(result)
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            r=result,
            verdict_title=VERDICT_TITLES[result.verdict.label],
            stance_titles=STANCE_TITLES,
            related=related(result),
            unrelated=unrelated(result),
            attributions=attributions_by_article(result),
            svg=Markup(svg),  # built by rawi.report.svg, which escapes every name it draws
        )
    )
