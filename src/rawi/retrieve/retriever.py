"""BM25 article retrieval through the store, then BM25-style sentence scoring inside each article.

Articles are ranked by the store's full-text index (it sees only analyzed terms, so no query syntax
from a user ever reaches it). Sentences are scored here, with IDF from the whole corpus, because the
best sentences are what the stance model, the rationale and the report rest on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from rawi.errors import ClaimError
from rawi.records import Article, Sentence
from rawi.retrieve.semantic import SemanticIndex
from rawi.store.base import Corpus
from rawi.text import all_stopwords, stem_tokens, tokenize

# BM25 parameters for sentences: sentences are short and of similar length, so length
# normalisation matters less than for whole articles.
SENTENCE_K1 = 1.2
SENTENCE_B = 0.3

# Terms found in more than this share of the corpus carry almost no BM25 weight but make the index
# score every article that has them: at 100,000 articles, dropping them from the index query (not
# from sentence scoring) cut search time 3-4x for a loss of 0.009 in recall@20 of the related Baly
# articles (0.670 -> 0.661). See BENCHMARKS.md.
MAX_DF_SHARE = 0.2
MAX_QUERY_TERMS = 20


# Reciprocal-rank fusion of the BM25 and dense rankings (Cormack et al. 2009): robust to the two
# scores' different scales, no weights to tune. A dense hit below MIN_DENSE cosine is noise.
RRF_K = 60
MIN_DENSE = 0.2
# Sentences of each retrieved article compared with the claim by vector: the lead (where news
# states its event, and the only signal when claim and article are in different languages) and
# the best lexical matches.
LEAD_SENTENCES = 3
LEXICAL_CANDIDATES = 4


@dataclass
class RetrievedArticle:
    article: Article
    score: float  # fused retrieval score (reciprocal-rank fusion), higher is better
    sentences: list[Sentence]
    sentence_scores: list[float] = field(default_factory=list)  # BM25, aligned with ``sentences``
    bm25: float = 0.0  # the index's BM25 (0 when only the dense search found it)
    dense: float | None = None  # cosine of claim and article vectors (None: no semantic layer)
    similarity: dict[int, float] = field(default_factory=dict)  # sentence index -> cosine with claim

    @property
    def article_id(self) -> str:
        return self.article.id

    def best_sentences(self, n: int = 3) -> list[int]:
        """Indices of the ``n`` best-matching sentences (score > 0), best first."""
        ranked = sorted(range(len(self.sentence_scores)), key=lambda i: -self.sentence_scores[i])
        return [i for i in ranked[:n] if self.sentence_scores[i] > 0]


def query_terms(claim: str, tokens: Sequence[str] | None = None) -> list[str]:
    """Distinct analyzed terms of a claim, in order; raises ClaimError when there are none.

    ``tokens``: the claim's normalized tokens (:func:`rawi.text.tokenize`), when the caller has them.
    """
    if not claim or not claim.strip():
        raise ClaimError('The claim is empty: give the statement to check, e.g. rawi check "...".')
    stop = all_stopwords()
    words = tokenize(claim) if tokens is None else tokens
    terms = list(dict.fromkeys(stem_tokens([t for t in words if t not in stop])))
    if not terms:
        raise ClaimError(
            f"The claim {claim.strip()[:60]!r} has no searchable words (only punctuation or function words)."
        )
    return terms


def candidate_sentences(sentence_scores: Sequence[float]) -> list[int]:
    """Sentences of an article worth comparing with the claim by vector: the lead and the best
    lexical matches (see LEAD_SENTENCES), in that order. Training uses the same choice."""
    picks = list(range(min(LEAD_SENTENCES, len(sentence_scores))))
    ranked = sorted(range(len(sentence_scores)), key=lambda i: -sentence_scores[i])
    picks += [i for i in ranked[:LEXICAL_CANDIDATES] if sentence_scores[i] > 0 and i not in picks]
    return picks


def idf_weights(terms: Sequence[str], df: dict[str, int], n: int) -> dict[str, float]:
    return {t: math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in terms}


def score_sentences(
    terms: Sequence[str], sentence_terms: Sequence[Sequence[str]], idf: dict[str, float]
) -> list[float]:
    """BM25 score of each sentence for the query terms (0 for a sentence sharing no term)."""
    lengths = [len(t) for t in sentence_terms]
    avg = (sum(lengths) / len(lengths)) if lengths else 1.0
    wanted = set(terms)
    scores = []
    for toks, length in zip(sentence_terms, lengths, strict=True):
        tf = Counter(t for t in toks if t in wanted)
        s = 0.0
        for term, f in tf.items():
            norm = SENTENCE_K1 * (1 - SENTENCE_B + SENTENCE_B * length / max(avg, 1.0))
            s += idf.get(term, 0.0) * f * (SENTENCE_K1 + 1) / (f + norm)
        scores.append(s)
    return scores


class Retriever:
    """Ranks a corpus's articles and their sentences for a claim.

    Parameters
    ----------
    corpus : the store to search.
    top_k : how many articles to return, in [1, 500].
    """

    def __init__(self, corpus: Corpus, *, top_k: int = 20, semantic: SemanticIndex | None = None) -> None:
        if not isinstance(top_k, int) or not 1 <= top_k <= 500:
            raise ValueError(f"The 'top_k' parameter of Retriever must be an int in [1, 500]. Got {top_k!r}.")
        self.corpus = corpus
        self.top_k = top_k
        self.semantic = semantic

    def index_terms(self, terms: Sequence[str], df: dict[str, int], n: int) -> list[str]:
        """The selective terms to send to the index: rarest first, common ones dropped (see above)."""
        by_rarity = sorted(terms, key=lambda t: df.get(t, 0))
        selective = [t for t in by_rarity if df.get(t, 0) <= MAX_DF_SHARE * n]
        return (selective if len(selective) >= 3 else by_rarity[:3])[:MAX_QUERY_TERMS]

    def retrieve(self, claim: str) -> list[RetrievedArticle]:
        terms = query_terms(claim)
        vector = self.semantic.vectors([claim])[0] if self.semantic is not None else None
        return self.rank(terms, vector)

    def rank(self, terms: Sequence[str], claim_vector: np.ndarray | None) -> list[RetrievedArticle]:
        """Articles for a claim analysed already (a check's :class:`rawi.claim.AnalyzedClaim`): its
        query terms and, with a semantic index, its vector."""
        n = max(self.corpus.count(), 1)
        df = self.corpus.document_frequencies(list(terms))
        pool = 2 * self.top_k
        lexical = self.corpus.search(self.index_terms(terms, df, n), limit=pool)
        bm25 = {h.article_id: h.score for h in lexical}
        dense: dict[str, float] = {}
        if self.semantic is not None and claim_vector is not None:
            dense = {a: s for a, s in self.semantic.search(claim_vector, pool) if s >= MIN_DENSE}
        fused: dict[str, float] = {}
        for ranking in (list(bm25), list(dense)):
            for rank, article_id in enumerate(ranking):
                fused[article_id] = fused.get(article_id, 0.0) + 1.0 / (RRF_K + rank + 1)
        chosen = sorted(fused, key=lambda a: -fused[a])[: self.top_k]
        if not chosen:
            return []
        articles = self.corpus.get_many(chosen)
        idf = idf_weights(terms, df, n)
        out: list[RetrievedArticle] = []
        for article_id in chosen:
            article = articles.get(article_id)
            if article is None:  # removed between search and fetch
                continue
            sentences = self.corpus.sentences(article_id)
            scores = score_sentences(terms, self.corpus.sentence_terms(article_id), idf)
            out.append(
                RetrievedArticle(
                    article,
                    fused[article_id],
                    sentences,
                    scores,
                    bm25.get(article_id, 0.0),
                    dense.get(article_id),
                )
            )
        if claim_vector is not None and self.semantic is not None:
            self._sentence_similarity(claim_vector, out)
        return out

    def _sentence_similarity(self, claim_vector: np.ndarray, retrieved: list[RetrievedArticle]) -> None:
        """Cosine of the claim with each article's candidate sentences, in one encoder batch."""
        wanted: list[tuple[RetrievedArticle, int]] = []
        for r in retrieved:
            picks = candidate_sentences(r.sentence_scores)
            wanted += [(r, i) for i in picks if r.sentences[i].text.strip()]
        if not wanted:
            return
        assert self.semantic is not None
        vectors = self.semantic.vectors([r.sentences[i].text for r, i in wanted])
        for (r, i), cosine in zip(wanted, vectors @ claim_vector, strict=True):
            r.similarity[i] = float(cosine)
