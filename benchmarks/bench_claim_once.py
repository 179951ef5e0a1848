"""The claim analysed once per check: how often a check analyses its claim, and the warm check time,
for this tree and an earlier revision, measured in one run (interleaved rounds, medians).

Each tree checks the example corpus's claims (examples/claims.tsv) on a fresh copy of
examples/corpus, in its own process (``PYTHONPATH=<tree>/src``): one pass to warm up, then
``--passes`` timed passes. A profiler hook over one more check counts the calls of the text
analysers (normalize, tokenize, language detection, polarity, stance analysis, embedding) whose
argument is the claim.

    python benchmarks/bench_claim_once.py --before <git revision> [--rounds 3] [--passes 3] [--encoder use]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs inside each tree: prints one JSON line {"ms": [per-check ms], "calls": {function: n}}.
INNER = r"""
import json, sys, tempfile, time
from collections import Counter
from pathlib import Path
from rawi.core import Rawi
from rawi.settings import Settings

root, passes, encoder = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rows = [line.split("\t") for line in (root / "examples" / "claims.tsv").read_text("utf-8").splitlines()[1:]]
claims = [row[2] for row in rows if len(row) > 2]
ANALYSERS = {"fold", "normalize", "tokenize", "tokenize_normalized", "analyze", "detect_language",
             "folded_chunks", "analyze_units", "analyze_unit", "analyze_claim", "claim_frame",
             "query_terms", "vectors", "encode", "words_of"}
with tempfile.TemporaryDirectory() as tmp:
    with Rawi(Path(tmp) / "e.db", Settings(encoder=encoder)) as wb:
        assert wb.ingest([root / "examples" / "corpus"]).ok
        for claim in claims:
            wb.check(claim)
        ms = []
        for _ in range(passes):
            for claim in claims:
                t = time.perf_counter()
                wb.check(claim)
                ms.append(1000 * (time.perf_counter() - t))
        claim = claims[0]
        calls = Counter()
        def hook(frame, event, arg):
            code = frame.f_code
            if event != "call" or code.co_name not in ANALYSERS or "rawi" not in code.co_filename:
                return
            args = [frame.f_locals.get(n) for n in code.co_varnames[: code.co_argcount]]
            if any(a == claim or (isinstance(a, (list, tuple)) and claim in a) for a in args):
                calls[code.co_name] += 1
        sys.setprofile(hook)
        wb.check(claim)
        sys.setprofile(None)
print(json.dumps({"ms": ms, "calls": dict(calls)}))
"""


def export(revision: str, folder: Path) -> Path:
    """The ``src`` folder of ``revision`` (git archive), unpacked under ``folder``."""
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def run(src: Path, passes: int, encoder: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", INNER, str(ROOT), str(passes), encoder],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="git revision to compare with (e.g. main)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--encoder", default="use", choices=("use", "e5", "none"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {f"before ({args.before})": export(args.before, Path(tmp)), "this tree": ROOT / "src"}
        ms: dict[str, list[float]] = {name: [] for name in trees}
        calls: dict[str, dict[str, int]] = {}
        for _ in range(args.rounds):
            for name, src in trees.items():
                result = run(src, args.passes, args.encoder)
                ms[name] += result["ms"]
                calls[name] = result["calls"]
    print(f"warm checks, example corpus, encoder {args.encoder}, {args.rounds} rounds interleaved\n")
    print("| tree | checks | p50 ms | mean ms | ratio of p50 |")
    print("|---|---|---|---|---|")
    base = statistics.median(next(iter(ms.values())))
    for name, values in ms.items():
        p50 = statistics.median(values)
        print(f"| {name} | {len(values)} | {p50:.1f} | {statistics.mean(values):.1f} | {p50 / base:.2f} |")
    names = sorted({f for c in calls.values() for f in c})
    print("\ncalls on the claim text during one warm check\n")
    print("| function | " + " | ".join(calls) + " |")
    print("|---|" + "---|" * len(calls))
    for f in names:
        print(f"| {f} | " + " | ".join(str(c.get(f, 0)) for c in calls.values()) + " |")


if __name__ == "__main__":
    main()
