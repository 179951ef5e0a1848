"""What every store derives from an article before writing it: sentences and analyzed terms.

One function, :func:`analyze_article`, used by every store (SQLite now, PostgreSQL later), so the
index is built exactly as :func:`rawi.text.analyze` analyzes a query. It gives the same terms as
calling ``analyze`` on each sentence, only faster on news-length text:

- the sentences are folded in one pass (:func:`rawi.text.chunks.folded_chunks`);
- each distinct whitespace-separated chunk is tokenized, filtered and stemmed once and remembered
  (its terms depend on nothing else), so most of a long corpus costs one dictionary lookup per word.
  What is remembered belongs to the store's :class:`AnalysisPool` (and to each of its worker
  processes), never to this module: two stores in one process keep apart.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice

from rawi.records import Article, Sentence
from rawi.text import all_stopwords, split_sentences, stem_tokens, tokenize_normalized
from rawi.text.chunks import ChunkMemo, folded_chunks
from rawi.text.segment import sentence_spans

# Whitespace-separated chunks remembered with their terms; a news vocabulary of a few hundred
# thousand chunks fits, and the cache is emptied when it grows past this (terms are cheap to redo).
CHUNK_CACHE_SIZE = 300_000


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


def _learn_chunks(chunks: set[str]) -> dict[str, str]:
    """Analyze chunks not seen before: tokens, stopwords dropped, one stemmer call for all of them."""
    stop = all_stopwords()
    tokens_of = {c: [t for t in tokenize_normalized(c) if t not in stop] for c in chunks}
    distinct = list({t for tokens in tokens_of.values() for t in tokens})
    stem_of = dict(zip(distinct, stem_tokens(distinct), strict=True))
    return {chunk: " ".join([stem_of[t] for t in tokens]) for chunk, tokens in tokens_of.items()}


def chunk_terms() -> ChunkMemo[str]:
    """A memo of chunk -> its terms space-joined ("" when it has none): terms never contain spaces,
    and a store writes them joined, so joining per chunk once saves building and joining lists per
    sentence. Safe to share between threads."""
    return ChunkMemo(_learn_chunks, CHUNK_CACHE_SIZE)


def analyze_texts_joined(texts: list[str], memo: ChunkMemo[str] | None = None) -> list[str]:
    """``[" ".join(rawi.text.analyze(t)) for t in texts]``, each distinct chunk analyzed once
    (and remembered in ``memo`` when given).

    No token spans whitespace, so a text's tokens are the tokens of its whitespace-separated
    chunks in order, and a chunk's terms never depend on its neighbours.
    """
    chunked = folded_chunks(texts)
    if memo is None:
        lookup = _learn_chunks(set(chain.from_iterable(chunked))).__getitem__
        return [" ".join(filter(None, map(lookup, chunks))) for chunks in chunked]
    try:  # one pass over the chunks when all are known (most of a warm corpus)
        lookup = memo.current().__getitem__
        return [" ".join(filter(None, map(lookup, chunks))) for chunks in chunked]
    except KeyError:
        lookup = memo.learn(chunked).__getitem__
        return [" ".join(filter(None, map(lookup, chunks))) for chunks in chunked]


def analyze_texts(texts: list[str], memo: ChunkMemo[str] | None = None) -> list[list[str]]:
    """``[rawi.text.analyze(t) for t in texts]`` (see :func:`analyze_texts_joined`)."""
    return [joined.split() for joined in analyze_texts_joined(texts, memo)]


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


# -- what a store writes, computed in worker processes when a batch is large ------------------------

# A sentence row: (sentence index, start, end, sentence terms space-joined).
SentenceRow = tuple[int, int, int, str]
# (title terms, sentence rows): small to pickle. The rows of a large text are an iterator, made a
# block at a time while the store writes them (see LARGE_TEXT_CHARS).
StoredAnalysis = tuple[str, list[SentenceRow] | Iterator[SentenceRow]]

PARALLEL_MIN_ARTICLES = 64  # below this, starting work in other processes costs more than it saves
CHUNK_ARTICLES = 16  # articles per task sent to a worker
# A text longer than this is analyzed in this process, STREAM_SENTENCES sentences at a time, its rows
# written as they come: analyzed whole, a 200 MB file held ~14 times its size in word and sentence
# objects, and sending it to a worker pickled it twice more.
LARGE_TEXT_CHARS = 1_000_000
STREAM_SENTENCES = 2_000


def analyze_for_store(title: str | None, text: str, memo: ChunkMemo[str] | None = None) -> StoredAnalysis:
    """:func:`analyze_article` in the compact form a store writes (terms space-joined)."""
    sentences = split_sentences(text)
    joined = analyze_texts_joined([" ".join((title or "").split()), *(s.text for s in sentences)], memo)
    return joined[0], [
        (s.index, s.start, s.end, terms) for s, terms in zip(sentences, joined[1:], strict=True)
    ]


def stream_for_store(title: str | None, text: str, memo: ChunkMemo[str] | None = None) -> StoredAnalysis:
    """:func:`analyze_for_store` with the rows made lazily, a block of sentences at a time (the same
    rows: a chunk's terms never depend on its neighbours)."""

    def rows() -> Iterator[SentenceRow]:
        spans = enumerate(sentence_spans(text))
        while block := list(islice(spans, STREAM_SENTENCES)):
            joined = analyze_texts_joined([text[start:end] for _, (start, end) in block], memo)
            for (index, (start, end)), terms in zip(block, joined, strict=True):
                yield index, start, end, terms

    return analyze_texts_joined([" ".join((title or "").split())], memo)[0], rows()


# In a worker process of an AnalysisPool (set by its initializer): the worker's own term memo, warm
# across the batches it is sent. Never set in the process that owns the pool.
_worker_terms: ChunkMemo[str] | None = None


def _analyze_chunk(pairs: list[tuple[str | None, str]]) -> list[StoredAnalysis]:
    return [analyze_for_store(title, text, _worker_terms) for title, text in pairs]


def default_workers() -> int:
    """Worker processes for analysis: on several cores, one (this process reads files and writes
    SQLite meanwhile), plus one per further core left idle by other work; none on one core.

    Measured on 2 cores, 10,000 Baly articles: one worker 347 articles/s and 2.9 CPU ms/article,
    none 191 articles/s and 3.5 CPU ms/article (the worker's term cache stays warm).
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return 0
    try:
        idle = cores - os.getloadavg()[0]
    except OSError:  # no load average on this platform
        idle = float(cores)
    return max(1, min(cores - 1, int(idle)))


ORPHAN_POLL_S = 0.5


def _start_worker(parent: int) -> None:
    """In a new worker: its own term memo, and an exit as soon as the process that started it is gone."""
    global _worker_terms
    _worker_terms = chunk_terms()
    _exit_with_parent(parent)


def _exit_with_parent(parent: int) -> None:
    """In a worker: exit as soon as the process that started it is gone. A killed ingest (kill -9)
    cannot shut its pool down, and an orphaned worker would otherwise wait on its queue forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="rawi-orphan-watch", daemon=True).start()


