"""Retrieve stage: claim → ranked articles (BM25 over the corpus index) → best sentences per article."""

from rawi.retrieve.retriever import (
    RetrievedArticle,
    Retriever,
    candidate_sentences,
    idf_weights,
    query_terms,
    score_sentences,
)
from rawi.retrieve.semantic import SemanticIndex, article_passage

__all__ = [
    "RetrievedArticle",
    "Retriever",
    "SemanticIndex",
    "article_passage",
    "candidate_sentences",
    "idf_weights",
    "query_terms",
    "score_sentences",
]
