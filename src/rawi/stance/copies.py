"""Copies of one report take one stance: the mean of their scores.

Near-identical copies (the provenance stage's ``near_duplicate`` reuse links) differ only in letter
forms, tatweel, digits, a headline or a paragraph; what they say about a claim is the same. Read one
by one, the stance stage gave such copies different labels (agree, discuss, even disagree for three
copies of one agency report), and the verdict then counted a copy as a denial. Pooling their scores
removes that noise, and the label stays the top of the scores shown. A translation (a
``translation`` link) is a copy in another language: it takes the reading of the articles of its
group that are in the claim's language, which are read against the claim itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rawi.groups import UnionFind
from rawi.records import STANCE_LABELS
from rawi.stance.base import StanceResult

NEAR_DUPLICATE = "near_duplicate"
TRANSLATION = "translation"
PASSAGE = "passage"
# Share of each article's words its shared passages must cover for a passage link to make a copy.
COPY_SHARE = 0.4


def passage_cover(link: Mapping[str, Any]) -> float:
    """The share of the less-covered article of a passage link that its shared passages cover."""
    passages = link.get("passages") or ()
    a = sum(float(p.get("a_share", 0.0)) for p in passages)
    b = sum(float(p.get("b_share", 0.0)) for p in passages)
    return min(a, b)


def is_copy(link: Mapping[str, Any], kinds: frozenset[str]) -> bool:
    """Whether a reuse link joins two copies of one report (of ``kinds``, or passages covering both)."""
    kind = link.get("kind")
    return kind in kinds or (kind == PASSAGE and passage_cover(link) >= COPY_SHARE)


def copy_groups(
    article_ids: Sequence[str],
    links: Sequence[Mapping[str, Any]],
    kinds: frozenset[str] = frozenset({NEAR_DUPLICATE}),
) -> list[list[int]]:
    """Positions of ``article_ids`` joined by links of ``kinds`` (groups of two or more)."""
    position = {a: i for i, a in enumerate(article_ids)}
    uf = UnionFind(article_ids)
    for link in links:
        a, b = str(link.get("a")), str(link.get("b"))
        if is_copy(link, kinds) and a in position and b in position:
            uf.union(a, b)
    return [[position[a] for a in group] for group in uf.groups() if len(group) > 1]


def pool_copies(
    article_ids: Sequence[str],
    stances: Sequence[StanceResult],
    links: Sequence[Mapping[str, Any]],
    languages: Sequence[str | None] = (),
    claim_language: str | None = None,
) -> list[StanceResult]:
    """``stances`` with each group of copies given the mean of its scores (and that mean's top label);
    each article keeps its own rationale sentences.

    With ``languages`` (each article's) and the ``claim_language``, translations are copies too, and
    a group that holds articles in the claim's language takes their reading alone: they are read
    against the claim itself, a translation through a pivot that is often a sentence of its own, and
    against itself it agrees (blind held-out set 9: the English translation of an agency report that
    only discussed the claim agreed at 0.89, and counted as a confirmation beside a rumour site). A
    copy read as unrelated gives no reading while another member of its group is related."""
    across = bool(claim_language) and len(languages) == len(article_ids)
    kinds = frozenset({NEAR_DUPLICATE, TRANSLATION}) if across else frozenset({NEAR_DUPLICATE})
    pooled = list(stances)
    for group in copy_groups(article_ids, links, kinds):
        direct = [i for i in group if across and languages[i] == claim_language] or group
        # a copy read as unrelated (a candidate of the near-duplicate pass) takes the others' reading
        readers = [i for i in direct if stances[i].label != "unrelated"] or direct
        mean = {k: sum(stances[i].scores[k] for i in readers) / len(readers) for k in STANCE_LABELS}
        label = max(STANCE_LABELS, key=lambda k: mean[k])
        doubted = label != "agree" and any(stances[i].doubted for i in group)
        for i in group:
            pooled[i] = StanceResult(
                label,
                dict(mean),
                stances[i].rationale,
                stances[i].ruling and label == stances[i].label,
                doubted,
            )
    return pooled
