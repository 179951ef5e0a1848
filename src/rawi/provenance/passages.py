"""Passage-level text reuse: a sentence or a paragraph one article repeats from another inside
otherwise different text, which the near-duplicate pass (:mod:`rawi.provenance.reuse`) does not see.

The approach of newspaper reprint detectors such as passim (Smith, Cordell and Mullen, 2015):

1. Word n-grams of the NORMALIZED text (letter variants, diacritics, tatweel and spacing folded by
   :func:`rawi.text.fold`), hashed; n-grams found in more than ``max_df`` articles are common
   phrases and never join two articles.
2. Candidate pairs: two articles sharing at least ``min_anchors`` n-grams; the shared n-grams are the
   anchors of the alignment.
3. Local alignment around each run of anchors (word-level, :class:`difflib.SequenceMatcher`), its
   matching blocks chained across small edits (a changed, added or dropped word or two), kept when
   the passage spans at least ``min_words`` words of which at least 80 % align exactly.

Boilerplate is not reuse: a passage holding page chrome (``page_chrome.txt``, ``boilerplate.txt``
of each language), mostly numbers, two scripts, or a list of truncated teasers is not news text.
Over a collection, a passage shorter than 15 words that a third story also carries is a shared
phrase ("على هامش قمة ..."), not a copy. An n-gram that ``boilerplate_min`` or more articles of
one outlet share is that outlet's formula (a sign-off, a subscribe line), and a passage two
articles of one outlet share at the very start or end of both is their closing or opening formula.
An article's outlet here is the site of its URL, else its outlet field. A site's template, a short
formula whose figures differ and a list item glued to its neighbours are not copies either
(:mod:`rawi.provenance.formulas`).

Offsets are character offsets into the ORIGINAL texts; each passage gives the share of each
article's words it covers and, when the dates differ, which article is older.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import numpy as np

from rawi.lang import all_languages
from rawi.provenance.fingerprint import WordHashes, members, shingle_hashes, word_spans, words_of
from rawi.provenance.formulas import glued_item, other_figures, site_template, site_template_keys
from rawi.provenance.outlet import article_date
from rawi.provenance.site import site_of
from rawi.provenance.tokens import offset_tokens
from rawi.records import Article
from rawi.text import normalize, tokenize_normalized
from rawi.text.detect import detect_language

NGRAM = 4  # words per anchor n-gram
MIN_WORDS = 10  # aligned words for a passage
MAX_DF = 50  # an n-gram in more articles than this is a common phrase
MIN_ANCHORS = 2  # shared n-grams for a candidate pair
MAX_GAP = 3  # words an edit may change, add or drop inside a passage
SHORT_WORDS = 15  # passages shorter than this must not be carried by a third story
MAX_NUMBERS = 0.3  # share of a passage's words that may be numbers
MIN_IDENTITY = 0.8  # share of a passage's words that align exactly (after normalization)
EDGE_SHARE = 0.15  # "at the start or end" of an article: within this share of its words
BOILERPLATE_MIN = 3  # articles of one outlet sharing an n-gram make it the outlet's formula


@dataclass(frozen=True)
class Passage:
    """A passage shared by articles ``a`` and ``b``: character spans in each original text, words
    aligned, and the share of each article's words it covers."""

    a: str
    b: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    words: int
    a_share: float
    b_share: float
    text: str  # the passage as article ``a`` writes it
    earlier: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "a_span": list(self.a_span),
            "b_span": list(self.b_span),
            "words": self.words,
            "a_share": round(self.a_share, 4),
            "b_share": round(self.b_share, 4),
            "text": self.text,
            "earlier": self.earlier,
        }


@dataclass
class _Text:
    words: list[str]
    spans: np.ndarray  # (start, end) of each word in the original text


def _analyse(text: str, words: list[str] | None = None) -> _Text | None:
    """Words and their offsets. With ``words`` (the words the n-grams were made of), ``None`` when
    the careful tokenizer cannot give offsets for exactly those words (then the article is not
    aligned: positions would not match its anchors)."""
    given = words
    words = words_of(text) if words is None else words
    spans = word_spans(text, len(words))
    if spans is None:  # the fast split disagrees: the careful tokenizer's words and offsets
        toks = [t for t in offset_tokens(text) if t.is_word]
        if given is not None and [t.norm for t in toks] != given:
            return None
        words = [t.norm for t in toks]
        spans = np.array([(t.start, t.end) for t in toks], dtype=np.int64).reshape(-1, 2)
    return _Text(words, spans)


