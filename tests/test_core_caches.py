"""What a workbench remembers between checks (word analyses, character n-grams, claim and article
analyses, the store's index terms) belongs to that workbench: two workbenches on two stores in one
process keep apart, and threads sharing one workbench get the answers of one thread."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from _newsroom import ARTICLES, write_articles
from rawi.core import Rawi
from rawi.settings import Settings
from rawi.text import tokenize_normalized
from rawi.text.chunks import folded_chunks

# Two corpora with no article in common: the Tartus fire and the Hodeidah cholera stories.
FIRE = {name: text for name, text in ARTICLES.items() if name.startswith("fire/")}
CHOLERA = {name: text for name, text in ARTICLES.items() if name.startswith("cholera/")}
FIRE_CLAIMS = [
    "شب حريق في مستودع قمح بميناء طرطوس صباح الأربعاء",
    "لم يندلع أي حريق في مستودعات ميناء طرطوس",
    "حريق يوقف حركة الشحن في ميناء طرطوس عدة ساعات",
]
CHOLERA_CLAIMS = [
    "تفشت الكوليرا في الحديدة وأصيب أكثر من أربعين شخصا",
    "نفت وزارة الصحة تفشي الكوليرا في مدينة الحديدة",
]


def _ingest(root: Path, articles: dict[str, str], settings: Settings) -> Path:
    write_articles(root / "news", articles)
    with Rawi(root / "news.db", settings) as writer:
        assert writer.ingest([root / "news"]).ok
    return root / "news.db"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    settings = Settings(encoder="none")  # the caches at stake are the text analyses, not the encoder's
    yield (
        _ingest(tmp_path_factory.mktemp("fire"), FIRE, settings),
        _ingest(tmp_path_factory.mktemp("cholera"), CHOLERA, settings),
    )


def _chunks(articles: dict[str, str]) -> set[str]:
    return {c for text in articles.values() for chunks in folded_chunks(text.splitlines()) for c in chunks}


def _tokens(chunks: set[str]) -> set[str]:
    return {t for c in chunks for t in tokenize_normalized(c)} - {
        t for c in _chunks({**FIRE, **CHOLERA}) - chunks for t in tokenize_normalized(c)
    }


def test_two_workbenches_on_two_stores_keep_their_analyses_apart(stores: tuple[Path, Path]) -> None:
    only_fire = _chunks(FIRE) - _chunks(CHOLERA) - _chunks({"c": " ".join(CHOLERA_CLAIMS)})
    only_cholera = _chunks(CHOLERA) - _chunks(FIRE) - _chunks({"c": " ".join(FIRE_CLAIMS)})
    settings = Settings(encoder="none")
    with (
        Rawi(stores[0], settings, readonly=True) as fire,
        Rawi(stores[1], settings, readonly=True) as cholera,
    ):
        for claim in FIRE_CLAIMS:
            assert fire.check(claim)["evidence"]
        for claim in CHOLERA_CLAIMS:
            assert cholera.check(claim)["evidence"]
        assert fire.analyses is not cholera.analyses
        fire_words, cholera_words = (
            set(fire.analyses.chunks.current()),
            set(cholera.analyses.chunks.current()),
        )
        assert fire_words & only_fire and cholera_words & only_cholera  # each learned its own corpus
        assert not fire_words & only_cholera and not cholera_words & only_fire  # and nothing of the other's
        fire_tokens, cholera_tokens = (
            set(fire.analyses.grams.current()),
            set(cholera.analyses.grams.current()),
        )
        assert fire_tokens & _tokens(only_fire) and not fire_tokens & _tokens(only_cholera)  # n-gram memo
        assert cholera_tokens & _tokens(only_cholera) and not cholera_tokens & _tokens(only_fire)
        # provenance's word hashes (shingle fingerprints of the related articles) likewise
        fire_hashed, cholera_hashed = set(fire.word_hashes), set(cholera.word_hashes)
        assert fire_hashed & _tokens(only_fire) and not fire_hashed & _tokens(only_cholera)
        assert cholera_hashed & _tokens(only_cholera) and not cholera_hashed & _tokens(only_fire)
        # the lexical model both load is one object; what it reads and fills is each workbench's own
        assert fire.stance.lexical.analysis is fire.analyses
        assert cholera.stance.lexical.analysis is cholera.analyses
        assert fire.stance.lexical.booster_ is cholera.stance.lexical.booster_


def test_two_stores_remember_their_own_index_terms(tmp_path: Path) -> None:
    settings = Settings(encoder="none")
    with Rawi(tmp_path / "a.db", settings) as a, Rawi(tmp_path / "b.db", settings) as b:
        assert a.ingest([write_articles(tmp_path / "fire", FIRE)]).ok
        assert b.ingest([write_articles(tmp_path / "cholera", CHOLERA)]).ok
        a_terms = set(a.corpus._pool.terms.current())  # type: ignore[attr-defined]
        b_terms = set(b.corpus._pool.terms.current())  # type: ignore[attr-defined]
        assert a_terms >= _chunks({"t": "ميناء طرطوس"}) and b_terms >= _chunks({"t": "الكوليرا في الحديدة"})
        assert not a_terms & (_chunks(CHOLERA) - _chunks(FIRE))
        assert not b_terms & (_chunks(FIRE) - _chunks(CHOLERA))


def test_concurrent_checks_on_a_fresh_workbench_give_the_sequential_results(
    stores: tuple[Path, Path],
) -> None:
    claims = (FIRE_CLAIMS + CHOLERA_CLAIMS) * 3
    settings = Settings(encoder="none")
    with Rawi(stores[0], settings, readonly=True) as sequential:
        expected = [sequential.check(c) for c in claims]
    # a fresh workbench, its caches empty, filled by eight threads at once
    with Rawi(stores[0], settings, readonly=True) as shared, ThreadPoolExecutor(8) as pool:
        got = list(pool.map(shared.check, claims))
    assert got == expected


def test_word_hashes_belong_to_their_index_and_threads_sharing_one_agree() -> None:
    from rawi.provenance.fingerprint import WordHashes, fingerprint, words_of
    from rawi.provenance.reuse import ReuseIndex

    fire, cholera = ReuseIndex(), ReuseIndex()
    for name, text in FIRE.items():
        fire.add(name, text)
    for name, text in CHOLERA.items():
        cholera.add(name, text)
    fire_words = {w for text in FIRE.values() for w in words_of(text)}
    cholera_words = {w for text in CHOLERA.values() for w in words_of(text)}
    assert set(fire._hashes) == fire_words and set(cholera._hashes) == cholera_words  # each its own
    texts = list(ARTICLES.values()) * 4
    shared = WordHashes()
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda t: fingerprint(t, 5, shared), texts))
    alone = [fingerprint(t, 5) for t in texts]
    assert all((a == b).all() and sa == sb for (a, sa), (b, sb) in zip(together, alone, strict=True))
