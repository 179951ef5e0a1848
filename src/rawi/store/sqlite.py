"""The SQLite corpus: articles, sentences and an FTS5 BM25 index over analyzed terms, in one file.

One writer, many readers (WAL). Every write batch is one transaction: a failure rolls back that
batch only and raises :class:`StoreError`, so what earlier batches committed stays. Queries are
built from analyzed terms only, each quoted as an FTS5 string, so nothing a user types can change or
break a query.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

from rawi.errors import StoreError
from rawi.records import Article, Sentence
from rawi.store.analysis import AnalysisPool, default_workers
from rawi.store.base import SearchHit, WriteResult
from rawi.store.connection import connect_reader, connect_writer, damaged, is_corruption
from rawi.store.schema import FILE_KEY, SCHEMA_VERSION
from rawi.store.vectors import count_vectors, put_vectors, read_vectors

BATCH_SIZE = 500
# A batch that still finds the file locked after the busy timeout is tried again this many times
# (another ingest writing a large batch, a long read), waiting a little longer each time.
LOCKED_RETRIES = 3


def _locked(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))


_ARTICLE_COLUMNS = "id, title, text, url, published, outlet, language, source_path, meta"


def fts_query(terms: Sequence[str]) -> str:
    """An FTS5 MATCH expression: each distinct term as a quoted string, joined with OR.

    >>> print(fts_query(["سد", 'a"b', "NEAR", "سد"]))
    "سد" OR "a""b" OR "NEAR"
    """
    distinct = dict.fromkeys(t for t in terms if t and t.strip())
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in distinct)


def _joined(title_terms: str, sentence_terms: list[str]) -> str:
    """The indexed terms of an article: title terms then each sentence's, space-joined."""
    return " ".join(t for t in (title_terms, *sentence_terms) if t)


_INSERT_SENTENCE = 'INSERT INTO sentences(doc, idx, start, "end", terms) VALUES (?,?,?,?,?)'
_INSERT_FTS = "INSERT INTO article_fts(rowid, terms) VALUES (?, CAST(? AS TEXT))"
# A text longer than this is handed to SQLite as UTF-8 bytes (cast back to TEXT in the statement):
# bound as a str, Python keeps a UTF-8 copy inside the str for as long as the str lives.
BYTES_FROM_CHARS = 1_000_000


def _text_value(text: str) -> str | bytes:
    return text.encode("utf-8") if len(text) > BYTES_FROM_CHARS else text


TERM_BLOCK = 10_000  # sentences whose terms are joined into one string while a large text streams


def _rows_collecting_terms(
    doc: int, rows: Iterable[tuple[int, int, int, str]], blocks: list[bytes]
) -> Iterator[tuple[int, int, int, int, str]]:
    """The sentence rows of ``doc``, appending their non-empty terms to ``blocks``, space-joined
    and UTF-8 encoded, up to TERM_BLOCK sentences a block (so that the non-empty blocks joined by
    spaces are :func:`_joined` of the article's terms, encoded)."""
    pending: list[str] = []
    for row in rows:
        if row[3]:
            pending.append(row[3])
            if len(pending) >= TERM_BLOCK:
                blocks.append(" ".join(pending).encode("utf-8"))
                pending.clear()
        yield (doc, *row)
    if pending:
        blocks.append(" ".join(pending).encode("utf-8"))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _row_to_article(row: sqlite3.Row | tuple[Any, ...]) -> Article:
    id_, title, text, url, published, outlet, language, source_path, meta = row
    return Article(
        id=id_,
        text=text,
        title=title,
        url=url,
        published=published,
        outlet=outlet,
        language=language,
        source_path=source_path,
        meta=json.loads(meta) if meta else {},
    )


