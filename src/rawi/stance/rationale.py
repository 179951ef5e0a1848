"""Rationale: the sentences a stance decision rests on — for the lexical model, ranked by claim match
× cue evidence; for the evidence-sentence stage, by closeness × the pair model's reading."""

from __future__ import annotations

from collections.abc import Sequence

from rawi.stance.analysis import ArticleAnalysis
from rawi.stance.base import RationaleSentence
from rawi.stance.features import SentenceMatch
from rawi.stance.semantic import SentenceEvidence
from rawi.stance.views import TITLE

# Cue lists that carry each label's evidence; a sentence holding one weighs more for that label.
LABEL_CUES: dict[str, tuple[str, ...]] = {
    "agree": ("support",),
    "disagree": ("denial", "refutation", "negation"),
    "discuss": ("hedge",),
    "unrelated": (),
}
MATCH_SHARE = 0.75  # the rest of a sentence's score comes from the cue evidence


def rank_rationale(
    label: str,
    matches: list[SentenceMatch],
    article: ArticleAnalysis,
    sentences: tuple[str, ...],
    max_rationale: int = 3,
) -> list[RationaleSentence]:
    """Up to ``max_rationale`` body sentences (never the title), best first, scores in [0, 1].

    A sentence's score is its claim match, raised by cues of the predicted label found in it; for
    ``unrelated`` there is no rationale.
    """
    if label == "unrelated" or max_rationale <= 0:
        return []
    cues = LABEL_CUES.get(label, ())
    offset = article.sentence_offset
    scored = []
    for match in matches:
        if match.index < offset or match.score <= 0:
            continue
        unit = article.units[match.index]
        evidence = 1.0 if any(unit.cue_count(name) for name in cues) else 0.0
        score = min(1.0, match.score) * (MATCH_SHARE + (1 - MATCH_SHARE) * evidence)
        scored.append((score, match.index - offset))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [
        RationaleSentence(sentence_index=index, text=sentences[index], score=round(score, 4))
        for score, index in scored[:max_rationale]
    ]


def evidence_rationale(
    label: str, evidence: Sequence[SentenceEvidence], sentences: Sequence[str], n: int
) -> list[RationaleSentence]:
    """The candidate sentences that carry ``label`` (a reading of the claim's core): closest to
    the claim, weighted by the pair model's reading in that direction; for a denial, the sentences
    with a denial or refutation word first, for an assertion those without one (the pair model
    reads "the ministry denied an outbreak of cholera" as agreeing with "cholera broke out", by
    its shared words, and a dateline as disagreeing with it)."""
    direction = {"agree": "agree", "disagree": "disagree"}.get(label)

    def weight(e: SentenceEvidence) -> float:
        return max(e.cosine, 0.0) * (e.pair[direction] if direction else 1.0)

    def rank(e: SentenceEvidence) -> tuple[bool, float]:
        denying = e.contradicts()
        return (denying != (direction == "disagree") if direction else False, -weight(e))

    ranked = sorted((e for e in evidence if e.sentence_index != TITLE), key=rank)[:n]
    return [
        RationaleSentence(e.sentence_index, sentences[e.sentence_index], round(weight(e), 4)) for e in ranked
    ]
