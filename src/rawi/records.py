"""Plain records that flow between the pipeline stages.

They carry data only; every stage takes and returns these (or plain dicts), so the stages can be
tested one by one and swapped without touching each other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

HASH_SLICE = 1 << 20  # characters encoded at a time when hashing an article

STANCE_LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
# A stance toward a claim, as it stands toward the claim's negation ("no fire broke out").
MIRRORED_STANCE = {"agree": "disagree", "disagree": "agree", "discuss": "discuss", "unrelated": "unrelated"}
VERDICT_LABELS: tuple[str, ...] = ("supported", "refuted", "disputed", "unverified")
POLARITIES: tuple[str, ...] = ("asserts", "reports", "denies")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its position and its original text (offsets into the body)."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Article:
    """A news article as ingested. ``text`` is the body exactly as read (display form)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str | None = None  # registry key when known, else a normalized mention
    language: str | None = None  # ISO 639-1
    source_path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Hash of what a re-ingest compares: title, body and the metadata a user can see."""
        h = hashlib.sha256()
        for part in (self.title, self.text, self.url, self.published, self.outlet):
            part = part or ""
            for start in range(0, len(part), HASH_SLICE):  # a slice at a time: no copy of a huge text
                h.update(part[start : start + HASH_SLICE].encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True)
class Problem:
    """Something in the input that could not be used; the run goes on with the rest."""

    source: str  # file path (and record number) the problem is about
    reason: str
    code: str = "E100"
