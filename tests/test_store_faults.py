"""The store under faults, on real files: two writers at once, a writer holding the lock, a killed
ingest, damaged or odd databases, a batch holding one article the store cannot take."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from _permissions import assert_cannot_write, run_python
from rawi.core import IngestReport, Rawi
from rawi.errors import StoreError
from rawi.records import Article
from rawi.store import SqliteCorpus

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
BODY = "قالت وزارة الموارد المائية إن منسوب المياه في السد ارتفع بعد الأمطار الغزيرة في المنطقة."


def article(i: int, tag: str = "") -> Article:
    return Article(id=f"a{i}.txt", title=f"خبر {i} {tag}", text=f"{BODY} الخبر رقم {i} {tag}.")


def write_folder(folder: Path, ids: range, tag: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in ids:
        (folder / f"{i:05d}.txt").write_text(f"خبر رقم {i} {tag}\n{BODY} الخبر رقم {i}.", "utf-8")
    return folder


def rawi(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "rawi", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def test_two_ingests_into_one_new_db_both_succeed_and_lose_nothing(tmp_path: Path) -> None:
    a = write_folder(tmp_path / "a", range(0, 300))
    b = write_folder(tmp_path / "b", range(200, 500))  # 100 ids in common, same content
    for attempt in range(1):  # one race here; benchmarks/bench_faults.py runs twenty
        db = tmp_path / f"race{attempt}.db"
        procs = [rawi("ingest", str(folder), "--db", str(db), "--json") for folder in (a, b)]
        outputs = [p.communicate(timeout=300) for p in procs]
        for p, (stdout, stderr) in zip(procs, outputs, strict=True):
            assert p.returncode == 0, stderr
            assert '"problems": []' in stdout
        with SqliteCorpus(db, readonly=True) as corpus:
            assert corpus.count() == 500


def test_a_writer_waits_for_another_holding_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with SqliteCorpus(db, workers=0) as corpus:
        corpus.write([article(0)])
        blocker = sqlite3.connect(db, check_same_thread=False)
        blocker.execute("BEGIN IMMEDIATE")
        release = threading.Timer(6.0, blocker.rollback)  # longer than SQLite's default 5 s wait
        release.start()
        try:
            result = corpus.write([article(i) for i in range(1, 501)])
        finally:
            release.join()
            blocker.close()
        assert len(result.added) == 500 and corpus.count() == 501


def test_schema_created_once_by_two_connections(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            SqliteCorpus(db, workers=0).close()
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    rows = sqlite3.connect(db).execute("SELECT key FROM meta ORDER BY key").fetchall()
    assert rows == [("created_at",), ("schema_version",)]


def test_a_killed_ingest_takes_its_analysis_worker_with_it(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "news", range(4000))
    proc = rawi("ingest", str(folder), "--db", str(tmp_path / "k.db"))
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while not workers and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    if not workers:
        proc.communicate()
        pytest.skip("the ingest ended before starting an analysis worker (one core, or a fast machine)")
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_one_article_the_store_refuses_costs_only_itself(tmp_path: Path) -> None:
    batch = [article(i) for i in range(50)]
    batch[7] = Article(
        id="bad.txt", title="عنوان \ud800", text=BODY
    )  # built in Python, not read: no clean-up
    report = IngestReport()
    with Rawi(tmp_path / "c.db") as wb:
        wb._write(batch, report)
        assert wb.corpus.count() == 49
    assert len(report.added) == 49
    assert [(p.source, p.code) for p in report.problems] == [("bad.txt", "E303")]


def test_unreadable_schema_version_is_a_store_error(tmp_path: Path) -> None:
    db = tmp_path / "odd.db"
    SqliteCorpus(db, workers=0).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '1.5' WHERE key = 'schema_version'")
    for readonly in (True, False):
        with pytest.raises(StoreError) as err:
            SqliteCorpus(db, readonly=readonly, workers=0)
        assert err.value.code == "E302" and "schema version" in err.value.message


def test_a_db_folder_that_cannot_be_created_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder", "utf-8")
    with pytest.raises(StoreError) as err:
        SqliteCorpus(tmp_path / "file" / "sub" / "c.db", workers=0)
    assert err.value.code == "E302" and "Cannot create the folder" in err.value.message


def test_a_corpus_in_a_read_only_folder_can_be_read(tmp_path: Path) -> None:
    """Through the real CLI, bound by file permissions even as root (tests/_permissions.py)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    with SqliteCorpus(folder / "c.db", workers=0) as corpus:
        corpus.write([article(i) for i in range(5)])
    folder.chmod(0o555)
    try:
        assert_cannot_write(folder)
        stats = run_python("-m", "rawi", "stats", "--db", str(folder / "c.db"), "--json")
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["articles"] == 5
        found = run_python("-m", "rawi", "search", "منسوب المياه", "--db", str(folder / "c.db"), "--json")
        assert found.returncode == 0, found.stderr
        assert len(json.loads(found.stdout)) == 5
        # nothing was written next to the corpus (no WAL, no shared-memory index, no journal)
        assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
    finally:
        folder.chmod(0o755)


def _garble_pages_of(db: Path, table: str) -> None:
    with sqlite3.connect(db) as conn:
        try:
            pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to tell where a table's pages are")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as f:
        for n in pages:
            f.seek((n - 1) * size)
            f.write(bytes([0xA5]) * size)


def test_damage_met_while_writing_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Damage the check on opening did not reach (a corpus too large for its time budget)."""
    db = tmp_path / "c.db"
    with SqliteCorpus(db, workers=0) as corpus:
        corpus.write([article(i) for i in range(600)])
    _garble_pages_of(db, "sentences")
    monkeypatch.setattr("rawi.store.connection.QUICK_CHECK_BUDGET_S", 0.0)
    report = IngestReport()
    with Rawi(db) as wb, pytest.raises(StoreError) as err:
        wb._write([article(i) for i in range(600, 700)], report)
    assert err.value.code == "E306" and str(db) in err.value.message
    assert "malformed" in err.value.message  # found by the write, not by the check on opening
    assert not report.problems  # not one "not stored" line per article: the run stops


def test_the_check_on_opening_is_bounded_in_time(tmp_path: Path) -> None:
    from rawi.store.connection import check_not_damaged

    db = tmp_path / "c.db"
    with SqliteCorpus(db, workers=0) as corpus:
        corpus.write([article(i) for i in range(1500)])
    _garble_pages_of(db, "sentences")
    conn = sqlite3.connect(db)
    try:
        check_not_damaged(conn, db, budget_s=0.0)  # cut short at once: no verdict, no error
        with pytest.raises(StoreError) as err:
            check_not_damaged(conn, db)
        assert err.value.code == "E306"
    finally:
        conn.close()
