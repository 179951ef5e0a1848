"""Each evaluation on a small slice of the real public datasets (skipped when they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rawi.eval import ans, fnc1
from rawi.eval.crossval import ModelFactory
from rawi.eval.runner import evaluate_ans, evaluate_baly2018, evaluate_fnc1
from rawi.stance.analysis import AnalysisCache
from rawi.stance.model import StanceClassifier

pytestmark = pytest.mark.datasets


def _small_rawi_model() -> ModelFactory:
    """rawi's stance model with few trees and no calibration folds: the same code path, fast."""
    cache = AnalysisCache()
    return lambda: StanceClassifier(n_estimators=20, calibration_folds=0, cache=cache)


def _folder(datasets_dir: Path, name: str) -> Path:
    path = datasets_dir / name
    if not path.is_dir():
        pytest.skip(f"{name} not found under {datasets_dir}")
    return path


def test_real_readers_match_the_published_counts(datasets_dir: Path) -> None:
    splits = ans.load_ans(_folder(datasets_dir, "ANS"))
    assert {label for pair in splits["train"] for label in [pair.stance]} == set(ans.ANS_LABELS)
    assert len(splits["dev"]) > 500
    data = fnc1.load_fnc1(_folder(datasets_dir, "FNC-1"))
    assert len(data.pairs) == 49_972  # the official training pairs (INDEX.md)
    train, holdout = fnc1.split_by_body(data)
    assert {p.body_id for p in train}.isdisjoint({p.body_id for p in holdout})
    held_share = len({p.body_id for p in holdout}) / len(data.bodies)
    assert 0.19 < held_share < 0.21


def test_baly_slice(datasets_dir: Path) -> None:
    result = evaluate_baly2018(
        _folder(datasets_dir, "Baly2018_ArabicFC_Stance"), _small_rawi_model(), limit_claims=15
    )
    assert result["n_claims"] == 15 and len(result["folds"]) == 5
    assert result["system"] == "rawi"
    assert set(result["baselines"]) == {"majority", "tfidf-lr"}
    assert sum(map(sum, result["confusion"]["matrix"])) == result["n_pairs"]
    assert result["rationale"]["pairs"] > 0
    assert result["factuality"]["claims"] == 15


def test_ans_slice(datasets_dir: Path) -> None:
    result = evaluate_ans(_folder(datasets_dir, "ANS"), _small_rawi_model(), max_pairs=150)
    assert result["n_train"] == 150 and result["n_test"] == 150
    assert result["confusion"]["labels"] == list(ans.ANS_LABELS)


def test_fnc1_slice(datasets_dir: Path) -> None:
    result = evaluate_fnc1(_folder(datasets_dir, "FNC-1"), _small_rawi_model(), max_pairs=200)
    assert result["n_train"] == 200 and result["n_test"] == 200
    for block in (result, *result["baselines"].values()):
        assert 0.0 <= block["fnc_score"] <= 100.0
