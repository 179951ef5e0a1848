"""Article vectors in the SQLite store: exact counts per encoder, read through a small covering
index (every check reads the count; through the table SQLite walks every 1 KB vector), and a store
written before the index existed gets it at its next vector write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from rawi.records import Article
from rawi.store import SqliteCorpus
from rawi.store.vectors import DDL

ARTICLES = [
    Article(
        id="port.txt", title="حريق في مستودع بميناء طرطوس", text="اندلع حريق في مستودع للقمح في ميناء طرطوس."
    ),
    Article(
        id="dam.txt", title="الوزارة تنفي انهيار السد", text="نفت وزارة الموارد المائية انهيار سد الوادي."
    ),
    Article(
        id="en/port.txt", title="Fire at Tartus port", text="A fire broke out at a wheat warehouse in Tartus."
    ),
]


def unit_vectors(ids: list[str], seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = rng.normal(size=(len(ids), 8)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return dict(zip(ids, rows, strict=True))


def count_plan(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM article_vectors WHERE encoder = ?", ("use:0.2.1",)
        ).fetchall()
    return " ".join(str(r[-1]) for r in rows)


def test_counts_are_per_encoder_and_read_through_the_small_index(tmp_path: Path) -> None:
    corpus = SqliteCorpus(tmp_path / "v.db")
    corpus.write(ARTICLES)
    assert corpus.vector_count("use:0.2.1") == 0  # no table yet
    assert corpus.put_vectors("use:0.2.1", unit_vectors(["port.txt", "dam.txt"], 1)) == 2
    assert corpus.put_vectors("e5:0.3.0", unit_vectors([a.id for a in ARTICLES], 2)) == 3
    assert corpus.put_vectors("use:0.2.1", unit_vectors(["port.txt"], 3)) == 1  # replaced, not added
    assert corpus.vector_count("use:0.2.1") == 2
    assert corpus.vector_count("e5:0.3.0") == 3
    ids, matrix = corpus.vectors("use:0.2.1")
    assert ids == ["port.txt", "dam.txt"]
    assert np.allclose(matrix[0], unit_vectors(["port.txt"], 3)["port.txt"], atol=1e-3)  # float16 round trip
    corpus.close()
    assert "COVERING INDEX article_vectors_by_encoder" in count_plan(tmp_path / "v.db")


def test_a_store_written_before_the_index_gets_it_at_its_next_vector_write(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    corpus = SqliteCorpus(db)
    corpus.write(ARTICLES)
    corpus.close()
    with sqlite3.connect(db) as conn:  # the vector table as an older rawi wrote it: no count index
        conn.execute(DDL)
        docs = dict(conn.execute("SELECT id, doc FROM articles"))
        conn.executemany(
            "INSERT INTO article_vectors(doc, encoder, vec) VALUES (?, 'use:0.2.1', ?)",
            [
                (docs[i], v.astype(np.float16).tobytes())
                for i, v in unit_vectors(["port.txt", "dam.txt"], 4).items()
            ],
        )
    assert "COVERING INDEX" not in count_plan(db)
    corpus = SqliteCorpus(db)
    assert corpus.vector_count("use:0.2.1") == 2  # exact without the index, only slower
    corpus.put_vectors("use:0.2.1", unit_vectors(["en/port.txt"], 5))
    assert corpus.vector_count("use:0.2.1") == 3
    corpus.close()
    assert "COVERING INDEX article_vectors_by_encoder" in count_plan(db)
