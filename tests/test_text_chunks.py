"""Whitespace chunks of folded text and the cache refill rule shared by the store and the stance stage."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from rawi.text import normalize
from rawi.text.chunks import ChunkMemo, folded_chunks


def test_folded_chunks_are_the_normalized_words() -> None:
    texts = ["أعلنت  الوزارةُ\u00a0انهيار السد", "Officials DENIED it", "سطر\nثان", ""]
    assert folded_chunks(texts) == [normalize(t).split() for t in texts]  # a newline inside: one by one
    assert folded_chunks([]) == []


def test_chunk_memo_learns_what_it_lacks_and_starts_again_when_full() -> None:
    asked: list[set[str]] = []

    def learn(chunks: set[str]) -> dict[str, int]:
        asked.append(set(chunks))
        return {c: len(c) for c in chunks}

    memo = ChunkMemo(learn, limit=3)
    assert dict(memo.lookup([["ab", "c"]])) == {"ab": 2, "c": 1} and asked == [{"ab", "c"}]
    assert memo.lookup([["ab"], ["c"]])["ab"] == 2 and len(asked) == 1  # known: nothing learnt
    old = memo.current()
    # learning d, e would pass the limit: a new memo, holding every chunk at hand (ab too)
    known = memo.lookup([["ab", "d"], ["e"]])
    assert asked[-1] == {"ab", "d", "e"} and set(known) == {"ab", "d", "e"}
    assert set(old) == {"ab", "c"}  # a reader holding the old memo still finds what it held


def test_chunk_memo_shared_by_threads_never_loses_a_chunk() -> None:
    memo = ChunkMemo(lambda chunks: {c: c.upper() for c in chunks}, limit=50)

    def work(k: int) -> None:
        for i in range(300):
            chunked = [[f"w{k}-{i}-{j}" for j in range(7)]]
            known = memo.lookup(chunked)
            assert [known[c] for c in chunked[0]] == [c.upper() for c in chunked[0]]

    with ThreadPoolExecutor(6) as pool:  # an assert failing in a thread is raised here
        list(pool.map(work, range(6)))
    assert len(memo) <= 50
