"""Benchmark runners: one function per dataset, each returning a plain dict.

Every run trains and scores rawi's stance model and, in the same process and on the same folds or
split, the two baselines (majority class, character n-gram TF-IDF + logistic regression), so the
figures sit side by side and nothing is compared across machines or data versions. Times are
seconds of training plus prediction per system.
"""

from __future__ import annotations

import inspect
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rawi.errors import DatasetError, ModelError
from rawi.eval import ans, fnc1
from rawi.eval.baly2018 import BalyPair, load_baly2018, to_stance_pair
from rawi.eval.baselines import MajorityClassifier, TfidfLogRegClassifier, rank_by_claim_overlap
from rawi.eval.crossval import ModelFactory, SystemOutput, cross_validate, run_split
from rawi.eval.factuality import ArticleSource, cross_validate_factuality, gold_scores
from rawi.eval.metrics import (
    calibration_report,
    classification_report,
    fnc_score,
    rationale_precision_at_1,
    rationale_recall_at_k,
)
from rawi.eval.relabel import ANS_TO_MODEL, MODEL_TO_ANS, RelabelledModel
from rawi.records import STANCE_LABELS
from rawi.stance.base import StanceModel, StancePair

Progress = Callable[[str], None]
RATIONALE_STANCES = frozenset({"agree", "disagree"})
DEFAULT_SYSTEM = "rawi"


def default_model_factory() -> ModelFactory:
    """rawi's own stance model, each instance sharing one text-analysis cache across folds."""
    try:
        from rawi.stance.model import StanceClassifier
    except ImportError as exc:
        raise ModelError(f"rawi's stance model is not available ({exc}); pass model_factory=") from exc
    shared: dict[str, Any] = {}
    if "cache" in inspect.signature(StanceClassifier).parameters:
        from rawi.stance.analysis import AnalysisCache

        shared["cache"] = AnalysisCache()
    return lambda: StanceClassifier(**shared)


def baseline_factories() -> dict[str, ModelFactory]:
    """The two reference systems; the TF-IDF one shares its n-gram cache across folds."""
    ngram_cache: dict[tuple[object, ...], Any] = {}
    return {
        "majority": MajorityClassifier,
        "tfidf-lr": lambda: TfidfLogRegClassifier(cache=ngram_cache),
    }


def _say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)


def _system_block(output: SystemOutput, gold: Sequence[str], labels: Sequence[str], fnc: bool) -> dict:
    block: dict[str, Any] = classification_report(gold, output.labels, labels)
    block["calibration"] = calibration_report(gold, output.scores, labels)
    if fnc:
        block["fnc_score"] = fnc_score(gold, output.labels)
    block["seconds"] = round(output.seconds, 3)
    block["cpu_seconds"] = round(output.cpu_seconds, 3)
    return block


def _result(
    dataset: str,
    system: SystemOutput,
    baselines: Sequence[SystemOutput],
    gold: Sequence[str],
    labels: Sequence[str],
    *,
    fnc: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "dataset": dataset,
        "task": "stance",
        "system": system.name,
        **_system_block(system, gold, labels, fnc),
        "baselines": {b.name: _system_block(b, gold, labels, fnc) for b in baselines},
        **extra,
    }


def _run_all_split(
    model_factory: ModelFactory,
    system_name: str,
    train: Sequence[StancePair],
    train_labels: Sequence[str],
    test: Sequence[StancePair],
    progress: Progress | None,
) -> tuple[SystemOutput, list[SystemOutput]]:
    baselines = []
    for name, factory in baseline_factories().items():
        _say(progress, f"training and scoring {name}")
        baselines.append(run_split(name, factory, train, train_labels, test))
    _say(progress, f"training and scoring {system_name}")
    return run_split(system_name, model_factory, train, train_labels, test), baselines


def _sample(items: list, max_items: int | None, seed: int) -> list:
    """A seeded sample of at most ``max_items``, in the original order (all when None)."""
    if max_items is not None and max_items < 1:
        raise ValueError(f"max_pairs must be an int >= 1. Got {max_items!r} instead.")
    if max_items is None or len(items) <= max_items:
        return items
    keep = sorted(random.Random(seed).sample(range(len(items)), max_items))
    return [items[i] for i in keep]


# ----------------------------------------------------------------------------------------- Baly 2018


def article_sources(urls: Sequence[str]) -> list[ArticleSource | None]:
    """Each article's source from its URL: the registry entry for its domain (key, kind, ownership),
    else the bare domain; None without a URL."""
    from rawi.provenance import Registry

    registry = Registry.load()
    out: list[ArticleSource | None] = []
    for url in urls:
        entry = registry.from_url(url) if url else None
        if entry is not None:
            out.append((entry.key, entry.kind, entry.ownership))
            continue
        host = (urlsplit(url).hostname or "") if url else ""
        out.append((host.removeprefix("www."), None, None) if host else None)
    return out


