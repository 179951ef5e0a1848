"""Translated copies: an article that renders another in another language is the same report.

An agency often publishes one report in Arabic and in English, and outlets translate a wire whole; no
shingle survives translation, so the reuse passes cannot see it. A multilingual sentence encoder puts a
sentence next to its translation: two related articles in different languages are one report when most
sentences of the shorter one (TRANSLATED_SHARE) have a counterpart in the other at TRANSLATION_COS.

Measured (USE) on the three stories sets, every pair of articles in different languages: the three
translated copies (an agency's Arabic report and its English version, an outlet's English rendering of
a wire) had 0.50-0.67 of their sentences matched at 0.70; no other pair more than 0.33 (the same event
reported independently in the other language, or a copy of the copy).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from rawi.provenance.reuse import ReuseLink
from rawi.records import Article

TRANSLATION_COS = {"use": 0.70, "e5": 0.88}
TRANSLATED_SHARE = 0.5
MIN_WORDS = 6  # shorter lines (bylines, datelines, captions) say nothing of who translated whom
MAX_SENTENCES = 16  # an article's first sentences are enough to tell a translation

Vectors = Callable[[Sequence[str]], np.ndarray]


def _lines(article: Article, sentences: Sequence[str]) -> list[str]:
    texts = [article.title or "", *sentences]
    return [t for t in texts if len(t.split()) >= MIN_WORDS][:MAX_SENTENCES]


def find_translations(
    articles: Sequence[tuple[Article, Sequence[str]]], vectors: Vectors, encoder_key: str = "use"
) -> list[ReuseLink]:
    """Links between articles in different languages where one translates the other. ``articles``
    pairs each article with its sentences' texts; ``similarity`` is the share of the shorter one's
    sentences matched; ``earlier`` the older one when dates say so."""
    threshold = TRANSLATION_COS.get(encoder_key, TRANSLATION_COS["use"])
    lines = {a.id: _lines(a, s) for a, s in articles}
    languages = {a.language for a, _ in articles if a.language}
    if len(languages) < 2:
        return []
    matrices = {i: vectors(texts) for i, texts in lines.items() if texts}
    links = []
    for k, (a, _) in enumerate(articles):
        for b, _ in articles[k + 1 :]:
            if not a.language or not b.language or a.language == b.language:
                continue
            if a.id not in matrices or b.id not in matrices:
                continue
            short, other = sorted((a.id, b.id), key=lambda i: len(lines[i]))
            matched = float(((matrices[short] @ matrices[other].T).max(axis=1) >= threshold).mean())
            if matched >= TRANSLATED_SHARE:
                earlier = _earlier(a, b)
                links.append(ReuseLink(a.id, b.id, round(matched, 4), earlier=earlier, translated=True))
    return links


def _earlier(a: Article, b: Article) -> str | None:
    if a.published and b.published and a.published != b.published:
        return a.id if a.published < b.published else b.id
    return None
