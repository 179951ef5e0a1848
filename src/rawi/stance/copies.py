"""Copies of one report take one stance: the mean of their scores.

Near-identical copies (the provenance stage's ``near_duplicate`` reuse links) differ only in letter
forms, tatweel, digits, a headline or a paragraph; what they say about a claim is the same. Read one
by one, the stance stage gave such copies different labels (agree, discuss, even disagree for three
copies of one agency report), and the verdict then counted a copy as a denial. Pooling their scores
removes that noise, and the label stays the top of the scores shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rawi.groups import UnionFind
from rawi.records import STANCE_LABELS
from rawi.stance.base import StanceResult

NEAR_DUPLICATE = "near_duplicate"


def copy_groups(article_ids: Sequence[str], links: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """Positions of ``article_ids`` joined by near-duplicate links (groups of two or more)."""
    position = {a: i for i, a in enumerate(article_ids)}
    uf = UnionFind(article_ids)
    for link in links:
        a, b = str(link.get("a")), str(link.get("b"))
        if link.get("kind") == NEAR_DUPLICATE and a in position and b in position:
            uf.union(a, b)
    return [[position[a] for a in group] for group in uf.groups() if len(group) > 1]


def pool_copies(
    article_ids: Sequence[str], stances: Sequence[StanceResult], links: Sequence[Mapping[str, Any]]
) -> list[StanceResult]:
    """``stances`` with each group of copies given the mean of its scores (and that mean's top label);
    each article keeps its own rationale sentences."""
    pooled = list(stances)
    for group in copy_groups(article_ids, links):
        mean = {k: sum(stances[i].scores[k] for i in group) / len(group) for k in STANCE_LABELS}
        label = max(STANCE_LABELS, key=lambda k: mean[k])
        for i in group:
            pooled[i] = StanceResult(
                label, dict(mean), stances[i].rationale, stances[i].ruling and label == stances[i].label
            )
    return pooled
