"""Independent origins: evidence articles grouped by what they trace back to.

Two related articles share an origin when they share text (reuse), when the claim-relevant
sentences of both trace back to the same registered source (the root of their attribution chains:
"نقلت الجزيرة عن سانا" traces to SANA), or when they come from the same outlet. Ten articles
copying one agency report are one origin, not ten.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rawi.groups import UnionFind
from rawi.lang import all_languages
from rawi.provenance.attribution import Attribution
from rawi.provenance.fingerprint import words_of
from rawi.provenance.outlet import outlet_identity
from rawi.provenance.registry import Registry
from rawi.provenance.reuse import ReuseLink
from rawi.provenance.tokens import name_words
from rawi.records import Article, Sentence
from rawi.text import all_stopwords, normalize, stem_tokens
from rawi.text.detect import detect_language

# Sources too generic to prove two articles share an origin ("local sources", "activists").
_UNGROUPABLE_KINDS = {"anonymous", "witness", "other"}
# Sources whose report two articles may both rest on: the agency, outlet, monitor or UN body the
# story travels through. A party cited by both (the army that accuses, the group that denies) is
# what the story is about, not where it comes from: two agencies that each asked the coalition are
# two origins.
_CARRIER_KINDS = {"agency", "outlet", "ngo", "international_org"}
_SHARED_TEXT = {"passage", "shared_text", "translation"}  # joins that are one report's text
ORIGIN_PASSAGE_WORDS = 15  # a shared passage this long (and not the claim's words) joins two articles


@dataclass(frozen=True)
class EvidenceArticle:
    """An article retrieved for a claim, with its stance and the sentences that speak to the claim."""

    article: Article
    sentences: list[Sentence]
    stance: str
    relevant: list[int] = field(default_factory=list)
    fact_check: bool = False  # a published fact-check: its own finding, whoever it cites


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


UNKNOWN_OUTLET = "unknown outlet"
# An anonymous source joins articles only when it is this specific: "مصادر عسكرية روسية" (a head and
# two qualifiers) does, "مصدر محلي" / "local sources" does not.
_SPECIFIC_ANONYMOUS_WORDS = 3


@dataclass(frozen=True)
class Origin:
    """Related articles that trace back to one origin.

    ``key`` is the registry key of the source they trace back to (else the source or outlet as
    written, else :data:`UNKNOWN_OUTLET`); ``name`` its display name (the registry's name in the
    articles' language, or the spelling of the text); ``kind`` what joined them ("reuse",
    "cited_source", "relay", "outlet", or "single"); ``evidence`` the passages, citations and
    outlets that joined them.
    """

    key: str
    articles: list[str]
    kind: str
    label: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    anonymous: bool = False  # it traces back to an unnamed source ("مصدر مقرب من ...")

    @property
    def name(self) -> str:
        return self.label

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "articles": list(self.articles),
            "kind": self.kind,
            "label": self.label,
            "name": self.label,
            "evidence": list(self.evidence),
            "anonymous": self.anonymous,
        }


@dataclass(frozen=True)
class _Root:
    """A source an article's claim-relevant sentences trace back to."""

    key: str  # grouping key: registry key, or the normalized words of a specific anonymous source
    source: str  # as written
    registered: bool
    relayed: bool  # the root relays an unnamed source ("نقلت سانا عن مصدر عسكري")
    att: ArticleAttribution


def _specific_anonymous(x: ArticleAttribution) -> str | None:
    """Grouping key of an anonymous source specific enough to join articles, else ``None``: the
    stems of its first content words, so that one source described with other endings or one more
    qualifier ("مصدر مقرّب من مكتبه", "مصدر مقرب من مكتب المحافظ") is one key."""
    if x.source_kind != "anonymous":
        return None
    words = name_words(x.source)
    if len(words) < _SPECIFIC_ANONYMOUS_WORDS:
        return None
    stopwords = all_stopwords()
    content = stem_tokens([w for w in words if w not in stopwords and len(w) > 1])
    return " ".join(content[:_SPECIFIC_ANONYMOUS_WORDS]) or None


