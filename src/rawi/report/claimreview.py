"""schema.org ClaimReview (JSON-LD) for publishing a verdict, with the articles stating the claim as
its appearances.

Conventions followed (schema.org ClaimReview as fact-check search results read it):

- ``reviewRating`` is a Rating with a numeric ``ratingValue`` on ``worstRating``..``bestRating``
  (1..5) for every verdict, and ``alternateName``, the textual rating a reader sees, in the claim's
  language: refuted 1, disputed and unverified 3 (the evidence leans neither way), supported 5.
- ``reviewBody`` is the verdict's explanation, which the verdict stage writes in the claim's language.
- ``url`` is where the review is published, when the user gives it (an http(s) URL only).
- ``itemReviewed.appearance`` lists the articles that state the claim: those that assert it (agree)
  or report it being made (discuss); a denial or an unrelated article is not an appearance.

The output is meant to be pasted into a page inside ``<script type="application/ld+json">``, so it
is written to be inert there: ``<``, ``>`` and ``&`` are escaped as ``\\u003c``... (so no ``</script``
or ``<!--`` can end the block), U+2028/U+2029 and C1 controls likewise, and only http(s) URLs are
kept (a ``javascript:``, ``data:`` or ``vbscript:`` link is dropped).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rawi.lang import available, get
from rawi.report.common import VERDICT_TITLES
from rawi.report.safe import terminal_json
from rawi.result import CheckResult

# Numeric rating on a 1–5 scale; disputed and unverified are both the middle (no lean either way).
RATING = {"refuted": 1, "disputed": 3, "unverified": 3, "supported": 5}
WORST, BEST = 1, 5
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


def rating_title(label: str, language: str | None) -> str:
    """The textual rating of a verdict label in ``language`` (``verdict_titles.txt``), else English.

    >>> rating_title("refuted", "en"), rating_title("unverified", "xx")
    ('Refuted', 'Unverified')
    """
    if language in available():
        titles = {e.phrase: e.fields[0] for e in get(language).entries("verdict_titles") if e.fields}
        if label in titles:
            return titles[label]
    return VERDICT_TITLES[label]


def to_claimreview(
    result: CheckResult, *, author: str = "rawi", date: str | None = None, url: str | None = None
) -> dict[str, Any]:
    """The ClaimReview object of a check result; ``url`` is where the review is published."""
    v = result.verdict
    language = result.claim.language
    rating = {
        "@type": "Rating",
        "ratingValue": RATING[v.label],
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": rating_title(v.label, language),
    }
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
        "inLanguage": language,
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
    }
    if safe_url(url):
        review["url"] = safe_url(url)
    return review


def render_claimreview(result: CheckResult, *, url: str | None = None) -> str:
    """JSON-LD safe to embed in a ``<script>`` block (and to print); ``url``: where it is published."""
    text = terminal_json(to_claimreview(result, url=url))
    return _HTML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
