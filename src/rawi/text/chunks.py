"""Whitespace chunks of folded text, the unit that per-word analyses are remembered by.

No token spans whitespace, so a text's tokens are the tokens of its chunks in order and a chunk's
analysis never depends on its neighbours: the store (index terms) and the stance stage (tokens,
stems, cues) each analyze a chunk once and look it up afterwards. This module holds what both do.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from itertools import chain

from rawi.text.normalize import fold


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


def chunks_to_learn(cache: MutableMapping[str, object], chunked: list[list[str]], limit: int) -> set[str]:
    """The chunks of ``chunked`` that ``cache`` lacks. When learning them would take the cache past
    ``limit`` it is emptied first (bounded memory), and then every chunk of ``chunked`` is returned,
    so the texts at hand never lose a chunk they need."""
    missing = set(chain.from_iterable(chunked)).difference(cache)
    if missing and len(cache) + len(missing) > limit:
        cache.clear()
        missing = set(chain.from_iterable(chunked))
    return missing


__all__ = ["chunks_to_learn", "folded_chunks"]
