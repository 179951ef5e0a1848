"""The semantic stage's two linear models: estimator contract, plain-JSON round trip, the pair model's
features ([u, v, u*v, |u-v|], cosine, cues) and what the shipped pair model reads in hand-written pairs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rawi.embed import load_encoder
from rawi.errors import ModelError
from rawi.stance.analysis import analyze_units
from rawi.stance.semantic import CUES, PAIR_SETTINGS, ArticleCombiner, PairModel, pair_features
from rawi.stance.stage import load_semantic_stage


def _blobs(seed: int = 0) -> tuple[np.ndarray, list[str]]:
    """Three separable clouds; "other" is rare (6 of 206 rows), as in ANS train."""
    rng = np.random.default_rng(seed)
    centres = {"agree": (2.0, 0.0), "disagree": (-2.0, 0.0), "other": (0.0, 2.5)}
    sizes = {"agree": 100, "disagree": 100, "other": 6}
    X = np.vstack([rng.normal(centres[k], 0.6, size=(n, 2)) for k, n in sizes.items()])
    y = [k for k, n in sizes.items() for _ in range(n)]
    return X, y


def test_fit_returns_the_model_and_probabilities_sum_to_one() -> None:
    X, y = _blobs()
    model = PairModel()
    assert model.fit(X, y) is model
    proba = model.predict_proba(X)
    assert proba.shape == (len(y), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert model.classes_ == ("agree", "disagree", "other")


def test_the_pair_model_is_not_standardized_and_round_trips_through_json() -> None:
    X, y = _blobs()
    model = PairModel().fit(X, y)
    np.testing.assert_array_equal(model.mean_, 0.0)
    np.testing.assert_array_equal(model.scale_, 1.0)
    again = PairModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.standardize is False
    np.testing.assert_allclose(again.predict_proba(X), model.predict_proba(X))
    combiner = ArticleCombiner(C=1.0).fit(np.c_[X, X], ["agree" if k == "agree" else "unrelated" for k in y])
    assert ArticleCombiner.from_json(combiner.to_json()).standardize is True


def test_balanced_class_weights_let_a_rare_class_be_predicted() -> None:
    X, y = _blobs()
    probe = np.array([[0.0, 1.6]] * 5)  # between the clouds, nearer "other"
    plain = PairModel(C=0.05).fit(X, y).predict_proba(probe)[:, 2]
    balanced = PairModel(C=0.05, class_weight="balanced").fit(X, y).predict_proba(probe)[:, 2]
    assert (balanced > plain).all()


def test_a_model_trained_on_another_feature_layout_is_refused_with_the_retrain_command() -> None:
    X, y = _blobs()
    model = PairModel().fit(X, y)
    with pytest.raises(ModelError, match="rawi train semantic"):
        model.predict_proba(np.c_[X, X])


def test_pair_features_hold_both_vectors_their_products_the_cosine_and_the_cues() -> None:
    units = analyze_units(["نفت الوزارة إغلاق المعبر", "أغلقت السلطات المعبر أمام الشاحنات"])
    u = np.array([0.6, 0.8, 0.0])
    v = np.array([[0.0, 1.0, 0.0]])
    row = pair_features(u, v, units[1], units[:1])[0]
    dim = len(u)
    np.testing.assert_allclose(row[:dim], u)
    np.testing.assert_allclose(row[dim : 2 * dim], v[0])
    np.testing.assert_allclose(row[2 * dim : 3 * dim], u * v[0])
    np.testing.assert_allclose(row[3 * dim : 4 * dim], np.abs(u - v[0]))
    assert row[4 * dim] == pytest.approx(0.8)
    cues = dict(zip(CUES, row[4 * dim + 1 : 4 * dim + 1 + len(CUES)], strict=True))
    assert cues["denial"] == 1  # the sentence's own cue counts, then their difference from the claim's
    assert len(row) == 4 * dim + 1 + 2 * len(CUES)


@pytest.mark.skipif(load_encoder("use", fallback=False) is None, reason="the USE encoder is not installed")
def test_the_shipped_pair_model_reads_a_restatement_as_agreeing_and_a_denial_as_disagreeing() -> None:
    stage = load_semantic_stage("use")
    assert stage is not None and stage.pair.standardize is False
    encoder = load_encoder("use", fallback=False)
    claim = "أغلقت السلطات معبر الوادي الحدودي أمام الشاحنات التجارية"
    sentences = [
        "قررت السلطات إغلاق معبر الوادي الحدودي في وجه الشاحنات التجارية اعتباراً من صباح اليوم",
        "نفت هيئة المنافذ الحدودية إغلاق معبر الوادي، مؤكدة أن حركة الشاحنات تسير بشكل طبيعي",
    ]
    vectors = encoder.encode([claim, *sentences])
    units = analyze_units([claim, *sentences])
    proba = stage.pair.predict_proba(pair_features(vectors[0], vectors[1:], units[0], units[1:]))
    labels = [stage.pair.labels[k] for k in proba.argmax(axis=1)]
    assert labels == ["agree", "disagree"], proba.round(2)
    assert set(PAIR_SETTINGS) == {"use", "e5"}
