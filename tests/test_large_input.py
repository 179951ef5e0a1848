"""A huge file is read and stored without a copy of it per sentence or per word: the plain reader
finds lines by offset, and the store analyzes a large text a block of sentences at a time, writing
its rows as they come. Same articles, sentences and index as the whole-text way; bounded memory."""

from __future__ import annotations

import sqlite3
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rawi.ingest import read_file
from rawi.ingest.metadata import date_from_lines, strip_boilerplate
from rawi.ingest.readers import Source, read_plain
from rawi.records import Article
from rawi.store import SqliteCorpus

LINES = [
    "",
    " ",
    "\t",
    "انهيار سد وادي الرمل",
    "# عنوان الخبر",
    "جميع الحقوق محفوظة © 2026",
    "Facebook | Twitter | WhatsApp",
    "قال مدير السد إن المياه ارتفعت بعد الأمطار.  ",
    "الأحد 15 آذار 2026",
    "Beirut, March 15, 2026 (Reuters) -",
    "   نص بين مسافات   ",
    "نص\x1c",  # whitespace to str.rstrip that is not a space
    "نص\u00a0",
]


def plain_by_lists(text: str, markdown: bool) -> tuple[str, str, str | None] | None:
    """What the plain reader gave when it split the file into a list of lines (the reference)."""
    lines = strip_boilerplate(text.split("\n"))
    if not lines:
        return None
    title = lines[0].strip()
    if markdown:
        title = title.lstrip("#").strip()
    body = "\n".join(line.rstrip() for line in strip_boilerplate(lines[1:]))
    body = body if body.strip() else title
    return (title, body, date_from_lines(lines[:8])) if body else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14), st.sampled_from(["", "\n", "\n\n"]), st.booleans())
def test_plain_reader_by_offsets_reads_what_the_list_reader_read(
    lines: list[str], end: str, markdown: bool
) -> None:
    text = "\n".join(lines) + end
    got = list(read_plain(Source("a.txt", "a.txt", "utf_8"), text, markdown=markdown))
    expected = plain_by_lists(text, markdown)
    if expected is None:
        assert [getattr(p, "code", None) for p in got] == ["E106"]
    else:
        assert [(a.title, a.text, a.published) for a in got] == [expected]


def _big_article(sentences: int, tag: str = "") -> Article:
    words = "قال مدير السد إن منسوب المياه ارتفع بعد الأمطار الغزيرة في المنطقة الجبلية".split()
    body = "\n".join(
        f"{' '.join(words[(k + j) % len(words)] for j in range(3 + k % 9))} {k % 97}{tag}."
        for k in range(sentences)
    )
    return Article(id="big.txt", title=f"خبر طويل {tag}", text=body)


def _index(db: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("SELECT id, title, text, typeof(text) FROM articles").fetchall(),
            conn.execute('SELECT idx, start, "end", terms FROM sentences ORDER BY idx').fetchall(),
            conn.execute("SELECT term, doc, cnt FROM article_vocab ORDER BY term").fetchall(),
        )


def test_a_large_text_streamed_into_the_store_is_stored_as_a_whole_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _big_article(5_000), _big_article(5_000, "ب")
    with SqliteCorpus(tmp_path / "whole.db", workers=0) as corpus:
        corpus.write([first])
    # streaming from 10,000 characters, 300 sentences a block, 700 sentences per block of terms
    monkeypatch.setattr("rawi.store.analysis.LARGE_TEXT_CHARS", 10_000)
    monkeypatch.setattr("rawi.store.analysis.STREAM_SENTENCES", 300)
    monkeypatch.setattr("rawi.store.sqlite.TERM_BLOCK", 700)
    monkeypatch.setattr("rawi.store.sqlite.BYTES_FROM_CHARS", 10_000)
    with SqliteCorpus(tmp_path / "streamed.db", workers=0) as corpus:
        corpus.write([first])
    assert _index(tmp_path / "streamed.db") == _index(tmp_path / "whole.db")
    stored = _index(tmp_path / "streamed.db")
    assert stored[0][0][3] == "text" and len(stored[1]) == 5_000  # TEXT, not a BLOB
    # replaced by a changed version: the old index entry is removed exactly (no stale terms)
    with SqliteCorpus(tmp_path / "streamed.db", workers=0) as corpus:
        assert corpus.write([second]).updated == ["big.txt"]
    with SqliteCorpus(tmp_path / "fresh.db", workers=0) as corpus:
        corpus.write([second])
    assert _index(tmp_path / "streamed.db") == _index(tmp_path / "fresh.db")


def test_storing_a_large_text_allocates_a_small_multiple_of_it(tmp_path: Path) -> None:
    """Python's allocations while reading a 9 MB file and writing it, measured by tracemalloc (the
    process's whole peak is measured by benchmarks/bench_faults.py --only large)."""
    path = tmp_path / "big.txt"
    article = _big_article(120_000)
    path.write_text(f"{article.title}\n{article.text}", "utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        (read,) = read_file(path, options=None)
        _, read_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with SqliteCorpus(tmp_path / "c.db", workers=0) as corpus:
            corpus.write([read])
        _, write_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 5_000_000
    assert read_peak < 3.0 * size, read_peak / size  # measured 2.3 (4.6 before)
    assert write_peak < 3.5 * size, write_peak / size  # measured 2.9, the text included (~14 before)
