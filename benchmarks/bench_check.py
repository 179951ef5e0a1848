"""`rawi check` latency, warm, on corpora of 10,000 and 100,000 articles built from the Baly articles.

Baselines measured in the same run: retrieval alone (FTS BM25 + sentence scoring), and the whole
check lexical-only (``--encoder none``) next to the check with the semantic layer, on the same
store, so the table shows what each layer adds as a ratio, which survives this shared machine's noise.
The ingest rate includes the article vectors when the encoder is on; its baseline is
``--ingest-baseline N``: the first N articles of the corpus ingested into fresh stores with
``--encoder none`` and with the encoder, alternating, twice each, in the same run.

    python benchmarks/bench_check.py --sizes 10000 100000 --queries 60 [--encoder use|e5|none]
        [--ingest-baseline 2000] [--keep DIR] [--cold-memo]
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
from rawi.provenance.analysis import forget_sentence_attributions
from rawi.retrieve import Retriever
from rawi.settings import Settings


def forget_attributions(cold: bool) -> None:
    """With ``--cold-memo``, each check starts without the sentence attributions remembered from
    the checks before it (within one check, copies of an article still share them)."""
    if cold:
        forget_sentence_attributions()


def write_corpus(src: Path, n: int) -> None:
    with src.open("w", encoding="utf-8") as f:
        for rec in repeated_records(n):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def ingest_seconds(db: Path, src: Path, encoder: str) -> float:
    t = time.perf_counter()
    with Rawi(db, Settings(max_file_bytes=2**40, encoder=encoder)) as wb:  # one big JSONL on purpose
        report = wb.ingest([src])
    assert not report.problems, report.problems[:3]
    return time.perf_counter() - t


def build(db: Path, n: int, encoder: str) -> float:
    src = db.parent / f"corpus-{n}.jsonl"
    write_corpus(src, n)
    return ingest_seconds(db, src, encoder)


def ingest_baseline(work: Path, n: int, encoder: str) -> dict[str, list[float]]:
    """Articles/s ingesting the same ``n`` articles into a fresh store, lexical-only and with the
    encoder, alternating, so the load of this shared machine hits both alike."""
    src = work / f"baseline-{n}.jsonl"
    write_corpus(src, n)
    rates: dict[str, list[float]] = {"none": [], encoder: []}
    for run in range(2):
        for enc in rates:
            db = work / f"baseline-{enc}-{run}.db"
            rates[enc].append(n / ingest_seconds(db, src, enc))
            for f in work.glob(f"{db.name}*"):  # the store and its WAL files
                f.unlink()
    src.unlink()
    return rates


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--db", type=Path, help="measure an existing corpus instead of building one")
    ap.add_argument("--encoder", default="use", help="semantic layer: use, e5 or none")
    ap.add_argument(
        "--ingest-baseline",
        type=int,
        default=0,
        metavar="N",
        help="also time ingesting N articles lexical-only vs with the encoder, alternating",
    )
    ap.add_argument(
        "--cold-memo",
        action="store_true",
        help="forget remembered sentence attributions before each check (what a first check costs)",
    )
    ap.add_argument("--keep", type=Path, metavar="DIR", help="build the corpora in DIR and keep them")
    args = ap.parse_args()
    claims = baly_claims()[: args.queries]
    rows = []
    rates: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.ingest_baseline and args.encoder != "none":
            rates = ingest_baseline(work, args.ingest_baseline, args.encoder)
            print(
                " ".join(f"{enc} {' '.join(f'{r:.1f}' for r in rs)} art/s;" for enc, rs in rates.items()),
                flush=True,
            )
        for n in [0] if args.db else args.sizes:
            db = args.db or work / f"bench-{n}.db"
            ingest_s = float("nan") if args.db else build(db, n, args.encoder)
            with (
                Rawi(db, Settings(encoder="none"), readonly=True) as lexical,
                Rawi(db, Settings(encoder=args.encoder), readonly=True) as semantic,
            ):
                n = lexical.corpus.count()
                lexical.check(claims[0])  # warm: models, registry, page cache, the vector matrix
                semantic.check(claims[0])
                retriever = Retriever(lexical.corpus, top_k=lexical.settings.top_k)
                base, plain, full = [], [], []
                for claim in claims:  # interleaved, so load changes hit all three alike
                    t = time.perf_counter()
                    retriever.retrieve(claim)
                    base.append(time.perf_counter() - t)
                    forget_attributions(args.cold_memo)
                    t = time.perf_counter()
                    lexical.check(claim)
                    plain.append(time.perf_counter() - t)
                    forget_attributions(args.cold_memo)
                    t = time.perf_counter()
                    semantic.check(claim)
                    full.append(time.perf_counter() - t)
            rows.append((n, ingest_s, *map(statistics.median, (base, plain, full)), percentile(full, 0.95)))
    print(
        f"{'articles':>9} {'ingest s':>9} {'art/s':>7} {'retrieve p50':>13} {'lexical p50':>12} "
        f"{'semantic p50':>13} {'semantic p95':>13} {'semantic/lexical':>17}"
    )
    for n, ingest_s, b50, l50, s50, s95 in rows:
        print(
            f"{n:>9} {ingest_s:>9.1f} {n / ingest_s:>7.0f} {1000 * b50:>10.1f} ms {1000 * l50:>9.1f} ms "
            f"{1000 * s50:>10.1f} ms {1000 * s95:>10.1f} ms {s50 / l50:>17.2f}"
        )
    if rates:
        print(
            f"ingest of {args.ingest_baseline} articles, alternating, articles/s: "
            + "; ".join(f"{enc} " + ", ".join(f"{r:.1f}" for r in rs) for enc, rs in rates.items())
            + f" ({statistics.mean(rates['none']) / statistics.mean(rates[args.encoder]):.1f}x slower"
            " with the encoder)"
        )
    print(f"peak RSS {peak_rss_mb():.0f} MB; {len(claims)} Baly claims per size; top_k 20; {args.encoder}")


if __name__ == "__main__":
    main()