def _roots(attributions: Sequence[ArticleAttribution], registry: Registry | None) -> list[_Root]:
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
        relaying = {x.cited_by for x in items if x.cited_by is not None}
        for i, x in enumerate(items):
            if known(x) and i not in relays_known:
                roots.append(_Root(x.source_key, x.source, True, i in relaying, x))
            elif known(x) and x.source_kind in _CARRIER_KINDS:  # "نقلت سانا عن نوفوستي": the
                roots.append(_Root(x.source_key, x.source, True, True, x))  # carrier counts too
            elif (
                not x.dateline and (key := _specific_anonymous(x)) and not _relayed_by_known(x, items, known)
            ):
                roots.append(_Root(key, x.source, False, False, x))
    return roots


def _relayed_by_known(
    x: ArticleAttribution, sentence: Sequence[ArticleAttribution], known: Callable[[ArticleAttribution], bool]
) -> bool:
    """Whether a known source relays ``x`` in its sentence ("نقلت سانا عن مصدر عسكري": SANA is the
    root). Relayed by a carrier rawi does not know ("بحسب ما أوردته وكالة الرافدين نقلاً عن مصدر في
    وزارة الكهرباء"), the specific source is the root: it is what joins the article to the others
    that quote it."""
    return x.cited_by is not None and 0 <= x.cited_by < len(sentence) and known(sentence[x.cited_by])


def root_sources(attributions: Sequence[ArticleAttribution], registry: Registry | None = None) -> list[str]:
    """Registry keys at the roots of the attribution chains (sources nobody else in the sentence
    relays), datelines excluded; generic sources (anonymous, witnesses) never count."""
    return [r.key for r in _roots(attributions, registry) if r.registered]


def _primary_root(atts: Sequence[ArticleAttribution], registry: Registry | None) -> _Root | None:
    roots = _roots(atts, registry)
    if not roots:
        return None
    counts = Counter(r.key for r in roots)
    best = max(counts, key=lambda k: (counts[k], any(r.registered for r in roots if r.key == k)))
    return next(r for r in roots if r.key == best)


def _carrier_root(atts: Sequence[ArticleAttribution], registry: Registry | None) -> _Root | None:
    """The agency or outlet (or specific anonymous source) an article's story rests on, when it
    names one: what may join it to another article."""
    roots = [
        r
        for r in _roots(atts, registry)
        if (r.registered and r.att.source_kind in _CARRIER_KINDS) or not r.registered
    ]
    if not roots:
        return None
    counts = Counter(r.key for r in roots)
    best = max(counts, key=lambda k: counts[k])
    return next(r for r in roots if r.key == best)


def _outlet(ev: EvidenceArticle, atts: Sequence[ArticleAttribution]) -> str | None:
    if ev.article.outlet:
        return ev.article.outlet
    datelines = [a.source_key for a in atts if a.dateline]
    return datelines[0] if datelines else None


def _language(group: Sequence[EvidenceArticle]) -> str:
    langs = Counter(ev.article.language for ev in group if ev.article.language)
    if langs:
        return langs.most_common(1)[0][0]
    text = " ".join((ev.article.title or "") + " " + (ev.article.text or "")[:200] for ev in group)
    return detect_language(text).code or "en"


def display_name(key: str, registry: Registry | None, language: str = "en") -> str:
    """What a user reads for a source or outlet key: the registry's name in ``language``, else the
    key itself (which is then the spelling of the text)."""
    entry = registry.get(key) if registry else None
    return entry.display_name(language) if entry else key


def _joins_origins(link: ReuseLink, claim_words: set[str]) -> bool:
    """Whether shared text proves one origin: a near-duplicate does; a passage does when it is
    15 words or longer and not mostly the claim's own words (articles on one story restate the
    claim: a fact-check quotes the rumour, a denial names what it denies)."""
    if not link.passages:
        return True
    for p in link.passages:
        words = words_of(p.text)
        if len(words) >= ORIGIN_PASSAGE_WORDS and sum(w in claim_words for w in words) < 0.6 * len(words):
            return True
    return False


