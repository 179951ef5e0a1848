"""Rationale: the sentences a stance decision rests on, ranked by claim match × cue evidence."""

from __future__ import annotations

from rawi.stance.analysis import ArticleAnalysis
from rawi.stance.base import RationaleSentence
from rawi.stance.features import SentenceMatch

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
