"""Text reuse: which articles share passages, found with MinHash LSH and aligned exactly.

Shingles are runs of ``shingle`` words of the NORMALIZED text (rawi.text.normalize via
:func:`offset_tokens`), so letter variants, diacritics, tatweel and punctuation spacing do not
matter. Candidates come from a :class:`datasketch.MinHashLSH`; each candidate pair is then checked
exactly (shared shingles) and its shared passages are cut from the ORIGINAL text by token offsets.
Articles whose normalized texts are identical are grouped first and never re-compared.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from rawi.provenance.tokens import offset_tokens
from rawi.records import Article

_MASK = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(1000003)


@dataclass(frozen=True)
class ReuseLink:
    """Two articles that share text. ``similarity`` is the share of the shorter article's shingles
    found in the other (1.0 for duplicates); ``earlier`` is the older article when dates say so."""

    a: str
    b: str
    similarity: float
    shared_passages: list[str] = field(default_factory=list)
    earlier: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "similarity": round(self.similarity, 4),
            "shared_passages": list(self.shared_passages),
            "earlier": self.earlier,
        }


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(words: Sequence[str], size: int) -> np.ndarray:
    """32-bit hash of every run of ``size`` words (one hash for a text shorter than ``size``)."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    if len(words) < size:
        size = len(words)
    out = np.zeros(len(words) - size + 1, dtype=np.uint64)
    for k in range(size):  # polynomial rolling combination, vectorized over positions
        out = (out * _MULT + h[k : len(h) - size + 1 + k]) & _MASK
    return out


@dataclass
class _Doc:
    id: str
    text: str
    published: str | None
    shingles: np.ndarray  # sorted unique shingle hashes (uint32)
    signature: bytes  # identity of the normalized word sequence