def group_origins(
    evidence: Sequence[EvidenceArticle],
    attributions: Sequence[ArticleAttribution],
    reuse: Sequence[ReuseLink],
    registry: Registry | None = None,
    *,
    claim_words: Sequence[str] = (),
) -> list[Origin]:
    """Union-find over related evidence (stance != unrelated) by shared text (near-duplicates and
    passages), shared cited source or relay, and outlet; each origin is named by the source it
    traces back to and lists the evidence that joined its articles."""
    related = [ev for ev in evidence if ev.stance != "unrelated"]
    ids = [ev.article.id for ev in related]
    uf = UnionFind(ids)
    by_article: dict[str, list[ArticleAttribution]] = {i: [] for i in ids}
    for a in attributions:
        if a.article_id in by_article:
            by_article[a.article_id].append(a)
    joins: list[dict[str, Any]] = []  # evidence of every union, filtered per origin at the end
    claim_set = set(claim_words)
    for link in reuse:
        if link.a in uf.parent and link.b in uf.parent and _joins_origins(link, claim_set):
            uf.union(link.a, link.b)
            item: dict[str, Any] = {
                "type": "translation" if link.translated else "passage" if link.passages else "shared_text",
                "articles": [link.a, link.b],
                "similarity": round(link.similarity, 4),
            }
            if link.shared_passages:
                item["text"] = link.shared_passages[0][:200]
            if link.earlier:
                item["earlier"] = link.earlier
            joins.append(item)
    roots = {ev.article.id: _primary_root(by_article[ev.article.id], registry) for ev in related}
    carriers = {ev.article.id: _carrier_root(by_article[ev.article.id], registry) for ev in related}
    outlets = {ev.article.id: _outlet(ev, by_article[ev.article.id]) for ev in related}
    stance = {ev.article.id: ev.stance for ev in related}
    for kind, key_of in (
        # an article asserting the claim and one denying it do not rest on one report, even when
        # both name the agency (the denial's carrier is cited in passing by the other)
        ("cited_source", lambda i: carriers[i].key if carriers[i] else None),
        ("outlet", lambda i: normalize(outlets[i]) if outlets[i] else None),
    ):
        members: dict[str, list[str]] = {}
        for i in ids:
            key = key_of(i)
            if key:
                members.setdefault(key, []).append(i)
        groups_of_key = (
            [g for m in members.values() for g in _by_side(m, stance)]
            if kind == "cited_source"
            else list(members.values())
        )
        for group in groups_of_key:
            if len(group) < 2:
                continue
            for other in group[1:]:
                uf.union(group[0], other)
            if kind == "cited_source":
                joins.append(_citation_evidence(group, carriers, registry))
            else:
                joins.append(
                    {"type": "outlet", "outlet": _outlet_name(outlets[group[0]], registry), "articles": group}
                )
    citing = [ev.article.id for ev in related if not ev.fact_check]
    for i, j, cited in _cited_outlets(citing, ids, by_article, outlets, stance, registry):
        uf.union(i, j)
        joins.append(
            {
                "type": "cited_source",
                "source": cited.source,
                "source_key": cited.source_key,
                "articles": [i, j],
                "citations": [
                    {"article_id": i, "sentence_index": cited.sentence_index, "source": cited.source}
                ],
                "published_by": j,
            }
        )
    groups: dict[str, list[EvidenceArticle]] = {}
    for ev in related:
        groups.setdefault(uf.find(ev.article.id), []).append(ev)
    origins = [_origin(g, joins, roots, outlets, registry) for g in groups.values()]
    return sorted(origins, key=lambda o: (-len(o.articles), o.key))


def _cited_outlets(
    citing: list[str],
    ids: list[str],
    by_article: dict[str, list[ArticleAttribution]],
    outlets: dict[str, str | None],
    stance: dict[str, str],
    registry: Registry | None,
) -> list[tuple[str, str, ArticleAttribution]]:
    """(citing article, cited article, citation) for an article of ``citing`` that cites an outlet
    whose own article is in the evidence (``ids``: "بحسب ما صرح به لموقع هدف المغرب" beside هدف
    المغرب's interview): the relay and the report are one origin, unless one asserts the claim and
    the other denies it. A published fact-check is not among ``citing``: the reports it cites are its
    evidence, and its finding is its own."""
    identities: dict[str, str | None] = {}  # one name read once (a language guess, a registry lookup)

    def identity_of(name: str) -> str | None:
        if name not in identities:
            identities[name] = outlet_identity(name, registry)
        return identities[name]

    published_by: dict[str, list[str]] = {}
    for i in ids:
        if outlets[i] and (identity := identity_of(outlets[i])):
            published_by.setdefault(identity, []).append(i)
    found = []
    for i in citing:
        for a in by_article[i]:
            if a.dateline or not _cites_a_publisher(a):
                continue
            identity = identity_of(a.source_key)
            for j in published_by.get(identity or "", []):
                if j != i and {stance[i], stance[j]} != {"agree", "disagree"}:
                    found.append((i, j, a))
    return found


