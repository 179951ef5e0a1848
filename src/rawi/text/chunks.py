"""Whitespace chunks of folded text, the unit that per-word analyses are remembered by.

No token spans whitespace, so a text's tokens are the tokens of its chunks in order and a chunk's
analysis never depends on its neighbours: the store (index terms) and the stance stage (tokens,
stems, cues) each analyze a chunk once and look it up afterwards. This module holds what both do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from typing import Generic, TypeVar

from rawi.text.normalize import fold

V = TypeVar("V")


def folded_chunks(texts: Sequence[str]) -> list[list[str]]:
    """Each text folded and lowercased (as ``normalize`` does), split into whitespace chunks.

    The texts are folded in one pass, joined by newlines; when a text holds a newline (or NFKC
    makes one) they are folded one by one instead.
    """
    if not texts:
        return []
    lines = fold("\n".join(texts)).lower().split("\n")
    if len(lines) != len(texts):
        lines = [fold(t).lower() for t in texts]
    return [line.split() for line in lines]


class ChunkMemo(Generic[V]):
    """Per-chunk analyses remembered up to ``limit`` chunks, safe to share between threads.

    Readers take :meth:`current` and look chunks up without a lock. The memo is never emptied in
    place: when learning would take it past ``limit``, a new dict replaces it, so a reader holding
    the old one never sees a chunk vanish between its check and its lookup. :meth:`learn` (one
    learner at a time) returns a mapping holding every chunk it was given.
    """

    def __init__(self, learn: Callable[[set[str]], Mapping[str, V]], limit: int) -> None:
        self._learn = learn
        self.limit = limit
        self._items: dict[str, V] = {}
        self._lock = threading.Lock()

    def current(self) -> Mapping[str, V]:
        return self._items

    def __len__(self) -> int:
        return len(self._items)

    def learn(self, chunked: list[list[str]]) -> Mapping[str, V]:
        """The memo, with every chunk of ``chunked`` it lacked analyzed and added."""
        with self._lock:
            items = self._items
            missing = set(chain.from_iterable(chunked)).difference(items)
            if missing and len(items) + len(missing) > self.limit:
                items = {}  # bounded memory: start again with the chunks at hand
                missing = set(chain.from_iterable(chunked))
            if missing:
                items.update(self._learn(missing))
            self._items = items
            return items

    def lookup(self, chunked: list[list[str]]) -> Mapping[str, V]:
        """A mapping holding every chunk of ``chunked`` (the memo itself when it knows them all)."""
        items = self._items
        if all(c in items for chunks in chunked for c in chunks):
            return items
        return self.learn(chunked)


__all__ = ["ChunkMemo", "folded_chunks"]
