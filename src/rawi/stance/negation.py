"""Whether a sentence negates the claim's own words: "ولم يُحدث أي حفرة في الأرض" against "أحدث الجسم
... حفرة ضخمة في أرض زراعية", "لا حفرة في كفر الغصون", "no crater was found in the farmland".

A statement that what the claim says did not happen contradicts it without a denial word. A negation
word alone says nothing of the claim ("the army did not comment on the crash", "دون أن يسفر عن
إصابات"): the claim's words must be what is negated, the first word the negation governs (after a
quantifier such as "أي" / "any") and another of them close after it. Verb forms are matched across
tense ("يحدث" / "أحدث") through each language's ``verb_form_prefix`` grammar letters; the negation
words are ``claim_negation.txt`` with its exceptions ("no less than"), as for the claim's own polarity.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rawi.lang import all_languages
from rawi.stance.analysis import TextUnit
from rawi.stance.polarity import negation_words
from rawi.text import all_stopwords

# The negated word comes within this many tokens of the negation word ("لم يحدث", "not any crater").
GOVERNED = 2
# Another of the claim's words must come among the first SCOPE words after the negation that are not
# stopwords: one shared word may be a coincidence, two name what the claim says. At five, scraped page
# text ran the scope into the next fragment: "المستعرض لا يدعم تشغيل الفيديو ... قوات سوريا" (a
# browser notice) contradicted a Baly claim that "forces backed by the Pentagon" killed militants
# (refuted 0.71, confidently wrong); Baly then had ten articles whose reading the negation changed.
SCOPE = 3
NEGATED_CLAIM_WORDS = 2
MIN_FOLDED = 3  # a prefix letter is dropped only when this many letters stay


@cache
def _form_prefixes() -> frozenset[str]:
    return frozenset().union(*(lang.words("grammar", "verb_form_prefix") for lang in all_languages()))


def _fold(stem: str) -> str:
    """``stem`` without a letter that marks one form of a verb (so "يحدث" and "احدث" meet)."""
    if len(stem) > MIN_FOLDED and stem[0] in _form_prefixes():
        return stem[1:]
    return stem


def _negated_scopes(unit: TextUnit) -> list[list[int]]:
    """The scope of each negation word of ``unit`` that governs a word (within GOVERNED tokens): the
    positions of the next SCOPE words that are not stopwords."""
    stop = all_stopwords()
    tokens = unit.tokens
    out = []
    for i, negation in enumerate(negation_words(tokens, folded=True)):
        if not negation:
            continue
        scope = [k for k in range(i + 1, len(tokens)) if tokens[k] not in stop][:SCOPE]
        if scope and scope[0] <= i + GOVERNED:
            out.append(scope)
    return out


@dataclass(frozen=True)
class ClaimNegations:
    """What a sentence must negate to contradict one claim, read once per claim (the stance stage
    asks it of every candidate sentence): the claim's content words, and those the claim negates
    itself. A negation the claim itself makes of a word is no contradiction: "إنه لم يتبق سوى أقل
    من ألف مقاتل" restates a claim that says so (a claim whose negation comes late, inside a
    clause, is read as positive: rawi.stance.polarity)."""

    words: frozenset[str]
    negated: frozenset[str]

    @classmethod
    def of(cls, claim: TextUnit) -> ClaimNegations:
        stems = claim.stems
        return cls(
            frozenset(_fold(w) for w in claim.content),
            frozenset(_fold(stems[scope[0]]) for scope in _negated_scopes(claim)),
        )

    def negated_by(self, sentence: TextUnit) -> bool:
        """Whether ``sentence`` holds a negation whose first governed word (within GOVERNED tokens)
        is one of the claim's content words, not one the claim negates itself, and whose scope (its
        next SCOPE words that are not stopwords) holds NEGATED_CLAIM_WORDS of them."""
        if not self.words:
            return False
        stems = sentence.stems
        for scope in _negated_scopes(sentence):
            governed = _fold(stems[scope[0]])
            if governed not in self.words or governed in self.negated:
                continue
            if sum(_fold(stems[k]) in self.words for k in scope) >= NEGATED_CLAIM_WORDS:
                return True
        return False


def negates_claim(sentence: TextUnit, claim: TextUnit) -> bool:
    """Whether ``sentence`` negates ``claim``'s own words (:meth:`ClaimNegations.negated_by`)."""
    return ClaimNegations.of(claim).negated_by(sentence)
