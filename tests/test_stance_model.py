"""The StanceClassifier estimator contract, save/load, and the shipped model, on hand-written pairs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rawi.errors import ModelError
from rawi.records import STANCE_LABELS
from rawi.stance import StanceClassifier, StancePair, load_default, load_model, save_model

CLAIMS = [
    ("انهيار سد الموصل وغرق القرى المجاورة", "سد الموصل", "القرى المجاورة"),
    ("اغتيال قائد عسكري بارز في ريف حلب", "القائد العسكري", "ريف حلب"),
    ("إغلاق معبر نصيب الحدودي مع الأردن", "معبر نصيب", "الحدود مع الأردن"),
    ("The army captured the airport near the city", "the airport", "the city"),
]


def make_pairs() -> tuple[list[StancePair], list[str]]:
    """Four templates per claim, one per stance, written for these tests."""
    pairs, labels = [], []
    for claim, subject, place in CLAIMS:
        english = claim.startswith("The")
        texts = {
            "agree": [
                claim + (" on Sunday, officials said." if english else " يوم الأحد بحسب مسؤولين."),
                ("Residents confirmed it." if english else "وأكد السكان ذلك."),
            ],
            "disagree": [
                ("Officials denied that " if english else "نفى المسؤولون ")
                + claim
                + (" and called it a hoax." if english else " وقالوا إن الخبر عار عن الصحة.")
            ],
            "discuss": [
                ("Reports on social media claim " if english else "تداولت مواقع التواصل أنباء عن ")
                + subject
                + " "
                + place
                + (", which could not be verified." if english else " ولم يتسن التأكد منها.")
            ],
            "unrelated": [
                (
                    "The football team won the cup final."
                    if english
                    else "فاز الفريق بكأس البطولة بعد مباراة مثيرة."
                ),
                ("Fans celebrated in the streets." if english else "واحتفل المشجعون في الشوارع."),
            ],
        }
        for label, sentences in texts.items():
            pairs.append(StancePair(claim, tuple(sentences)))
            labels.append(label)
    return pairs * 3, labels * 3


@pytest.fixture(scope="module")
def fitted() -> StanceClassifier:
    pairs, labels = make_pairs()
    return StanceClassifier(n_estimators=40, min_child_samples=2, calibration_folds=2).fit(pairs, labels)


def test_unfitted_model_raises_model_error() -> None:
    with pytest.raises(ModelError, match="not fitted"):
        StanceClassifier().predict([StancePair("claim", ("text",))])


def test_bad_parameters_and_labels_are_rejected() -> None:
    pairs, labels = make_pairs()
    with pytest.raises(ModelError, match="n_estimators"):
        StanceClassifier(n_estimators=0).fit(pairs, labels)
    with pytest.raises(ModelError, match="unknown stance labels"):
        StanceClassifier().fit(pairs[:2], ["agree", "maybe"])
    with pytest.raises(ModelError, match="labels"):
        StanceClassifier().fit(pairs[:2], ["agree"])


def test_classes_probabilities_and_labels(fitted: StanceClassifier) -> None:
    pairs, labels = make_pairs()
    assert fitted.classes_ == STANCE_LABELS
    proba = fitted.predict_proba(pairs)
    assert proba.shape == (len(pairs), 4)
    assert np.allclose(proba.sum(axis=1), 1.0) and (proba >= 0).all()
    predicted = fitted.predict(pairs)
    assert set(predicted) <= set(STANCE_LABELS)
    assert np.mean([p == g for p, g in zip(predicted, labels, strict=True)]) >= 0.75
    assert fitted.predict_proba([]).shape == (0, 4)


def test_predict_results_scores_and_rationale(fitted: StanceClassifier) -> None:
    pairs, _ = make_pairs()
    for result in fitted.predict_results(pairs[:8], max_rationale=2):
        assert set(result.scores) == set(STANCE_LABELS)
        assert sum(result.scores.values()) == pytest.approx(1.0)
        assert len(result.rationale) <= 2
        for r in result.rationale:
            assert 0.0 <= r.score <= 1.0
        if result.label == "unrelated":
            assert result.rationale == []
    agree = fitted.predict_results([pairs[0]])[0]
    if agree.label != "unrelated":
        assert agree.rationale[0].sentence_index == 0


def test_refit_is_deterministic() -> None:
    pairs, labels = make_pairs()
    a = StanceClassifier(n_estimators=30, min_child_samples=2, calibration_folds=2).fit(pairs, labels)
    b = StanceClassifier(n_estimators=30, min_child_samples=2, calibration_folds=2).fit(pairs, labels)
    assert np.array_equal(a.predict_proba(pairs), b.predict_proba(pairs))


def test_save_load_round_trip(fitted: StanceClassifier, tmp_path) -> None:
    pairs, _ = make_pairs()
    save_model(fitted, tmp_path / "model", {"note": "test"})
    document = json.loads((tmp_path / "model" / "model.json").read_text("utf-8"))
    assert document["format_version"] == 1 and document["metadata"] == {"note": "test"}
    loaded = load_model(tmp_path / "model")
    assert np.allclose(loaded.predict_proba(pairs), fitted.predict_proba(pairs))
    assert loaded.predict(pairs) == fitted.predict(pairs)
    assert StanceClassifier.load(str(tmp_path / "model")).classes_ == STANCE_LABELS


def test_load_rejects_missing_and_foreign_files(tmp_path) -> None:
    with pytest.raises(ModelError, match="no stance model"):
        load_model(tmp_path)
    (tmp_path / "model.json").write_text(json.dumps({"format_version": 99}), "utf-8")
    (tmp_path / "booster.txt").write_text("not a model", "utf-8")
    with pytest.raises(ModelError, match="format version"):
        load_model(tmp_path)


def test_shipped_model_loads_and_reads_stance() -> None:
    model = load_default()
    assert model is load_default()  # cached
    claim = "قصف الطيران مستشفى في مدينة إدلب وقتل عشرة مدنيين"
    agree = StancePair(
        claim,
        (
            "إدلب - قصف الطيران مستشفى في مدينة إدلب صباح اليوم وقتل عشرة مدنيين بينهم أطفال.",
            "وقال مسعفون إن القصف دمر الطابق الأول.",
        ),
    )
    deny = StancePair(
        claim,
        (
            "نفت وزارة الدفاع قصف مستشفى في مدينة إدلب وقالت إن الأنباء عن مقتل مدنيين عارية عن الصحة ومفبركة.",
            "وأكدت الوزارة أن طائراتها لم تنفذ أي غارة.",
        ),
    )
    unrelated = StancePair(
        claim, ("ارتفعت أسعار الذهب في الأسواق العالمية مع تراجع الدولار.", "وتوقع محللون استمرار الارتفاع.")
    )
    results = model.predict_results([agree, deny, unrelated])
    assert results[0].label == "agree"
    assert results[2].label == "unrelated"
    assert results[1].scores["disagree"] > results[0].scores["disagree"]
    assert results[2].scores["unrelated"] > results[0].scores["unrelated"]
    assert results[0].rationale and results[0].rationale[0].sentence_index == 0
