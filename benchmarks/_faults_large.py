"""bench_faults sections on size: the peak memory of ingesting one huge file, and what the check of
a corpus on opening it for writing costs."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

WORDS = (
    "قالت وزارة الموارد المائية إن منسوب المياه في السد ارتفع بعد الأمطار الغزيرة التي شهدتها "
    "المنطقة خلال الأسبوع الماضي وأكد المسؤولون أن الوضع تحت السيطرة"
).split()


def write_prose(path: Path, size_bytes: int, seed: int = 1) -> Path:
    """A title line, then lines of Arabic prose ending in a number and a period, to ``size_bytes``."""
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as f:
        f.write("عنوان الخبر الطويل جدا\n")
        while written < size_bytes:
            line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
            line = f"{line} {rng.randint(1, 99999)}.\n"
            f.write(line)
            written += len(line.encode("utf-8"))
    return path


def _peak_rss(args: list[str], src: Path) -> tuple[int, float, int]:
    """(peak RSS in bytes, wall seconds, exit code) of ``python -m rawi <args>`` run from ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rawi", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, time.perf_counter() - start, proc.returncode


def large_section(mb: float, work: Path, table: Callable[..., None], sources: dict[str, Path]) -> None:
    """``rawi ingest`` of one ``mb`` MB .txt file (--encoder none), for each code in ``sources``
    (this code, and the one given with --compare-src), next to the same ingest of a one-line file
    (what the interpreter and the libraries take whatever the input)."""
    big = write_prose(work / "huge.txt", int(mb * 1024 * 1024))
    tiny = work / "tiny.txt"
    tiny.write_text("عنوان\nقالت الوزارة إن السد سليم.\n", "utf-8")
    size = big.stat().st_size
    rows = []
    for name, src in sources.items():
        base, _, _ = _peak_rss(
            ["ingest", str(tiny), "--db", str(work / f"tiny-{name}.db"), "--encoder", "none"], src
        )
        db = work / f"huge-{name}.db"
        limit = str(int(mb) + 10)
        peak, seconds, rc = _peak_rss(
            ["ingest", str(big), "--db", str(db), "--max-file-mb", limit, "--encoder", "none"], src
        )
        with sqlite3.connect(db) as conn:
            sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        rows.append([
            name, f"{size / 1e6:.0f} MB", rc, f"{sentences:,}", f"{peak / 1e9:.2f} GB", f"{peak / size:.1f}x",
            f"{base / 1e6:.0f} MB", f"{(peak - base) / size:.1f}x", f"{seconds:.0f} s",
        ])  # fmt: skip
    table(
        "One huge file (`rawi ingest FILE --max-file-mb N --encoder none`)",
        ["code", "file", "exit", "sentences", "peak RSS", "peak / file", "peak of a one-line ingest",
         "(peak - that) / file", "wall time"],
        rows,
    )  # fmt: skip


def quick_check_section(articles: int, work: Path, table: Callable[..., None]) -> None:
    """The writer's check on opening an existing corpus (PRAGMA quick_check), timed on a corpus of
    ``articles`` generated articles; and that a damaged one is refused."""
    from rawi import Rawi
    from rawi.errors import StoreError
    from rawi.store.connection import check_not_damaged

    folder = work / "qc"
    folder.mkdir()
    rng = random.Random(4)
    for i in range(articles):
        body = "\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))) + f" {rng.randint(1, 999)}."
            for _ in range(rng.randint(4, 12))
        )
        (folder / f"{i:06d}.txt").write_text(f"خبر رقم {i}\n{body}", "utf-8")
    db = work / "qc.db"
    from rawi.settings import Settings

    with Rawi(db, Settings(encoder="none")) as wb:
        wb.ingest([folder])
    times = []
    for _ in range(5):
        conn = sqlite3.connect(db)
        start = time.perf_counter()
        check_not_damaged(conn, db)
        times.append(time.perf_counter() - start)
        conn.close()
    with sqlite3.connect(db) as conn:
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sentences'")][:8]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as f:
        for n in pages:
            f.seek((n - 1) * page)
            f.write(bytes([0xA5]) * page)
    try:
        check_not_damaged(sqlite3.connect(db), db)
        refused = "no"
    except StoreError as e:
        refused = f"yes ({e.code})"
    table(
        "The writer's check on opening a corpus (PRAGMA quick_check)",
        ["articles", "corpus size", "check time (min of 5)", "median", "8 pages damaged: refused"],
        [[f"{articles:,}", f"{db.stat().st_size / 1e6:.0f} MB", f"{min(times) * 1000:.0f} ms",
          f"{sorted(times)[2] * 1000:.0f} ms", refused]],
    )  # fmt: skip
