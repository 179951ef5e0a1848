"""`rawi check` latency, warm, on corpora of 10,000 and 100,000 articles built from the Baly articles.

Baseline measured in the same run: retrieval alone (FTS BM25 + sentence scoring), so the table shows
what stance, provenance and verdict add as a ratio, which survives this shared machine's noise.

    python benchmarks/bench_check.py --sizes 10000 100000 --queries 60
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from _corpus import baly_claims, peak_rss_mb, repeated_records

from rawi.core import Rawi
from rawi.retrieve import Retriever
from rawi.settings import Settings


def build(db: Path, n: int) -> float:
    src = db.parent / f"corpus-{n}.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for rec in repeated_records(n):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t = time.perf_counter()
    with Rawi(db, Settings(max_file_bytes=2**40)) as wb:  # one big JSONL on purpose
        report = wb.ingest([src])
    assert not report.problems, report.problems[:3]
    return time.perf_counter() - t


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--db", type=Path, help="measure an existing corpus instead of building one")
    args = ap.parse_args()
    claims = baly_claims()[: args.queries]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [0] if args.db else args.sizes:
            db = args.db or Path(tmp) / f"bench-{n}.db"
            ingest_s = float("nan") if args.db else build(db, n)
            with Rawi(db, readonly=True) as wb:
                n = wb.corpus.count()
                wb.check(claims[0])  # warm: model, registry, page cache
                retriever = Retriever(wb.corpus, top_k=wb.settings.top_k)
                base, full = [], []
                for claim in claims:
                    t = time.perf_counter()
                    retriever.retrieve(claim)
                    base.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    wb.check(claim)
                    full.append(time.perf_counter() - t)
            rows.append(
                (n, ingest_s, statistics.median(base), statistics.median(full), percentile(full, 0.95))
            )
    print(
        f"{'articles':>9} {'ingest s':>9} {'art/s':>7} {'retrieve p50 ms':>16} {'check p50 ms':>13} "
        f"{'check p95 ms':>13} {'check/retrieve':>15}"
    )
    for n, ingest_s, b50, c50, c95 in rows:
        print(
            f"{n:>9} {ingest_s:>9.1f} {n / ingest_s:>7.0f} {1000 * b50:>16.1f} {1000 * c50:>13.1f} "
            f"{1000 * c95:>13.1f} {c50 / b50:>15.2f}"
        )
    print(f"peak RSS {peak_rss_mb():.0f} MB; {len(claims)} Baly claims per size; top_k 20")


if __name__ == "__main__":
    main()
