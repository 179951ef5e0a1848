"""The web site an article's URL belongs to, for telling a site's own page furniture from reuse."""

from __future__ import annotations

from urllib.parse import urlsplit

# second-level labels under a country code that name a registry category, not a site
# ("bbc.co.uk", "asharqalarabi.org.uk", "annahar.com.lb")
_CATEGORY_LABELS = frozenset({"ac", "co", "com", "edu", "gov", "info", "net", "org"})


def site_of(url: str | None) -> str | None:
    """The registrable site of ``url`` ("https://mideast.example.com/x" -> "example.com"), or
    ``None`` when there is no host. Subdomains of one site are one site: its sections share their
    menus and sidebars."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # not a URL
        return None
    labels = [p for p in host.lower().rstrip(".").split(".") if p]
    if len(labels) < 2 or all(p.isdigit() for p in labels):
        return ".".join(labels) or None  # a bare name or an IP address: the host itself
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _CATEGORY_LABELS else 2
    return ".".join(labels[-keep:])