class AnalysisPool:
    """Analyzes batches of articles in worker processes (started on first use), results in order.

    The text stage is pure Python, so threads would not run it in parallel; processes do. Each
    worker keeps its own chunk cache, warm across batches, for the life of the pool; what is
    analyzed in this process goes through the pool's own (``terms``).
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.terms = chunk_terms()
        self._executor: ProcessPoolExecutor | None = None

    def map(self, articles: Sequence[Article]) -> Iterator[StoredAnalysis]:
        """Start analyzing now (in workers for a large batch); iterate for the results in order.
        A text over ``LARGE_TEXT_CHARS`` stays in this process and is streamed (its rows lazy)."""
        pairs = [(a.title, a.text) for a in articles]
        large = {k for k, (_, text) in enumerate(pairs) if len(text) > LARGE_TEXT_CHARS}
        small = [pair for k, pair in enumerate(pairs) if k not in large]
        executor = self._start() if len(small) >= PARALLEL_MIN_ARTICLES else None
        if executor is None:
            done: Iterator[StoredAnalysis] = (
                analyze_for_store(title, text, self.terms) for title, text in small
            )
        else:
            chunks = [small[i : i + CHUNK_ARTICLES] for i in range(0, len(small), CHUNK_ARTICLES)]
            done = chain.from_iterable(executor.map(_analyze_chunk, chunks))
        if not large:
            return done
        return (
            stream_for_store(*pair, self.terms) if k in large else next(done) for k, pair in enumerate(pairs)
        )

    def _start(self) -> ProcessPoolExecutor | None:
        if self.workers < 1:
            return None
        if self._executor is None:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            try:
                self._executor = ProcessPoolExecutor(
                    self.workers,
                    mp_context=mp.get_context(method),
                    initializer=_start_worker,
                    initargs=(os.getpid(),),
                )
            except (OSError, ValueError):  # no processes allowed here (a sandbox): analyze in-process
                self.workers = 0
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
