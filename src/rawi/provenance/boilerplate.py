"""Site boilerplate in a collection: the shingles of menus, login forms, "most read" sidebars and
copyright lines that a scraped page carries next to its story.

A shingle is boilerplate when it appears in more than ``max_df`` distinct *stories*, where a story is
a cluster of near-duplicate texts (Jaccard >= ``near_duplicate``). Counting stories rather than
texts keeps a story copied by fifty outlets from being mistaken for a sidebar, while a login widget
that a site prints under every one of its articles is found.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np


def story_clusters(ids: Iterable[str], near_pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Cluster root of each id, joining the given near-duplicate pairs (union-find)."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in near_pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in parent}


def find_boilerplate(
    shingles: Mapping[str, np.ndarray], near_pairs: Iterable[tuple[str, str]], max_df: int
) -> np.ndarray:
    """Sorted shingle hashes found in more than ``max_df`` stories (see the module docstring)."""
    roots = story_clusters(shingles, near_pairs)
    members: dict[str, list[np.ndarray]] = {}
    for doc_id, root in roots.items():
        members.setdefault(root, []).append(shingles[doc_id])
    if len(members) <= max_df:
        return np.zeros(0, dtype=np.uint32)
    per_story = [m[0] if len(m) == 1 else np.unique(np.concatenate(m)) for m in members.values()]
    values, counts = np.unique(np.concatenate(per_story), return_counts=True)
    return values[counts > max_df]
