"""The semantic index: one vector per article (title and lead), searched by cosine similarity.

Why title and lead: a news article states its event in its first lines, and one vector per article
keeps the cost at ingest to one encoder call per article (the whole text would cost one call per
sentence, 10-30x more). Candidate sentences for stance are embedded at check time, a few per
article, through the shared :class:`EmbeddingCache`, so a re-run check or a re-seen article costs
nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from rawi.embed import Encoder
from rawi.embed.cache import EmbeddingCache
from rawi.embed.encoders import encoder_tag
from rawi.records import Article
from rawi.store.base import Corpus

LEAD_CHARS = 600  # of the body, after the title: the lead paragraph(s) of a news article


def article_passage(article: Article) -> str:
    """The text an article's vector is made from: its title and the start of its body."""
    title = (article.title or "").strip()
    body = article.text
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title) :]
    return f"{title}\n{body.strip()[:LEAD_CHARS]}".strip()


class SemanticIndex:
    """Dense article search and sentence vectors over one corpus, for one encoder.

    The article matrix is read from the store once and reloaded only when the number of stored
    vectors changes (a long-lived server sees new ingests; a check reads it once).
    """

    def __init__(self, corpus: Corpus, encoder: Encoder, cache: EmbeddingCache | None = None) -> None:
        self.corpus = corpus
        self.encoder = encoder
        self.cache = cache or EmbeddingCache(encoder)
        self._ids: list[str] = []
        self._matrix = np.zeros((0, encoder.dim), dtype=np.float32)
        self._loaded_count = -1
        self._lock = threading.Lock()

    @property
    def tag(self) -> str:
        """What the store keys vectors by: the encoder and its version."""
        return encoder_tag(self.encoder)

    # -- writing ------------------------------------------------------------------------------------
    def embed_articles(self, articles: Sequence[Article]) -> dict[str, np.ndarray]:
        vectors = self.encoder.encode([article_passage(a) for a in articles])
        return {a.id: v for a, v in zip(articles, vectors, strict=True)}

    def index(self, articles: Sequence[Article]) -> int:
        """Embed and store the vectors of ``articles``; returns how many were stored."""
        if not articles:
            return 0
        return self.corpus.put_vectors(self.tag, self.embed_articles(articles))

    def missing(self) -> int:
        """Articles of the corpus without a vector of this encoder."""
        return max(self.corpus.count() - self.corpus.vector_count(self.tag), 0)

    def fill_missing(self, batch_size: int = 256) -> int:
        """Embed every article that has no vector yet (a corpus ingested before the semantic layer,
        or with it turned off); returns how many were added."""
        if not self.missing():
            return 0
        have = set(self.corpus.vectors(self.tag)[0])
        added, batch = 0, []
        for article in self.corpus.iter_articles():
            if article.id not in have:
                batch.append(article)
            if len(batch) >= batch_size:
                added += self.index(batch)
                batch = []
        return added + self.index(batch)

    # -- reading ------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        count = self.corpus.vector_count(self.tag)
        if count != self._loaded_count:
            ids, matrix = self.corpus.vectors(self.tag)
            self._ids = ids
            self._matrix = matrix if len(ids) else np.zeros((0, self.encoder.dim), dtype=np.float32)
            self._loaded_count = count

    def search(self, query_vector: np.ndarray, limit: int) -> list[tuple[str, float]]:
        """Article ids by cosine similarity to ``query_vector``, best first."""
        with self._lock:
            self._refresh()
            ids, matrix = self._ids, self._matrix
        if not ids or limit <= 0:
            return []
        scores = matrix @ query_vector.astype(np.float32)
        k = min(limit, len(ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(ids[i], float(scores[i])) for i in top]

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of arbitrary texts (claims, sentences), cached by text."""
        return self.cache.encode(list(texts))
