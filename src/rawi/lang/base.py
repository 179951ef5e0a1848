"""The :class:`Language` object: attributes plus lazy readers for the language's data files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class LexiconEntry:
    """One line of a lexicon file: the phrase as written and its tab-separated fields."""

    phrase: str
    fields: tuple[str, ...] = ()

    @property
    def tag(self) -> str | None:
        return self.fields[0] if self.fields else None


def read_entries(path: Path) -> list[LexiconEntry]:
    """Read a list file: one entry per line, ``#`` comments, tab-separated fields after the phrase."""
    entries: list[LexiconEntry] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("\t")]
        entries.append(LexiconEntry(parts[0], tuple(p for p in parts[1:] if p)))
    return entries


@dataclass(eq=False)
class Language:
    """Everything language-specific that the pipeline needs, as data.

    Parameters
    ----------
    code : ISO 639-1 code.
    name : English name.
    stemmer : Snowball algorithm name (``"arabic"``, ``"english"``).
    script : regex character class of the letters of this language's script.
    letter_map : characters folded for matching (one char to zero or more chars).
    data_dir : folder holding the list files.
    """

    code: str
    name: str
    stemmer: str
    script: str
    data_dir: Path
    letter_map: dict[str, str] = field(default_factory=dict)
    sentence_enders: str = ".!?"
    # Marks that join two clauses inside one sentence or headline (besides a run of sentence enders,
    # "..", which Arabic headlines use the same way): a denial's scope ends at one.
    clause_marks: str = ";"
    # Regex class (without brackets) of the marks written inside words that matching drops (Arabic
    # harakat, superscript alef, Quranic marks, tatweel): they belong to the word they sit in.
    word_marks: str = ""
    abbreviations: frozenset[str] = frozenset()
    # Clitic prefixes (e.g. the Arabic article with its conjunctions) stripped before stemming when
    # the stemmer itself leaves them on short words; longest first. ``min_stem`` letters must remain.
    clitic_prefixes: tuple[str, ...] = ()
    min_stem: int = 2
    # One-letter conjunctions fused to the next word (Arabic و ف). Snowball keeps them before an
    # alef, because after normalization it cannot tell وأكد (and he confirmed) from واحد (one).
    conjunctions: tuple[str, ...] = ()
    # Word order and writing facts the attribution grammar reads instead of testing a language code.
    # head_first: a noun phrase's head comes first and decides its kind (Arabic "مصادر عسكرية").
    # verb_subject: the subject usually follows a verb of saying (Arabic "قالت الوزارة").
    # inflected_verbs: reporting verbs are matched by inflections generated from the verb list's base
    #   forms and the affixes of ``grammar.txt`` (else by stem).
    # fused_clitics: conjunctions and prepositions are written fused to the next word (ولوكالة).
    # capitalized_names: names are capitalized, so a capitalized phrase may be a person's name.
    head_first: bool = False
    verb_subject: bool = False
    inflected_verbs: bool = False
    fused_clitics: bool = False
    capitalized_names: bool = False

    @cached_property
    def script_re(self) -> re.Pattern[str]:
        return re.compile(f"[{self.script}]")

    def entries(self, name: str) -> list[LexiconEntry]:
        """Entries of ``<data_dir>/<name>.txt``; an absent list is empty (not every language has all)."""
        path = self.data_dir / f"{name}.txt"
        return read_entries(path) if path.exists() else []

    def has_list(self, name: str) -> bool:
        return (self.data_dir / f"{name}.txt").exists()

    @cached_property
    def stopwords(self) -> frozenset[str]:
        """Stopwords in matching form (normalized)."""
        from rawi.text.normalize import normalize

        return frozenset(normalize(e.phrase) for e in self.entries("stopwords"))

    @cached_property
    def months(self) -> dict[str, int]:
        """Month names in matching form mapped to month numbers (``months.txt``: name<TAB>number)."""
        from rawi.text.normalize import normalize

        return {normalize(e.phrase): int(e.fields[0]) for e in self.entries("months")}

    def words(self, list_name: str, tag: str) -> frozenset[str]:
        """Entries of list ``list_name`` with tag ``tag``, in matching form (cached per language);
        an entry written ``-`` stands for the empty string (an empty affix)."""
        cache = self.__dict__.setdefault("_word_sets", {})
        if (list_name, tag) not in cache:
            from rawi.text.normalize import normalize

            cache[(list_name, tag)] = frozenset(
                "" if e.phrase == "-" else normalize(e.phrase)
                for e in self.entries(list_name)
                if e.tag == tag
            )
        return cache[(list_name, tag)]

    def lexicon(self, name: str):
        """The compiled :class:`rawi.text.lexicon.Lexicon` of list ``name`` (cached per language)."""
        cache = self.__dict__.setdefault("_lexicons", {})
        if name not in cache:
            from rawi.text.lexicon import Lexicon

            cache[name] = Lexicon.from_entries(self.entries(name), name=f"{self.code}/{name}")
        return cache[name]

    def __repr__(self) -> str:
        return f"Language({self.code!r})"
