"""Provenance of the evidence for one claim, and of stored articles (``rawi provenance``)."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rawi.lang import available
from rawi.provenance.attribution import Attribution, extract_attributions
from rawi.provenance.fingerprint import WordHashes
from rawi.provenance.origins import (
    ArticleAttribution,
    EvidenceArticle,
    Origin,
    group_origins,
)
from rawi.provenance.outlet import parse_dateline
from rawi.provenance.parties import party_denials
from rawi.provenance.passages import find_passages, passage_links
from rawi.provenance.registry import Registry
from rawi.provenance.reuse import ReuseIndex, ReuseLink, find_reuse
from rawi.provenance.translation import Vectors, find_translations
from rawi.records import Article, Sentence
from rawi.text import analyze, split_sentences

REUSE_CANDIDATES = 50
# Attributions of a sentence depend on its text, its language and the registry only, and the same
# sentences come back check after check (an agency report and its copies, the articles a newsroom
# checks claim after claim): remembered per registry, for this many sentences.
MEMO_SENTENCES = 50_000
_memos: weakref.WeakKeyDictionary[Registry, OrderedDict[tuple[str | None, str], tuple[Attribution, ...]]] = (
    weakref.WeakKeyDictionary()
)
_memo_lock = threading.Lock()


def forget_sentence_attributions() -> None:
    """Empty the memo of :func:`sentence_attributions` (what a first check costs, for benchmarks)."""
    with _memo_lock:
        _memos.clear()


def sentence_attributions(text: str, language: str | None, registry: Registry) -> tuple[Attribution, ...]:
    """:func:`rawi.provenance.attribution.extract_attributions` of one sentence, remembered."""
    key = (language, text)
    with _memo_lock:
        memo = _memos.setdefault(registry, OrderedDict())
        found = memo.get(key)
        if found is not None:
            memo.move_to_end(key)
            return found
    found = tuple(extract_attributions(text, language=language, registry=registry))
    with _memo_lock:
        memo[key] = found
        if len(memo) > MEMO_SENTENCES:
            memo.popitem(last=False)
    return found


@dataclass
class ProvenanceResult:
    attributions: list[ArticleAttribution] = field(default_factory=list)
    reuse: list[ReuseLink] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    party_denials: list[ArticleAttribution] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The contract's ``provenance`` object (plus ``party_denials``, kinds and labels)."""
        return {
            "attributions": [a.to_json() for a in self.attributions],
            "reuse": [link.to_json() for link in self.reuse],
            "origins": [o.to_json() for o in self.origins],
            "party_denials": [a.to_json() for a in self.party_denials],
        }


def article_attributions(
    article: Article, sentences: Sequence[Sentence], indices: Sequence[int] | None, registry: Registry
) -> list[ArticleAttribution]:
    """Attributions of the chosen sentences (all when ``indices`` is None) plus the dateline."""
    chosen = list(dict.fromkeys(range(len(sentences)) if indices is None else indices))
    out: list[ArticleAttribution] = []
    language = article.language if article.language in available() else None
    if sentences and 0 not in chosen:
        credit = parse_dateline(sentences[0].text, registry)
        if credit:
            span = (credit.start, credit.end)
            att = Attribution(
                sentences[0].text[span[0] : span[1]], credit.key, credit.kind, "asserts", None, span
            )
            out.append(ArticleAttribution(article.id, 0, att, dateline=True))
    for i in chosen:
        if not 0 <= i < len(sentences):
            continue
        text = sentences[i].text
        credit = parse_dateline(text, registry) if i == 0 else None
        for att in sentence_attributions(text, language, registry):
            is_dateline = credit is not None and att.span == (credit.start, credit.end)
            out.append(ArticleAttribution(article.id, i, att, dateline=is_dateline))
    return out


def analyze_provenance(
    claim_words: Sequence[str],
    evidence: Sequence[EvidenceArticle],
    registry: Registry,
    *,
    reuse_threshold: float = 0.3,
    vectors: Vectors | None = None,
    encoder_key: str = "use",
    word_hashes: WordHashes | None = None,
    copy_candidates: Sequence[Article] = (),
) -> ProvenanceResult:
    """Attributions (relevant sentences and datelines), text reuse, origins and party denials. With
    ``vectors`` (a sentence encoder), translated copies are reuse too.

    ``claim_words``: the claim's normalized tokens (:attr:`rawi.claim.AnalyzedClaim.tokens`, or
    :func:`rawi.text.tokenize` of it); ``word_hashes``: the workbench's word-hash memo;
    ``copy_candidates``: articles read as unrelated, but barely, that are linked when they are
    near-duplicates of a related one (so that the copy can take its stance: :mod:`rawi.stance.copies`);
    they join no origin."""
    if isinstance(claim_words, str):  # a claim's text would be read as its letters
        raise TypeError("analyze_provenance takes the claim's tokens (rawi.text.tokenize), not its text")
    attributions: list[ArticleAttribution] = []
    sentences_of: dict[str, Sequence[Sentence]] = {}  # split once, read by attribution and translation
    for ev in evidence:
        sentences = sentences_of[ev.article.id] = ev.sentences or split_sentences(ev.article.text or "")
        attributions += article_attributions(ev.article, sentences, ev.relevant, registry)
    related = [ev.article for ev in evidence if ev.stance != "unrelated"]
    # No boilerplate filter here: among twenty articles on one claim, a paragraph shared by four
    # stories is the claim's common source, not a site's sidebar.
    related_ids = {a.id for a in related}
    candidates = {a.id: a for a in copy_candidates if a.id not in related_ids}
    pool = related + list(candidates.values())
    reuse = (
        find_reuse(pool, threshold=reuse_threshold, max_shingle_df=None, word_hashes=word_hashes)
        if len(pool) > 1
        else []
    )
    # a candidate is linked only as a copy of a related article
    reuse = [x for x in reuse if x.a in related_ids or x.b in related_ids]
    # Passages repeated inside otherwise different text: the near-duplicate pass does not see them.
    reuse += passage_links(find_passages(related, skip={(x.a, x.b) for x in reuse}, word_hashes=word_hashes))
    if vectors is not None and len(related) > 1:
        texts = [(a, [s.text for s in sentences_of[a.id]]) for a in related]
        reuse += find_translations(texts, vectors, encoder_key)
    origins = group_origins(evidence, attributions, reuse, registry, claim_words=claim_words)
    denials = party_denials(claim_words, [a for a in attributions if a.article_id in related_ids], registry)
    return ProvenanceResult(attributions, reuse, origins, denials)


