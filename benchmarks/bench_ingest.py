"""Ingest throughput, end to end: read files + analyze + write, on N articles built from Baly 2018.

Each article of each Baly claim file is one article; copies get a distinct id and a distinct last
line so nothing is deduplicated. Baseline measured in the same run on the same texts: a raw SQLite
insert (same PRAGMAs, same batches) with no reading and no analysis, so the table shows what ingest
costs on top of storing the bytes as a ratio that survives this shared machine's noise.

    python benchmarks/bench_ingest.py                 # 10,000 articles as .txt files
    python benchmarks/bench_ingest.py --n 100000
    python benchmarks/bench_ingest.py --format jsonl  # one JSONL file instead of N files
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from itertools import islice
from pathlib import Path

from _corpus import peak_rss_mb, repeated_records

from rawi.ingest import read_paths
from rawi.records import Article, Problem
from rawi.store import SqliteCorpus

BATCH = 500


def write_sources(folder: Path, n: int, fmt: str) -> tuple[Path, list[tuple[str, str]]]:
    """The corpus as files (title line + body) or one JSONL; returns its path and (id, text) pairs."""
    pairs: list[tuple[str, str]] = []
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for rec in repeated_records(n):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                pairs.append((rec["id"], rec["text"]))
        return path, pairs
    path = folder / "corpus"
    for i, rec in enumerate(repeated_records(n)):
        sub = path / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        content = f"{rec['title']}\n{rec['text']}"
        (sub / f"{rec['id']}.txt").write_text(content, encoding="utf-8")
        pairs.append((rec["id"], content))
    return path, pairs


def time_ingest(source: Path, db: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    written = problems = 0
    with SqliteCorpus(db) as corpus:
        items = read_paths([source])
        while batch := list(islice(items, BATCH)):
            articles = [a for a in batch if isinstance(a, Article)]
            problems += sum(isinstance(a, Problem) for a in batch)
            written += len(corpus.write(articles).added)
    return time.perf_counter() - start, written, problems


def time_baseline(pairs: list[tuple[str, str]], db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"):
        conn.execute(pragma)
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT NOT NULL)")
    for i in range(0, len(pairs), BATCH):
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO articles VALUES (?, ?)", pairs[i : i + BATCH])
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles to ingest (default 10,000)")
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, pairs = write_sources(folder, args.n, args.format)
        chars = sum(len(text) for _, text in pairs)
        base_s = time_baseline(pairs, folder / "baseline.db")
        del pairs
        ingest_s, written, problems = time_ingest(source, folder / "rawi.db")
        size_mb = (folder / "rawi.db").stat().st_size / 1e6
    print(f"{'run':<22} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'ratio':>6}")
    print(f"{'baseline raw insert':<22} {args.n:>9} {base_s:>8.2f} {args.n / base_s:>11.0f} {1.0:>6.1f}")
    print(
        f"{'rawi ingest (' + args.format + ')':<22} {written:>9} {ingest_s:>8.2f} {written / ingest_s:>11.0f} "
        f"{ingest_s / base_s:>6.1f}"
    )
    print(
        f"mean article {chars / args.n:,.0f} chars; {chars / ingest_s / 1e6:.2f} M chars/s; db {size_mb:.0f} MB; "
        f"problems {problems}; peak RSS {peak_rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
