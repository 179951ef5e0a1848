"""schema.org ClaimReview (JSON-LD) for publishing a verdict, with the evidence as appearances."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from rawi.report.common import VERDICT_TITLES, related

# Numeric rating on a 1–5 scale for the labels that have one; "unverified" gets only a text rating.
RATING = {"refuted": 1, "disputed": 3, "supported": 5}


def to_claimreview(
    result: dict[str, Any], *, author: str = "rawi", date: str | None = None
) -> dict[str, Any]:
    v = result["verdict"]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": VERDICT_TITLES[v["label"]]}
    if v["label"] in RATING:
        rating.update(ratingValue=RATING[v["label"]], bestRating=5, worstRating=1)
    appearances = [
        {
            k: val
            for k, val in {
                "@type": "CreativeWork",
                "url": e.get("url"),
                "headline": e.get("title"),
                "identifier": e["article_id"],
                "datePublished": e.get("published"),
            }.items()
            if val
        }
        for e in related(result)
    ]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": result["claim"]["text"],
        "datePublished": date or dt.date.today().isoformat(),
        "author": {"@type": "Organization", "name": author},
        "reviewRating": rating,
        "reviewBody": v["explanation"],
        "inLanguage": result["claim"]["language"],
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
    }


def render_claimreview(result: dict[str, Any]) -> str:
    return json.dumps(to_claimreview(result), ensure_ascii=False, indent=2) + "\n"
