"""Whose denial speaks for a party the claim names: a denial by that party counts against the claim
on its own (the verdict's ``PartyDenial``), even one sentence inside a supporting article."""

from __future__ import annotations

from collections.abc import Sequence

from rawi.provenance.origins import ArticleAttribution
from rawi.provenance.registry import Registry
from rawi.provenance.tokens import name_words, strip_article


def party_denials(
    claim_words: Sequence[str], attributions: Sequence[ArticleAttribution], registry: Registry
) -> list[ArticleAttribution]:
    """Denials by a party the claim names (``claim_words``: its normalized tokens): a registry entry
    in the claim, or a named person or official whose every name word appears in the claim."""
    words = list(claim_words)
    named: set[str] = set()
    i = 0
    while i < len(words):
        hit = registry.longest_match(words, i)
        if hit:
            named.add(hit[1].key)
            i += hit[0]
        else:
            i += 1
    bare = {strip_article(w) for w in words} | set(words)
    out = []
    for a in attributions:
        if a.polarity != "denies":
            continue
        if a.source_key in named:
            out.append(a)
        elif a.source_kind in ("person", "official", "government", "military"):
            content = [w for w in name_words(a.source) if len(w) > 2]
            if content and all(w in bare for w in content):
                out.append(a)
    return out