def _groups_in_many(group: np.ndarray, label: np.ndarray, limit: int) -> np.ndarray:
    """n-gram groups in which at least ``limit`` docs carry one same label (label -1: none)."""
    known = label >= 0
    if not known.any():
        return np.zeros(0, dtype=np.int64)
    width = int(label.max()) + 2
    uniq, per = np.unique(group[known] * width + label[known], return_counts=True)
    return np.unique(uniq[per >= limit] // width)


def _anchor_pairs(
    grams: list[np.ndarray],
    outlets: list[int],
    max_df: int,
    boilerplate_min: int,
    stories: list[int] | None = None,
    max_stories: int | None = None,
    masks: list[np.ndarray | None] | None = None,
) -> tuple[dict[tuple[int, int], list[tuple[int, int]]], np.ndarray, tuple[np.ndarray, int]]:
    """Candidate pairs (doc i < doc j) with their anchors (position in i, position in j), the
    sorted hashes of kept n-grams that more than two stories carry (collection mode only), and the
    outlets' template n-grams (:func:`rawi.provenance.formulas.site_template_keys`)."""
    masks = masks or [None] * len(grams)
    kept = [g if m is None else g[m] for g, m in zip(grams, masks, strict=True)]
    sizes = [len(g) for g in kept]
    if not sum(sizes):
        return {}, np.zeros(0, dtype=np.uint32), (np.zeros(0, dtype=np.uint64), 1)
    hashes = np.concatenate(kept)
    docs = np.repeat(np.arange(len(grams), dtype=np.int64), sizes)
    pos = np.concatenate(
        [
            np.arange(len(g), dtype=np.int64) if m is None else np.flatnonzero(m)
            for g, m in zip(grams, masks, strict=True)
        ]
    )
    order = np.lexsort((pos, docs, hashes))
    hashes, docs, pos = hashes[order], docs[order], pos[order]
    # one occurrence per (hash, doc): a phrase repeated inside one article anchors once
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1])
    hashes, docs, pos = hashes[first], docs[first], pos[first]
    starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
    counts = np.diff(np.concatenate((starts, [len(hashes)])))
    keep = (counts >= 2) & (counts <= max_df)
    shared_phrases = np.zeros(0, dtype=hashes.dtype)
    group = np.repeat(np.arange(len(starts)), counts)
    story = np.asarray(stories, dtype=np.int64) if stories is not None else None
    templates = np.zeros(0, dtype=np.uint64), 1
    if boilerplate_min and outlets:
        # an n-gram that several articles of one outlet share is that outlet's formula
        label = np.asarray(outlets, dtype=np.int64)[docs]
        keep[_groups_in_many(group, label, boilerplate_min)] = False
        templates = site_template_keys(hashes[starts], group, label, boilerplate_min)
    if max_stories is not None and stories is not None:
        # an n-gram in more distinct stories than ``max_stories`` is a site's sidebar or footer
        story_of = story[docs]
        first_of_story = np.ones(len(docs), dtype=bool)  # docs sorted within a group: count stories
        order_s = np.lexsort((story_of, group))
        gs, ss = group[order_s], story_of[order_s]
        first_of_story[1:] = (gs[1:] != gs[:-1]) | (ss[1:] != ss[:-1])
        per_group = np.bincount(gs[first_of_story], minlength=len(starts))
        keep &= per_group <= max_stories
        # n-grams a third story also carries: a short passage made of them is a shared phrase;
        # the commonest ones too (sidebars, outlet formulas, stock phrases), which anchor nothing
        shared_phrases = np.unique(hashes[starts][(counts >= 2) & (per_group > 2)])
    parts: list[tuple[np.ndarray, ...]] = []
    for size in np.unique(counts[keep]).tolist():
        at = starts[keep & (counts == size)]
        for x in range(size):
            for y in range(x + 1, size):
                di, dj = docs[at + x], docs[at + y]
                if story is not None:  # copies of one story: the near-duplicate pass links them
                    apart = story[di] != story[dj]
                    di, dj, at_x, at_y = di[apart], dj[apart], (at + x)[apart], (at + y)[apart]
                else:
                    at_x, at_y = at + x, at + y
                parts.append((di, dj, pos[at_x], pos[at_y]))
    if not parts:
        return {}, shared_phrases, templates
    di, dj, pi, pj = (np.concatenate(col) for col in zip(*parts, strict=True))
    key = di * len(grams) + dj
    order = np.argsort(key, kind="stable")
    key, pi, pj = key[order], pi[order], pj[order]
    bounds = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1], [True])))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for s0, s1 in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        if s1 - s0 >= MIN_ANCHORS:
            k = int(key[s0])
            pairs[(k // len(grams), k % len(grams))] = list(
                zip(pi[s0:s1].tolist(), pj[s0:s1].tolist(), strict=True)
            )
    return pairs, shared_phrases, templates


def _clusters(anchors: list[tuple[int, int]], gap: int = 20) -> list[list[tuple[int, int]]]:
    """Anchors split into runs along one diagonal (close in both texts)."""
    anchors = sorted(anchors)
    runs: list[list[tuple[int, int]]] = [[anchors[0]]]
    for p, q in anchors[1:]:
        lp, lq = runs[-1][-1]
        if p - lp <= gap and abs((q - p) - (lq - lp)) <= gap and q > lq - gap:
            runs[-1].append((p, q))
        else:
            runs.append([(p, q)])
    return runs


def _align(
    wa: list[str], wb: list[str], run: list[tuple[int, int]], ngram: int, min_words: int
) -> list[tuple[int, int, int, int, int]]:
    """Aligned passages (a_start, a_end, b_start, b_end, matched words) around one anchor run."""
    pad = ngram + MAX_GAP
    a0 = max(0, min(p for p, _ in run) - pad)
    a1 = min(len(wa), max(p for p, _ in run) + ngram + pad)
    b0 = max(0, min(q for _, q in run) - pad)
    b1 = min(len(wb), max(q for _, q in run) + ngram + pad)
    blocks = [
        b for b in SequenceMatcher(None, wa[a0:a1], wb[b0:b1], autojunk=False).get_matching_blocks() if b.size
    ]
    out = []
    chain: list = []
    for blk in blocks:
        if chain:
            prev = chain[-1]
            ga = blk.a - (prev.a + prev.size)
            gb = blk.b - (prev.b + prev.size)
            if 0 <= ga <= MAX_GAP and 0 <= gb <= MAX_GAP:
                chain.append(blk)
                continue
            out.append(chain)
        chain = [blk]
    if chain:
        out.append(chain)
    found = []
    for ch in out:
        matched = sum(b.size for b in ch)
        span = max(ch[-1].a + ch[-1].size - ch[0].a, ch[-1].b + ch[-1].size - ch[0].b)
        if span < min_words or matched < MIN_IDENTITY * span:
            continue
        found.append(
            (a0 + ch[0].a, a0 + ch[-1].a + ch[-1].size, b0 + ch[0].b, b0 + ch[-1].b + ch[-1].size, matched)
        )
    return found


@cache
def _chrome() -> tuple[str, ...]:
    """Page chrome phrases of every language (``page_chrome.txt`` and ``boilerplate.txt``), as
    space-padded normalized word sequences."""
    phrases = set()
    for lang in all_languages():
        for name in ("page_chrome", "boilerplate"):
            for e in lang.entries(name):
                if e.tag == "widget":
                    continue
                words = tokenize_normalized(normalize(e.phrase))
                if words:
                    phrases.add(f" {' '.join(words)} ")
    return tuple(sorted(phrases))


_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
_TEASER_CUT = re.compile(r"\s*(?:\.\s*\.\s*\.|…)")
_TEASER_BEFORE = re.compile(r"(?:\.\s*\.\s*\.|…)\s*$")


@cache
def _date_words() -> frozenset[str]:
    """Words of dates in every language (month names, the ``weekdays`` lists: days, eras, times of
    day), normalized; multi-word names give each word."""
    out: set[str] = set()
    for lang in all_languages():
        out.update(w for name in lang.months for w in name.split())
        for e in lang.entries("weekdays"):
            out.update(tokenize_normalized(normalize(e.phrase)))
    return frozenset(out)


def _content(text: str, words: list[str]) -> bool:
    """Whether a shared passage is news text: no page chrome phrase (a menu, a footer, a sign-in
    form), at most 30 % of its words numbers or date words (a date line, a score table), one script
    (a Latin menu inside Arabic text is chrome), and no ellipsis inside it (truncated teasers:
    "… . . . …")."""
    padded = f" {' '.join(words)} "
    if any(p in padded for p in _chrome()):
        return False
    dates = _date_words()
    if sum(w.isdigit() or w in dates for w in words) > MAX_NUMBERS * len(words):
        return False  # a date line, a score table, a timetable
    if detect_language(text).mixed:
        return False
    return _ELLIPSIS.search(text.strip(" .…\n")) is None


def _teaser(text: str, end: int) -> bool:
    """Whether the passage ending at ``end`` is cut by a teaser ellipsis ("... . . ."): a sidebar's
    link to another story, which pages of one site all carry."""
    return _TEASER_CUT.match(text, end) is not None


def _after_teaser(text: str, start: int) -> bool:
    """Whether the passage starting at ``start`` follows a cut teaser ("... . . . PASSAGE"): the
    next item of a list of teasers."""
    return _TEASER_BEFORE.search(text[max(0, start - 12) : start]) is not None


@cache
def _credit_labels() -> frozenset[str]:
    """Labels that open an article's closing credit when a colon follows ("المصدر :", "Source:"):
    ``credit_lines.txt`` entries marked ``anywhere``."""
    return frozenset(
        normalize(e.phrase)
        for lang in all_languages()
        for e in lang.entries("credit_lines")
        if e.fields[1:2] == ("anywhere",)
    )


def _after_credit(text: str) -> bool:
    """Whether most of the passage comes after a closing credit ("المصدر : سكاي نيوز عربية ما بالك
    أيها القلم ..."): the article ended there and the pages share their furniture. A copy that
    ends with its source's credit ("... المصدر : أ ف ب") is still reuse."""
    if ":" not in text:
        return False
    toks = [t for t in offset_tokens(text) if t.is_word or t.norm == ":"]
    labels = _credit_labels()
    for k, t in enumerate(toks[:-1]):
        if t.norm in labels and toks[k + 1].norm == ":":
            before = sum(x.is_word for x in toks[:k])
            return len(toks) - k - 2 > before
    return False


def _at_edge(start: int, end: int, total: int) -> bool:
    edge = max(3, int(total * EDGE_SHARE))
    return start <= edge or end >= total - edge


def find_passages(
    articles: Sequence[Article],
    *,
    outlets: Mapping[str, str | None] | None = None,
    ngram: int = NGRAM,
    min_words: int = MIN_WORDS,
    max_df: int = MAX_DF,
    boilerplate_min: int = BOILERPLATE_MIN,
    skip: set[tuple[str, str]] | None = None,
    max_stories: int | None = None,
    near_duplicates: set[tuple[str, str]] | None = None,
    word_hashes: WordHashes | None = None,
) -> list[Passage]:
    """Passages of at least ``min_words`` aligned words that two of ``articles`` share.

    ``outlets`` maps an article id to its outlet (default: the site of ``Article.url``, else
    ``Article.outlet``), for boilerplate;
    ``skip`` holds pairs (either order) not to align, e.g. near-duplicates already linked.
    ``max_stories``: over a whole collection, an n-gram found in more stories than this (a story
    is a cluster of the ``skip`` pairs, i.e. near-duplicates) is site boilerplate (a sidebar, a
    footer) and joins nothing, and identical copies in a story are aligned once, through the first;
    ``None`` (the default, for the articles of one claim) keeps every n-gram and every article.
    ``near_duplicates``: the pairs that make stories (default ``skip``); pass only true copies
    (similarity >= 0.8) when ``skip`` also holds pairs that share half their text.
    ``word_hashes``: the owner's word-hash memo, kept warm across calls (default: one for this call).

    Examples
    --------
    >>> shared = "القوات سيطرت على المدينة بعد معارك عنيفة استمرت ثلاثة أيام كاملة"
    >>> a = Article("a", "في خبر آخر قال المتحدث إن " + shared)
    >>> b = Article("b", "وأضاف التقرير أن " + shared + " والله أعلم")
    >>> [(p.a, p.b, p.words) for p in find_passages([a, b])]
    [('a', 'b', 12)]
    """
    if ngram < 2 or min_words < ngram:
        raise ValueError(
            f"find_passages needs ngram >= 2 and min_words >= ngram. Got ngram={ngram!r}, "
            f"min_words={min_words!r} instead."
        )
    skip = skip or set()
    stories = (
        _story_index(articles, skip if near_duplicates is None else near_duplicates)
        if max_stories is not None
        else None
    )
    # Only the n-gram hashes of every article are kept; words and their offsets are computed again
    # for the articles of a candidate pair (a fraction of them), which keeps memory to the hashes.
    # Over a collection, identical copies (the same normalized words, in one story) are aligned
    # once, through the first: the near-duplicate pass already links them.
    grams: list[np.ndarray] = []
    first_of: dict[tuple[int, int], int] = {}
    hashes = word_hashes if word_hashes is not None else WordHashes()
    for k, a in enumerate(articles):
        words = words_of(a.text or "")
        if stories is not None:
            key = (stories[k], zlib.crc32("\x00".join(words).encode("utf-8")))
            if first_of.setdefault(key, k) != k:
                words = []
        grams.append(
            shingle_hashes(words, ngram, hashes).astype(np.uint32)
            if len(words) >= ngram
            else np.zeros(0, np.uint32)
        )
    texts: dict[int, _Text | None] = {}
    languages: dict[int, str | None] = {}

    def language_of(k: int) -> str | None:
        if k not in languages:
            languages[k] = detect_language(articles[k].text or "").code
        return languages[k]

    def text_of(k: int) -> _Text | None:
        if k not in texts:
            texts[k] = _analyse(articles[k].text or "", words_of(articles[k].text or ""))
        return texts[k]

    # the site of the URL, else the outlet field: a site's pages share its furniture whatever
    # outlet name they carry
    outlet_of = outlets if outlets is not None else {a.id: site_of(a.url) or a.outlet for a in articles}
    names: dict[str, int] = {}
    outlet_idx = [names.setdefault(o, len(names)) if (o := outlet_of.get(a.id)) else -1 for a in articles]
    pairs, shared_phrases, (templates, width) = _anchor_pairs(
        grams, outlet_idx, max_df, boilerplate_min, stories, max_stories, _novel(grams, stories)
    )
    out: list[Passage] = []
    for (i, j), anchors in sorted(pairs.items()):
        da, db = articles[i], articles[j]
        if (da.id, db.id) in skip or (db.id, da.id) in skip:
            continue
        ta, tb = text_of(i), text_of(j)
        if ta is None or tb is None:
            continue
        same_outlet = outlet_idx[i] >= 0 and outlet_idx[i] == outlet_idx[j]
        seen: list[tuple[int, int]] = []  # word spans in ``a`` already reported for this pair
        for run in _clusters(anchors):
            for a0, a1, b0, b1, matched in _align(ta.words, tb.words, run, ngram, min_words):
                if same_outlet and _at_edge(a0, a1, len(ta.words)) and _at_edge(b0, b1, len(tb.words)):
                    continue  # the outlet's opening or closing formula
                if any(s0 <= a0 < s1 for s0, s1 in seen):
                    continue  # two runs aligned to the same passage
                text = (da.text or "")[_char(ta, a0) : _char(ta, a1 - 1, end=True)]
                if not _content(text, ta.words[a0:a1]):
                    continue
                passage_language = detect_language(text).code  # whatever the languages are
                if passage_language not in (language_of(i), language_of(j)):
                    continue  # a Latin menu or link list inside two Arabic pages: their chrome
                a_end, b_end = _char(ta, a1 - 1, end=True), _char(tb, b1 - 1, end=True)
                if _teaser(da.text or "", a_end) or _teaser(db.text or "", b_end):
                    continue  # a sidebar teaser of another story, cut where the link begins
                a_start, b_start = _char(ta, a0), _char(tb, b0)
                if _after_teaser(da.text or "", a_start) and _after_teaser(db.text or "", b_start):
                    continue  # the same item of a teaser list on both pages
                if _after_credit(text):
                    continue  # an article's closing credit and the page furniture after it
                in_a = grams[i][a0 : a1 - ngram + 1]
                if a1 - a0 < SHORT_WORDS and members(in_a, shared_phrases).any():
                    continue  # a short phrase a third story also carries: a formula, not a copy
                if same_outlet and site_template(in_a, outlet_idx[i], templates, width):
                    continue  # the site's template (a caption, a report line) about another event
                if other_figures(ta.words[a0:a1], tb.words[b0:b1]):
                    continue  # a formula whose slots hold other numbers
                if glued_item(ta.words, a0, a1, tb.words, b0, b1):
                    continue  # an item of a ticker or headline list run together on one page
                seen.append((a0, a1))
                out.append(
                    Passage(
                        da.id,
                        db.id,
                        (_char(ta, a0), _char(ta, a1 - 1, end=True)),
                        (_char(tb, b0), _char(tb, b1 - 1, end=True)),
                        matched,
                        (a1 - a0) / max(1, len(ta.words)),
                        (b1 - b0) / max(1, len(tb.words)),
                        text,
                        _older(da, db),
                    )
                )
    return out


def _novel(grams: list[np.ndarray], stories: list[int] | None) -> list[np.ndarray | None] | None:
    """Over a collection, the n-grams each copy adds to its story's first article (a copy that
    only lost or re-spelled text adds none): only those anchor it, since the first article already
    anchors the rest. ``None`` masks keep every n-gram."""
    if stories is None:
        return None
    first: dict[int, int] = {}
    unique: dict[int, np.ndarray] = {}
    masks: list[np.ndarray | None] = [None] * len(grams)
    for k, g in enumerate(grams):
        if not len(g):
            continue
        rep = first.setdefault(stories[k], k)
        if rep != k:
            if rep not in unique:
                unique[rep] = np.unique(grams[rep])
            masks[k] = ~members(g, unique[rep])
    return masks


def _story_index(articles: Sequence[Article], near_pairs: set[tuple[str, str]]) -> list[int]:
    """Story number of each article: near-duplicate pairs joined (union-find)."""
    from rawi.provenance.boilerplate import story_clusters

    ids = [a.id for a in articles]
    known = set(ids)
    roots = story_clusters(ids, [(a, b) for a, b in near_pairs if a in known and b in known])
    number: dict[str, int] = {}
    return [number.setdefault(roots[i], len(number)) for i in ids]


def _char(t: _Text, word: int, *, end: bool = False) -> int:
    return int(t.spans[word, 1 if end else 0])


def _older(a: Article, b: Article) -> str | None:
    da, db = article_date(a), article_date(b)  # published, else a date under the text
    if da and db and da[:10] != db[:10]:
        return a.id if da < db else b.id
    return None


def passage_links(passages: Sequence[Passage]) -> list:
    """One :class:`rawi.provenance.reuse.ReuseLink` per pair of articles sharing passages: its
    ``similarity`` is the share of the more covered article that the passages cover (the same
    reading as the near-duplicate pass: the share of the shorter article found in the other)."""
    from rawi.provenance.reuse import ReuseLink

    by_pair: dict[tuple[str, str], list[Passage]] = {}
    for p in passages:
        by_pair.setdefault((p.a, p.b), []).append(p)
    links = []
    for (a, b), found in by_pair.items():
        found.sort(key=lambda p: -p.words)
        share = max(sum(p.a_share for p in found), sum(p.b_share for p in found))
        links.append(ReuseLink(a, b, min(1.0, share), [p.text for p in found[:3]], found[0].earlier, found))
    return links