def _cites_a_publisher(a: Attribution) -> bool:
    """Whether ``a`` may name an outlet: an agency or outlet the registry knows, or a name it does not
    hold (read as a person's) credited as a publisher ("according to AeroBrief", "Gulf Business Wire
    reported": a credit frame or a verb of the grammar role ``press_verb``). A company or ministry
    that *said* or *denied* something is a party to the story; its statement is not the report's origin."""
    if a.source_kind in ("agency", "outlet"):
        return True
    if a.source_kind != "person":
        return False
    return a.verb is None or a.verb in _press_verbs()


@cache
def _press_verbs() -> frozenset[str]:
    """Every language's ``press_verb`` words (their scripts do not overlap: no language guess needed)."""
    return frozenset().union(*(lang.words("grammar", "press_verb") for lang in all_languages()))


def _by_side(ids: list[str], stance: dict[str, str]) -> list[list[str]]:
    """Articles citing one carrier, split by side: those asserting the claim apart from those
    denying it; an article that only discusses it joins the larger side."""
    agree = [i for i in ids if stance[i] == "agree"]
    disagree = [i for i in ids if stance[i] == "disagree"]
    other = [i for i in ids if stance[i] not in ("agree", "disagree")]
    (agree if len(agree) >= len(disagree) else disagree).extend(other)
    return [g for g in (agree, disagree) if g]


def _citation_evidence(
    group: list[str], roots: dict[str, _Root | None], registry: Registry | None
) -> dict[str, Any]:
    first = roots[group[0]]
    assert first is not None
    relayed = any(r is not None and r.relayed for r in (roots[i] for i in group))
    return {
        "type": "relay" if relayed else "cited_source",
        "source": first.source,
        "source_key": first.key,
        "articles": group,
        "citations": [
            {"article_id": i, "sentence_index": r.att.sentence_index, "source": r.source}
            for i in group
            if (r := roots[i]) is not None
        ],
    }


def _outlet_name(outlet: str | None, registry: Registry | None, language: str = "en") -> str:
    if not outlet:
        return UNKNOWN_OUTLET
    entry = registry.get(outlet) if registry else None
    if entry is None and registry is not None:
        entry = registry.resolve(outlet)
    return entry.display_name(language) if entry else outlet


def _origin(
    group: list[EvidenceArticle],
    joins: list[dict[str, Any]],
    roots: dict[str, _Root | None],
    outlets: dict[str, str | None],
    registry: Registry | None,
) -> Origin:
    ids = [ev.article.id for ev in group]
    members = set(ids)
    evidence = [j for j in joins if set(j["articles"]) <= members]
    language = _language(group)
    earliest = min(group, key=lambda ev: (ev.article.published or "\uffff", ev.article.id)).article.id
    # the source the group traces back to: the most cited root, the earliest article's first
    found = [r for i in ids if (r := roots[i]) is not None]
    kinds = {j["type"] for j in evidence}
    # the outlet whose own report the others relay names the origin when that report cites no one
    published = [i for j in evidence if (i := j.get("published_by")) is not None and roots[i] is None]
    if published:
        earliest, found = published[0], []
    if found:
        counts = Counter(r.key for r in found)
        top = max(counts, key=lambda k: (counts[k], roots[earliest] is not None and roots[earliest].key == k))
        root = next(r for r in found if r.key == top)
        kind = (
            "relay"
            if "relay" in kinds
            else "cited_source"
            if "cited_source" in kinds
            else "reuse"
            if kinds & _SHARED_TEXT
            else "outlet"
            if "outlet" in kinds
            else "single"
        )
        if root.registered:
            return Origin(root.key, ids, kind, display_name(root.key, registry, language), evidence)
        return Origin(root.source, ids, kind, root.source, evidence, anonymous=True)
    outlet = outlets[earliest] or next((outlets[i] for i in ids if outlets[i]), None)
    kind = (
        "cited_source"
        if published
        else "reuse"
        if kinds & _SHARED_TEXT
        else "outlet"
        if "outlet" in kinds
        else "single"
    )
    if outlet is None:
        return Origin(UNKNOWN_OUTLET, ids, kind, UNKNOWN_OUTLET, evidence)
    entry = registry.get(outlet) if registry else None
    key = entry.key if entry else outlet
    return Origin(key, ids, kind, _outlet_name(outlet, registry, language), evidence)
