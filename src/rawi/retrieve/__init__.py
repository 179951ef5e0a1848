"""Retrieve stage: claim → ranked articles (BM25 over the corpus index) → best sentences per article."""

from rawi.retrieve.retriever import RetrievedArticle, Retriever, query_terms, score_sentences

__all__ = ["RetrievedArticle", "Retriever", "query_terms", "score_sentences"]
