"""End-to-end quality on the shipped example corpus: verdicts and stances against examples/gold.json.

    python benchmarks/bench_examples.py

Prints, per claim, the expected and the produced verdict, the independent origins, and how many of
the gold-related articles were retrieved and given the gold stance; then the totals.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from rawi.core import Rawi

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    gold = json.loads((ROOT / "examples" / "gold.json").read_text(encoding="utf-8"))
    claims = [c for c in gold if c.startswith("c")]
    rows, right_verdicts, right_stances, related_total, retrieved_total = [], 0, 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp, Rawi(Path(tmp) / "ex.db") as wb:
        wb.ingest([ROOT / "examples" / "corpus"])
        for cid in claims:
            g = gold[cid]
            t = time.perf_counter()
            result = wb.check(g["claim"])
            ms = 1000 * (time.perf_counter() - t)
            stance_of = {e["article_id"]: e["stance"] for e in result["evidence"]}
            found = [a for a in g["related"] if stance_of.get(a, "unrelated") != "unrelated"]
            right = [a for a in g["related"] if stance_of.get(a) == g["related"][a]]
            v = result["verdict"]
            right_verdicts += v["label"] == g["expected_verdict"]
            right_stances += len(right)
            related_total += len(g["related"])
            retrieved_total += len(found)
            rows.append(
                (
                    cid,
                    g["expected_verdict"],
                    v["label"],
                    v["confidence"],
                    v["independent_origins"],
                    len(g["related"]),
                    len(found),
                    len(right),
                    ms,
                )
            )
    print(
        f"{'claim':<6}{'expected':<12}{'rawi':<12}{'conf':>6}{'origins':>8}{'gold rel':>9}"
        f"{'found rel':>10}{'stance ok':>10}{'ms':>8}"
    )
    for r in rows:
        print(f"{r[0]:<6}{r[1]:<12}{r[2]:<12}{r[3]:>6.2f}{r[4]:>8}{r[5]:>9}{r[6]:>10}{r[7]:>10}{r[8]:>8.0f}")
    print(
        f"verdicts right {right_verdicts}/{len(claims)}; "
        f"related articles found {retrieved_total}/{related_total}; "
        f"gold stance given {right_stances}/{related_total}"
    )


if __name__ == "__main__":
    main()
