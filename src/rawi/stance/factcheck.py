"""Is a denying article a published fact-check? (a verdict rule weighs one more than other denials)

PRODUCT.md: a claim is *refuted* when a party with first-hand knowledge, an official record or a
published fact-check establishes the opposite, but *disputed* when a named party only denies what
others assert. The words of a strong denial ("baseless", "fabricated") are no sign of a fact-check;
a platform naming itself or a rating line is. The marks live in ``rawi/lang/<code>/fact_check.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rawi.lang import all_languages
from rawi.stance.analysis import cue_lexicon
from rawi.text import normalize, tokenize

LEAD = 3  # sentences after the title where a platform names itself or gives its rating
_OPENING = re.compile(r"^\W+")  # markup and punctuation before a label ("**الادعاء:**")
BARE_LABEL_WORDS = 3  # a claim label with at most this many words after it is a heading


@cache
def _phrases(name: str) -> tuple[str, ...]:
    """The phrases of word list ``name`` in every language, in matching form."""
    return tuple(normalize(e.phrase) for lang in all_languages() for e in lang.entries(name))


def is_fact_check(title: str | None, sentences: Sequence[str], outlet: str | None = None) -> bool:
    """Whether the outlet's name, the title or the first sentences carry a fact-check's marks."""
    head = normalize(" ".join([outlet or "", title or "", *sentences[:LEAD]]))
    return any(mark in head for mark in _phrases("fact_check"))


def rates_misleading(title: str | None, sentences: Sequence[str]) -> bool:
    """Whether a fact-check's rating is "misleading" or "out of context" rather than "false": what it
    rates is real but presented wrongly (an old photo shared as today's fire), so it does not deny
    the event. The rating phrases live in ``rawi/lang/<code>/fact_check_misleading.txt``."""
    text = normalize(" ".join([title or "", *sentences]))
    return any(rating in text for rating in _phrases("fact_check_misleading"))


# Cue words a fact-check wraps around the claim it rates ("the claim that X is baseless").
_RULING_WORDS = ("refutation", "denial", "negation", "hedge")


def statement(text: str) -> str:
    """``text`` without its cue phrases (in matching form): what a fact-check line says happened,
    apart from what it says of it. "ادعاء انهيار السد لا أساس له" reads as "انهيار السد", which a
    sentence encoder puts next to the claim "انهار السد" (with the cue words it does not)."""
    tokens = tokenize(text)
    dropped = {
        i
        for m in cue_lexicon().find([normalize(t) for t in tokens])
        if m.entry.fields and m.entry.fields[0] in _RULING_WORDS
        for i in range(m.start, m.end)
    }
    return " ".join(t for i, t in enumerate(tokens) if i not in dropped)


def _after_label(sentence: str) -> str | None:
    """What follows a claim label at the start of ``sentence`` (in matching form), else ``None``."""
    opening = _OPENING.sub("", normalize(sentence))
    for label in _phrases("fact_check_claim"):
        if opening.startswith(label) and opening[len(label) : len(label) + 1] in (":", " ", ""):
            return opening[len(label) :].strip(" :*#")
    return None


def claim_lines(sentences: Sequence[str]) -> list[int]:
    """Indices of the sentences where a fact-check states the claim it rates: a line opened by a claim
    label, or the sentence after a bare label heading."""
    out: list[int] = []
    for i, sentence in enumerate(sentences):
        rest = _after_label(sentence)
        if rest is None:
            continue
        j = i if len(rest.split()) > BARE_LABEL_WORDS else i + 1
        if j < len(sentences) and sentences[j].strip() and j not in out:
            out.append(j)
    return out


def rated_claims(title: str | None, sentences: Sequence[str]) -> list[str]:
    """The claims a fact-check states it rates, without their labels (in matching form): each claim
    line's text after "الادعاء:" / "Claim:", or the title when it has no claim line."""
    lines = [sentences[i] for i in claim_lines(sentences)]
    claims = [_after_label(line) or normalize(line) for line in lines]
    return [c for c in claims if c] or ([normalize(title)] if title and title.strip() else [])


def rated_texts(title: str | None, sentences: Sequence[str]) -> list[str]:
    """Where a fact-check states what it rates: its title and each claim line ("الادعاء: ...",
    "Claim: ...", or the sentence after a bare "## الادعاء" heading), each also as a
    :func:`statement`. Not its lead or its conclusion: there a fact-check also says what did
    happen ("a magnitude 4.6 quake did strike near Tafileh", before rating the dam rumour false)."""
    out = [title] if title and title.strip() else []
    for i in claim_lines(sentences):
        if sentences[i] not in out:
            out.append(sentences[i])
    # Each line as written and as a statement: the encoder reads some lines better one way, some
    # the other (the statement is in matching form, without hamza and taa marbuta).
    return out + [text for text in map(statement, out) if text and text not in out]
