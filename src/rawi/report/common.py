"""Small pieces the renderers share: labels, percentages, the related/unrelated split, display names."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from rawi.result import AttributionLink, CheckResult, Evidence

VERDICT_TITLES = {
    "supported": "Supported",
    "refuted": "Refuted",
    "disputed": "Disputed",
    "unverified": "Unverified",
}
STANCE_TITLES = {"agree": "agrees", "disagree": "disagrees", "discuss": "discusses", "unrelated": "unrelated"}


def pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def related(result: CheckResult) -> list[Evidence]:
    return result.related


def unrelated(result: CheckResult) -> list[Evidence]:
    return result.unrelated


def attributions_by_article(result: CheckResult) -> dict[str, list[AttributionLink]]:
    out: dict[str, list[AttributionLink]] = {}
    for a in result.provenance.attributions:
        out.setdefault(a.article_id, []).append(a)
    return out


@cache
def _registry() -> Any:
    from rawi.provenance import Registry

    return Registry.load()


def display_name(key: str, language: str | None = None) -> str:
    """What a reader sees for a registry key (an outlet, a source): the registry's name in the
    language (Arabic for Arabic), else the key itself, which is then a name as the text wrote it."""
    entry = _registry().get(key)
    return entry.display_name(language or "en") if entry else key


def for_display(result: CheckResult) -> CheckResult:
    """A copy of a check result with display names where the contract holds keys: each evidence
    article's outlet, and a ``name`` for each origin (internal keys such as ``ria_novosti`` never
    reach a report)."""
    lang = result.claim.language
    evidence = tuple(
        replace(e, outlet=display_name(e.outlet, e.language or lang)) if e.outlet else e
        for e in result.evidence
    )
    origins = tuple(replace(o, name=o.name or display_name(o.key, lang)) for o in result.provenance.origins)
    return replace(result, evidence=evidence, provenance=replace(result.provenance, origins=origins))
