"""What the stance stage reads: one retrieved article (:class:`ArticleView`) and what a group of
articles is read against (:class:`Reading`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from rawi.stance.analysis import TextUnit

TITLE = -1  # the index the title takes among an article's candidate texts (never a rationale)


@dataclass(frozen=True)
class ArticleView:
    """One retrieved article as the stance stage reads it."""

    sentences: tuple[str, ...]
    title: str | None
    candidates: tuple[int, ...]  # sentence indices compared with the claim by vector
    language: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601: an article published before the claim's event cannot report it

    def candidate_texts(self) -> list[tuple[int, str]]:
        """(index, text) of what is compared with the claim: the title (index TITLE) when the store
        keeps it apart from the sentences, then the candidate sentences. The title is where a news
        article states its event most plainly (training on Baly sees it as the first line)."""
        title = (self.title or "").strip()
        head = (
            [(TITLE, title)] if title and not (self.sentences and self.sentences[0].strip() == title) else []
        )
        return head + [(i, self.sentences[i]) for i in self.candidates]


class Reading(NamedTuple):
    """What a group of articles is read against: the claim's core, or a pivot sentence in their
    language, with its analysis and vector (analysed once, never again per article)."""

    text: str
    unit: TextUnit
    vector: np.ndarray | None
    language: str | None  # detected from its script
    # a pivot: a sentence of the articles' own language standing in for the claim, with its own
    # article's words (names, places) beside the claim's
    pivot: bool = False