def _limit_claims(folds: dict[str, list[str]], known: set[str], limit: int | None) -> dict[str, str]:
    """``{claim id: fold}`` for the claims evaluated: all, or ``limit`` of them spread evenly over the
    folds (each fold's first claims in the splits file), so every fold keeps a test set."""
    if limit is not None and limit < len(folds):
        raise ValueError(f"limit_claims must be at least the number of folds ({len(folds)}). Got {limit}.")
    chosen = {}
    for position, (fold, ids) in enumerate(folds.items()):
        present = [cid for cid in ids if cid in known]
        if limit is not None:
            present = present[: limit // len(folds) + (position < limit % len(folds))]
        chosen.update({cid: fold for cid in present})
    return chosen


def _rationale_block(
    pairs: Sequence[BalyPair],
    stance_pairs: Sequence[StancePair],
    positions: Sequence[int],
    system: SystemOutput,
) -> dict[str, Any]:
    gold = [list(pairs[i].rationale) for i in positions]

    def scores(ranked: Sequence[Sequence[int]]) -> dict[str, float]:
        return {
            "precision_at_1": rationale_precision_at_1(gold, ranked),
            "recall_at_3": rationale_recall_at_k(gold, ranked, k=3),
        }

    started = time.perf_counter()
    overlap = [rank_by_claim_overlap(stance_pairs[i]) for i in positions]
    overlap_seconds = time.perf_counter() - started
    return {
        "pairs": len(positions),
        "system": system.name,
        **scores([system.rankings.get(i, []) for i in positions]),
        "baselines": {
            "claim-overlap": {**scores(overlap), "seconds": round(overlap_seconds, 3)},
            "first-lines": scores([list(range(min(3, len(stance_pairs[i].sentences)))) for i in positions]),
        },
    }


def evaluate_baly2018(
    data_dir: str | Path,
    model_factory: ModelFactory | None = None,
    *,
    system_name: str = DEFAULT_SYSTEM,
    limit_claims: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Cross-validate stance, rationale and claim factuality on the paper's claim-level folds.

    Parameters
    ----------
    data_dir : the Baly2018_ArabicFC_Stance folder (``dataset/`` and ``train_test_splits.txt``).
    model_factory : ``() -> estimator``; default rawi's stance model.
    system_name : the name the result gives that model.
    limit_claims : evaluate only this many claims, spread evenly over the folds (quick runs, tests).
    progress : called with a short message before each system runs.

    Returns
    -------
    dict with dataset, task, system, accuracy, macro_f1, per_class_f1, per_class, confusion (summed
    over folds: computed on the concatenated out-of-fold predictions), seconds, baselines,
    rationale, factuality, n_pairs, n_claims, folds and total_seconds.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    corpus = load_baly2018(data_dir)
    factory = model_factory or default_model_factory()  # after the data: a missing folder is named first
    fold_of_claim = _limit_claims(corpus.folds, set(corpus.claim_ids), limit_claims)
    pairs = [p for p in corpus.pairs if p.claim_id in fold_of_claim]
    if len({fold_of_claim[p.claim_id] for p in pairs}) < 2:
        raise DatasetError(f"{data_dir}: cross-validation needs pairs in at least two folds")
    stance_pairs = [to_stance_pair(p) for p in pairs]
    gold = [p.stance for p in pairs]
    fold_of_pair = [fold_of_claim[p.claim_id] for p in pairs]
    rationale_positions = [i for i, p in enumerate(pairs) if p.stance in RATIONALE_STANCES and p.rationale]

    baselines = []
    for name, baseline in baseline_factories().items():
        _say(progress, f"cross-validating {name}")
        baselines.append(cross_validate(name, baseline, stance_pairs, gold, fold_of_pair))
    _say(progress, f"cross-validating {system_name}")
    system = cross_validate(
        system_name, factory, stance_pairs, gold, fold_of_pair, rationale_positions=rationale_positions
    )

    _say(progress, "claim factuality from the out-of-fold stances")
    claim_ids = [p.claim_id for p in pairs]
    truth = {p.claim_id: p.fact for p in pairs}

    sources = article_sources([p.url for p in pairs])

    def factuality_of(labels: Sequence[str], scores: Sequence[dict[str, float]]) -> dict[str, Any]:
        return cross_validate_factuality(claim_ids, labels, scores, truth, fold_of_claim, sources)

    factuality = factuality_of(system.labels, system.scores)
    factuality["from_baselines"] = {
        b.name: {k: factuality_of(b.labels, b.scores)[k] for k in ("accuracy", "macro_f1")}
        for b in baselines
        if b.name != "majority"
    }
    oracle = factuality_of(gold, gold_scores(gold))
    factuality["from_gold_stance"] = {k: oracle[k] for k in ("accuracy", "macro_f1")}

    return _result(
        "baly2018",
        system,
        baselines,
        gold,
        STANCE_LABELS,
        rationale=_rationale_block(pairs, stance_pairs, rationale_positions, system),
        factuality=factuality,
        protocol="5-fold cross-validation on the paper's claim-level folds (train_test_splits.txt)",
        n_pairs=len(pairs),
        n_claims=len(fold_of_claim),
        folds=[fold for fold in corpus.folds if fold in set(fold_of_pair)],
        total_seconds=round(time.perf_counter() - started, 3),
        total_cpu_seconds=round(time.process_time() - cpu_started, 3),
    )


# ----------------------------------------------------------------------------------------- ANS


def evaluate_ans(
    data_dir: str | Path,
    model_factory: ModelFactory | None = None,
    *,
    system_name: str = DEFAULT_SYSTEM,
    max_pairs: int | None = None,
    seed: int = 13,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Train on ANS train, score on ANS dev (the test split is withheld upstream).

    ``max_pairs`` caps the train and the dev pairs each (a seeded sample) for quick runs.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    splits = ans.load_ans(data_dir)
    inner_factory = model_factory or default_model_factory()

    def factory() -> StanceModel:
        # the model keeps its own label set: "other" trains as unrelated, discuss/unrelated read as other
        return RelabelledModel(inner_factory(), ANS_TO_MODEL, MODEL_TO_ANS)

    train = _sample(splits["train"], max_pairs, seed)
    dev = _sample(splits["dev"], max_pairs, seed)
    gold = [p.stance for p in dev]
    system, baselines = _run_all_split(
        factory,
        system_name,
        [ans.to_stance_pair(p) for p in train],
        [p.stance for p in train],
        [ans.to_stance_pair(p) for p in dev],
        progress,
    )
    return _result(
        "ans",
        system,
        baselines,
        gold,
        ans.ANS_LABELS,
        protocol="train on stance/train.csv, score on stance/dev.csv (the model under test reads "
        "other as unrelated; baselines use the ANS labels)",
        n_train=len(train),
        n_test=len(dev),
        total_seconds=round(time.perf_counter() - started, 3),
        total_cpu_seconds=round(time.process_time() - cpu_started, 3),
    )


# ----------------------------------------------------------------------------------------- FNC-1


def evaluate_fnc1(
    data_dir: str | Path,
    model_factory: ModelFactory | None = None,
    *,
    test_bodies: str | Path | None = None,
    test_stances: str | Path | None = None,
    system_name: str = DEFAULT_SYSTEM,
    holdout_fraction: float = 0.2,
    seed: int = 13,
    max_pairs: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """FNC-1 stance with the official weighted score.

    Without test files: hold out a seeded ``holdout_fraction`` of the training body ids (all their
    pairs) and train on the rest. With ``test_bodies`` and ``test_stances``: train on all the
    training data and score those files. ``max_pairs`` caps train and test pairs each (seeded).
    """
    if (test_bodies is None) != (test_stances is None):
        raise DatasetError("give both --test-bodies and --test-stances, or neither")
    started, cpu_started = time.perf_counter(), time.process_time()
    data = fnc1.load_fnc1(data_dir)
    factory = model_factory or default_model_factory()
    if test_bodies is not None and test_stances is not None:
        test_data = fnc1.load_fnc1_files(test_bodies, test_stances)
        train_pairs, test_pairs = data.pairs, test_data.pairs
        protocol = f"train on all training pairs, score {Path(test_stances).name}"
    else:
        test_data = data
        train_pairs, test_pairs = fnc1.split_by_body(data, holdout_fraction=holdout_fraction, seed=seed)
        protocol = f"hold out {holdout_fraction:.0%} of the training body ids (seed {seed})"
    train_pairs = _sample(train_pairs, max_pairs, seed)
    test_pairs = _sample(test_pairs, max_pairs, seed)
    gold = [p.stance for p in test_pairs]
    system, baselines = _run_all_split(
        factory,
        system_name,
        [data.to_stance_pair(p) for p in train_pairs],
        [p.stance for p in train_pairs],
        [test_data.to_stance_pair(p) for p in test_pairs],
        progress,
    )
    return _result(
        "fnc1",
        system,
        baselines,
        gold,
        STANCE_LABELS,
        fnc=True,
        protocol=protocol,
        n_train=len(train_pairs),
        n_test=len(test_pairs),
        test_bodies=len({p.body_id for p in test_pairs}),
        total_seconds=round(time.perf_counter() - started, 3),
        total_cpu_seconds=round(time.process_time() - cpu_started, 3),
    )


__all__ = [
    "baseline_factories",
    "default_model_factory",
    "evaluate_ans",
    "evaluate_baly2018",
    "evaluate_fnc1",
]