def _reuse_candidates(corpus: Any, article: Article) -> list[Article]:
    """Stored articles likely to share text with ``article``: a full-text search on its terms."""
    terms = analyze(" ".join(filter(None, [article.title, (article.text or "")[:2000]])))
    ranked = list(dict.fromkeys(terms))[:64]
    if not ranked:
        return []
    hits = corpus.search(ranked, limit=REUSE_CANDIDATES)
    found = corpus.get_many([h.article_id for h in hits if h.article_id != article.id])
    return [found[h.article_id] for h in hits if h.article_id in found]


def _with_relayers(atts: list[ArticleAttribution], sentences: Sequence[Sentence]) -> list[dict[str, Any]]:
    """JSON of each attribution plus the sentence text and the source that relays it (``cited_by``
    is an index into the same sentence's attributions)."""
    by_sentence: dict[int, list[ArticleAttribution]] = {}
    for a in atts:
        by_sentence.setdefault(a.sentence_index, []).append(a)
    out = []
    for a in atts:
        same = by_sentence.get(a.sentence_index, [])
        relayer = same[a.cited_by].source if a.cited_by is not None and a.cited_by < len(same) else None
        out.append(
            {**a.to_json(), "cited_by_source": relayer, "sentence_text": sentences[a.sentence_index].text}
        )
    return out


def _outlet_name(outlet: str | None, language: str | None, registry: Registry) -> str | None:
    entry = registry.get(outlet) if outlet else None
    return entry.display_name(language or "en") if entry else outlet


def _flip(link: ReuseLink) -> ReuseLink:
    """The same link seen from ``b``: ends and passage spans swapped."""
    from dataclasses import replace

    passages = [
        replace(p, a=p.b, b=p.a, a_span=p.b_span, b_span=p.a_span, a_share=p.b_share, b_share=p.a_share)
        for p in link.passages
    ]
    return ReuseLink(link.b, link.a, link.similarity, link.shared_passages, link.earlier, passages)


def describe_articles(corpus: Any, article_ids: Sequence[str], registry: Registry) -> dict[str, Any]:
    """Outlet, attributions per sentence and text reuse of stored articles; unknown ids under
    ``missing``."""
    articles: list[dict[str, Any]] = []
    missing: list[str] = []
    for article_id in article_ids:
        article = corpus.get(article_id)
        if article is None:
            missing.append(article_id)
            continue
        sentences = corpus.sentences(article_id) or split_sentences(article.text or "")
        atts = article_attributions(article, sentences, None, registry)
        index = ReuseIndex()
        index.add(article.id, article.text or "", article.published)
        candidates = _reuse_candidates(corpus, article)
        for other in candidates:
            index.add(other.id, other.text or "", other.published)
        links = []
        for other in candidates:
            link = index.compare(article.id, other.id)
            if link:
                links.append(link)
        linked = {(x.a, x.b) for x in links}
        for x in passage_links(find_passages([article, *candidates], skip=linked)):
            if article.id in (x.a, x.b):  # the article first, as the near-duplicate links have it
                links.append(x if x.a == article.id else _flip(x))
        links.sort(key=lambda x: -x.similarity)
        articles.append(
            {
                "article_id": article.id,
                "title": article.title,
                "outlet": article.outlet,
                "outlet_name": _outlet_name(article.outlet, article.language, registry),
                "published": article.published,
                "attributions": _with_relayers(atts, sentences),
                "reuse": [
                    {
                        "article_id": x.b,
                        "title": next((c.title for c in candidates if c.id == x.b), None),
                        "similarity": round(x.similarity, 4),
                        "earlier": x.earlier,
                        "shared_passages": x.shared_passages,
                        "kind": x.kind,
                        "passages": [p.to_json() for p in x.passages],
                    }
                    for x in links
                ],
            }
        )
    return {"articles": articles, "missing": missing}
