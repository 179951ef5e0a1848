"""Provenance cues per language, compiled once from the lists in ``rawi/lang/<code>/``.

Arabic reporting verbs are matched by generating their inflections from the two base forms a list
line gives (past and present, 3rd person masculine singular); English ones by Snowball stem.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rawi.lang import Language, get
from rawi.provenance.tokens import clitic_variants, strip_article
from rawi.text import Lexicon, normalize, stem_tokens, tokenize_normalized

_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا")
_PRESENT_PREFIXES = ("ي", "ت", "ن")
_PRESENT_SUFFIXES = ("", "ون", "ان", "ن", "ين")
_CONJUNCTIONS = ("", "و", "ف")
_OBJECTS = ("ه", "ها", "هم")


@dataclass(frozen=True)
class Verb:
    lemma: str  # the list's base form, normalized
    polarity: str
    strict: bool  # only counts when a complement (that / colon / quote) follows the source


def _arabic_forms(past: str, present: str | None) -> set[str]:
    forms: set[str] = set()
    bases = [past]
    if past.endswith(("ي", "ا")):  # defective verbs: نفى → نفت، نفوا؛ دعا → دعت، دعوا
        bases.append(past[:-1])
    for base in bases:
        for suffix in _PAST_SUFFIXES:
            if base is not past and suffix in ("", "ن", "نا"):
                continue
            forms.add(base + suffix)
    if present and len(present) > 2:
        body = present[1:]
        bodies = [body]
        if body.endswith(("ي", "و")):
            bodies.append(body[:-1])
        for prefix in _PRESENT_PREFIXES:
            for b in bodies:
                for suffix in _PRESENT_SUFFIXES:
                    if b is not body and suffix in ("", "ن"):
                        continue
                    forms.add(prefix + b + suffix)
    # object pronouns on the verb: "نفاه المفتي", "نقلها التلفزيون", "أكدته روسيا"
    with_object = {f + o for f in forms for o in _OBJECTS if not f.endswith(("وا", "ن"))}
    if past.endswith("ي"):
        with_object |= {past[:-1] + "ا" + o for o in _OBJECTS}
    return {c + f for f in forms | with_object for c in _CONJUNCTIONS}


@dataclass
class Cues:
    """Everything the attribution extractor needs for one language."""

    language: Language
    verbs_by_form: dict[str, Verb]  # Arabic: generated surface forms; English: stems
    frames: Lexicon
    nouns: dict[str, str]  # stem -> kind or "stop" / "aux" / "title"
    noun_phrases: Lexicon  # multi-word source nouns
    anonymous: Lexicon

    @property
    def code(self) -> str:
        return self.language.code

    def verb(self, norm: str, stem: str) -> Verb | None:
        if self.code == "ar":
            return self.verbs_by_form.get(norm)
        return self.verbs_by_form.get(stem) or self.verbs_by_form.get(norm)

    def noun_tag_exact(self, norm: str) -> str | None:
        """Kind or role of a word as written (no clitic stripping beyond the article)."""
        return self.nouns.get(norm) or self.nouns.get(strip_article(norm))

    def noun_tag(self, norm: str) -> str | None:
        """Kind or role of a word (clitics and the article tolerated)."""
        for variant in clitic_variants(norm) if self.code == "ar" else [norm]:
            tag = self.nouns.get(variant)
            if tag:
                return tag
            bare = strip_article(variant)
            stem = stem_tokens([bare])[0]
            tag = self.nouns.get(bare) or self.nouns.get(stem)
            if tag:
                return tag
        return None


@cache
def cues(code: str) -> Cues:
    lang = get(code)
    verbs: dict[str, Verb] = {}
    for e in lang.entries("reporting_verbs"):
        polarity = e.fields[0] if e.fields else "asserts"
        present = e.fields[1] if len(e.fields) > 1 and e.fields[1] != "-" else None
        strict = "strict" in e.fields[2:]
        verb = Verb(normalize(e.phrase), polarity, strict)
        if code == "ar":
            for form in _arabic_forms(normalize(e.phrase), normalize(present) if present else None):
                verbs.setdefault(form, verb)
        else:
            verbs.setdefault(stem_tokens([normalize(e.phrase)])[0], verb)
            verbs.setdefault(normalize(e.phrase), verb)
    nouns: dict[str, str] = {}
    phrases = []
    for e in lang.entries("source_nouns"):
        words = tokenize_normalized(normalize(e.phrase))
        tag = e.tag or "other"
        if len(words) == 1:
            nouns.setdefault(words[0], tag)
            nouns.setdefault(stem_tokens([strip_article(words[0])])[0], tag)
        else:
            phrases.append(e)
    return Cues(
        language=lang,
        verbs_by_form=verbs,
        frames=lang.lexicon("citation_frames"),
        nouns=nouns,
        noun_phrases=Lexicon.from_entries(phrases, name=f"{code}/source_noun_phrases"),
        anonymous=lang.lexicon("anonymous_sources"),
    )
