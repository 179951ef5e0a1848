"""Text reuse: which articles share passages, found with MinHash LSH and aligned exactly.

Shingles are runs of ``shingle`` words of the NORMALIZED text (rawi.text.normalize via
:func:`offset_tokens`), so letter variants, diacritics, tatweel and punctuation spacing do not
matter. Candidates come from a :class:`datasketch.MinHashLSH`; each candidate pair is then checked
exactly (shared shingles) and its shared passages are cut from the ORIGINAL text by token offsets.
Articles whose normalized texts are identical are grouped first and never re-compared.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from rawi.provenance.boilerplate import find_boilerplate
from rawi.provenance.fingerprint import (
    WordHashes,
    fingerprint,
    fingerprints,
    members,
    shingle_hashes,
    word_spans,
    words_of,
)
from rawi.provenance.tokens import offset_tokens
from rawi.records import Article

ALIGN_CACHE = 4096  # articles whose word offsets stay cached while pairs are aligned
PARALLEL_FROM = 5000  # articles from which find_reuse fingerprints in worker processes
NEAR_DUPLICATE = 0.8  # Jaccard at which two texts are copies of one story (for boilerplate counting)


@dataclass(frozen=True)
class ReuseLink:
    """Two articles that share text. ``similarity`` is the share of the shorter article's shingles
    found in the other (1.0 for duplicates); ``earlier`` is the older article when dates say so."""

    a: str
    b: str
    similarity: float
    shared_passages: list[str] = field(default_factory=list)
    earlier: str | None = None
    # Aligned passages (rawi.provenance.passages.Passage) when the link comes from the passage pass:
    # the two articles share a passage inside otherwise different text.
    passages: list = field(default_factory=list)
    # One article translates the other (rawi.provenance.translation): no text is shared, the report is.
    translated: bool = False

    @property
    def kind(self) -> str:
        return "translation" if self.translated else "passage" if self.passages else "near_duplicate"

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "a": self.a,
            "b": self.b,
            "similarity": round(self.similarity, 4),
            "shared_passages": list(self.shared_passages),
            "earlier": self.earlier,
            "kind": self.kind,
        }
        if self.passages:
            out["passages"] = [p.to_json() for p in self.passages]
        return out


@dataclass
class _Doc:
    id: str
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
    max_shingle_df : a shingle found in more than this many distinct stories (clusters of
        near-duplicates) is site boilerplate and never counts as shared text; ``None`` keeps all.
        Applied by :meth:`links` over the whole collection.
    word_hashes : the owner's word-hash memo, kept warm across indexes (default: this index's own).
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
        max_shingle_df: int | None = 3,
        word_hashes: WordHashes | None = None,
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
        self.max_shingle_df = max_shingle_df
        self._boilerplate = np.zeros(0, dtype=np.uint32)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, seed=1, hashfunc=int)
        self._docs: dict[str, _Doc] = {}
        self._by_signature: dict[bytes, list[str]] = {}
        self._texts: dict[str, str] = {}
        # Where passages are cut from: the kept texts, or a caller's lookup (find_reuse reads its
        # input sequence, so 100,000 texts are never copied into the index).
        self.text_of: Callable[[str], str] = self._texts.__getitem__
        self._aligned: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._contents: dict[str, np.ndarray] = {}
        self._minhashes: dict[str, MinHash] = {}
        self._hashes = word_hashes if word_hashes is not None else WordHashes()

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
        shingles, signature = fingerprint(text, self.shingle, self._hashes)
        return _Doc(article_id, published, shingles, signature)

    def add(
        self, article_id: str, text: str, published: str | None = None, *, keep_text: bool = True
    ) -> None:
        """Index one article (an id already indexed is replaced). Without ``keep_text`` the
        passages are cut from ``self.text_of(article_id)``."""
        self._add_doc(self._doc(article_id, text, published), text if keep_text else None)

    def _add_doc(self, doc: _Doc, text: str | None) -> None:
        if doc.id in self._docs:
            self.remove(doc.id)
        self._docs[doc.id] = doc
        if text is not None:
            self._texts[doc.id] = text
        same = self._by_signature.setdefault(doc.signature, [])
        same.append(doc.id)
        if len(same) == 1 and len(doc.shingles):
            self._insert(doc)

    def _insert(self, doc: _Doc) -> None:
        m = self._minhash(doc.shingles.astype(np.uint64))
        self._minhashes[doc.id] = m
        self._lsh.insert(doc.id, m, check_duplication=False)

    def add_many(self, articles: Sequence[Article], *, keep_text: bool = True, workers: int = 1) -> None:
        """Index many articles; ``workers`` > 1 fingerprints them in that many processes."""
        prints = fingerprints((a.text or "" for a in articles), self.shingle, workers, self._hashes)
        for a, (shingles, signature) in zip(articles, prints, strict=True):
            self._add_doc(_Doc(a.id, a.published, shingles, signature), (a.text or "") if keep_text else None)

    def remove(self, article_id: str) -> None:
        doc = self._docs.pop(article_id)
        self._texts.pop(article_id, None)
        self._aligned.pop(article_id, None)
        group = self._by_signature[doc.signature]
        group.remove(article_id)
        if self._minhashes.pop(article_id, None) is not None:
            self._lsh.remove(article_id)
            if group:  # another copy of the same text takes its place in the LSH
                self._insert(self._docs[group[0]])
        if not group:
            del self._by_signature[doc.signature]

    # -- comparing --------------------------------------------------------------------------------
    def compare(self, a: str, b: str) -> ReuseLink | None:
        """The link between two indexed articles, or ``None`` when they share too little."""
        return self._link(self._docs[a], self._docs[b])

    def _content(self, doc: _Doc) -> np.ndarray:
        """Shingles of ``doc`` minus the site boilerplate found by :meth:`links` (cached)."""
        if not len(self._boilerplate):
            return doc.shingles
        content = self._contents.get(doc.id)
        if content is None:
            content = self._contents[doc.id] = doc.shingles[~members(doc.shingles, self._boilerplate)]
        return content

    def _similarity(self, da: _Doc, db: _Doc) -> float:
        if da.signature == db.signature:
            return 1.0
        a, b = self._content(da), self._content(db)
        if len(a) > len(b):
            a, b = b, a
        return float(members(a, b).sum()) / len(a) if len(a) else 0.0

    def _link(self, da: _Doc, db: _Doc, similarity: float | None = None) -> ReuseLink | None:
        sim = self._similarity(da, db) if similarity is None else similarity
        if sim < self.min_similarity:
            return None
        return ReuseLink(da.id, db.id, min(1.0, sim), self.passages(da, db), _earlier(da, db))

    def _tokens_of(self, doc_id: str, text: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Original (start, end) offsets of each word and the shingle hashes, cached per article."""
        cached = self._aligned.get(doc_id)
        if cached is not None:
            self._aligned.move_to_end(doc_id)
            return cached
        original = self.text_of(doc_id) if text is None else text
        words = words_of(original)
        spans = word_spans(original, len(words))
        if spans is None:  # the fast split disagrees: take the careful tokenizer's offsets
            toks = [t for t in offset_tokens(original) if t.is_word]
            words = [t.norm for t in toks]
            spans = np.array([(t.start, t.end) for t in toks], dtype=np.int64).reshape(-1, 2)
        hashes = shingle_hashes(words, self.shingle, self._hashes).astype(np.uint32)
        self._aligned[doc_id] = (spans, hashes)
        if len(self._aligned) > ALIGN_CACHE:
            self._aligned.popitem(last=False)
        return spans, hashes

    def passages(self, da: _Doc, db: _Doc, text_a: str | None = None) -> list[str]:
        """Shared passages in the original text of the shorter article, longest first, capped."""
        if len(da.shingles) <= len(db.shingles):
            short, other, text = da, db, text_a
        else:
            short, other, text = db, da, None
        spans, hashes = self._tokens_of(short.id, text)
        if not len(spans):
            return []
        present = members(hashes, self._content(other))
        if len(self._boilerplate):
            present &= ~members(hashes, self._boilerplate)
        if not present.any():
            return []
        original = self.text_of(short.id) if text is None else text
        size = min(self.shingle, len(spans))
        # Shared shingles that overlap or touch form one passage (token range [start, end)): a run
        # breaks where the next shared shingle starts after the current one ends.
        at = np.flatnonzero(present)
        breaks = np.flatnonzero(np.diff(at) > size)
        starts = at[np.concatenate(([0], breaks + 1))]
        ends = at[np.concatenate((breaks, [len(at) - 1]))] + size
        order = np.argsort(starts - ends, kind="stable")  # longest first, ties in text order
        out = []
        for start, end in zip(
            starts[order][: self.max_passages].tolist(),
            ends[order][: self.max_passages].tolist(),
            strict=True,
        ):
            passage = original[int(spans[start, 0]) : int(spans[end - 1, 1])]
            if len(passage) > self.max_passage_chars:
                passage = passage[: self.max_passage_chars].rstrip() + "…"
            out.append(passage)
        return out

    def query(self, text: str, *, exclude: str | None = None) -> list[ReuseLink]:
        """Indexed articles that share text with ``text`` (most similar first)."""
        probe = self._doc("\x00probe", text, None)
        ids = list(self._by_signature.get(probe.signature, []))
        if len(probe.shingles):
            for rep in self._lsh.query(self._minhash(probe.shingles.astype(np.uint64))):
                ids += self._by_signature[self._docs[rep].signature]
        links = []
        for other in dict.fromkeys(ids):
            if other == exclude:
                continue
            sim = self._similarity(probe, self._docs[other])
            if sim >= self.min_similarity:
                passages = self.passages(probe, self._docs[other], text_a=text)
                links.append(ReuseLink(other, "", min(1.0, sim), passages))
        self._aligned.pop("\x00probe", None)
        return sorted(links, key=lambda x: -x.similarity)

    def links(self) -> list[ReuseLink]:
        """Every reused pair among the indexed articles (capped per article, see ``max_links``)."""
        out: list[ReuseLink] = []
        order = {doc_id: i for i, doc_id in enumerate(self._docs)}
        for group in self._by_signature.values():
            out += self._duplicate_links(group)
        reps = [g[0] for g in self._by_signature.values() if len(self._docs[g[0]].shingles)]
        candidates: dict[str, list[str]] = {}
        near: list[tuple[str, str]] = []
        self._boilerplate = np.zeros(0, dtype=np.uint32)
        self._contents = {}
        for rep in reps:
            doc = self._docs[rep]
            found = [
                o for o in self._lsh.query(self._minhashes[rep]) if order[o] > order[rep]
            ]  # each pair once
            candidates[rep] = found
            for other in found:
                if _jaccard(doc.shingles, self._docs[other].shingles) >= NEAR_DUPLICATE:
                    near.append((rep, other))
        if self.max_shingle_df is not None:
            self._boilerplate = find_boilerplate(
                {r: self._docs[r].shingles for r in reps}, near, self.max_shingle_df
            )
        kept: dict[str, int] = {}
        for rep in reps:
            doc = self._docs[rep]
            scored = []
            for other in candidates[rep]:
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
        if len(group) < 2 or not len(self._docs[group[0]].shingles):
            return []  # empty texts are not copies of each other
        docs = sorted(
            (self._docs[i] for i in group), key=lambda d: (d.published or "\uffff", group.index(d.id))
        )
        passage = self.passages(docs[0], docs[1])
        if len(docs) <= self.max_links + 1:
            pairs = [(x, y) for k, x in enumerate(docs) for y in docs[k + 1 :]]
        else:
            pairs = [(docs[0], y) for y in docs[1:]]
        return [ReuseLink(x.id, y.id, 1.0, passage, _earlier(x, y)) for x, y in pairs]


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) > len(b):
        a, b = b, a
    inter = int(members(a, b).sum())
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def _earlier(a: _Doc, b: _Doc) -> str | None:
    if a.published and b.published and a.published[:10] != b.published[:10]:
        return a.id if a.published < b.published else b.id
    return None


