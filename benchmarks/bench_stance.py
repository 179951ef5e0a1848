"""Stance benchmark: Baly 2018 5-fold CV (the paper's claim-level folds) and prediction speed.

Usage::

    python benchmarks/bench_stance.py [--data ../shared/datasets] [--skip-cv] [--skip-speed]

Prints a table per part: per-class F1 and macro-F1 of rawi's StanceClassifier next to a TF-IDF +
logistic-regression baseline, rationale precision@1 / recall@3 on agree and disagree pairs, the
wall time of the whole 5-fold train+evaluate, and the time to score one claim against 50 articles.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from rawi.eval.baly2018 import BalyCorpus, load_baly2018, to_stance_pair
from rawi.eval.baselines import TfidfLogRegClassifier
from rawi.records import STANCE_LABELS
from rawi.stance import StanceClassifier
from rawi.stance.analysis import AnalysisCache

ROOT = Path(__file__).resolve().parent.parent


def default_data() -> Path:
    return Path(os.environ.get("RAWI_DATA") or ROOT.parent / "shared" / "datasets")


def f1_row(gold: list[str], pred: list[str]) -> dict[str, float]:
    scores = f1_score(gold, pred, labels=list(STANCE_LABELS), average=None, zero_division=0)
    row = dict(zip(STANCE_LABELS, (float(s) for s in scores), strict=True))
    row["macro"] = float(np.mean(scores))
    return row


def cross_validate(corpus: BalyCorpus, with_baseline: bool = True) -> dict[str, object]:
    """Train on four folds, predict the fifth, for each fold; returns predictions and timings."""
    cache = AnalysisCache()
    pairs = [to_stance_pair(p) for p in corpus.pairs]
    gold = [p.stance for p in corpus.pairs]
    folds = np.array([corpus.fold_of(p.claim_id) for p in corpus.pairs])
    pred = [""] * len(pairs)
    base_pred = [""] * len(pairs)
    rationale: list[list[int]] = [[] for _ in pairs]
    start = time.perf_counter()
    for fold in sorted(corpus.folds):
        train = np.flatnonzero(folds != fold)
        test = np.flatnonzero(folds == fold)
        model = StanceClassifier(cache=cache).fit([pairs[i] for i in train], [gold[i] for i in train])
        for i, result in zip(test, model.predict_results([pairs[i] for i in test]), strict=True):
            pred[i] = result.label
            rationale[i] = [r.sentence_index for r in result.rationale]
        print(f"  {fold} done ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    seconds = time.perf_counter() - start
    if with_baseline:
        for fold in sorted(corpus.folds):
            train = np.flatnonzero(folds != fold)
            test = np.flatnonzero(folds == fold)
            baseline = TfidfLogRegClassifier().fit([pairs[i] for i in train], [gold[i] for i in train])
            for i, label in zip(test, baseline.predict([pairs[i] for i in test]), strict=True):
                base_pred[i] = label
    return {"gold": gold, "pred": pred, "baseline": base_pred, "rationale": rationale, "seconds": seconds}


def rationale_scores(corpus: BalyCorpus, ranked: list[list[int]], pred: list[str]) -> dict[str, float]:
    """Precision@1 and recall@3 against the gold rationale lines, on gold agree/disagree pairs.

    Uses the rationale of the predicted label; when the model said unrelated (empty rationale) the
    pair counts as a miss.
    """
    hits1 = recall3 = n = 0.0
    for pair, lines in zip(corpus.pairs, ranked, strict=True):
        if pair.stance not in ("agree", "disagree") or not pair.rationale:
            continue
        n += 1
        gold = set(pair.rationale)
        hits1 += float(bool(lines) and lines[0] in gold)
        recall3 += len(gold & set(lines[:3])) / len(gold)
    return {"precision@1": hits1 / max(n, 1), "recall@3": recall3 / max(n, 1), "pairs": n}


def speed(corpus: BalyCorpus, n_articles: int = 50, repeats: int = 5) -> list[tuple[str, float]]:
    """Milliseconds to score one claim against ``n_articles`` unseen articles (fresh caches)."""
    pairs = [to_stance_pair(p) for p in corpus.pairs]
    gold = [p.stance for p in corpus.pairs]
    model = StanceClassifier().fit(pairs[:-n_articles], gold[:-n_articles])
    baseline = TfidfLogRegClassifier().fit(pairs[:-n_articles], gold[:-n_articles])
    claim = pairs[-1].claim
    batch = [type(p)(claim, p.sentences) for p in pairs[-n_articles:]]
    timings = []
    for name, run, cold in (
        ("rawi predict_results, cold (articles new)", lambda: model.predict_results(batch), True),
        ("rawi predict_results, warm (articles seen)", lambda: model.predict_results(batch), False),
        ("TF-IDF + LR baseline .predict", lambda: baseline.predict(batch), True),
    ):
        best = float("inf")
        for _ in range(repeats):
            if cold:
                model._cache = AnalysisCache()  # the articles are analyzed inside the timing
            t = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - t)
        timings.append((name, best * 1000))
    return timings


def fnc1(data_dir: Path) -> dict[str, float]:
    """FNC-1: train on 80 % of the body ids, score the official weighted metric on the rest."""
    from rawi.eval.fnc1 import load_fnc1, split_by_body
    from rawi.eval.metrics import fnc_score

    data = load_fnc1(data_dir)
    train, holdout = split_by_body(data, holdout_fraction=0.2)
    start = time.perf_counter()
    model = StanceClassifier().fit([data.to_stance_pair(p) for p in train], [p.stance for p in train])
    pred = model.predict([data.to_stance_pair(p) for p in holdout])
    gold = [p.stance for p in holdout]
    out = {"fnc_score": fnc_score(gold, pred), "seconds": time.perf_counter() - start}
    out.update(f1_row(gold, pred))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--skip-cv", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--fnc", action="store_true", help="also FNC-1 (English, 20 %% of bodies held out)")
    args = parser.parse_args(argv)
    corpus = load_baly2018(args.data / "Baly2018_ArabicFC_Stance")
    if not args.skip_cv:
        out = cross_validate(corpus, with_baseline=not args.no_baseline)
        print(f"\nBaly 2018, 5-fold CV (paper folds), {len(out['gold'])} pairs")
        print(f"{'system':<26}" + "".join(f"{c:>10}" for c in (*STANCE_LABELS, "macro")))
        systems = [("rawi StanceClassifier", out["pred"])]
        if not args.no_baseline:
            systems.append(("TF-IDF + LR baseline", out["baseline"]))
        for name, pred in systems:
            row = f1_row(out["gold"], pred)
            print(f"{name:<26}" + "".join(f"{row[c]:>10.3f}" for c in (*STANCE_LABELS, "macro")))
        rat = rationale_scores(corpus, out["rationale"], out["pred"])
        print(
            f"\nrationale on {int(rat['pairs'])} gold agree/disagree pairs: "
            f"precision@1 {rat['precision@1']:.3f}  recall@3 {rat['recall@3']:.3f}"
        )
        print(f"5-fold train + evaluate (rawi model, analysis included): {out['seconds']:.1f} s")
    if args.fnc:
        res = fnc1(args.data / "FNC-1")
        print(
            f"\nFNC-1 (20 % of body ids held out): weighted score {res['fnc_score']:.2f} %, "
            + "  ".join(f"{c} {res[c]:.3f}" for c in (*STANCE_LABELS, "macro"))
            + f"  ({res['seconds']:.0f} s train+predict)"
        )
    if not args.skip_speed:
        print("\none claim against 50 Baly articles (best of 5)")
        for name, ms in speed(corpus):
            print(f"  {name:<42} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
