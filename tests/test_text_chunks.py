"""Whitespace chunks of folded text and the cache refill rule shared by the store and the stance stage."""

from __future__ import annotations

from rawi.text import normalize
from rawi.text.chunks import chunks_to_learn, folded_chunks


def test_folded_chunks_are_the_normalized_words() -> None:
    texts = ["أعلنت  الوزارةُ\u00a0انهيار السد", "Officials DENIED it", "سطر\nثان", ""]
    assert folded_chunks(texts) == [normalize(t).split() for t in texts]  # a newline inside: one by one
    assert folded_chunks([]) == []


def test_chunks_to_learn_refills_with_every_chunk_at_hand_when_full() -> None:
    cache: dict[str, object] = {"a": 1, "b": 2}
    assert chunks_to_learn(cache, [["a", "c"]], limit=10) == {"c"} and cache == {"a": 1, "b": 2}
    assert chunks_to_learn(cache, [["a"], ["b"]], limit=10) == set()
    # learning c, d would pass the limit: the cache starts again and a must be learnt too
    assert chunks_to_learn(cache, [["a", "c"], ["d"]], limit=3) == {"a", "c", "d"} and cache == {}
