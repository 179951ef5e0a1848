"""Main text and metadata of an HTML page: trafilatura (boilerplate dropped), with a small standard-
library extractor as the fallback when trafilatura finds nothing or cannot be imported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is never article content.
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "svg",
        "template",
        "iframe",
        "menu",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "div",
        "br",
        "tr",
        "article",
        "section",
        "figcaption",
        "dd",
        "dt",
    }
)
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "og:published_time",
    "sailthru.date",
)
_URL_META = ("og:url", "twitter:url")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class PageContent:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_h1 = False
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.canonical = a["href"]
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.in_h1 = True
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth:
            self.parts.append(data)
            if self.in_h1:
                self.h1_parts.append(data)


def _clean_lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def extract_fallback(html: str) -> PageContent:
    """Text of the page without script/style/nav/header/footer/aside; title from <title> or <h1>."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    title = _clean_lines("".join(parser.title_parts)) or _clean_lines("".join(parser.h1_parts)) or None
    date = next((parser.meta[k] for k in (*_DATE_META, "time") if parser.meta.get(k)), None)
    url = parser.canonical or next((parser.meta[k] for k in _URL_META if parser.meta.get(k)), None)
    return PageContent(_clean_lines("".join(parser.parts)), title, date, url)


def extract_page(html: str) -> PageContent:
    """Main text, title, date and URL of a page (trafilatura first, then the fallback)."""
    fallback = extract_fallback(html)
    try:
        import trafilatura
    except ImportError:  # e.g. lxml without lxml_html_clean: the fallback still reads the page
        return fallback
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            # markup dates only: the extensive search takes "© 2026" in a footer for 2026-01-01
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura can fail on malformed markup; the fallback parser does not
        doc = None
    if doc is None:
        return fallback
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = _clean_lines(data.get("text") or "")
    if not text:
        return fallback
    title = data.get("title") or fallback.title
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip() and len(lines) > 1:
        text = "\n".join(lines[1:])  # the page's own headline repeated as the first paragraph
    return PageContent(text, title, data.get("date") or fallback.date, data.get("url") or fallback.url)
