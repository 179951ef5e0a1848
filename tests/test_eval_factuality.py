"""Claim factuality from the evidence: the source features by hand, and the stances-alone report."""

from __future__ import annotations

import math

import pytest

from rawi.eval.factuality import SOURCE_FEATURES, cross_validate_factuality, source_features
from rawi.eval.runner import article_sources

SANA = ("sana", "agency", "state")
REUTERS = ("reuters", "agency", "private")
BLOG = ("myblog.example", None, None)


def test_source_features_by_hand() -> None:
    labels = ["agree", "agree", "agree", "disagree", "discuss", "unrelated"]
    sources = [SANA, SANA, BLOG, REUTERS, None, REUTERS]
    values = dict(zip(SOURCE_FEATURES, source_features(labels, sources), strict=True))
    # related: SANA, SANA, BLOG, REUTERS, None -> 3 distinct outlets; agree: sana, blog -> 2
    assert values["log_outlets_related"] == pytest.approx(math.log1p(3))
    assert values["log_outlets_agree"] == pytest.approx(math.log1p(2))
    assert values["log_outlets_disagree"] == pytest.approx(math.log1p(1))
    # of the 3 agreeing articles: 2 from a registry entry, both agencies, both state-owned
    assert values["share_agree_known"] == pytest.approx(2 / 3)
    assert values["share_agree_agency"] == pytest.approx(2 / 3)
    assert values["share_agree_state"] == pytest.approx(2 / 3)
    # of the 5 related: SANA twice is state-owned
    assert values["share_related_state"] == pytest.approx(2 / 5)


def test_source_features_of_a_claim_without_related_articles_are_zero() -> None:
    assert source_features(["unrelated", "unrelated"], [SANA, None]) == [0.0] * len(SOURCE_FEATURES)
    assert source_features([], []) == [0.0] * len(SOURCE_FEATURES)


def test_sources_that_tell_the_claims_apart_are_used() -> None:
    # ten claims per fold; stances are the same everywhere, only who agrees differs:
    # true claims are backed by several agencies, false ones by one unknown site
    claim_of_pair, labels, scores, sources, truth, fold = [], [], [], [], {}, {}
    for n in range(40):
        claim = f"c{n}"
        truth[claim] = n % 2 == 0
        fold[claim] = f"F{n % 4}"
        backers = [SANA, REUTERS, ("afp", "agency", "private")] if truth[claim] else [BLOG, BLOG, BLOG]
        for source in backers:
            claim_of_pair.append(claim)
            labels.append("agree")
            scores.append({"agree": 0.8, "unrelated": 0.2})
            sources.append(source)
    result = cross_validate_factuality(claim_of_pair, labels, scores, truth, fold, sources)
    assert result["accuracy"] == 1.0
    assert result["without_sources"]["accuracy"] <= 0.5  # the stances alone cannot tell them apart
    assert result["features"][-len(SOURCE_FEATURES) :] == list(SOURCE_FEATURES)


def test_article_sources_from_urls() -> None:
    found = article_sources(["https://www.reuters.com/world/x", "https://blog.example.org/p/1", ""])
    assert found[0] is not None and found[0][0] == "reuters" and found[0][1] == "agency"
    assert found[1] == ("blog.example.org", None, None)
    assert found[2] is None
