"""The SQLite store on real files in tmp_path: idempotent writes, search, FTS syntax safety,
read-only mode, schema versions and batches that fail without losing what was committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rawi.errors import StoreError
from rawi.ingest import read_paths
from rawi.records import Article
from rawi.store import SqliteCorpus, analyze_article, fts_query, open_corpus
from rawi.store.base import Corpus
from rawi.text import analyze

DAM = Article(
    id="dam.txt",
    title="الموارد المائية تنفي انهيار سد الوادي",
    text="نفت وزارة الموارد المائية انهيار سد الوادي الأخضر. وقالت إن السد سليم تماماً.\nوالصور المتداولة قديمة.",
    language="ar",
    outlet="sana",
    published="2026-03-15",
)
POTATO = Article(
    id="potato.txt",
    title="الزراعة تقرر وقف استيراد البطاطا",
    text="قررت وزارة الزراعة وقف استيراد البطاطا حتى نهاية العام لحماية المزارعين.",
    language="ar",
    outlet="petra",
    published="2026-09-07",
)
EN = Article(
    id="en/dam.txt",
    title="Ministry denies dam collapse",
    text='The ministry denied that the dam collapsed. "It is intact," an engineer said.',
    language="en",
    outlet="reuters",
)


@pytest.fixture
def corpus(tmp_path: Path) -> SqliteCorpus:
    c = SqliteCorpus(tmp_path / "rawi.db")
    c.write([DAM, POTATO, EN])
    yield c
    c.close()


def test_implements_the_corpus_protocol(corpus: SqliteCorpus) -> None:
    assert isinstance(corpus, Corpus)
    assert corpus.url.startswith("sqlite:///")


def test_round_trip_of_articles_and_sentences(corpus: SqliteCorpus) -> None:
    got = corpus.get("dam.txt")
    assert got == DAM
    assert corpus.get("missing") is None
    assert set(corpus.get_many(["dam.txt", "en/dam.txt", "missing"])) == {"dam.txt", "en/dam.txt"}
    sentences = corpus.sentences("dam.txt")
    assert [s.text for s in sentences] == [
        "نفت وزارة الموارد المائية انهيار سد الوادي الأخضر.",
        "وقالت إن السد سليم تماماً.",
        "والصور المتداولة قديمة.",
    ]
    assert all(DAM.text[s.start : s.end] == s.text for s in sentences)
    assert corpus.sentence_terms("dam.txt") == [analyze(s.text) for s in sentences]
    assert corpus.sentences("missing") == [] and corpus.sentence_terms("missing") == []
    assert [a.id for a in corpus.iter_articles(batch_size=2)] == ["dam.txt", "potato.txt", "en/dam.txt"]
    assert corpus.count() == 3


def test_shared_analysis_equals_the_text_stage(corpus: SqliteCorpus) -> None:
    analyzed = analyze_article(DAM)
    assert analyzed.title_terms == analyze(DAM.title)
    assert analyzed.sentence_terms == [analyze(s.text) for s in analyzed.sentences]
    assert analyzed.terms == analyze(DAM.title) + [t for s in analyzed.sentences for t in analyze(s.text)]


def test_search_ranks_the_article_that_matches_best(corpus: SqliteCorpus) -> None:
    hits = corpus.search(analyze("انهيار السد"), limit=10)
    assert [h.article_id for h in hits] == ["dam.txt"]
    assert hits[0].score > 0
    hits = corpus.search(analyze("وقف استيراد البطاطا والسد"))
    assert hits[0].article_id == "potato.txt" and len(hits) == 2
    assert hits[0].score >= hits[1].score
    assert corpus.search(analyze("dam collapsed"))[0].article_id == "en/dam.txt"
    assert corpus.search([]) == [] and corpus.search(["", "  "]) == []
    assert corpus.search(analyze("السد"), limit=0) == []


def test_document_frequencies(corpus: SqliteCorpus) -> None:
    terms = analyze("وزارة السد dam غائب")
    df = corpus.document_frequencies(terms)
    assert df[analyze("وزارة")[0]] == 2
    assert df[analyze("السد")[0]] == 1
    assert df["dam"] == 1
    assert df[analyze("غائب")[0]] == 0


@pytest.mark.parametrize(
    "query",
    [
        '"سد',
        "سد*",
        "NEAR(سد حماة)",
        "-البطاطا",
        "(وقف OR",
        'AND "" NOT',
        "potato) ^ :title",
        "a'b\"c",
        "*",
        '"',
    ],
)
def test_fts_syntax_in_terms_never_breaks_a_query(corpus: SqliteCorpus, query: str) -> None:
    corpus.search(query.split())  # raw words, syntax and all
    corpus.search(analyze(query))
    corpus.document_frequencies(query.split())


def test_fts_query_quotes_every_term() -> None:
    assert fts_query(['a"b', "NEAR", "x*"]) == '"a""b" OR "NEAR" OR "x*"'
    assert fts_query([]) == ""


def test_reingest_is_idempotent_and_a_changed_file_updates_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(4):
        (folder / f"n{i}.txt").write_text(
            f"عنوان الخبر {i}\nنص الخبر رقم {i} عن حملة التطعيم في المدارس.", "utf-8"
        )
    db = tmp_path / "n.db"
    with open_corpus(db) as corpus:
        first = corpus.write(a for a in read_paths([folder]) if isinstance(a, Article))
    assert len(first.added) == 4
    with open_corpus(db) as corpus:
        again = corpus.write(a for a in read_paths([folder]) if isinstance(a, Article))
        assert (again.added, again.updated, len(again.unchanged)) == ([], [], 4)
        (folder / "n2.txt").write_text("عنوان معدل\nنص جديد تماماً عن انهيار السد.", "utf-8")
        changed = corpus.write(a for a in read_paths([folder]) if isinstance(a, Article))
        assert (changed.added, changed.updated, len(changed.unchanged)) == ([], ["n2.txt"], 3)
        assert corpus.get("n2.txt").title == "عنوان معدل"
        assert [h.article_id for h in corpus.search(analyze("انهيار السد"))] == ["n2.txt"]
        assert corpus.search(analyze("الخبر رقم 2")) and "n2.txt" not in [
            h.article_id for h in corpus.search(analyze("2"))
        ]  # the old text left the index
        assert corpus.document_frequencies(analyze("التطعيم")) == {analyze("التطعيم")[0]: 3}
        assert len(corpus.sentences("n2.txt")) == 1
        assert corpus.stats()["articles"] == 4


def test_read_only_corpus_reads_and_refuses_writes(corpus: SqliteCorpus) -> None:
    reader = open_corpus(f"sqlite:///{corpus.path}", readonly=True)
    try:
        assert reader.count() == 3
        assert reader.search(analyze("البطاطا"))[0].article_id == "potato.txt"
        with pytest.raises(StoreError) as err:
            reader.write([DAM])
        assert err.value.code == "E304"
        corpus.write(
            [Article(id="new.txt", text="خبر جديد عن البطاطا")]
        )  # writer commits while reader is open
        assert reader.count() == 4
    finally:
        reader.close()


def test_read_only_on_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="rawi ingest"):
        open_corpus(tmp_path / "none.db", readonly=True)
    assert not (tmp_path / "none.db").exists()


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    SqliteCorpus(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(StoreError) as err:
        SqliteCorpus(db)
    assert err.value.code == "E301" and "99" in err.value.message


def test_a_foreign_sqlite_file_or_garbage_is_not_a_corpus(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    conn.close()
    with pytest.raises(StoreError) as err:
        SqliteCorpus(other)
    assert err.value.code == "E302"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        SqliteCorpus(junk)


def test_postgresql_url_is_not_available() -> None:
    with pytest.raises(StoreError, match="PostgreSQL store is not available"):
        open_corpus("postgresql://user@localhost/news")


def test_a_failing_batch_rolls_back_and_keeps_what_was_committed(tmp_path: Path) -> None:
    corpus = SqliteCorpus(tmp_path / "b.db")
    corpus.write([DAM])
    good = [Article(id=f"g{i}.txt", text=f"خبر رقم {i} عن السد") for i in range(600)]
    bad = Article(id="bad.txt", text=None)  # type: ignore[arg-type]
    with pytest.raises(StoreError) as err:
        corpus.write([*good, bad])  # first batch of 500 commits, the second fails
    assert err.value.code == "E303"
    assert len(err.value.result.added) == 500  # type: ignore[attr-defined]
    assert corpus.count() == 501
    assert corpus.get("g599.txt") is None and corpus.get("g0.txt") is not None
    assert corpus.search(analyze("السد"), limit=1000)  # the index is consistent after the rollback
    assert len(corpus.search(analyze("السد"), limit=1000)) == 501
    corpus.close()


def test_stats(corpus: SqliteCorpus) -> None:
    stats = corpus.stats()
    assert stats["articles"] == 3 and stats["sentences"] == 6
    assert stats["languages"] == {"ar": 2, "en": 1}
    assert stats["outlets"] == {"petra": 1, "reuters": 1, "sana": 1}
    assert stats["published"] == {"first": "2026-03-15", "last": "2026-09-07"}
    assert stats["schema_version"] == 1 and stats["size_bytes"] > 0


def test_analysis_in_worker_processes_stores_the_same_as_in_process(tmp_path: Path) -> None:
    texts = [
        f"خبر رقم {i}: أعلنت الوزارة أن السد سليم. وقال مهندس إن المياه انحسرت.\nThe dam is intact, officials said."
        for i in range(80)
    ]
    batch = [Article(id=f"a{i}.txt", title=f"عنوان {i}", text=t) for i, t in enumerate(texts)]
    stored = []
    for workers in (0, 1, 2):
        with SqliteCorpus(tmp_path / f"w{workers}.db", workers=workers) as corpus:
            assert len(corpus.write(batch).added) == 80
            stored.append(
                [(corpus.sentences(a.id), corpus.sentence_terms(a.id)) for a in batch]
                + [corpus.search(analyze("السد سليم"), limit=5)]
            )
    assert stored[0] == stored[1] == stored[2]


def test_fast_analysis_equals_the_text_stage_on_real_news(datasets_dir: Path) -> None:
    """The store's chunk-cached analysis must give exactly rawi.text.analyze, sentence by sentence."""
    import json

    from rawi.store.analysis import analyze_for_store
    from rawi.text import split_sentences

    files = sorted((datasets_dir / "Baly2018_ArabicFC_Stance" / "dataset").glob("*.json"))[:15]
    if not files:
        pytest.skip(f"no Baly 2018 claim files under {datasets_dir}")
    checked = 0
    for f in files:
        for text in json.loads(f.read_text(encoding="utf-8"))["article"][:3]:
            title = text.split("\n", 1)[0][:120]
            title_terms, sentences = analyze_for_store(title, text)
            assert title_terms.split() == analyze(title)
            expected = [(s.index, s.start, s.end, analyze(s.text)) for s in split_sentences(text)]
            assert [(i, a, b, terms.split()) for i, a, b, terms in sentences] == expected
            checked += 1
    assert checked > 10


def test_a_full_term_cache_starts_again_without_losing_the_texts_at_hand() -> None:
    from rawi.store import analysis
    from rawi.text import analyze
    from rawi.text.chunks import ChunkMemo

    memo = ChunkMemo(analysis._learn_chunks, 5)
    batches = [
        ["أعلنت الوزارة"],
        ["أعلنت الوزارة انهيار السد في المدينة"],  # known chunks, and new ones that overflow the cache
        ["نفى المتحدث الخبر", "وقال إن الأنباء عارية عن الصحة تماماً"],
        ["The dam collapsed on Sunday, officials said.", "نفى المتحدث انهيار السد"],
    ]
    for texts in batches:
        assert analysis.analyze_texts(texts, memo) == [analyze(t) for t in texts]
        assert len(memo) <= max(5, len({c for t in texts for c in t.split()}))