class ReuseIndex:
    """MinHash LSH index of articles for finding shared text.

    Parameters
    ----------
    threshold : Jaccard similarity of shingle sets at which LSH proposes a pair, in (0, 1).
    min_similarity : share of the shorter article's shingles that must be shared to report a pair.
    num_perm : MinHash permutations (64-128).
    shingle : words per shingle.
    max_passages : shared passages reported per pair (longest first).
    max_links : links kept per article (most similar first); duplicates beyond it link to the
        earliest copy only, so a text copied 1,000 times does not make 500,000 pairs.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.3,
        min_similarity: float = 0.5,
        num_perm: int = 64,
        shingle: int = 5,
        max_passages: int = 3,
        max_passage_chars: int = 400,
        max_links: int = 20,
    ) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(
                f"The 'threshold' parameter of ReuseIndex must be in (0, 1). Got {threshold!r} instead."
            )
        if not 0.0 < min_similarity <= 1.0:
            raise ValueError(
                "The 'min_similarity' parameter of ReuseIndex must be in (0, 1]. "
                f"Got {min_similarity!r} instead."
            )
        if shingle < 1 or num_perm < 16:
            raise ValueError("ReuseIndex needs shingle >= 1 and num_perm >= 16.")
        self.threshold = threshold
        self.min_similarity = min_similarity
        self.num_perm = num_perm
        self.shingle = shingle
        self.max_passages = max_passages
        self.max_passage_chars = max_passage_chars
        self.max_links = max_links
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, seed=1, hashfunc=int)
        self._docs: dict[str, _Doc] = {}
        self._by_signature: dict[bytes, list[str]] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._docs

    # -- building ---------------------------------------------------------------------------------
    def _minhash(self, shingles: np.ndarray) -> MinHash:
        m = MinHash(
            num_perm=self.num_perm,
            hashfunc=int,
            permutations=self._template.permutations,
            scheme=self._template.scheme,
        )
        m.update_batch(shingles.tolist())
        return m

    def _doc(self, article_id: str, text: str, published: str | None) -> _Doc:
        words = [t.norm for t in offset_tokens(text) if t.is_word]
        hashes = shingle_hashes(words, self.shingle)
        signature = zlib.crc32(" ".join(words).encode("utf-8")).to_bytes(4, "big") + len(words).to_bytes(
            4, "big"
        )
        return _Doc(article_id, text, published, np.unique(hashes).astype(np.uint32), signature)

    def add(self, article_id: str, text: str, published: str | None = None) -> None:
        """Index one article (an id already indexed is replaced)."""
        if article_id in self._docs:
            self.remove(article_id)
        doc = self._doc(article_id, text, published)
        self._docs[article_id] = doc
        same = self._by_signature.setdefault(doc.signature, [])
        same.append(article_id)
        if len(same) == 1 and len(doc.shingles):
            self._lsh.insert(
                article_id, self._minhash(doc.shingles.astype(np.uint64)), check_duplication=False
            )

    def add_many(self, articles: Iterable[Article]) -> None:
        for a in articles:
            self.add(a.id, a.text or "", a.published)

    def remove(self, article_id: str) -> None:
        doc = self._docs.pop(article_id)
        group = self._by_signature[doc.signature]
        group.remove(article_id)
        if article_id in self._lsh.keys:
            self._lsh.remove(article_id)
            if group:  # another copy of the same text takes its place in the LSH
                rep = self._docs[group[0]]
                self._lsh.insert(
                    rep.id, self._minhash(rep.shingles.astype(np.uint64)), check_duplication=False
                )
        if not group:
            del self._by_signature[doc.signature]

    # -- comparing --------------------------------------------------------------------------------
    def compare(self, a: str, b: str) -> ReuseLink | None:
        """The link between two indexed articles, or ``None`` when they share too little."""
        return self._link(self._docs[a], self._docs[b])

    def _similarity(self, da: _Doc, db: _Doc) -> float:
        if da.signature == db.signature:
            return 1.0
        shorter = min(len(da.shingles), len(db.shingles))
        if not shorter:
            return 0.0
        shared = np.intersect1d(da.shingles, db.shingles, assume_unique=True).size
        return shared / shorter

    def _link(self, da: _Doc, db: _Doc, similarity: float | None = None) -> ReuseLink | None:
        sim = self._similarity(da, db) if similarity is None else similarity
        if sim < self.min_similarity:
            return None
        return ReuseLink(da.id, db.id, min(1.0, sim), self.passages(da, db), _earlier(da, db))

    def passages(self, da: _Doc, db: _Doc) -> list[str]:
        """Shared passages in the original text of the shorter article, longest first, capped."""
        short, other = (da, db) if len(da.shingles) <= len(db.shingles) else (db, da)
        toks = [t for t in offset_tokens(short.text) if t.is_word]
        if not toks:
            return []
        hashes = shingle_hashes([t.norm for t in toks], self.shingle).astype(np.uint32)
        present = np.isin(hashes, other.shingles)
        size = min(self.shingle, len(toks))
        runs: list[tuple[int, int]] = []  # token ranges [start, end)
        for i in np.flatnonzero(present):
            start, end = int(i), int(i) + size
            if runs and start <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(runs[-1][1], end))
            else:
                runs.append((start, end))
        runs.sort(key=lambda r: -(r[1] - r[0]))
        out = []
        for start, end in runs[: self.max_passages]:
            passage = short.text[toks[start].start : toks[end - 1].end]
            if len(passage) > self.max_passage_chars:
                passage = passage[: self.max_passage_chars].rstrip() + "…"
            out.append(passage)
        return out

    def query(self, text: str, *, exclude: str | None = None) -> list[ReuseLink]:
        """Indexed articles that share text with ``text`` (most similar first)."""
        probe = self._doc("", text, None)
        ids = list(self._by_signature.get(probe.signature, []))
        if len(probe.shingles):
            for rep in self._lsh.query(self._minhash(probe.shingles.astype(np.uint64))):
                ids += self._by_signature[self._docs[rep].signature]
        links = []
        for other in dict.fromkeys(ids):
            if other == exclude:
                continue
            link = self._link(probe, self._docs[other])
            if link:
                links.append(ReuseLink(other, "", link.similarity, link.shared_passages))
        return sorted(links, key=lambda x: -x.similarity)

    def links(self) -> list[ReuseLink]:
        """Every reused pair among the indexed articles (capped per article, see ``max_links``)."""
        out: list[ReuseLink] = []
        order = {doc_id: i for i, doc_id in enumerate(self._docs)}
        for group in self._by_signature.values():
            out += self._duplicate_links(group)
        reps = [g[0] for g in self._by_signature.values() if len(self._docs[g[0]].shingles)]
        kept: dict[str, int] = {}
        for rep in reps:
            doc = self._docs[rep]
            scored = []
            for other in self._lsh.query(self._minhash(doc.shingles.astype(np.uint64))):
                if order[other] <= order[rep]:
                    continue  # each pair once
                sim = self._similarity(doc, self._docs[other])
                if sim >= self.min_similarity:
                    scored.append((sim, other))
            scored.sort(key=lambda x: (-x[0], order[x[1]]))
            for sim, other in scored:
                out += self._group_links(doc, self._docs[other], sim, kept)
        return out

    def _group_links(self, da: _Doc, db: _Doc, sim: float, kept: dict[str, int]) -> list[ReuseLink]:
        """Links between every copy of ``da``'s text and every copy of ``db``'s, within the caps."""
        passages: list[str] | None = None
        out = []
        for x in self._by_signature[da.signature]:
            for y in self._by_signature[db.signature]:
                if kept.get(x, 0) >= self.max_links or kept.get(y, 0) >= self.max_links:
                    continue
                kept[x] = kept.get(x, 0) + 1
                kept[y] = kept.get(y, 0) + 1
                if passages is None:
                    passages = self.passages(da, db)
                dx, dy = self._docs[x], self._docs[y]
                out.append(ReuseLink(x, y, min(1.0, sim), passages, _earlier(dx, dy)))
        return out

    def _duplicate_links(self, group: list[str]) -> list[ReuseLink]:
        """Copies of one normalized text: all pairs for small groups, else a star on the earliest."""
        if len(group) < 2:
            return []
        docs = sorted(
            (self._docs[i] for i in group), key=lambda d: (d.published or "\uffff", group.index(d.id))
        )
        passage = self.passages(docs[0], docs[1])
        if len(docs) <= self.max_links + 1:
            pairs = [(x, y) for k, x in enumerate(docs) for y in docs[k + 1 :]]
        else:
            pairs = [(docs[0], y) for y in docs[1:]]
        return [ReuseLink(x.id, y.id, 1.0, passage, _earlier(x, y)) for x, y in pairs]


def _earlier(a: _Doc, b: _Doc) -> str | None:
    if a.published and b.published and a.published[:10] != b.published[:10]:
        return a.id if a.published < b.published else b.id
    return None


def find_reuse(
    articles: Sequence[Article], *, threshold: float = 0.3, min_similarity: float = 0.5, **options: int
) -> list[ReuseLink]:
    """Pairs of ``articles`` that share text (see :class:`ReuseIndex` for the parameters).

    Examples
    --------
    >>> a = Article("a", "قال الجيش إن القوات سيطرت على المدينة بعد معارك عنيفة استمرت ثلاثة أيام")
    >>> b = Article("b", "قال الجيـــش إنّ القوات سيطرت على المدينة بعد معارك عنيفة استمرت ثلاثة أيام")
    >>> [(x.a, x.b, x.similarity) for x in find_reuse([a, b])]
    [('a', 'b', 1.0)]
    """
    index = ReuseIndex(threshold=threshold, min_similarity=min_similarity, **options)
    index.add_many(articles)
    return index.links()
