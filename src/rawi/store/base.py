"""The Corpus interface every store implements (SQLite now, PostgreSQL behind the same methods).

A store keeps articles exactly as ingested (display text) plus what the text stage derives from them:
sentences with offsets, and the analyzed terms (normalized, stemmed, stopwords removed) of the whole
article and of each sentence. Queries are lists of analyzed terms, never raw SQL or FTS syntax, so
nothing a user types can break or inject into a query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from rawi.records import Article, Sentence


@dataclass
class WriteResult:
    """What one write did: ids added, replaced (content changed) and left as they were."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    score: float  # BM25, higher is better


@runtime_checkable
class Corpus(Protocol):
    """A store of articles with full-text search over analyzed terms."""

    url: str  # where it lives, e.g. "sqlite:///path/rawi.db" (no password ever)

    def write(self, articles: Iterable[Article]) -> WriteResult:
        """Add or replace articles by id, in one transaction per batch. Same content: unchanged."""
        ...

    def get(self, article_id: str) -> Article | None: ...

    def get_many(self, article_ids: Sequence[str]) -> dict[str, Article]: ...

    def ids_of_files(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Stored ids by file key: (real path of the file, the id's part within it: "" for a whole
        file, "#r1" for a record), as ingest notes them in ``meta["file"]``/``meta["file_part"]``."""
        ...

    def sentences(self, article_id: str) -> list[Sentence]: ...

    def sentence_terms(self, article_id: str) -> list[list[str]]:
        """Analyzed terms of each sentence, aligned with :meth:`sentences`."""
        ...

    def search(self, terms: Sequence[str], limit: int = 50) -> list[SearchHit]:
        """Articles ranked by BM25 of ``terms`` (any term may match), best first."""
        ...

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """In how many articles each term occurs (for IDF weights outside the index)."""
        ...

    def count(self) -> int: ...

    def put_vectors(self, encoder: str, vectors: dict[str, Any]) -> int:
        """Store one vector per article id for the encoder tag ``encoder``; returns how many."""
        ...

    def vectors(self, encoder: str) -> tuple[list[str], Any]:
        """Article ids and a float32 matrix of their vectors for ``encoder`` (empty when none)."""
        ...

    def vector_count(self, encoder: str) -> int: ...

    def iter_articles(self, batch_size: int = 1000) -> Iterator[Article]: ...

    def outlets(self) -> dict[str, int]:
        """Every outlet with its number of articles, most first."""
        ...

    def list_articles(self, *, outlet: str | None = None, limit: int = 50) -> list[Article]:
        """Articles newest first, of one outlet when given."""
        ...

    def connection(self) -> Any:
        """This thread's database connection, for tables kept beside the corpus (saved checks)."""
        ...

    def stats(self) -> dict[str, object]:
        """Counts for `rawi stats`: articles, sentences, languages, outlets, date range, size."""
        ...

    def close(self) -> None: ...
