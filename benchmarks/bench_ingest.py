"""Ingest throughput, end to end: read files + analyze + write, on N articles built from Baly 2018.

Each article of each Baly claim file is one article; copies get a distinct id and a distinct last
line so nothing is deduplicated. Baseline measured in the same run on the same texts: a raw SQLite
insert (same PRAGMAs, same batches) with no reading and no analysis, so the table shows what ingest
costs on top of storing the bytes as a ratio that survives this shared machine's noise.

    python benchmarks/bench_ingest.py                 # 10,000 articles as .txt files
    python benchmarks/bench_ingest.py --n 100000
    python benchmarks/bench_ingest.py --format jsonl  # one JSONL file instead of N files
    python benchmarks/bench_ingest.py --max-chars 4000 # news-length: Baly articles cut at 4,000 chars
    python benchmarks/bench_ingest.py --workers 0     # analysis in the main process only

CPU ms/article (user + system, this process and its analysis workers) is printed next to the wall
time: on a shared machine the wall time depends on what else runs, the CPU time much less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from _corpus import peak_rss_mb, repeated_records

from rawi import Rawi, Settings
from rawi.store import SqliteCorpus
from rawi.store.analysis import default_workers

LOAD_BEFORE = os.getloadavg()[0]

BATCH = 500


def records(n: int, max_chars: int | None) -> Iterator[dict[str, str]]:
    """The benchmark's records, generated lazily (100,000 articles would be ~1.5 GB as a list)."""
    for rec in repeated_records(n):
        if max_chars:  # keep the distinct closing line of each copy
            body, _, last = rec["text"].rpartition("\n")
            rec["text"] = f"{body[:max_chars]}\n{last}"
        yield rec


def source_pairs(n: int, fmt: str, max_chars: int | None) -> Iterator[tuple[str, str]]:
    """(id, text) as written to the sources: what the baseline inserts."""
    for rec in records(n, max_chars):
        yield rec["id"], rec["text"] if fmt == "jsonl" else f"{rec['title']}\n{rec['text']}"


def cpu_seconds(children: bool = True) -> float:
    """CPU seconds of this process (and, once they have exited, of its analysis workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    if children:
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += kids.ru_utime + kids.ru_stime
    return total


def write_sources(folder: Path, n: int, fmt: str, max_chars: int | None = None) -> tuple[Path, int]:
    """The corpus as files (title line + body) or one JSONL; returns its path and its characters."""
    chars = 0
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for rec in records(n, max_chars):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                chars += len(rec["text"])
        return path, chars
    path = folder / "corpus"
    for i, rec in enumerate(records(n, max_chars)):
        sub = path / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        content = f"{rec['title']}\n{rec['text']}"
        (sub / f"{rec['id']}.txt").write_text(content, encoding="utf-8")
        chars += len(content)
    return path, chars


def time_ingest(source: Path, db: Path, workers: int | None = None) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, articles written, problems: ``Rawi.ingest``, what ``rawi ingest`` runs
    (reading ahead in a thread, outlet detection, analysis workers, batched writes)."""
    start, cpu_start = time.perf_counter(), cpu_seconds()
    wb = Rawi(db, Settings(max_file_bytes=2**40))  # one big JSONL is fine here
    wb.__dict__["corpus"] = SqliteCorpus(db, workers=workers)  # the worker count under test
    with wb:
        report = wb.ingest([source])
    return time.perf_counter() - start, cpu_seconds() - cpu_start, len(report.added), len(report.problems)


def time_baseline(pairs: Iterator[tuple[str, str]], db: Path) -> tuple[float, float]:
    start, cpu_start = time.perf_counter(), cpu_seconds()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"):
        conn.execute(pragma)
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT NOT NULL)")
    while batch := list(islice(pairs, BATCH)):
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO articles VALUES (?, ?)", batch)
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start, cpu_seconds() - cpu_start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles to ingest (default 10,000)")
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--max-chars", type=int, default=None, help="cut each article body to this length")
    ap.add_argument(
        "--workers",
        type=int,
        default=None,
        help="analysis processes (default: rawi.store.analysis.default_workers())",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, chars = write_sources(folder, args.n, args.format, args.max_chars)
        base_s, base_cpu = time_baseline(
            source_pairs(args.n, args.format, args.max_chars), folder / "baseline.db"
        )
        workers = default_workers() if args.workers is None else args.workers
        main_cpu_start = cpu_seconds(children=False)
        ingest_s, ingest_cpu, written, problems = time_ingest(source, folder / "rawi.db", workers)
        main_cpu = cpu_seconds(children=False) - main_cpu_start
        size_mb = (folder / "rawi.db").stat().st_size / 1e6
    head = f"{'run':<24} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'CPU ms/art':>11} {'ratio':>6}"
    print(head)
    rows = [
        ("baseline raw insert", args.n, base_s, base_cpu),
        (f"rawi ingest ({args.format})", written, ingest_s, ingest_cpu),
    ]
    for name, n, wall, cpu in rows:
        cpu_ms = 1000 * cpu / max(n, 1)
        print(f"{name:<24} {n:>9} {wall:>8.2f} {n / wall:>11.0f} {cpu_ms:>11.2f} {wall / base_s:>6.1f}")
    print(
        f"mean article {chars / args.n:,.0f} chars; {chars / ingest_s / 1e6:.2f} M chars/s; "
        f"db {size_mb:.0f} MB; problems {problems}; peak RSS {peak_rss_mb():.0f} MB (main process)"
    )
    print(
        f"analysis workers {workers}; main process CPU {1000 * main_cpu / max(written, 1):.2f} ms/article; "
        f"load average before the run {LOAD_BEFORE:.1f} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
