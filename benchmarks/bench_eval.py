"""Run the stance benchmarks and print Markdown tables for BENCHMARKS.md.

Usage (from the repository root):

    python benchmarks/bench_eval.py               # each dataset found under RAWI_DATA or ../shared/datasets
    python benchmarks/bench_eval.py baly2018 --json out.json

Each run trains and scores rawi's stance model and the two baselines in one process, so the rows of
a table are comparable; ``seconds`` is training plus prediction on this machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

from rawi.cli.eval import resolve_data_dir
from rawi.eval.runner import evaluate_ans, evaluate_baly2018, evaluate_fnc1

RUNNERS = {"baly2018": evaluate_baly2018, "ans": evaluate_ans, "fnc1": evaluate_fnc1}


def markdown(result: dict[str, Any]) -> str:
    """Systems as rows: accuracy, macro-F1, per-label F1, FNC score where relevant, seconds."""
    labels = result["confusion"]["labels"]
    fnc = "fnc_score" in result
    head = ["system", "accuracy", "macro-F1", *(f"F1 {label}" for label in labels)]
    head += ["FNC score %"] if fnc else []
    lines = ["| " + " | ".join([*head, "seconds", "CPU s"]) + " |", "|" + "---|" * (len(head) + 2)]
    for name, block in [*result["baselines"].items(), (result["system"], result)]:
        cells = [name, f"{block['accuracy']:.3f}", f"{block['macro_f1']:.3f}"]
        cells += [f"{block['per_class_f1'][label]:.3f}" for label in labels]
        cells += [f"{block['fnc_score']:.2f}"] if fnc else []
        times = [f"{block['seconds']:.1f}", f"{block['cpu_seconds']:.1f}"]
        lines.append("| " + " | ".join([*cells, *times]) + " |")
    if "rationale" in result:
        rationale = result["rationale"]
        lines += ["", f"Rationale ({rationale['pairs']} pairs):", ""]
        lines += ["| system | P@1 | R@3 |", "|---|---|---|"]
        for name, block in [*rationale["baselines"].items(), (rationale["system"], rationale)]:
            lines.append(f"| {name} | {block['precision_at_1']:.3f} | {block['recall_at_3']:.3f} |")
    if "factuality" in result:
        fact = result["factuality"]
        lines += ["", f"Factuality ({fact['claims']} claims):", ""]
        lines += ["| from | accuracy | macro-F1 |", "|---|---|---|"]
        rows = [("majority class", fact["majority"]), *fact["from_baselines"].items()]
        rows += [(result["system"], fact), ("gold stances (oracle)", fact["from_gold_stance"])]
        for name, block in rows:
            lines.append(f"| {name} | {block['accuracy']:.3f} | {block['macro_f1']:.3f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("datasets", nargs="*", help=f"any of {', '.join(RUNNERS)} (default: all)")
    parser.add_argument("--json", type=Path, help="also write all results to this JSON file")
    args = parser.parse_args()
    unknown = [d for d in args.datasets if d not in RUNNERS]
    if unknown:
        parser.error(f"unknown dataset {unknown[0]!r}; expected one of {', '.join(RUNNERS)}")
    results = {}
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    for dataset in args.datasets or list(RUNNERS):
        path = resolve_data_dir(dataset, None)
        if not path.is_dir():
            print(f"skipping {dataset}: no data at {path}", file=sys.stderr)
            continue
        started = time.perf_counter()
        results[dataset] = RUNNERS[dataset](path)
        wall = time.perf_counter() - started
        print(f"\n### {dataset}: {results[dataset].get('protocol', '')}\n")
        print(markdown(results[dataset]))
        cpu = results[dataset]["total_cpu_seconds"]
        print(f"\nwall time {wall:.1f} s, CPU {cpu:.1f} s ({machine})")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
