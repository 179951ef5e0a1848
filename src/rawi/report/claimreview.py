"""schema.org ClaimReview (JSON-LD) for publishing a verdict, with the articles stating the claim as
its appearances.

The output is meant to be pasted into a page inside ``<script type="application/ld+json">``, so it
is written to be inert there: ``<``, ``>`` and ``&`` are escaped as ``\\u003c``... (so no ``</script``
or ``<!--`` can end the block), U+2028/U+2029 and C1 controls likewise, and only http(s) URLs are
kept (a ``javascript:``, ``data:`` or ``vbscript:`` link is dropped).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rawi.report.common import VERDICT_TITLES
from rawi.report.safe import terminal_json
from rawi.result import CheckResult

# Numeric rating on a 1–5 scale for the labels that have one; "unverified" gets only a text rating.
RATING = {"refuted": 1, "disputed": 3, "supported": 5}
# Stances of articles that state the claim (assert it, or report it being made): its appearances.
STATING = ("agree", "discuss")
_HTML_UNSAFE = re.compile("[<>&]")


def safe_url(url: object) -> str | None:
    """``url`` when it is an http(s) URL without spaces or controls, else None.

    >>> [safe_url(u) for u in ("https://a.example/x", " JavaScript:alert(1)", "data:text/html,x")]
    ['https://a.example/x', None, None]
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    return url


def to_claimreview(
    result: CheckResult, *, author: str = "rawi", date: str | None = None, url: str | None = None
) -> dict[str, Any]:
    """The ClaimReview object of a check result; ``url`` is where the review is published."""
    v = result.verdict
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": VERDICT_TITLES[v.label]}
    if v.label in RATING:
        rating.update(ratingValue=RATING[v.label], bestRating=5, worstRating=1)
    appearances = [
        {
            k: val
            for k, val in {
                "@type": "CreativeWork",
                "url": safe_url(e.url),
                "headline": e.title,
                "identifier": e.article_id,
                "datePublished": e.published,
            }.items()
            if val
        }
        for e in result.evidence
        if e.stance in STATING
    ]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": result.claim.text,
        "datePublished": date or dt.date.today().isoformat(),
        "author": {"@type": "Organization", "name": author},
        "reviewRating": rating,
        "reviewBody": v.explanation,
        "inLanguage": result.claim.language,
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
    }
    if safe_url(url):
        review["url"] = safe_url(url)
    return review


def render_claimreview(result: CheckResult) -> str:
    """JSON-LD safe to embed in a ``<script>`` block (and to print)."""
    text = terminal_json(to_claimreview(result))
    return _HTML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
