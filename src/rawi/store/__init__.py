"""Corpus stores: where ingested articles, their sentences and their search index live.

``open_corpus(db)`` picks the store from what ``db`` looks like: a file path (or ``sqlite:///path``)
opens :class:`SqliteCorpus`; a ``postgresql://`` URL names the server store, which this version does
not have yet.

Error codes (all :class:`rawi.errors.StoreError`):

====  =====================================================================
E301  the corpus has a newer schema version than this rawi understands
E302  the file is not a rawi corpus (or an older, unmigratable schema)
E303  a write batch failed and was rolled back (earlier batches are kept)
E304  a write on a corpus opened read-only
E305  a store that is not available (PostgreSQL) or an unknown URL scheme
E306  the database is damaged: found by the writer's check on opening, by a write, or (raised by the
      CLI from SQLite's error) while it was read
====  =====================================================================
"""

from __future__ import annotations

from pathlib import Path

from rawi.errors import StoreError
from rawi.store.analysis import AnalyzedArticle, analyze_article
from rawi.store.base import Corpus, SearchHit, WriteResult
from rawi.store.sqlite import SqliteCorpus, fts_query

__all__ = [
    "AnalyzedArticle",
    "Corpus",
    "SearchHit",
    "SqliteCorpus",
    "WriteResult",
    "analyze_article",
    "fts_query",
    "open_corpus",
]


def open_corpus(db: str | Path, *, readonly: bool = False) -> Corpus:
    """Open (or create) the corpus at ``db``: a SQLite file path or ``sqlite:///path``.

    >>> open_corpus("postgresql://localhost/news")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rawi.errors.StoreError: [E305] The PostgreSQL store is not available in this version of rawi; ...
    """
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            "The PostgreSQL store is not available in this version of rawi; use a SQLite file path for --db.",
            code="E305",
        )
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(f"Unknown corpus URL scheme {scheme!r}: give a SQLite file path.", code="E305")
    return SqliteCorpus(text, readonly=readonly)