class SqliteCorpus:
    """A corpus in one SQLite file (created with its schema when absent, unless ``readonly``).

    Parameters
    ----------
    path : the database file.
    readonly : open with ``mode=ro``: searches and reads only; the file must exist.
    workers : processes that analyze large write batches while this one writes (default: one on a
        multi-core machine, more when more cores are idle; 0 analyzes in this process).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, workers: int | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.url = f"sqlite:///{self.path}"
        # One connection per thread (a web server answers on many): SQLite connections are not meant
        # to be shared by threads at once; each thread's is opened on its first use, all closed here.
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._opened_lock = threading.Lock()
        self._closed = False
        self._local.conn = self._register(self._connect())  # a file that cannot be opened fails here
        self._pool = AnalysisPool(default_workers() if workers is None else workers)

    # -- connection -----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        return connect_reader(self.path) if self.readonly else connect_writer(self.path)

    def _register(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        with self._opened_lock:
            self._opened.append(conn)
        return conn

    @property
    def _conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise StoreError(f"The corpus {self.path} is closed.", code="E302")
            conn = self._local.conn = self._register(self._connect())
        return conn

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, for tables kept beside the corpus (saved checks)."""
        return self._conn

    # -- writing ----------------------------------------------------------------------------------
    def write(self, articles: Iterable[Article]) -> WriteResult:
        """Add or replace articles by id, one transaction per batch of ``BATCH_SIZE``.

        Same id and same ``content_hash``: unchanged (not even analyzed again). A failing batch is
        rolled back and raises :class:`StoreError` (code E303) with ``.result`` holding what the
        earlier batches of this call committed.
        """
        if self.readonly:
            raise StoreError(f"The corpus {self.path} is open read-only; it cannot be written.", code="E304")
        result = WriteResult()
        for batch in _chunks(articles, BATCH_SIZE):
            try:
                added, updated, unchanged = self._write_batch_retrying(batch)
            except Exception as e:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if is_corruption(e):  # never write on into a damaged file
                    err = damaged(self.path, e)
                    err.result = result  # type: ignore[attr-defined]
                    raise err from e
                first = batch[0].id if batch and isinstance(batch[0], Article) else "?"
                err = StoreError(
                    f"Writing a batch of {len(batch)} articles (from {first!r}) failed and was rolled back; "
                    f"{len(result.added) + len(result.updated)} articles written before it are kept: {e}",
                    code="E303",
                )
                err.result = result  # type: ignore[attr-defined]
                raise err from e
            result.added += added
            result.updated += updated
            result.unchanged += unchanged
        return result

    def _write_batch_retrying(self, batch: list[Article]) -> tuple[list[str], list[str], list[str]]:
        for attempt in range(LOCKED_RETRIES + 1):
            try:
                return self._write_batch(batch)
            except sqlite3.OperationalError as e:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if not _locked(e) or attempt == LOCKED_RETRIES:
                    raise
                time.sleep(1.0 + attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _known(self, ids: list[str]) -> dict[str, tuple[int, str]]:
        """doc and content hash of the ids already stored."""
        known: dict[str, tuple[int, str]] = {}
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            rows = self._conn.execute(
                f"SELECT id, doc, content_hash FROM articles WHERE id IN ({','.join('?' * len(part))})", part
            ).fetchall()
            known.update((r[0], (r[1], r[2])) for r in rows)
        return known

    def _write_batch(self, batch: list[Article]) -> tuple[list[str], list[str], list[str]]:
        latest: dict[str, Article] = {}
        for article in batch:  # the same id twice in a batch: the later one wins
            if not isinstance(article, Article) or not isinstance(article.text, str):
                raise TypeError(f"expected an Article with text, got {article!r:.80}")
            latest[article.id] = article
        ids = list(latest)
        known = self._known(ids)
        hashes = {i: a.content_hash for i, a in latest.items()}
        unchanged = [i for i in ids if i in known and known[i][1] == hashes[i]]
        todo = [i for i in ids if i not in known or known[i][1] != hashes[i]]
        # Analysis starts (in worker processes for a large batch) before the write lock is taken,
        # and the loop below writes the rows of each article as its analysis arrives.
        analyses = self._pool.map([latest[i] for i in todo])
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        added: list[str] = []
        updated: list[str] = []
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        # Another writer may have stored some of these ids since they were looked up: look again
        # under the lock, so each is updated (or left unchanged), never inserted twice.
        known.update(self._known(todo))
        sentence_rows: list[tuple[int, int, int, int, str]] = []
        fts_rows: list[tuple[int, str]] = []
        for i, (title_terms, sentences) in zip(todo, analyses, strict=True):
            a = latest[i]
            if i in known and known[i][1] == hashes[i]:
                unchanged.append(i)
                continue
            values = (
                a.title, _text_value(a.text), a.url, a.published, a.outlet, a.language, a.source_path,
                hashes[i], title_terms, json.dumps(a.meta or {}, ensure_ascii=False), now,
            )  # fmt: skip
            if i in known:
                doc = known[i][0]
                self._unindex(doc)
                conn.execute(
                    "UPDATE articles SET title=?, text=CAST(? AS TEXT), url=?, published=?, outlet=?, "
                    "language=?, source_path=?, content_hash=?, title_terms=?, meta=?, ingested_at=? "
                    "WHERE doc=?",
                    (*values, doc),
                )
                updated.append(i)
            else:
                doc = conn.execute(
                    "INSERT INTO articles(id, title, text, url, published, outlet, language, source_path, "
                    "content_hash, title_terms, meta, ingested_at) "
                    "VALUES (?,?,CAST(? AS TEXT),?,?,?,?,?,?,?,?,?)",
                    (i, *values),
                ).lastrowid
                added.append(i)
            if isinstance(sentences, list):
                sentence_rows += [(doc, *sentence) for sentence in sentences]
                fts_rows.append((doc, _joined(title_terms, [sentence[3] for sentence in sentences])))
            else:  # a large text, analyzed as it is written: its rows are never all in memory
                del values  # the text's UTF-8 bytes, bound above
                blocks = [title_terms.encode("utf-8")]
                conn.executemany(_INSERT_SENTENCE, _rows_collecting_terms(doc, sentences, blocks))
                terms = b" ".join(block for block in blocks if block)  # as _joined, in UTF-8
                blocks.clear()
                conn.execute(_INSERT_FTS, (doc, terms))
                del terms
        conn.executemany(_INSERT_SENTENCE, sentence_rows)
        conn.executemany(_INSERT_FTS, fts_rows)
        conn.execute("COMMIT")
        return added, updated, unchanged

    def _unindex(self, doc: int) -> None:
        """Remove an article's sentences and index entry; a contentless FTS5 index deletes a row
        given the exact terms it indexed, rebuilt here from the title and sentence terms (a block
        of sentences at a time, so a huge article is never a list of its sentences' terms)."""
        row = self._conn.execute("SELECT title_terms FROM articles WHERE doc = ?", (doc,)).fetchone()
        blocks = [(row[0] if row else "").encode("utf-8")]
        stored = self._conn.execute("SELECT terms FROM sentences WHERE doc = ? ORDER BY idx", (doc,))
        for _ in _rows_collecting_terms(doc, ((0, 0, 0, r[0]) for r in stored), blocks):
            pass
        self._conn.execute(
            "INSERT INTO article_fts(article_fts, rowid, terms) VALUES ('delete', ?, CAST(? AS TEXT))",
            (doc, b" ".join(block for block in blocks if block)),
        )
        self._conn.execute("DELETE FROM sentences WHERE doc = ?", (doc,))

    # -- reading ----------------------------------------------------------------------------------
    def get(self, article_id: str) -> Article | None:
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?"
        row = self._conn.execute(sql, (article_id,)).fetchone()
        return _row_to_article(row) if row else None

    def get_many(self, article_ids: Sequence[str]) -> dict[str, Article]:
        out: dict[str, Article] = {}
        ids = list(dict.fromkeys(article_ids))
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            rows = self._conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({','.join('?' * len(part))})", part
            )
            for row in rows:
                out[row[0]] = _row_to_article(row)
        return out

    def ids_of_files(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Stored ids by (real file path, part of the id within the file); see Corpus."""
        wanted = set(keys)
        files = list({file for file, _ in wanted})
        out: dict[tuple[str, str], str] = {}
        for start in range(0, len(files), 900):
            part = files[start : start + 900]
            rows = self._conn.execute(
                f"SELECT id, {FILE_KEY}, json_extract(meta, '$.file_part') FROM articles "
                f"WHERE {FILE_KEY} IN ({','.join('?' * len(part))}) ORDER BY doc",
                part,
            )
            for article_id, file, file_part in rows:
                if (file, file_part) in wanted:
                    out.setdefault((file, file_part), article_id)
        return out

    def sentences(self, article_id: str) -> list[Sentence]:
        row = self._conn.execute("SELECT doc, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        doc, text = row
        rows = self._conn.execute(
            'SELECT idx, start, "end" FROM sentences WHERE doc = ? ORDER BY idx', (doc,)
        )
        return [Sentence(idx, start, end, text[start:end]) for idx, start, end in rows]

    def sentence_terms(self, article_id: str) -> list[list[str]]:
        rows = self._conn.execute(
            "SELECT s.terms FROM sentences s JOIN articles a ON a.doc = s.doc WHERE a.id = ? ORDER BY s.idx",
            (article_id,),
        )
        return [row[0].split() for row in rows]

    def search(self, terms: Sequence[str], limit: int = 50) -> list[SearchHit]:
        """Articles ranked by BM25 over the index; any term may match. Empty terms: no hits."""
        query = fts_query(terms)
        if not query or limit <= 0:
            return []
        rows = self._conn.execute(
            "SELECT a.id, -f.rank FROM (SELECT rowid, rank FROM article_fts WHERE article_fts MATCH ? "
            "ORDER BY rank LIMIT ?) f JOIN articles a ON a.doc = f.rowid ORDER BY f.rank",
            (query, int(limit)),
        )
        return [SearchHit(article_id, float(score)) for article_id, score in rows]

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for term in dict.fromkeys(terms):
            row = self._conn.execute("SELECT doc FROM article_vocab WHERE term = ?", (term,)).fetchone()
            out[term] = int(row[0]) if row else 0
        return out

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- article vectors (the semantic index; see rawi.store.vectors) ---------------------------------
    def put_vectors(self, encoder: str, vectors: dict[str, Any]) -> int:
        """Store one vector per article id for ``encoder`` (replacing older ones); returns how many."""
        if self.readonly:
            raise StoreError(f"The corpus {self.path} is open read-only; it cannot be written.", code="E304")
        return put_vectors(self._conn, encoder, vectors)

    def vectors(self, encoder: str) -> tuple[list[str], Any]:
        """Article ids and their vectors (rows of a float32 matrix) stored for ``encoder``."""
        return read_vectors(self._conn, encoder)

    def vector_count(self, encoder: str) -> int:
        return count_vectors(self._conn, encoder)

    def iter_articles(self, batch_size: int = 1000) -> Iterator[Article]:
        """Every article in insertion order, fetched ``batch_size`` at a time (keyset pagination)."""
        last = 0
        while True:
            rows = self._conn.execute(
                f"SELECT doc, {_ARTICLE_COLUMNS} FROM articles WHERE doc > ? ORDER BY doc LIMIT ?",
                (last, max(1, batch_size)),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _row_to_article(row[1:])
            last = rows[-1][0]

    def outlets(self) -> dict[str, int]:
        """Every outlet of the corpus with its number of articles, most first."""
        rows = self._conn.execute(
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        return {outlet: int(n) for outlet, n in rows}

    def list_articles(self, *, outlet: str | None = None, limit: int = 50) -> list[Article]:
        """Articles newest first (by date, then by ingest order), of one outlet when given."""
        where, args = ("WHERE outlet = ?", [outlet]) if outlet is not None else ("", [])
        rows = self._conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} "
            "ORDER BY published IS NULL, published DESC, doc DESC LIMIT ?",
            [*args, max(0, int(limit))],
        )
        return [_row_to_article(row) for row in rows]

    def stats(self) -> dict[str, object]:
        conn = self._conn
        languages = dict(
            conn.execute(
                "SELECT coalesce(language, 'und'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        )
        outlets = dict(
            conn.execute(
                "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
            ).fetchall()
        )
        first, last = conn.execute(
            "SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL"
        ).fetchone()
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        return {
            "articles": self.count(),
            "sentences": int(conn.execute("SELECT count(*) FROM sentences").fetchone()[0]),
            "languages": languages,
            "outlets": outlets,
            "published": {"first": first, "last": last},
            "size_bytes": int(page_size * pages),
            "schema_version": SCHEMA_VERSION,
        }

    def close(self) -> None:
        self._pool.close()
        with self._opened_lock:
            opened, self._opened, self._closed = self._opened, [], True
        self._local = threading.local()
        for conn in opened:
            if not self.readonly and not conn.in_transaction:
                # worth doing, never worth failing for: another writer may hold the lock
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA optimize")
            conn.close()

    def __enter__(self) -> SqliteCorpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqliteCorpus({str(self.path)!r}, readonly={self.readonly})"
