"""Small pieces the renderers share: labels, percentages, the related/unrelated split."""

from __future__ import annotations

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
