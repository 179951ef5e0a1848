"""``rawi eval verdict``: the verdict ``rawi check`` prints, scored end to end on Baly 2018.

Every distinct Baly article is ingested into one store (as a text file, through the real ingest),
every claim is checked against the whole store with stance models that never saw the claim's fold,
and the printed verdict is scored against the claim's gold factuality (true -> supported, false ->
refuted) with :func:`rawi.eval.endtoend.score_checks`. ``fit=True`` also fits the verdict's
confidence on those out-of-fold verdicts (itself cross-validated by fold, for the ECE reported).
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from rawi.embed.cache import EmbeddingCache
from rawi.eval.baly2018 import BalyCorpus, load_baly2018
from rawi.eval.endtoend import ClaimCase, score_checks

Progress = Callable[[str], None]


def article_files(corpus: BalyCorpus, folder: Path) -> dict[tuple[str, int], str]:
    """Write each distinct article once as ``<hash>.txt``; returns (claim id, index) -> article id."""
    ids: dict[tuple[str, int], str] = {}
    for p in corpus.pairs:
        text = "\n".join(p.lines).strip() or "(empty)"
        name = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest() + ".txt"
        path = folder / name
        if not path.exists():
            path.write_text(text + "\n", encoding="utf-8")
        ids[(p.claim_id, p.article_index)] = name
    return ids


def claim_cases(corpus: BalyCorpus, ids: dict[tuple[str, int], str]) -> list[ClaimCase]:
    cases = []
    for claim_id in corpus.claim_ids:
        pairs = [p for p in corpus.pairs if p.claim_id == claim_id]
        stances = {ids[(p.claim_id, p.article_index)]: p.stance for p in pairs if p.stance != "unrelated"}
        cases.append(
            ClaimCase(
                claim_id=claim_id,
                text=pairs[0].claim,
                language="ar",
                verdict="supported" if pairs[0].fact else "refuted",
                stances=stances,
                scope=list(dict.fromkeys(ids[(p.claim_id, p.article_index)] for p in pairs)),
            )
        )
    return cases


def evaluate_verdict(
    data_dir: str | Path,
    *,
    cache_path: str | Path | None = None,
    encoder: str = "use",
    fit: bool = False,
    limit_claims: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Baly 2018 end to end: retrieval, stance, provenance and the printed verdict, per fold.

    ``limit_claims`` keeps N claims spread over the folds (and 20 ANS pairs per claim for the pair
    model): a quick run for tests, not a figure to report."""
    from rawi.core import Rawi
    from rawi.embed import load_encoder
    from rawi.eval.ans import load_ans
    from rawi.settings import Settings
    from rawi.stance.semantic_training import train_semantic_stage
    from rawi.verdict.calibration import DEFAULT, Calibration, fit_side

    start = time.perf_counter()
    folder = Path(data_dir)
    corpus = load_baly2018(folder)
    ans = load_ans(folder.parent / "ANS")
    if limit_claims is not None:
        from rawi.eval.runner import _limit_claims

        keep = _limit_claims(corpus.folds, set(corpus.claim_ids), limit_claims)
        corpus = BalyCorpus(
            [p for p in corpus.pairs if p.claim_id in keep],
            {f: [c for c in ids if c in keep] for f, ids in corpus.folds.items()},
        )
        ans = {k: v[: 20 * limit_claims] for k, v in ans.items()}
    enc = load_encoder(encoder, fallback=False) if encoder != "none" else None
    stage_by_fold: dict[str, Any] = {}
    lexical_by_fold: dict[str, Any] = {}
    if enc is not None:
        cache = EmbeddingCache(enc, cache_path)
        _, _, _, folds = train_semantic_stage(corpus, ans, cache, progress=progress, keep_folds=True)
        stage_by_fold, lexical_by_fold = folds["stages"], folds["lexical"]
    else:
        from rawi.stance.training import cross_validate

        keep: dict[str, Any] = {}
        cross_validate(corpus, None, progress, keep_models=keep)
        lexical_by_fold = keep
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "baly"
        articles.mkdir()
        ids = article_files(corpus, articles)
        cases = claim_cases(corpus, ids)
        fold_of = {c: corpus.fold_of(c) for c in corpus.claim_ids}
        settings = Settings(encoder=encoder)
        db = Path(tmp) / "baly.db"
        with Rawi(db, settings) as wb:
            report = wb.ingest([articles])
            if progress:
                progress(f"ingested {len(report.added)} articles ({len(report.problems)} problem(s))")
        results: list[dict[str, Any]] = [{}] * len(cases)
        for fold in sorted(corpus.folds):
            with Rawi(
                db,
                settings,
                readonly=True,
                stance_model=lexical_by_fold[fold],
                semantic_stage=stage_by_fold.get(fold),
                calibration=DEFAULT,
            ) as wb:
                if wb.semantic is not None and enc is not None:
                    wb.semantic.cache = cache
                for k, case in enumerate(cases):
                    if fold_of[case.claim_id] == fold:
                        results[k] = wb.check(case.text)
            if progress:
                progress(f"{fold}: claims checked ({time.perf_counter() - start:.0f} s)")
    scored = score_checks(cases, results)
    scored["seconds"] = round(time.perf_counter() - start, 1)
    scored["encoder"] = enc.name if enc else None
    if fit:
        scored["calibration"] = _fit_calibration(cases, results, fold_of, fit_side, Calibration)
    return scored


def _fit_calibration(cases, results, fold_of, fit_side, calibration_cls) -> dict[str, Any]:
    """Fit the side confidences on out-of-fold verdicts; ECE of the fit, cross-validated by fold."""
    from rawi.verdict.decide import OriginWeight

    def rows_of(indices):
        rows = []
        for k in indices:
            v = results[k]["verdict"]
            if v["label"] in ("supported", "refuted"):
                origins = [
                    OriginWeight(
                        o["key"],
                        o["articles"],
                        o["stance"],
                        o["strength"],
                        refutes=o.get("refutes", False),
                        anonymous=o.get("anonymous", False),
                    )
                    for o in results[k]["provenance"]["origins"]
                ]
                rows.append((v["label"], origins, v["label"] == cases[k].verdict))
        return rows

    folds = sorted(set(fold_of.values()))
    predicted, truth = [], []
    for fold in folds:
        train = [k for k, c in enumerate(cases) if fold_of[c.claim_id] != fold]
        test = [k for k, c in enumerate(cases) if fold_of[c.claim_id] == fold]
        cal = calibration_cls(coef=fit_side(rows_of(train)))
        for label, origins, right in rows_of(test):
            predicted.append(cal.confidence(label, origins) if label in cal.coef else 0.5)
            truth.append(right)
    final = fit_side(rows_of(range(len(cases))))
    p, y = np.array(predicted), np.array(truth, dtype=float)
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(
        abs(p[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum()
        for b in range(10)
        if (bins == b).any()
    )
    return {
        "coef": final,
        "ece_cv": round(float(ece / max(len(p), 1)), 4),
        "verdicts_scored": len(p),
        "confidently_wrong_cv": int(((p >= 0.6) & (y == 0)).sum()),
    }
