"""Report stage: one check result (:class:`rawi.result.CheckResult`) in five forms.

Every renderer takes the typed result whose ``to_json`` is what `rawi check --format json` prints, so
what a person reads in the terminal, Markdown, HTML or ClaimReview is exactly what a script gets.

The renderers are imported when first used (the HTML one loads Jinja), so a command that only
names the formats, such as `rawi --help`, stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from rawi.report.safe import clean_result, terminal_json

if TYPE_CHECKING:  # the result module is imported by the functions that build one (22 ms at start-up)
    from rawi.result import CheckResult

FORMATS = ("text", "json", "markdown", "html", "claimreview")

# format -> (module, function)
_RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("rawi.report.text", "render_text"),
    "json": ("rawi.report", "render_json"),
    "markdown": ("rawi.report.markdown", "render_markdown"),
    "html": ("rawi.report.html", "render_html"),
    "claimreview": ("rawi.report.claimreview", "render_claimreview"),
}


def render_json(result: CheckResult | dict[str, Any]) -> str:
    """The result as JSON, UTF-8 kept; control characters escaped (safe to print to a terminal)."""
    from rawi.result import CheckResult

    return terminal_json(result.to_json() if isinstance(result, CheckResult) else result) + "\n"


def renderer(fmt: str) -> Callable[[CheckResult], str]:
    """The function rendering ``fmt`` (it takes the typed result)."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module, name = _RENDERERS[fmt]
    return getattr(import_module(module), name)


def cleaned(result: CheckResult | dict[str, Any]) -> CheckResult:
    """The result with every string cleaned of terminal escapes and controls (for text, Markdown, HTML)."""
    from rawi.result import CheckResult

    return CheckResult.from_json(
        clean_result(result.to_json() if isinstance(result, CheckResult) else result)
    )


def render(result: CheckResult | dict[str, Any], fmt: str) -> str:
    """``result`` in format ``fmt``. A dict is the contract JSON (a saved check, a file): JSON prints
    it as it is, the other formats read it back into a :class:`CheckResult`. Text, Markdown and HTML
    get every article string cleaned of escapes and controls first (JSON formats escape instead)."""
    from rawi.result import CheckResult

    if fmt == "json":
        return render_json(result)
    if fmt in ("text", "markdown", "html"):
        result = cleaned(result)
    elif not isinstance(result, CheckResult):
        result = CheckResult.from_json(result)
    return renderer(fmt)(result)


def __getattr__(name: str) -> Any:  # render_text, render_html, ... on first use
    for module, function in _RENDERERS.values():
        if function == name:
            return getattr(import_module(module), function)
    raise AttributeError(f"module 'rawi.report' has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "cleaned",
    "render",
    "render_claimreview",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "renderer",
]
