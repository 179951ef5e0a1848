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

from rawi.errors import ClaimError
from rawi.records import Article, Sentence
from rawi.store.base import Corpus
from rawi.text import analyze

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


@dataclass
class RetrievedArticle:
    article: Article
    score: float  # article BM25 from the index, higher is better
    sentences: list[Sentence]
    sentence_scores: list[float] = field(default_factory=list)  # aligned with ``sentences``

    @property
    def article_id(self) -> str:
        return self.article.id

    def best_sentences(self, n: int = 3) -> list[int]:
        """Indices of the ``n`` best-matching sentences (score > 0), best first."""
        ranked = sorted(range(len(self.sentence_scores)), key=lambda i: -self.sentence_scores[i])
        return [i for i in ranked[:n] if self.sentence_scores[i] > 0]


def query_terms(claim: str) -> list[str]:
    """Distinct analyzed terms of a claim, in order; raises ClaimError when there are none."""
    if not claim or not claim.strip():
        raise ClaimError('The claim is empty: give the statement to check, e.g. rawi check "...".')
    terms = list(dict.fromkeys(analyze(claim)))
    if not terms:
        raise ClaimError(
            f"The claim {claim.strip()[:60]!r} has no searchable words (only punctuation or function words)."
        )
    return terms


def _idf(terms: Sequence[str], df: dict[str, int], n: int) -> dict[str, float]:
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

    def __init__(self, corpus: Corpus, *, top_k: int = 20) -> None:
        if not isinstance(top_k, int) or not 1 <= top_k <= 500:
            raise ValueError(f"The 'top_k' parameter of Retriever must be an int in [1, 500]. Got {top_k!r}.")
        self.corpus = corpus
        self.top_k = top_k

    def index_terms(self, terms: Sequence[str], df: dict[str, int], n: int) -> list[str]:
        """The selective terms to send to the index: rarest first, common ones dropped (see above)."""
        by_rarity = sorted(terms, key=lambda t: df.get(t, 0))
        selective = [t for t in by_rarity if df.get(t, 0) <= MAX_DF_SHARE * n]
        return (selective if len(selective) >= 3 else by_rarity[:3])[:MAX_QUERY_TERMS]

    def retrieve(self, claim: str) -> list[RetrievedArticle]:
        terms = query_terms(claim)
        n = max(self.corpus.count(), 1)
        df = self.corpus.document_frequencies(list(terms))
        hits = self.corpus.search(self.index_terms(terms, df, n), limit=self.top_k)
        if not hits:
            return []
        articles = self.corpus.get_many([h.article_id for h in hits])
        idf = _idf(terms, df, n)
        out: list[RetrievedArticle] = []
        for hit in hits:
            article = articles.get(hit.article_id)
            if article is None:  # removed between search and fetch
                continue
            sentences = self.corpus.sentences(hit.article_id)
            scores = score_sentences(terms, self.corpus.sentence_terms(hit.article_id), idf)
            out.append(RetrievedArticle(article, hit.score, sentences, scores))
        return out
