"""Embeddings computed once: a text-keyed vector cache, in memory and optionally in a SQLite file.

Training and evaluation embed the same sentences over and over (every fold, every run); a check
embeds the same claim and candidate sentences again when it is re-run. The cache keys each vector
by the encoder and a hash of the text, so a changed text is a new entry and nothing goes stale.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rawi.embed.encoders import Encoder, encoder_tag


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class EmbeddingCache:
    """Vectors of one encoder by text.

    Parameters
    ----------
    encoder : the encoder that fills the cache on a miss.
    path : optional SQLite file that keeps vectors across runs (created when missing).
    max_items : entries kept in memory (least recently used dropped first).
    batch_size : texts encoded per encoder call on a miss.
    """

    def __init__(
        self,
        encoder: Encoder,
        path: str | Path | None = None,
        *,
        max_items: int = 200_000,
        batch_size: int = 64,
    ) -> None:
        self.encoder = encoder
        self.max_items = max_items
        self.batch_size = batch_size
        self._memory: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors "
                "(encoder TEXT, key BLOB, vec BLOB, PRIMARY KEY (encoder, key))"
            )

    @property
    def _tag(self) -> str:
        return encoder_tag(self.encoder)

    def _remember(self, key: bytes, vec: np.ndarray) -> None:
        self._memory[key] = vec
        self._memory.move_to_end(key)
        while len(self._memory) > self.max_items:
            self._memory.popitem(last=False)

    def _from_disk(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        if self._db is None or not keys:
            return {}
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, vec FROM vectors WHERE encoder = ? AND key IN ({marks})", [self._tag, *chunk]
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        return found

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Rows for ``texts`` (in order), computing only the ones not seen before."""
        keys = [text_key(t) for t in texts]
        with self._lock:
            missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
            for key, vec in self._from_disk(missing).items():
                self._remember(key, vec)
            todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._memory}
        if todo:
            items = list(todo.items())
            computed: list[tuple[bytes, np.ndarray]] = []
            for start in range(0, len(items), self.batch_size):
                part = items[start : start + self.batch_size]
                vecs = self.encoder.encode([t for _, t in part])
                computed += [(k, v) for (k, _), v in zip(part, vecs, strict=True)]
            with self._lock:
                for key, vec in computed:
                    self._remember(key, vec)
                if self._db is not None:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                        [(self._tag, k, v.astype(np.float16).tobytes()) for k, v in computed],
                    )
                    self._db.commit()
                local = dict(computed)
        else:
            local = {}
        with self._lock:
            rows = [local[k] if k in local else self._memory[k] for k in keys]
        if not rows:
            return np.zeros((0, self.encoder.dim), dtype=np.float32)
        return np.vstack(rows).astype(np.float32)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
