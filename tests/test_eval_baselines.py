"""The baselines honour the estimator contract the runner relies on."""

from __future__ import annotations

import numpy as np
import pytest

from rawi.errors import ModelError
from rawi.eval.baselines import MajorityClassifier, TfidfLogRegClassifier, rank_by_claim_overlap
from rawi.eval.relabel import ANS_TO_MODEL, MODEL_TO_ANS, RelabelledModel
from rawi.stance.base import StancePair, StanceResult

CLAIM = "افتتاح مستشفى جديد للأطفال في مدينة حلب"
AGREE = ("أكدت وزارة الصحة افتتاح مستشفى جديد للأطفال في حلب صباح اليوم", "وحضر الافتتاح عدد من المسؤولين")
DISAGREE = ("نفت وزارة الصحة الأنباء عن افتتاح مستشفى للأطفال في حلب", "وقالت إن الخبر لا أساس له من الصحة")
UNRELATED = ("فاز فريق الكرة الطائرة ببطولة الأندية العربية", "وتوج اللاعبون بالميداليات الذهبية")


def _pairs() -> tuple[list[StancePair], list[str]]:
    pairs = [StancePair(CLAIM, AGREE), StancePair(CLAIM, DISAGREE), StancePair(CLAIM, UNRELATED)] * 3
    labels = ["agree", "disagree", "unrelated"] * 3
    return pairs, labels


@pytest.mark.parametrize("model", [MajorityClassifier(), TfidfLogRegClassifier()])
def test_estimator_contract(model: MajorityClassifier | TfidfLogRegClassifier) -> None:
    pairs, labels = _pairs()
    with pytest.raises(ModelError, match="not fitted"):
        model.predict(pairs)
    assert model.fit(pairs, labels) is model
    assert model.classes_ == ("agree", "disagree", "unrelated")
    proba = model.predict_proba(pairs)
    assert proba.shape == (len(pairs), 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    predicted = model.predict(pairs)
    assert set(predicted) <= set(model.classes_)
    results = model.predict_results(pairs[:2])
    assert all(isinstance(r, StanceResult) and set(r.scores) == set(model.classes_) for r in results)
    assert model.predict_proba([]).shape[0] == 0
    with pytest.raises(ValueError, match="2 pairs but 1 labels"):
        type(model)().fit(pairs[:2], labels[:1])


def test_majority_predicts_the_most_frequent_label_with_prior_scores() -> None:
    pairs, _ = _pairs()
    model = MajorityClassifier().fit(pairs[:4], ["unrelated", "agree", "unrelated", "unrelated"])
    assert model.predict(pairs[:2]) == ["unrelated", "unrelated"]
    # priors: agree 1/4, unrelated 3/4
    assert np.allclose(model.predict_proba(pairs[:1]), [[0.25, 0.75]])
    # ties are broken by label order, not by input order
    assert MajorityClassifier().fit(pairs[:2], ["unrelated", "agree"]).predict(pairs[:1]) == ["agree"]


def test_tfidf_learns_its_training_pairs_and_shares_its_cache() -> None:
    pairs, labels = _pairs()
    cache: dict = {}
    model = TfidfLogRegClassifier(cache=cache).fit(pairs, labels)
    assert model.predict(pairs[:3]) == ["agree", "disagree", "unrelated"]
    cached = len(cache)
    assert cached == 4  # one claim and three articles, each analysed once
    again = TfidfLogRegClassifier(cache=cache).fit(pairs, labels)
    assert len(cache) == cached
    assert np.allclose(again.predict_proba(pairs), model.predict_proba(pairs))
    # the normalized form is what is analysed: diacritics and alef forms do not change the features
    voweled = StancePair("اِفتتاحُ مستشفىً جديدٍ للأطفال في مدينة حلب", AGREE)
    assert np.allclose(model.predict_proba([voweled]), model.predict_proba(pairs[:1]), atol=1e-6)


def test_tfidf_with_a_single_training_label_is_a_constant_model() -> None:
    pairs, _ = _pairs()
    model = TfidfLogRegClassifier().fit(pairs[:2], ["agree", "agree"])
    assert model.classes_ == ("agree",)
    assert model.predict(pairs) == ["agree"] * len(pairs)


def test_claim_overlap_ranks_the_sentences_that_share_claim_terms() -> None:
    pair = StancePair(CLAIM, ("خبر عاجل", AGREE[1], AGREE[0], UNRELATED[0]))
    # line 2 shares most claim terms (افتتاح، مستشفى، جديد، أطفال، حلب), line 1 shares افتتاح
    assert rank_by_claim_overlap(pair)[:2] == [2, 1]
    assert 3 not in rank_by_claim_overlap(pair)
    assert rank_by_claim_overlap(StancePair(CLAIM, ())) == []


def test_relabelled_model_trains_on_its_own_labels_and_answers_in_the_dataset_labels() -> None:
    pairs, labels = _pairs()
    ans_labels = ["other" if label == "unrelated" else label for label in labels]
    model = RelabelledModel(TfidfLogRegClassifier(), ANS_TO_MODEL, MODEL_TO_ANS).fit(pairs, ans_labels)
    assert model.model.classes_ == ("agree", "disagree", "unrelated")  # what the inner model saw
    assert model.classes_ == ("agree", "disagree", "other")
    proba = model.predict_proba(pairs)
    assert np.allclose(proba, model.model.predict_proba(pairs))  # one-to-one here: same columns
    assert model.predict(pairs[:3]) == ["agree", "disagree", "other"]
    result = model.predict_results(pairs[2:3])[0]
    assert result.label == "other" and set(result.scores) == {"agree", "disagree", "other"}


def test_relabelled_model_sums_the_scores_of_labels_that_fold_together() -> None:
    pairs, labels = _pairs()
    four_way = [*labels[:-1], "discuss"]  # the inner model learns four labels
    model = RelabelledModel(TfidfLogRegClassifier(), ANS_TO_MODEL, MODEL_TO_ANS).fit(pairs, four_way)
    inner = model.model.predict_proba(pairs)  # columns agree, disagree, discuss, unrelated
    assert np.allclose(model.predict_proba(pairs)[:, 2], inner[:, 2] + inner[:, 3])
    assert np.allclose(model.predict_proba(pairs).sum(axis=1), 1.0)