def find_reuse(
    articles: Sequence[Article],
    *,
    threshold: float = 0.3,
    min_similarity: float = 0.5,
    word_hashes: WordHashes | None = None,
    **options: int | None,
) -> list[ReuseLink]:
    """Pairs of ``articles`` that share text (see :class:`ReuseIndex` for the parameters; also
    ``workers``: processes for fingerprinting, default 2 from 5,000 articles on).

    Examples
    --------
    >>> a = Article("a", "قال الجيش إن القوات سيطرت على المدينة بعد معارك عنيفة استمرت ثلاثة أيام")
    >>> b = Article("b", "قال الجيـــش إنّ القوات سيطرت على المدينة بعد معارك عنيفة استمرت ثلاثة أيام")
    >>> [(x.a, x.b, x.similarity) for x in find_reuse([a, b])]
    [('a', 'b', 1.0)]
    """
    workers = options.pop("workers", None)
    if workers is None:  # processes pay off only for large collections
        workers = min(2, os.cpu_count() or 1) if len(articles) >= PARALLEL_FROM else 1
    index = ReuseIndex(threshold=threshold, min_similarity=min_similarity, word_hashes=word_hashes, **options)
    position = {a.id: i for i, a in enumerate(articles)}
    index.add_many(articles, keep_text=False, workers=workers)
    index.text_of = lambda article_id: articles[position[article_id]].text or ""
    return index.links()
