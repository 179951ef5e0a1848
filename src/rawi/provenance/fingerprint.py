"""Shingle fingerprints of texts: the word 5-grams of the NORMALIZED text, hashed to 32 bits.

Fingerprinting is the costly part of indexing 100,000 articles, and each text is independent, so
:func:`fingerprints` spreads it over worker processes when asked.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

import numpy as np

from rawi.text import fold, tokenize_normalized
from rawi.text.tokenize import word_spans as original_spans

_MASK = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(1000003)
CHUNK = 256


class WordHashes(dict):
    """crc32 of each word, memoized (a dict lookup is far cheaper than hashing the bytes again).

    One per owner (a :class:`rawi.provenance.reuse.ReuseIndex`, a passage search, a worker
    process), never one for the whole process. Bounded; filled under a lock, so threads may share one.
    """

    limit = 2_000_000

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()

    def __missing__(self, word: str) -> int:
        value = zlib.crc32(word.encode("utf-8"))
        with self._lock:
            if len(self) >= self.limit:
                self.clear()
            self[word] = value
        return value


# In a worker process of :func:`fingerprints` (set by its initializer): the worker's own table.
_worker_hashes: WordHashes | None = None


def word_spans(text: str, expected: int) -> np.ndarray | None:
    """(start, end) offsets of each normalized token in ``text`` as an array
    (:func:`rawi.text.tokenize.word_spans`), or ``None`` when the original text does not split into
    exactly ``expected`` tokens."""
    spans = original_spans(text, expected)
    return None if spans is None else np.array(spans, dtype=np.int64).reshape(-1, 2)


def members(values: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    """Boolean mask: which ``values`` occur in ``sorted_unique`` (binary search, no re-sorting)."""
    if not len(sorted_unique):
        return np.zeros(len(values), dtype=bool)
    idx = np.minimum(np.searchsorted(sorted_unique, values), len(sorted_unique) - 1)
    return sorted_unique[idx] == values


def words_of(text: str) -> list[str]:
    """Normalized tokens (same as :func:`rawi.text.tokenize`, without collapsing spaces first)."""
    return tokenize_normalized(fold(text).lower())


def shingle_hashes(words: Sequence[str], size: int, table: WordHashes | None = None) -> np.ndarray:
    """32-bit hash of every run of ``size`` words (one hash for a text shorter than ``size``);
    ``table``: the caller's word hashes, kept between calls."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    table = table if table is not None else WordHashes()
    h = np.array([table[w] for w in words], dtype=np.uint64)
    if len(words) < size:
        size = len(words)
    out = np.zeros(len(words) - size + 1, dtype=np.uint64)
    for k in range(size):  # polynomial rolling combination, vectorized over positions
        out = (out * _MULT + h[k : len(h) - size + 1 + k]) & _MASK
    return out


def fingerprint(text: str, size: int, table: WordHashes | None = None) -> tuple[np.ndarray, bytes]:
    """(sorted unique shingle hashes as uint32, signature of the whole normalized word sequence)."""
    words = words_of(text)
    digest = zlib.crc32(" ".join(words).encode("utf-8"))
    signature = digest.to_bytes(4, "big") + len(words).to_bytes(4, "big")
    return np.unique(shingle_hashes(words, size, table)).astype(np.uint32), signature


def _start_worker() -> None:
    global _worker_hashes
    _worker_hashes = WordHashes()


def _fingerprint_chunk(args: tuple[list[str], int]) -> list[tuple[np.ndarray, bytes]]:
    texts, size = args
    table = _worker_hashes if _worker_hashes is not None else WordHashes()
    return [fingerprint(t, size, table) for t in texts]


def fingerprints(
    texts: Iterable[str], size: int, workers: int = 1, table: WordHashes | None = None
) -> Iterator[tuple[np.ndarray, bytes]]:
    """Fingerprints of ``texts`` in order; ``workers`` > 1 uses that many processes (each with its
    own word hashes), else ``table`` (or one made for this call)."""
    if workers <= 1:
        table = table if table is not None else WordHashes()
        for t in texts:
            yield fingerprint(t, size, table)
        return
    it = iter(texts)
    chunks = iter(lambda: list(islice(it, CHUNK)), [])
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
        for result in pool.map(_fingerprint_chunk, ((c, size) for c in chunks), chunksize=1):
            yield from result
