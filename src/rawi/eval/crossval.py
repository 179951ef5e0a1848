"""Train and predict one system on a split or on cross-validation folds, timing it.

A system is given as a factory (``() -> estimator``) so each fold trains a fresh model; the output
keeps, for every test pair in input order, the predicted label, the scores per label and (for the
pairs asked for) the ranked rationale sentence indices.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rawi.errors import ModelError
from rawi.stance.base import StanceModel, StancePair

ModelFactory = Callable[[], StanceModel]
RationaleRanker = Callable[[StancePair], list[int]]


@dataclass
class SystemOutput:
    """Predictions of one system, aligned with the evaluated pairs."""

    name: str
    labels: list[str]
    scores: list[dict[str, float]]
    rankings: dict[int, list[int]] = field(default_factory=dict)  # pair position -> sentence indices
    seconds: float = 0.0  # wall clock, training plus prediction
    cpu_seconds: float = 0.0  # CPU time of this process meanwhile: comparable on a busy machine


def fit_predict(
    model: StanceModel,
    train_pairs: Sequence[StancePair],
    train_labels: Sequence[str],
    test_pairs: Sequence[StancePair],
    *,
    rationale_positions: Sequence[int] = (),
    ranker: RationaleRanker | None = None,
) -> tuple[list[str], list[dict[str, float]], dict[int, list[int]]]:
    """Fit ``model`` and predict ``test_pairs``: labels, scores and rankings for ``rationale_positions``.

    One ``predict_results`` pass gives the model's own label (which may apply tuned thresholds, not
    just the arg-max), its scores and its rationale. Rankings come from ``ranker`` when given (for
    systems without rationale), else from the model's rationale sentences, best first.
    """
    model.fit(list(train_pairs), list(train_labels))
    if not test_pairs:
        return [], [], {}
    results = model.predict_results(list(test_pairs), max_rationale=3)
    if len(results) != len(test_pairs):
        raise ModelError(
            f"{type(model).__name__}.predict_results returned {len(results)} results "
            f"for {len(test_pairs)} pairs"
        )
    labels = [r.label for r in results]
    scores = [{label: float(value) for label, value in r.scores.items()} for r in results]
    rankings: dict[int, list[int]] = {}
    for position in rationale_positions:
        if ranker is not None:
            rankings[position] = ranker(test_pairs[position])
        else:
            rankings[position] = [r.sentence_index for r in results[position].rationale]
    return labels, scores, rankings


def run_split(
    name: str,
    factory: ModelFactory,
    train_pairs: Sequence[StancePair],
    train_labels: Sequence[str],
    test_pairs: Sequence[StancePair],
) -> SystemOutput:
    """Train on one split and predict the other, timing both."""
    started, cpu_started = time.perf_counter(), time.process_time()
    labels, scores, _ = fit_predict(factory(), train_pairs, train_labels, test_pairs)
    return SystemOutput(
        name,
        labels,
        scores,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
    )


def cross_validate(
    name: str,
    factory: ModelFactory,
    pairs: Sequence[StancePair],
    labels: Sequence[str],
    fold_of_pair: Sequence[str],
    *,
    rationale_positions: Sequence[int] = (),
    ranker: RationaleRanker | None = None,
) -> SystemOutput:
    """Out-of-fold predictions: for each fold, a fresh model trained on all the other folds.

    ``fold_of_pair[i]`` names the fold of pair i (folds are claim-level for Baly 2018, so a claim
    never sits on both sides). Positions in ``rationale_positions`` also get ranked rationale.
    """
    if not len(pairs) == len(labels) == len(fold_of_pair):
        raise ValueError("pairs, labels and fold_of_pair must have the same length")
    out_labels: list[str] = [""] * len(pairs)
    out_scores: list[dict[str, float]] = [{} for _ in pairs]
    rankings: dict[int, list[int]] = {}
    wanted = set(rationale_positions)
    started, cpu_started = time.perf_counter(), time.process_time()
    for fold in dict.fromkeys(fold_of_pair):
        test_idx = [i for i, f in enumerate(fold_of_pair) if f == fold]
        train_idx = [i for i, f in enumerate(fold_of_pair) if f != fold]
        if not train_idx:
            raise ValueError(f"cross-validation needs at least two folds; only {fold!r} has pairs")
        fold_wanted = [k for k, i in enumerate(test_idx) if i in wanted]
        fold_labels, fold_scores, fold_rankings = fit_predict(
            factory(),
            [pairs[i] for i in train_idx],
            [labels[i] for i in train_idx],
            [pairs[i] for i in test_idx],
            rationale_positions=fold_wanted,
            ranker=ranker,
        )
        for k, i in enumerate(test_idx):
            out_labels[i] = fold_labels[k]
            out_scores[i] = fold_scores[k]
        rankings.update({test_idx[k]: ranked for k, ranked in fold_rankings.items()})
    return SystemOutput(
        name,
        out_labels,
        out_scores,
        rankings,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu_started,
    )


__all__ = ["ModelFactory", "SystemOutput", "cross_validate", "fit_predict", "run_split"]
