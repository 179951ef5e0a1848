"""The benchmark runners on tiny synthetic Baly 2018, ANS and FNC-1 folders (real files in tmp_path)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from rawi.errors import DatasetError
from rawi.eval.baselines import MajorityClassifier, TfidfLogRegClassifier, rank_by_claim_overlap
from rawi.eval.runner import default_model_factory, evaluate_ans, evaluate_baly2018, evaluate_fnc1
from rawi.stance.base import RationaleSentence, StancePair, StanceResult
from rawi.stance.model import StanceClassifier
from test_eval_data import BALY_CLAIMS, FNC_STANCES, write_ans, write_baly, write_fnc1

SYSTEM_FIELDS = {"accuracy", "macro_f1", "per_class_f1", "per_class", "confusion", "seconds"}


class OverlapRationaleTfidf(TfidfLogRegClassifier):
    """The TF-IDF baseline plus claim-overlap rationale: a model that gives rationale sentences."""

    def predict_results(self, pairs: Sequence[StancePair], *, max_rationale: int = 3) -> list[StanceResult]:
        results = super().predict_results(pairs)
        for pair, result in zip(pairs, results, strict=True):
            ranked = rank_by_claim_overlap(pair, k=max_rationale)
            result.rationale = [RationaleSentence(i, pair.sentences[i], 1.0) for i in ranked]
        return results


class SpyModel(TfidfLogRegClassifier):
    """Records every text the model is shown, to prove ids, urls and file names never reach it."""

    seen: list[str] = []  # noqa: RUF012 - shared on purpose: the runner builds one instance per fold

    def _record(self, pairs: Sequence[StancePair]) -> None:
        for pair in pairs:
            SpyModel.seen.extend([pair.claim, pair.title or "", *pair.sentences])

    def fit(self, pairs: Sequence[StancePair], labels: Sequence[str]) -> SpyModel:
        self._record(pairs)
        return super().fit(pairs, labels)

    def predict_proba(self, pairs: Sequence[StancePair]) -> np.ndarray:
        self._record(pairs)
        return super().predict_proba(pairs)


def _check_system_block(block: dict, n: int, labels: Sequence[str]) -> None:
    assert set(block) >= SYSTEM_FIELDS
    assert 0.0 <= block["accuracy"] <= 1.0 and 0.0 <= block["macro_f1"] <= 1.0
    assert block["confusion"]["labels"] == list(labels)
    assert sum(map(sum, block["confusion"]["matrix"])) == n
    assert list(block["per_class_f1"]) == list(labels)


def test_baly_runner_reports_stance_rationale_and_factuality(tmp_path: Path) -> None:
    data = write_baly(tmp_path / "baly")
    result = evaluate_baly2018(data, OverlapRationaleTfidf, system_name="overlap-tfidf")
    labels = ["agree", "disagree", "discuss", "unrelated"]
    assert result["dataset"] == "baly2018" and result["task"] == "stance"
    assert result["system"] == "overlap-tfidf"
    assert result["n_claims"] == 6 and result["n_pairs"] == 24
    assert result["folds"] == ["Fold_1", "Fold_2", "Fold_3"]  # the splits file's order
    _check_system_block(result, 24, labels)
    assert set(result["baselines"]) == {"majority", "tfidf-lr"}
    for block in result["baselines"].values():
        _check_system_block(block, 24, labels)
    # majority of every training fold is... a four-way tie broken by label order: agree
    assert result["baselines"]["majority"]["per_class"]["agree"]["recall"] == 1.0

    rationale = result["rationale"]
    assert rationale["pairs"] == 12  # one agree and one disagree article with gold lines per claim
    # the claim sentence of each synthetic article is its gold line and shares the most claim terms
    assert rationale["precision_at_1"] == 1.0 and rationale["recall_at_3"] == 1.0
    assert rationale["baselines"]["claim-overlap"]["precision_at_1"] == 1.0
    # first-lines ranks 0, 1, 2: the disagree gold line (2) is third, the agree one (1) second
    assert rationale["baselines"]["first-lines"]["precision_at_1"] == 0.0
    assert rationale["baselines"]["first-lines"]["recall_at_3"] == 1.0

    factuality = result["factuality"]
    assert factuality["claims"] == 6
    assert 0.0 <= factuality["accuracy"] <= 1.0
    assert {"majority", "from_baselines", "from_gold_stance", "features"} <= set(factuality)
    # every synthetic claim has the same gold stances, so its evidence cannot tell true from false
    assert factuality["from_gold_stance"]["accuracy"] <= 0.5
    # the articles' sources are part of the evidence (one domain for all here), and the stances
    # alone are reported beside them
    assert "log_outlets_agree" in factuality["features"]
    assert 0.0 <= factuality["without_sources"]["accuracy"] <= 1.0


def test_baly_runner_never_shows_the_model_ids_urls_or_file_names(tmp_path: Path) -> None:
    SpyModel.seen.clear()
    evaluate_baly2018(write_baly(tmp_path / "baly"), SpyModel)
    shown = "\n".join(SpyModel.seen)
    assert shown  # the spy did see the texts
    for claim_id, _, _ in BALY_CLAIMS:
        assert claim_id not in shown
    assert "news.example" not in shown and ".json" not in shown


def test_baly_runner_limits_claims_evenly_over_folds(tmp_path: Path) -> None:
    data = write_baly(tmp_path / "baly")
    result = evaluate_baly2018(data, TfidfLogRegClassifier, limit_claims=3)
    assert result["n_claims"] == 3 and result["n_pairs"] == 12
    assert result["factuality"]["claims"] == 3
    # 4 claims over 3 folds: 2 + 1 + 1
    assert evaluate_baly2018(data, MajorityClassifier, limit_claims=4)["n_claims"] == 4
    with pytest.raises(ValueError, match="at least the number of folds"):
        evaluate_baly2018(data, TfidfLogRegClassifier, limit_claims=2)


def test_baly_runner_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not found"):
        evaluate_baly2018(tmp_path / "nowhere", TfidfLogRegClassifier)


def test_ans_runner_trains_on_train_and_scores_dev(tmp_path: Path) -> None:
    messages: list[str] = []
    result = evaluate_ans(write_ans(tmp_path / "ans"), TfidfLogRegClassifier, progress=messages.append)
    assert result["dataset"] == "ans" and result["n_train"] == 12 and result["n_test"] == 6
    _check_system_block(result, 6, ["agree", "disagree", "other"])
    assert set(result["baselines"]) == {"majority", "tfidf-lr"}
    assert "fnc_score" not in result
    assert len(messages) == 3  # one line per system
    capped = evaluate_ans(tmp_path / "ans", TfidfLogRegClassifier, max_pairs=5)
    assert capped["n_train"] == 5 and capped["n_test"] == 5
    with pytest.raises(ValueError, match="max_pairs must be"):
        evaluate_ans(tmp_path / "ans", TfidfLogRegClassifier, max_pairs=0)


def test_fnc1_runner_scores_a_body_holdout_with_the_weighted_score(tmp_path: Path) -> None:
    data = write_fnc1(tmp_path / "fnc")
    result = evaluate_fnc1(data, TfidfLogRegClassifier, holdout_fraction=0.4)
    assert result["dataset"] == "fnc1" and result["test_bodies"] == 2
    assert result["n_train"] + result["n_test"] == len(FNC_STANCES)
    _check_system_block(result, result["n_test"], ["agree", "disagree", "discuss", "unrelated"])
    for block in (result, *result["baselines"].values()):
        assert 0.0 <= block["fnc_score"] <= 100.0


def test_fnc1_runner_with_test_files_trains_on_all_training_pairs(tmp_path: Path) -> None:
    data = write_fnc1(tmp_path / "fnc")
    write_fnc1(tmp_path / "test", bodies_name="bodies.csv", stances_name="stances.csv")
    result = evaluate_fnc1(
        data,
        TfidfLogRegClassifier,
        test_bodies=tmp_path / "test" / "bodies.csv",
        test_stances=tmp_path / "test" / "stances.csv",
    )
    assert result["n_train"] == len(FNC_STANCES) and result["n_test"] == len(FNC_STANCES)
    assert "stances.csv" in result["protocol"]
    with pytest.raises(DatasetError, match="both"):
        evaluate_fnc1(data, TfidfLogRegClassifier, test_bodies=tmp_path / "test" / "bodies.csv")


def test_default_model_is_rawis_stance_classifier_sharing_one_analysis_cache() -> None:
    factory = default_model_factory()
    first, second = factory(), factory()
    assert isinstance(first, StanceClassifier) and first is not second
    assert first._cache is second._cache  # folds analyse each article once
