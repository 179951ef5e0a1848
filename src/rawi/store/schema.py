"""The SQLite schema of a rawi corpus, its version and the connection settings.

Layout (schema version 1):

- ``meta(key, value)``: ``schema_version`` and when the corpus was created.
- ``articles``: one row per article as ingested (display text) with its ``content_hash`` and the
  analyzed terms of its title; ``doc`` is the integer key the index and the sentences refer to (a
  rowid alias, stable across VACUUM); ``id`` is the article id (unique).
- ``sentences``: per sentence, ``(doc, idx)`` keyed: start/end offsets into the article's text and the
  space-joined analyzed terms. A sentence's text is ``articles.text[start:end]``, sliced on read, so
  the body is stored once (storing it twice made the file ~40% larger and ingest slower).
- ``article_fts``: contentless FTS5 over the article's terms (title terms + sentence terms). Terms are
  already normalized and stemmed, so the tokenizer only splits on spaces: unicode61 with punctuation
  and symbols kept as token characters (so "3.5" or "don't" stay one term, as the text stage made
  them). Replacing an article deletes its index entry with its old terms, rebuilt from the two tables.
- ``article_vocab``: fts5vocab (``row``) over the index, for document frequencies.
- ``articles_file``: an index on ``meta.file`` (the real path of the article's file), by which a file
  reached through another folder keeps its id. Added without a version change: a writer creates it
  on a corpus made before it (``UPGRADES``), and an older rawi reads a corpus that has it.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    text TEXT NOT NULL,
    url TEXT,
    published TEXT,
    outlet TEXT,
    language TEXT,
    source_path TEXT,
    content_hash TEXT NOT NULL,
    title_terms TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_file ON articles(json_extract(meta, '$.file'));

CREATE TABLE IF NOT EXISTS sentences (
    doc INTEGER NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    terms TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    terms,
    content='',
    tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
);

CREATE VIRTUAL TABLE IF NOT EXISTS article_vocab USING fts5vocab(article_fts, 'row');
"""

FILE_KEY = "json_extract(meta, '$.file')"  # written exactly as in the articles_file index, to use it
# Idempotent additions a writer applies to a corpus of the current version made before them.
UPGRADES = ("CREATE INDEX IF NOT EXISTS articles_file ON articles(json_extract(meta, '$.file'))",)

# A 64 MB page cache for the writer: FTS5 merges its index segments in it (~10% faster ingest).
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA cache_size=-65536",
)
READ_PRAGMAS = ("PRAGMA foreign_keys=ON", "PRAGMA query_only=ON")


def table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").fetchall()
    return {r[0] for r in rows}


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version written in ``meta``, or None for a database rawi has not set up."""
    if "meta" not in table_names(conn):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None
