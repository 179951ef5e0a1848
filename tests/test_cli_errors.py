"""Commands that cannot run say why in one line and exit 2, the same way for every command: a
damaged database, a store that cannot open, an uncreatable folder, --out into a missing folder.
A reader that stops early (`| head`) ends the command quietly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
CORPUS = ROOT / "examples" / "corpus"
CLAIM = "انهار سد وادي الرمل في ريف حماة"


def rawi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rawi", *args], capture_output=True, text=True, env=ENV, timeout=300
    )


def assert_cannot_run(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: [E"), done.stderr
    for needle in needles:
        assert needle in done.stderr


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("errors") / "example.db"
    assert rawi("ingest", str(CORPUS), "--db", str(db)).returncode == 0
    return db


def test_a_damaged_database_is_a_clear_error(example_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    data = bytearray(example_db.read_bytes())
    page = 4096
    for n in range(2, min(10, len(data) // page)):  # 8 pages of garbage after the schema page
        data[n * page : (n + 1) * page] = bytes([0xA5]) * page
    db.write_bytes(bytes(data))
    for args in (("stats",), ("check", CLAIM), ("search", "سد")):
        assert_cannot_run(rawi(*args, "--db", str(db)), str(db))


def test_missing_corpus_worded_alike_by_every_reading_command(tmp_path: Path) -> None:
    db = tmp_path / "nope.db"
    for args in (("check", CLAIM), ("search", "سد"), ("provenance", "x.txt")):  # stats reads as search does
        assert_cannot_run(rawi(*args, "--db", str(db)), f"[E302] No corpus at {db}", "rawi ingest")


def test_ingest_stops_before_reading_when_the_store_cannot_open(tmp_path: Path) -> None:
    not_a_corpus = tmp_path / "notes.db"
    not_a_corpus.write_text("just some notes, not SQLite", "utf-8")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "empty.txt").write_text("", "utf-8")  # would be a problem line if files were read
    done = rawi("ingest", str(folder), "--db", str(not_a_corpus))
    assert_cannot_run(done, str(not_a_corpus))
    assert "empty.txt" not in done.stderr and done.stdout == ""


def test_ingest_into_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", "utf-8")
    db = tmp_path / "file" / "sub" / "c.db"
    assert_cannot_run(rawi("ingest", str(CORPUS), "--db", str(db)), "Cannot create the folder")


def test_out_into_a_missing_folder_is_refused_before_checking(example_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.html"
    done = rawi("check", CLAIM, "--db", str(example_db), "--format", "html", "--out", str(out))
    assert_cannot_run(done, "does not exist")
    assert not out.parent.exists()


def test_search_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    sentence = "قالت وزارة الموارد المائية إن سد وادي الرمل في ريف حماة بحالة جيدة " * 12
    for i in range(60):  # 60 hits of two long sentences: far more than a pipe's 64 KB buffer
        (folder / f"{i:03d}.txt").write_text(f"سد وادي الرمل {i}\n{sentence}.\n{sentence}.", "utf-8")
    db = tmp_path / "big.db"
    assert rawi("ingest", str(folder), "--db", str(db)).returncode == 0
    for args in (("search", "سد وادي الرمل", "--limit", "60"), ("search", "سد", "--limit", "60", "--json")):
        proc = subprocess.Popen(
            [sys.executable, "-m", "rawi", *args, "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(100)  # `| head -c 100`
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0, stderr
        assert stderr == ""


def damage_table(db: Path, copy: Path, table: str) -> Path:
    """A copy of ``db`` whose pages of ``table`` are garbage (as a failing disk leaves them); the
    schema, the articles and their id index are intact."""
    with sqlite3.connect(db) as conn:
        try:
            pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to tell where a table's pages are")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    for n in pages:
        data[(n - 1) * page : n * page] = bytes([0xA5]) * page
    copy.write_bytes(bytes(data))
    return copy


def test_ingest_into_a_damaged_database_stops_before_writing(example_db: Path, tmp_path: Path) -> None:
    # Re-ingesting the same files reads only the articles' id index, which this damage spares:
    # without the check on opening, ingest said "N unchanged" and exit 0 over a damaged corpus.
    db = damage_table(example_db, tmp_path / "damaged.db", "sentences")
    before = db.read_bytes()
    done = rawi("ingest", str(CORPUS), "--db", str(db))
    assert_cannot_run(done, "[E306]", f"The corpus {db} is damaged", "re-ingest")
    assert done.stdout == ""
    assert db.read_bytes() == before  # nothing written into it
