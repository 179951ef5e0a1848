"""What every store derives from an article before writing it: sentences and analyzed terms.

One function, :func:`analyze_article`, used by every store (SQLite now, PostgreSQL later), so the
index is built exactly as :func:`rawi.text.analyze` analyzes a query. It gives the same terms as
calling ``analyze`` on each sentence, only faster on news-length text:

- the sentences are folded in one pass (joined by newlines, which no sentence contains);
- each distinct whitespace-separated chunk is tokenized, filtered and stemmed once and remembered
  (its terms depend on nothing else), so most of a long corpus costs one dictionary lookup per word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import chain

from rawi.lang import all_languages
from rawi.records import Article, Sentence
from rawi.text import fold, split_sentences, stem_tokens, tokenize_normalized

# Whitespace-separated chunks remembered with their terms; a news vocabulary of a few hundred
# thousand chunks fits, and the cache is emptied when it grows past this (terms are cheap to redo).
CHUNK_CACHE_SIZE = 300_000

_chunk_terms: dict[str, tuple[str, ...]] = {}


@dataclass(frozen=True)
class AnalyzedArticle:
    """Sentences of the body with their analyzed terms, and the article's terms (title + body)."""

    sentences: list[Sentence]
    sentence_terms: list[list[str]]
    title_terms: list[str]

    @property
    def terms(self) -> list[str]:
        out = list(self.title_terms)
        for terms in self.sentence_terms:
            out += terms
        return out


@cache
def _stopwords() -> frozenset[str]:
    words: set[str] = set()
    for lang in all_languages():
        words |= lang.stopwords
    return frozenset(words)


def _learn_chunks(chunks: set[str]) -> None:
    """Analyze chunks not seen before: tokens, stopwords dropped, one stemmer call for all of them."""
    if len(_chunk_terms) + len(chunks) > CHUNK_CACHE_SIZE:
        _chunk_terms.clear()
    stop = _stopwords()
    tokens_of = {c: [t for t in tokenize_normalized(c) if t not in stop] for c in chunks}
    distinct = list({t for tokens in tokens_of.values() for t in tokens})
    stem_of = dict(zip(distinct, stem_tokens(distinct), strict=True))
    for chunk, tokens in tokens_of.items():
        _chunk_terms[chunk] = tuple(stem_of[t] for t in tokens)


def analyze_texts(texts: list[str]) -> list[list[str]]:
    """``[rawi.text.analyze(t) for t in texts]``, with per-chunk work done once per distinct chunk.

    No token spans whitespace, so a text's tokens are the tokens of its whitespace-separated
    chunks in order, and a chunk's terms never depend on its neighbours.
    """
    if not texts:
        return []
    lines = fold("\n".join(texts)).lower().split("\n")
    if len(lines) != len(texts):  # a text held a newline, or NFKC made one: fold one by one
        lines = [fold(t).lower() for t in texts]
    chunked = [line.split() for line in lines]
    unseen = set(chain.from_iterable(chunked)).difference(_chunk_terms)
    if unseen:
        _learn_chunks(unseen)
    lookup = _chunk_terms.__getitem__
    return [list(chain.from_iterable(map(lookup, chunks))) for chunks in chunked]


def analyze_article(article: Article) -> AnalyzedArticle:
    """Split the body into sentences and analyze the title and each sentence once.

    >>> a = analyze_article(Article(id="x", title="انهيار السد", text="أعلنت الوزارة انهيار السد. لا تعليق"))
    >>> a.sentence_terms
    [['اعلن', 'زار', 'انهيار', 'سد'], ['لا', 'تعليق']]
    >>> a.terms[:2]
    ['انهيار', 'سد']
    """
    sentences = split_sentences(article.text)
    title = " ".join((article.title or "").split())  # titles may hold newlines; terms do not care
    analyzed = analyze_texts([title, *(s.text for s in sentences)])
    return AnalyzedArticle(sentences, analyzed[1:], analyzed[0])
