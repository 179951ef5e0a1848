"""Article vectors in the SQLite corpus: the semantic index dense retrieval searches.

One row per (article, encoder): the encoder's tag (key and version) is part of the key, so vectors
of another encoder or version never mix with the current ones. The table is created by the first
write, and a corpus without it (ingested before the semantic layer, or with ``--no-embed``) simply
has no vectors: dense retrieval then covers the articles that have one. Vectors are float16 (half
the size; cosine rankings unchanged to three decimals on the Baly articles).

The count of an encoder's vectors is read by every check (the semantic index reloads its matrix
when it changes). Counted through the table itself, SQLite walks every row with its 1 KB vector:
334 ms per check at 100,000 articles. A small index on the encoder column is a covering index for
that count (~10 ms). It is created with the table and by any later vector write, so a store written
by an older rawi gets it at its next ingest that stores vectors; until then the count is exact, only
slower.
"""

from __future__ import annotations

import sqlite3

import numpy as np

DDL = """CREATE TABLE IF NOT EXISTS article_vectors (
    doc INTEGER NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
    encoder TEXT NOT NULL,
    vec BLOB NOT NULL,
    PRIMARY KEY (encoder, doc)
) WITHOUT ROWID"""
COUNT_INDEX = "CREATE INDEX IF NOT EXISTS article_vectors_by_encoder ON article_vectors(encoder)"


def _has_table(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_vectors'")
    return row.fetchone() is not None


def put_vectors(conn: sqlite3.Connection, encoder: str, vectors: dict[str, np.ndarray]) -> int:
    if not vectors:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(DDL)
        conn.execute(COUNT_INDEX)
        ids = list(vectors)
        docs: dict[str, int] = {}
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            rows = conn.execute(
                f"SELECT id, doc FROM articles WHERE id IN ({','.join('?' * len(part))})", part
            ).fetchall()
            docs.update(rows)
        rows_out = [
            (docs[i], encoder, np.asarray(v, dtype=np.float16).tobytes())
            for i, v in vectors.items()
            if i in docs
        ]
        conn.executemany(
            "INSERT OR REPLACE INTO article_vectors(doc, encoder, vec) VALUES (?, ?, ?)", rows_out
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return len(rows_out)


def read_vectors(conn: sqlite3.Connection, encoder: str) -> tuple[list[str], np.ndarray]:
    if not _has_table(conn):
        return [], np.zeros((0, 0), dtype=np.float32)
    rows = conn.execute(
        "SELECT a.id, v.vec FROM article_vectors v JOIN articles a ON a.doc = v.doc WHERE v.encoder = ? "
        "ORDER BY v.doc",
        (encoder,),
    ).fetchall()
    if not rows:
        return [], np.zeros((0, 0), dtype=np.float32)
    matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16).reshape(len(rows), -1)
    return [r[0] for r in rows], matrix.astype(np.float32)


def count_vectors(conn: sqlite3.Connection, encoder: str) -> int:
    if not _has_table(conn):
        return 0
    return int(
        conn.execute("SELECT count(*) FROM article_vectors WHERE encoder = ?", (encoder,)).fetchone()[0]
    )
