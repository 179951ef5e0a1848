"""Small pieces the renderers share: labels, percentages, the related/unrelated split."""

from __future__ import annotations

from functools import cache
from typing import Any

VERDICT_TITLES = {
    "supported": "Supported",
    "refuted": "Refuted",
    "disputed": "Disputed",
    "unverified": "Unverified",
}
STANCE_TITLES = {"agree": "agrees", "disagree": "disagrees", "discuss": "discusses", "unrelated": "unrelated"}


def pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def related(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in result["evidence"] if e["stance"] != "unrelated"]


def unrelated(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in result["evidence"] if e["stance"] == "unrelated"]


def attributions_by_article(result: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for a in result["provenance"]["attributions"]:
        out.setdefault(a["article_id"], []).append(a)
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


def for_display(result: dict[str, Any]) -> dict[str, Any]:
    """A copy of a check result with display names where the contract holds keys: each evidence
    article's outlet, and a ``name`` for each origin (internal keys such as ``ria_novosti`` never
    reach a report)."""
    lang = result.get("claim", {}).get("language")
    evidence = [
        {**e, "outlet": display_name(e["outlet"], e.get("language") or lang)} if e.get("outlet") else e
        for e in result.get("evidence", [])
    ]
    prov = dict(result.get("provenance", {}))
    prov["origins"] = [
        {**o, "name": o.get("name") or display_name(str(o["key"]), lang)} for o in prov.get("origins", [])
    ]
    return {**result, "evidence": evidence, "provenance": prov}
