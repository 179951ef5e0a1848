"""Shared passages that are not copies: a site's templates and the lists it scrapes, and formulas
whose slots hold other figures. Used by :mod:`rawi.provenance.passages` after alignment.

What the hand-judged false positives of the passage pass had in common (BENCHMARKS.md, "Copy
chains, third pass"):

- **A site's own template.** Two pages of one site share a photo caption, a casualty-report line
  or a designation that the site writes on many of its pages ("Free Army fighters in <town>,
  <date>"), each time about another event. The words recur in a third story of the same site; a
  copied paragraph does not.
- **A formula with other figures.** A short passage whose numbers differ between the two texts
  ("killing two civilians and wounding others" / "... and wounding 8 others") is one phrase of the
  trade filled in for two events, not one report copied.
- **A glued list item.** A ticker or list of headlines scraped without separators glues each item
  to the next ("...terrorist" + "Loss for ..."); a passage that one text bounds on both sides by
  tokens gluing the other text's neighbouring words to another item is that list's item, printed
  on both pages as furniture.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rawi.provenance.fingerprint import members

SITE_TEMPLATE_SHARE = 0.2  # share of a passage's n-grams a third story of the site also carries
SHORT_FORMULA_WORDS = 15  # passages shorter than this whose figures differ are formulas
GLUED_LETTERS = 3  # letters a glued token adds to the other text's word (more than a clitic or suffix)


def site_template_keys(
    hashes: np.ndarray, group: np.ndarray, label: np.ndarray, limit: int
) -> tuple[np.ndarray, int]:
    """Sorted keys ``hash * width + label`` of the n-grams that at least ``limit`` articles of one
    label (outlet or site; -1: unknown) carry, and ``width``. ``hashes`` holds one hash per group;
    ``group`` and ``label`` one entry per (n-gram, article) occurrence."""
    known = label >= 0
    if not known.any():
        return np.zeros(0, dtype=np.uint64), 1
    width = int(label.max()) + 2
    uniq, per = np.unique(group[known] * width + label[known], return_counts=True)
    many = uniq[per >= limit]
    keys = hashes[many // width].astype(np.uint64) * np.uint64(width) + (many % width).astype(np.uint64)
    return np.unique(keys), width


def site_template(grams: np.ndarray, label: int, keys: np.ndarray, width: int) -> bool:
    """Whether at least a fifth of a passage's n-grams (``grams``, of an article of ``label``) are
    n-grams that site carries in three or more of its articles: the site's template."""
    if label < 0 or not len(grams) or not len(keys):
        return False
    combined = grams.astype(np.uint64) * np.uint64(width) + np.uint64(label)
    return float(members(combined, keys).mean()) >= SITE_TEMPLATE_SHARE


def other_figures(a_words: Sequence[str], b_words: Sequence[str]) -> bool:
    """Whether a short passage gives other numbers in each text: a formula with slots."""
    if max(len(a_words), len(b_words)) >= SHORT_FORMULA_WORDS:
        return False
    return sorted(w for w in a_words if w.isdigit()) != sorted(w for w in b_words if w.isdigit())


def glued_item(a_words: Sequence[str], a0: int, a1: int, b_words: Sequence[str], b0: int, b1: int) -> bool:
    """Whether one text bounds the passage on both sides by glued tokens: the word before it ends
    with the other text's word before it, and the word after it starts with the other's next word,
    each with at least ``GLUED_LETTERS`` more letters (list items run together; a clitic or a plural
    ending adds fewer)."""
    return _glued_both_ends(a_words, a0, a1, b_words, b0, b1) or _glued_both_ends(
        b_words, b0, b1, a_words, a0, a1
    )


def _glued_both_ends(x: Sequence[str], x0: int, x1: int, y: Sequence[str], y0: int, y1: int) -> bool:
    if x0 < 1 or y0 < 1 or x1 >= len(x) or y1 >= len(y):
        return False
    before, other_before = x[x0 - 1], y[y0 - 1]
    after, other_after = x[x1], y[y1]
    return (
        len(before) - len(other_before) >= GLUED_LETTERS
        and before.endswith(other_before)
        and len(after) - len(other_after) >= GLUED_LETTERS
        and after.startswith(other_after)
    )
