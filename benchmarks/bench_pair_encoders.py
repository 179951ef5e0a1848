"""The sentence-pair model on ANS, one row per encoder: what each encoder gives the pair stage.

Usage::

    python benchmarks/bench_pair_encoders.py [--data ../shared/datasets] [--cache FILE] [--encoders use,e5]
        [--C 1,3,10]   (default: each encoder's PAIR_SETTINGS)

For each encoder that is installed, the pair model (rawi.stance.semantic.PairModel, features
``[u, v, u*v, |u-v|, cos, cues]``) is trained on ANS train alone and scored on ANS dev and test: per-label F1
and macro-F1, with the time spent encoding (the cache keeps vectors for the next run). ANS train alone,
without Baly's rationale lines, is the issue's protocol for the ANS target (macro-F1 >= 0.75).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from rawi.embed import load_encoder
from rawi.embed.cache import EmbeddingCache
from rawi.eval.ans import load_ans
from rawi.stance.semantic import PAIR_SETTINGS
from rawi.stance.semantic_training import evaluate_pair_model, fit_pair_model, pair_training_triples

ROOT = Path(__file__).resolve().parent.parent


def default_data() -> Path:
    return Path(os.environ.get("RAWI_DATA") or ROOT.parent / "shared" / "datasets")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "rawi" / "vectors.sqlite")
    parser.add_argument("--encoders", default="use,e5")
    parser.add_argument(
        "--C", default="", help="comma-separated regularization strengths to try (default: the encoder's own)"
    )
    args = parser.parse_args()
    ans = load_ans(args.data / "ANS")
    print("| encoder | C | split | agree | disagree | other | macro-F1 | encode s | pairs |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key in args.encoders.split(","):
        encoder = load_encoder(key, fallback=False)
        if encoder is None:
            print(f"| {key} | — | not installed here | | | | | | |")
            continue
        cache = EmbeddingCache(encoder, args.cache)
        start = time.perf_counter()
        cache.encode(
            list(dict.fromkeys(x for split in ans.values() for p in split for x in (p.claim, p.sentence)))
        )
        encode_s = time.perf_counter() - start
        for c in [float(x) for x in args.C.split(",") if x] or [None]:
            model = fit_pair_model(pair_training_triples(ans["train"], []), cache, C=c)
            shown = f"{c:g}" if c is not None else f"{PAIR_SETTINGS[key]['C']:g} (its own)"
            for split in ("dev", "test"):
                if split not in ans:
                    continue
                f1 = evaluate_pair_model(model, ans[split], cache)
                print(
                    f"| {key} | {shown} | {split} | {f1['agree']:.3f} | {f1['disagree']:.3f} | "
                    f"{f1['other']:.3f} | **{f1['macro']:.3f}** | {encode_s:.0f} | {len(ans[split])} |"
                )


if __name__ == "__main__":
    main()
