"""Passage-level reuse benchmark: recall on planted copies, precision on a hand-judged sample, cost.

    python benchmarks/bench_passages.py                  # planted recall and the judged sample
    python benchmarks/bench_passages.py --scale 20000    # cost over a generated corpus of that size

Planted part: ``--planted`` passages of 10 to 40 words are cut from one Baly article and copied, with
the edits outlets make (letter variants أ/ا ى/ي ة/ه, tatweel, diacritics, one changed word in ten,
a dropped word in the longer ones), into an article of another claim, between two of its lines. The
source passage is news text: none of its word 4-grams is in more than MAX_STORIES distinct Baly
texts, and it holds no page chrome phrase, no second script and no teaser ellipsis (page chrome,
which the passage pass drops on purpose). The whole Baly collection with the planted copies goes
through the near-duplicate pass and then the passage pass in collection mode (``max_stories=3``,
or RAWI_MAX_STORIES); a planted copy is found when a passage links the two articles (or the first
copy of the source's story) and covers the planted words.

Sample part: pairs reported between the unmodified Baly articles, the first ones in the order of a
seeded hash of their ids (a stable sample: a version that drops pairs keeps the others), are
listed by reference (file#article, word spans) for judging by hand in
``benchmarks/passage_sample_judgements.tsv`` (never the text); with verdicts there, precision is
computed from them.

Scale part: the Baly articles repeated with variations (see bench_reuse.py) up to ``--scale``
articles; CPU seconds of the near-duplicate pass and of the passage pass are printed separately.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import zlib
from collections.abc import Iterable

from _corpus import ROOT, baly_files, peak_rss_mb
from bench_reuse import DIACRITICS, LETTER_SWAPS, VariantCorpus, baly_refs, cpu_seconds

from rawi.groups import UnionFind
from rawi.provenance import Passage, find_passages, find_reuse
from rawi.provenance.fingerprint import shingle_hashes, words_of
from rawi.provenance.passages import NGRAM, _content
from rawi.provenance.reuse import NEAR_DUPLICATE
from rawi.records import Article

JUDGEMENTS = ROOT / "benchmarks" / "passage_sample_judgements.tsv"
SEED = 20261130
MAX_STORIES = int(os.environ.get("RAWI_MAX_STORIES", "3"))  # n-grams in more stories are a site's chrome


def baly_urls() -> dict[str, str]:
    """URL of every Baly article by reference: the site a page belongs to (its furniture)."""
    out = {}
    for f in baly_files():
        for i, url in enumerate(json.loads(f.read_text(encoding="utf-8"))["url"]):
            out[f"{f.name}#{i}"] = url
    return out


def edit(words: list[str], rnd: random.Random, vocabulary: list[str]) -> list[str]:
    """A passage as another outlet types it: letter variants, tatweel, diacritics, a changed word
    in ten, a dropped word when it is 20 words or longer."""
    out = list(words)
    for i, w in enumerate(out):
        r = rnd.random()
        if r < 0.15 and w and w[0] in LETTER_SWAPS:
            out[i] = LETTER_SWAPS[w[0]] + w[1:]
        elif r < 0.25 and w and w[-1] in LETTER_SWAPS:
            out[i] = w[:-1] + LETTER_SWAPS[w[-1]]
        elif r < 0.3 and len(w) > 3:
            out[i] = w[:2] + "\u0640\u0640" + w[2:]
        elif r < 0.35 and len(w) > 2:
            out[i] = w[:2] + rnd.choice(DIACRITICS) + w[2:]
    for _ in range(len(out) // 10):
        out[rnd.randrange(len(out))] = rnd.choice(vocabulary)
    if len(out) >= 20:
        del out[rnd.randrange(1, len(out) - 1)]
    return out


def _hashes(text: str) -> set[int]:
    words = words_of(text)
    return set(shingle_hashes(words, NGRAM).tolist()) if len(words) >= NGRAM else set()


def _common_ngrams(texts: list[str]) -> set[int]:
    """n-grams found in more than MAX_STORIES distinct texts: what the passage pass calls chrome."""
    seen: dict[int, int] = {}
    for text in set(texts):
        for h in _hashes(text):
            seen[h] = seen.get(h, 0) + 1
    return {h for h, n in seen.items() if n > MAX_STORIES}


def plant(refs: list[tuple[str, str]], n: int) -> tuple[list[Article], list[tuple[str, str, int, int]]]:
    """The Baly articles with ``n`` planted copies: (source ref, target ref, start, end of the copy)."""
    rnd = random.Random(SEED)
    texts = dict(refs)
    common = _common_ngrams([t for _, t in refs])
    vocabulary = [w for _, t in refs[:200] for w in t.split() if len(w) > 3]
    usable = [r for r, t in refs if len(t.split()) >= 80]
    planted = []
    used: set[str] = set()
    while len(planted) < n:
        src, dst = rnd.sample(usable, 2)
        if src.split("#")[0] == dst.split("#")[0] or src in used or dst in used:
            continue
        used |= {src, dst}
        words = texts[src].split()
        size = rnd.randint(10, 40)  # words with letters; the corpus spaces punctuation apart
        lettered = [i for i, w in enumerate(words) if any(ch.isalpha() for ch in w)]
        if len(lettered) < size + 1:
            continue
        k0 = rnd.randrange(0, len(lettered) - size)
        at, to = lettered[k0], lettered[k0 + size - 1] + 1
        passage = " ".join(words[at:to])
        if _hashes(passage) & common or not _content(passage, words_of(passage)):
            continue  # page chrome (a menu, a sign-in form, a list of teasers): not news text
        copy = " ".join(edit(words[at:to], rnd, vocabulary))
        lines = texts[dst].split("\n")
        k = rnd.randrange(1, len(lines) + 1)
        before = "\n".join(lines[:k])
        texts[dst] = before + "\n" + copy + "\n" + "\n".join(lines[k:])
        planted.append((src, dst, len(before) + 1, len(before) + 1 + len(copy)))
    urls = baly_urls()
    return [Article(r, texts[r], url=urls.get(r)) for r, _ in refs], planted


def _near(links: list) -> set[tuple[str, str]]:
    """Pairs that are copies of one story (the near-duplicate pass's Jaccard threshold)."""
    return {(x.a, x.b) for x in links if x.similarity >= NEAR_DUPLICATE}


def _stories(links: list) -> dict[str, str]:
    uf = UnionFind()
    for link in links:
        if link.similarity >= NEAR_DUPLICATE:
            uf.union(link.a, link.b)
    return uf.roots()


def planted_recall(n: int) -> None:
    refs = baly_refs()
    articles, planted = plant(refs, n)
    t = cpu_seconds()
    links = find_reuse(articles)
    t_near = cpu_seconds() - t
    t = cpu_seconds()
    passages = find_passages(
        articles, skip={(x.a, x.b) for x in links}, max_stories=MAX_STORIES, near_duplicates=_near(links)
    )
    t_pass = cpu_seconds() - t
    story = _stories(links)
    root = lambda ref: story.get(ref, ref)  # noqa: E731
    by_pair: dict[frozenset[str], list[Passage]] = {}
    for p in passages:
        by_pair.setdefault(frozenset((root(p.a), root(p.b))), []).append(p)
    found = 0
    missed = []
    for src, dst, start, end in planted:
        hits = by_pair.get(frozenset((root(src), root(dst))), [])
        span = [p.a_span if p.a == dst else p.b_span for p in hits if dst in (p.a, p.b)]
        if any(s < end and e > start for s, e in span) or (hits and root(dst) != dst):
            found += 1
        else:
            missed.append((src, dst, end - start))
    print(f"planted copies: {n}; found {found} ({found / n:.3f})")
    print(
        f"near-duplicate pass {t_near:.1f} s CPU, passage pass {t_pass:.1f} s CPU, {len(articles):,} articles"
    )
    print(f"passages reported in all: {len(passages):,} between {len(by_pair):,} pairs of stories")
    for src, dst, chars in missed[:10]:
        print(f"  missed: {src} -> {dst} ({chars} chars)")


def judged_sample(size: int) -> None:
    refs, urls = baly_refs(), baly_urls()
    articles = [Article(r, t, url=urls.get(r)) for r, t in refs]
    links = find_reuse(articles)
    passages = find_passages(
        articles, skip={(x.a, x.b) for x in links}, max_stories=MAX_STORIES, near_duplicates=_near(links)
    )
    pairs: dict[tuple[str, str], Passage] = {}
    for p in passages:  # one passage per pair: the longest
        if (p.a, p.b) not in pairs or p.words > pairs[(p.a, p.b)].words:
            pairs[(p.a, p.b)] = p
    sample = stable_sample(pairs, size)
    judged = _read_judgements()
    unjudged = [k for k in sample if k not in judged]
    if unjudged:
        print(f"{len(unjudged)} sampled pairs have no verdict in {JUDGEMENTS.name}; to judge:")
        for a, b in unjudged:
            p = pairs[(a, b)]
            print(f"{a}\t{b}\t{p.a_span[0]}-{p.a_span[1]}\t{p.words}\t{p.text[:300]!r}")
    verdicts = [judged[k] for k in sample if k in judged]
    if not verdicts:
        return
    good = sum(v == "reuse" for v in verdicts)
    print(
        f"passage pairs judged: {len(verdicts)} of {len(sample)} sampled; "
        f"precision {good / len(verdicts):.3f}"
    )


def stable_sample(pairs: Iterable[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    """``size`` pairs ranked by a seeded hash of their ids: a pass that drops a pair leaves every
    other pair's rank as it was, so judgements made for one version still cover the next one's
    sample, but for the pairs it no longer reports (replaced by the next ranked ones)."""
    return sorted(pairs, key=lambda p: zlib.crc32(f"{SEED}:{p[0]}:{p[1]}".encode()))[:size]


def _read_judgements() -> dict[tuple[str, str], str]:
    if not JUDGEMENTS.exists():
        return {}
    out = {}
    for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("a\t"):
            continue
        a, b, _span, _words, verdict, *_ = line.split("\t")
        out[(a, b)] = verdict
    return out


def scale(n: int) -> None:
    corpus = VariantCorpus([t for _, t in baly_refs()], n)
    articles = [corpus[i] for i in range(n)]
    t, w = cpu_seconds(), time.perf_counter()
    links = find_reuse(articles)
    near_cpu, near_wall = cpu_seconds() - t, time.perf_counter() - w
    t, w = cpu_seconds(), time.perf_counter()
    passages = find_passages(
        articles, skip={(x.a, x.b) for x in links}, max_stories=MAX_STORIES, near_duplicates=_near(links)
    )
    pass_cpu, pass_wall = cpu_seconds() - t, time.perf_counter() - w
    print(
        f"{n:,} articles: near-duplicate pass {near_wall:.1f} s wall / {near_cpu:.1f} s CPU "
        f"({len(links):,} links);"
    )
    print(
        f"  passage pass {pass_wall:.1f} s wall / {pass_cpu:.1f} s CPU ({len(passages):,} passages); "
        f"peak RSS {peak_rss_mb():,.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--planted", type=int, default=200, help="planted copies")
    parser.add_argument("--sample", type=int, default=60, help="passage pairs in the judged sample")
    parser.add_argument("--scale", type=int, default=0, help="articles in a cost run (0: no cost run)")
    args = parser.parse_args(argv)
    if args.scale:
        scale(args.scale)
        return 0
    planted_recall(args.planted)
    judged_sample(args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
