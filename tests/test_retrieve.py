"""Retrieval on the shipped example corpus: the related articles of each story come first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawi.errors import ClaimError
from rawi.ingest import read_paths
from rawi.records import Article
from rawi.retrieve import Retriever, query_terms, score_sentences
from rawi.store import SqliteCorpus

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "examples" / "gold.json").read_text(encoding="utf-8"))
CLAIMS = [cid for cid in GOLD if cid.startswith("c")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> SqliteCorpus:
    store = SqliteCorpus(tmp_path_factory.mktemp("retrieve") / "ex.db")
    store.write([a for a in read_paths([ROOT / "examples" / "corpus"]) if isinstance(a, Article)])
    return store


@pytest.mark.parametrize("cid", [c for c in CLAIMS if GOLD[c]["related"]])
def test_related_articles_rank_first(corpus: SqliteCorpus, cid: str) -> None:
    gold = GOLD[cid]
    claim_lang = "en" if gold["claim"].isascii() else "ar"
    # Without translation a claim can only match articles in its own language.
    reachable = {
        a for a in gold["related"] if (a.startswith("en/") or a.endswith("-en")) == (claim_lang == "en")
    }
    ranked = [r.article_id for r in Retriever(corpus, top_k=20).retrieve(gold["claim"])]
    head = ranked[: len(reachable)]
    hits = sum(1 for a in head if a in gold["related"])
    assert hits >= 0.8 * len(reachable), (cid, head, sorted(reachable))
    assert ranked[0] in gold["related"]


def test_best_sentences_carry_the_claim(corpus: SqliteCorpus) -> None:
    top = Retriever(corpus, top_k=3).retrieve(GOLD["c2"]["claim"])[0]
    best = top.sentences[top.best_sentences(1)[0]].text
    assert "البطاطا" in best


def test_claim_with_nothing_in_the_corpus_retrieves_only_weak_matches(corpus: SqliteCorpus) -> None:
    results = Retriever(corpus, top_k=5).retrieve(GOLD["c8"]["claim"])
    assert all(
        r.article_id not in {a for c in CLAIMS for a in GOLD[c]["related"]} or r.score < 5 for r in results
    )


@pytest.mark.parametrize("claim", ["", "  ", "...", "؟!", "في على من"])
def test_claims_without_words_are_refused(claim: str) -> None:
    with pytest.raises(ClaimError):
        query_terms(claim)


def test_sentence_scores_follow_idf() -> None:
    idf = {"سد": 3.0, "انهار": 1.0}
    scores = score_sentences(["سد", "انهار"], [["سد", "انهار"], ["انهار"], ["مطر"]], idf)
    assert scores[0] > scores[1] > scores[2] == 0.0


def test_top_k_is_checked(corpus: SqliteCorpus) -> None:
    with pytest.raises(ValueError, match="top_k"):
        Retriever(corpus, top_k=0)
