"""Independent origins: evidence articles grouped by what they trace back to.

Two related articles share an origin when they share text (reuse), when the claim-relevant
sentences of both trace back to the same registered source (the root of their attribution chains:
"نقلت الجزيرة عن سانا" traces to SANA), or when they come from the same outlet. Ten articles
copying one agency report are one origin, not ten.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rawi.provenance.attribution import Attribution
from rawi.provenance.registry import Registry
from rawi.provenance.reuse import ReuseLink
from rawi.records import Article, Sentence
from rawi.text import normalize, tokenize_normalized

# Sources too generic to prove two articles share an origin ("local sources", "activists").
_UNGROUPABLE_KINDS = {"anonymous", "witness", "other"}


@dataclass(frozen=True)
class EvidenceArticle:
    """An article retrieved for a claim, with its stance and the sentences that speak to the claim."""

    article: Article
    sentences: list[Sentence]
    stance: str
    relevant: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleAttribution:
    """An :class:`Attribution` found in one sentence of one article."""

    article_id: str
    sentence_index: int
    attribution: Attribution
    dateline: bool = False

    @property
    def source(self) -> str:
        return self.attribution.source

    @property
    def source_key(self) -> str:
        return self.attribution.source_key

    @property
    def source_kind(self) -> str | None:
        return self.attribution.source_kind

    @property
    def polarity(self) -> str:
        return self.attribution.polarity

    @property
    def verb(self) -> str | None:
        return self.attribution.verb

    @property
    def cited_by(self) -> int | None:
        return self.attribution.cited_by

    def to_json(self) -> dict[str, Any]:
        a = self.attribution
        return {
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "source": a.source,
            "source_key": a.source_key,
            "source_kind": a.source_kind,
            "polarity": a.polarity,
            "verb": a.verb,
            "span": list(a.span),
            "cited_by": a.cited_by,
        }


@dataclass(frozen=True)
class Origin:
    key: str
    articles: list[str]
    kind: str  # "reuse" | "cited_source" | "outlet" | "single"
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "articles": list(self.articles), "kind": self.kind, "label": self.label}


class _UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def root_sources(attributions: Sequence[ArticleAttribution], registry: Registry | None = None) -> list[str]:
    """Registry keys at the roots of the attribution chains (sources nobody else in the sentence
    relays), datelines excluded; generic sources (anonymous, witnesses) never count."""
    by_sentence: dict[tuple[str, int], list[ArticleAttribution]] = {}
    for a in attributions:  # cited_by indexes the whole list of a sentence, datelines included
        by_sentence.setdefault((a.article_id, a.sentence_index), []).append(a)

    def known(x: ArticleAttribution) -> bool:
        if x.dateline or x.source_kind in _UNGROUPABLE_KINDS:
            return False
        return registry is None or x.source_key in registry

    roots = []
    for items in by_sentence.values():
        # a relay of a known source is not a root ("نقلت الجزيرة عن سانا" traces to SANA); a known
        # relay of an unnamed source is ("نقلت سانا عن مصدر عسكري" traces to SANA)
        relays_known = {x.cited_by for x in items if x.cited_by is not None and known(x)}
        roots += [x.source_key for i, x in enumerate(items) if known(x) and i not in relays_known]
    return roots


def _primary_source(atts: Sequence[ArticleAttribution], registry: Registry | None) -> str | None:
    counts = Counter(root_sources(atts, registry))
    return counts.most_common(1)[0][0] if counts else None


def _outlet(ev: EvidenceArticle, atts: Sequence[ArticleAttribution]) -> str | None:
    if ev.article.outlet:
        return ev.article.outlet
    datelines = [a.source_key for a in atts if a.dateline]
    return datelines[0] if datelines else None


def group_origins(
    evidence: Sequence[EvidenceArticle],
    attributions: Sequence[ArticleAttribution],
    reuse: Sequence[ReuseLink],
    registry: Registry | None = None,
) -> list[Origin]:
    """Union-find over related evidence (stance != unrelated) by reuse, cited source and outlet."""
    related = [ev for ev in evidence if ev.stance != "unrelated"]
    ids = [ev.article.id for ev in related]
    uf = _UnionFind(ids)
    by_article: dict[str, list[ArticleAttribution]] = {i: [] for i in ids}
    for a in attributions:
        if a.article_id in by_article:
            by_article[a.article_id].append(a)
    reasons: dict[str, set[str]] = {}
    group_keys: dict[str, list[tuple[str, str]]] = {}  # article -> [(kind, key)]
    for link in reuse:
        if link.a in uf.parent and link.b in uf.parent:
            uf.union(link.a, link.b)
            reasons.setdefault(link.a, set()).add("reuse")
            reasons.setdefault(link.b, set()).add("reuse")
    for kind, key_of in (
        ("cited_source", lambda ev: _primary_source(by_article[ev.article.id], registry)),
        ("outlet", lambda ev: _outlet(ev, by_article[ev.article.id])),
    ):
        first_with: dict[str, str] = {}
        for ev in related:
            key = key_of(ev)
            if not key:
                continue
            group_keys.setdefault(ev.article.id, []).append((kind, key))
            if key in first_with:
                uf.union(first_with[key], ev.article.id)
                reasons.setdefault(ev.article.id, set()).add(kind)
                reasons.setdefault(first_with[key], set()).add(kind)
            else:
                first_with[key] = ev.article.id
    members: dict[str, list[EvidenceArticle]] = {}
    for ev in related:
        members.setdefault(uf.find(ev.article.id), []).append(ev)
    origins = [_origin(group, reasons, group_keys, registry) for group in members.values()]
    return sorted(origins, key=lambda o: (-len(o.articles), o.key))


def _origin(
    group: list[EvidenceArticle],
    reasons: dict[str, set[str]],
    group_keys: dict[str, list[tuple[str, str]]],
    registry: Registry | None,
) -> Origin:
    ids = [ev.article.id for ev in group]
    earliest = min(group, key=lambda ev: (ev.article.published or "\uffff", ev.article.id)).article.id
    why: set[str] = set().union(*(reasons.get(i, set()) for i in ids))
    for kind in ("cited_source", "outlet"):
        keys = Counter(k for i in ids for kk, k in group_keys.get(i, []) if kk == kind)
        if kind in why and keys:
            key = keys.most_common(1)[0][0]
            return Origin(key, ids, kind, _label(key, registry))
    if "reuse" in why:
        return Origin(earliest, ids, "reuse", f"text shared with {earliest}")
    keys = [k for kk, k in group_keys.get(ids[0], []) if kk == "outlet"]
    key = keys[0] if keys else earliest
    return Origin(key, ids, "single", _label(key, registry) if keys else earliest)


def _label(key: str, registry: Registry | None) -> str:
    entry = registry.get(key) if registry else None
    return entry.display_name() if entry else key


def party_denials(
    claim: str, attributions: Sequence[ArticleAttribution], registry: Registry
) -> list[ArticleAttribution]:
    """Denials by a party the claim names: a registry entry in the claim, or a named person or
    official whose every name word appears in the claim."""
    words = tokenize_normalized(normalize(claim))
    named: set[str] = set()
    i = 0
    while i < len(words):
        hit = registry.longest_match(words, i)
        if hit:
            named.add(hit[1].key)
            i += hit[0]
        else:
            i += 1
    bare = {w.removeprefix("ال") for w in words} | set(words)
    out = []
    for a in attributions:
        if a.polarity != "denies":
            continue
        if a.source_key in named:
            out.append(a)
        elif a.source_kind in ("person", "official", "government", "military"):
            source_words = [w.removeprefix("ال") for w in tokenize_normalized(normalize(a.source))]
            content = [w for w in source_words if len(w) > 2]
            if content and all(w in bare for w in content):
                out.append(a)
    return out
