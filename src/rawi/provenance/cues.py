"""Provenance cues per language, compiled once from the lists in ``rawi/lang/<code>/``.

Reporting verbs of an inflecting language (Arabic) are matched by generating their inflections from
the two base forms a list line gives (past and present, 3rd person masculine singular) and the affixes
of ``grammar.txt``; the others (English) by Snowball stem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from rawi.lang import Language, LexiconEntry, get
from rawi.provenance.tokens import clitic_variants, strip_article
from rawi.text import Lexicon, normalize, stem_tokens, tokenize_normalized

# add(mention, polarity, verb, parent=...) -> index of the new attribution draft, or None: the
# callback through which the Arabic and English patterns add what they find
AddFn = Callable[..., int | None]


@dataclass(frozen=True)
class Verb:
    lemma: str  # the list's base form, normalized
    polarity: str
    strict: bool  # only counts when a complement (that / colon / quote) follows the source
    relay: bool = False  # relays another source: نقلت X عن Y
    # words that, like a complement, carry what a strict verb's source said (``with:`` field)
    content_words: frozenset[str] = frozenset()


def _inflections(lang: Language, past: str, present: str | None) -> set[str]:
    """Surface forms of a verb from its past and present base forms and the affixes of the
    language's ``grammar.txt`` (past_suffix, present_prefix, present_suffix, object_suffix,
    verb_conjunction). Weak final letters (the language's ``weak_final`` entries) drop before a
    suffix: نفى → نفت، نفوا؛ ينفي → ينفون."""
    past_suffixes = lang.words("grammar", "past_suffix")
    present_prefixes = lang.words("grammar", "present_prefix")
    present_suffixes = lang.words("grammar", "present_suffix")
    objects = lang.words("grammar", "object_suffix")
    weak = tuple(lang.words("grammar", "weak_final"))
    bare_only = lang.words("grammar", "bare_only_suffix")  # suffixes that keep the weak letter
    forms: set[str] = set()
    bases = [past]
    if weak and past.endswith(weak):
        bases.append(past[:-1])
    for base in bases:
        for suffix in past_suffixes:
            if base is not past and suffix in bare_only:
                continue
            forms.add(base + suffix)
    if present and len(present) > 2:
        body = present[1:]
        bodies = [body]
        if weak and body.endswith(weak):
            bodies.append(body[:-1])
        for prefix in present_prefixes:
            for b in bodies:
                for suffix in present_suffixes:
                    if b is not body and suffix in bare_only:
                        continue
                    forms.add(prefix + b + suffix)
    # object pronouns on the verb: "نفاه المفتي", "نقلها التلفزيون", "أكدته روسيا"
    plural = tuple(lang.words("grammar", "plural_subject_suffix"))
    with_object = {f + o for f in forms for o in objects if not (plural and f.endswith(plural))}
    if weak and past.endswith(weak):
        long_vowel = next(iter(lang.words("grammar", "weak_final_before_object")), "")
        with_object |= {past[:-1] + long_vowel + o for o in objects}
    return {c + f for f in forms | with_object for c in lang.words("grammar", "verb_conjunction")}


@dataclass
class Cues:
    """Everything the attribution extractor needs for one language."""

    language: Language
    verbs_by_form: dict[str, Verb]  # Arabic: generated surface forms; English: stems
    frames: Lexicon
    nouns: dict[str, str]  # stem -> kind or "stop" / "aux" / "title"
    noun_phrases: Lexicon  # multi-word source nouns
    anonymous: Lexicon
    states: frozenset[str] = frozenset()  # one-word state names (``states.txt``), proper nouns

    def is_state(self, norm: str) -> bool:
        """A country or capital written as the speaker for its state (clitics and article tolerated)."""
        variants = clitic_variants(norm) if self.language.fused_clitics else (norm,)
        return any(v in self.states or strip_article(v) in self.states for v in variants)

    @property
    def code(self) -> str:
        return self.language.code

    def words(self, role: str) -> frozenset[str]:
        """Function words of the attribution grammar with ``role`` (``grammar.txt``)."""
        return self.language.words("grammar", role)

    def verb(self, norm: str, stem: str) -> Verb | None:
        if self.language.inflected_verbs:
            return self.verbs_by_form.get(norm)
        return self.verbs_by_form.get(stem) or self.verbs_by_form.get(norm)

    def noun_tag_exact(self, norm: str) -> str | None:
        """Kind or role of a word as written (no clitic stripping beyond the article)."""
        return self.nouns.get(norm) or self.nouns.get(strip_article(norm))

    def noun_tag(self, norm: str) -> str | None:
        """Kind or role of a word (clitics and the article tolerated)."""
        for variant in clitic_variants(norm) if self.language.fused_clitics else [norm]:
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
        content = frozenset(
            normalize(w) for f in e.fields[2:] if f.startswith("with:") for w in f[5:].split(",") if w
        )
        noun_form = "noun_form" in e.fields[2:]
        relay = "relay" in e.fields[2:]
        verb = Verb(normalize(e.phrase), polarity, strict, relay, frozenset() if noun_form else content)
        if lang.inflected_verbs:
            if noun_form:  # the form that is also a noun counts only with a complement ("خط نقل جديد")
                as_verb = Verb(verb.lemma, polarity, True, relay, content)
                for conj in lang.words("grammar", "verb_conjunction"):
                    verbs.setdefault(conj + verb.lemma, as_verb)
            for form in _inflections(lang, normalize(e.phrase), normalize(present) if present else None):
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
    states: set[str] = set()
    for e in lang.entries("states"):  # a state speaking for its government: exact forms, no stems
        words = tokenize_normalized(normalize(e.phrase))
        if len(words) == 1:
            states.add(words[0])  # not a noun tag: "الطرابلسي" must not stem to a state
        elif words:
            phrases.append(LexiconEntry(e.phrase, ("government",)))
    return Cues(
        language=lang,
        verbs_by_form=verbs,
        frames=lang.lexicon("citation_frames"),
        nouns=nouns,
        noun_phrases=Lexicon.from_entries(phrases, name=f"{code}/source_noun_phrases"),
        anonymous=lang.lexicon("anonymous_sources"),
        states=frozenset(states),
    )
