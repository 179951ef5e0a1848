"""The sources registry: who publishes and who is cited, resolved from how news text names them.

Names are indexed by their normalized token sequence with the Arabic article stripped from every
word, so "الوكالة العربية السورية للأنباء", "والوكالة العربيّة السوريّة للانباء" and "لوكالة سانا" all
reach the same entry. The shipped file is ``provenance/data/sources.yaml``; user files in the same
format add entries or replace them by key.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from rawi.errors import InputError
from rawi.lang import all_languages
from rawi.provenance.tokens import clitic_variants, strip_article
from rawi.text import normalize, tokenize_normalized

# libyaml's safe loader when PyYAML was built with it: the same data, ~10x faster than the pure-Python
# one (which took ~0.8 s of every run's start to read the shipped registry).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_SAFE_LOADER)  # a safe loader: plain data only, never objects


@cache
def _name_prefixes() -> tuple[tuple[str, ...], ...]:
    """Words a name may be prefixed with in running text without changing who it names: every
    language's ``grammar.txt`` entries with role ``name_prefix`` ("وكالة الأنباء", "news agency")."""
    found = {
        name_key(tuple(phrase.split()))
        for lang in all_languages()
        for phrase in lang.words("grammar", "name_prefix")
        if phrase
    }
    return tuple(sorted(found))


@cache
def _state_names() -> frozenset[tuple[str, ...]]:
    """Matching keys of the countries and capitals news writes as speakers (every language's
    ``states.txt``): "الرياض" is the Saudi capital before it is "صحيفة الرياض"."""
    return frozenset(
        key
        for lang in all_languages()
        for e in lang.entries("states")
        if (key := name_key(tokenize_normalized(normalize(e.phrase))))
    )


@dataclass(frozen=True)
class SourceEntry:
    """One registry entry; ``names`` maps a language code to its names (display name first)."""

    key: str
    kind: str
    country: str | None = None
    ownership: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)

    def display_name(self, language: str = "en") -> str:
        for code in (language, "en", *self.names):  # English, else any language it has
            if self.names.get(code):
                return self.names[code][0]
        return self.key


def name_key(words: Sequence[str]) -> tuple[str, ...]:
    """Matching key of a name given as normalized words: the Arabic article dropped from each."""
    return tuple(strip_article(w) for w in words)


def _is_domain(alias: str) -> bool:
    return "." in alias and " " not in alias.strip() and not alias.strip().startswith(".")


class Registry:
    """Sources by key, by name and by web domain.

    Examples
    --------
    >>> reg = Registry.load()
    >>> reg.resolve("ووكالة رويترز").key
    'reuters'
    >>> reg.from_url("https://mubasher.aljazeera.net/news/1").key
    'aljazeera'
    """

    def __init__(self, entries: Iterable[SourceEntry] = ()) -> None:
        self.entries: dict[str, SourceEntry] = {}
        for entry in entries:
            self.entries[entry.key] = entry
        self._reindex()

    # -- loading ----------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), *, shipped: bool = True) -> Registry:
        """The shipped registry, then each user file in order (same format; same key replaces)."""
        entries: dict[str, SourceEntry] = {}
        if shipped:
            text = (files("rawi") / "provenance" / "data" / "sources.yaml").read_text(encoding="utf-8")
            for e in _parse(_load_yaml(text), "sources.yaml"):
                entries[e.key] = e
        for path in extra_files:
            path = Path(path)
            try:
                data = _load_yaml(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise InputError(f"cannot read sources file {path}: {exc}", code="E101") from exc
            for e in _parse(data, str(path)):
                entries[e.key] = e
        return cls(entries.values())

    def _reindex(self) -> None:
        self._display_names: dict[str, dict[str, str]] = {}
        self._by_name: dict[tuple[str, ...], str] = {}
        self._by_domain: dict[str, str] = {}
        prefixed: list[tuple[tuple[str, ...], str]] = []
        # one-word names left when a prefix is taken off ("قناة الجديد" -> "الجديد") that carried the
        # article: written without it they are the common word ("خط نقل جديد"), not the outlet
        article_only: set[tuple[str, ...]] = set()
        for entry in self.entries.values():
            mentions = [n for names in entry.names.values() for n in names]
            for alias in entry.aliases:
                if _is_domain(alias):
                    self._by_domain[alias.lower().removeprefix("www.")] = entry.key
                else:
                    mentions.append(alias)
            for mention in mentions:
                written = tokenize_normalized(normalize(mention))
                words = name_key(written)
                if not words:
                    continue
                self._by_name.setdefault(words, entry.key)
                for prefix in _name_prefixes():
                    if words[: len(prefix)] == prefix and len(words) > len(prefix):
                        if words[len(prefix) :] in _state_names():
                            continue  # a paper named after a capital keeps its prefix
                        prefixed.append((words[len(prefix) :], entry.key))
                        if len(words) == len(prefix) + 1 and written[-1] != words[-1]:
                            article_only.add(words[len(prefix) :])
        # such a name needs its article only when no entry lists it as a whole name of its own
        self._article_only = article_only - self._by_name.keys()
        # A name without its "وكالة"/"agency" prefix is indexed only when no entry owns it already.
        for words, key in prefixed:
            self._by_name.setdefault(words, key)
        self.max_name_words = max((len(k) for k in self._by_name), default=0)
        # First words of every name and prefix: most words start none, and are refused at once.
        self._first_words = {k[0] for k in self._by_name}
        self._prefix_firsts = {p[0] for p in _name_prefixes()}

    # -- lookups ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def get(self, key: str) -> SourceEntry | None:
        return self.entries.get(key)

    def display_names(self, language: str = "en") -> dict[str, str]:
        """Registry key -> display name, for explanations and reports (built once per language)."""
        if language not in self._display_names:
            self._display_names[language] = {k: e.display_name(language) for k, e in self.entries.items()}
        return self._display_names[language]

    def lookup_words(self, words: Sequence[str]) -> SourceEntry | None:
        """Entry whose name is exactly these normalized words (clitics on the first word allowed)."""
        if not words:
            return None
        if not any(strip_article(v) in self._first_words for v in clitic_variants(words[0])) and (
            clitic_variants(strip_article(words[0]))[-1] not in self._prefix_firsts
        ):
            return None
        rest = name_key(words[1:])
        for first in clitic_variants(words[0]):
            bare = strip_article(first)
            if not rest and bare == first and (bare,) in self._article_only:
                continue  # "جديد" is not "قناة الجديد"; "الجديد" may be
            key = self._by_name.get((bare, *rest))
            if key:
                return self.entries[key]
        for prefix in _name_prefixes():  # "وكالة سانا" when only "سانا" is listed
            head = name_key(words[: len(prefix)])
            if len(words) > len(prefix) and tuple(clitic_variants(head[0])[-1:]) + head[1:] == prefix:
                return self.lookup_words(words[len(prefix) :])
        return None

    def resolve(self, mention: str) -> SourceEntry | None:
        """The entry a mention names, robust to letter variants, diacritics, the article and clitics."""
        words = tokenize_normalized(normalize(mention))
        return self.lookup_words(words)

    def longest_match(self, words: Sequence[str], start: int = 0) -> tuple[int, SourceEntry] | None:
        """Longest registry name starting at ``words[start]``: (number of words, entry)."""
        stop = min(len(words), start + self.max_name_words)
        for end in range(stop, start, -1):
            entry = self.lookup_words(words[start:end])
            if entry:
                return end - start, entry
        return None

    def find_in(self, words: Sequence[str]) -> tuple[int, int, SourceEntry] | None:
        """Longest registry name anywhere in ``words``: (start, end, entry); leftmost on ties."""
        best: tuple[int, int, SourceEntry] | None = None
        for i in range(len(words)):
            hit = self.longest_match(words, i)
            if hit and (best is None or hit[0] > best[1] - best[0]):
                best = (i, i + hit[0], hit[1])
        return best

    def from_url(self, url: str) -> SourceEntry | None:
        """Entry of the longest registered domain suffix of the URL's host."""
        try:
            host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().removeprefix("www.")
        except ValueError:  # not a URL (a host such as "[1, 2]"): no outlet from it
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            key = self._by_domain.get(".".join(parts[i:]))
            if key:
                return self.entries[key]
        return None


def _parse(data: object, origin: str) -> list[SourceEntry]:
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise InputError(f"sources file {origin} must be a mapping with a 'sources:' list", code="E101")
    out: list[SourceEntry] = []
    for i, raw in enumerate(data["sources"]):
        if not isinstance(raw, dict) or not raw.get("key") or not raw.get("kind"):
            raise InputError(f"sources file {origin}: entry {i} needs at least 'key' and 'kind'", code="E101")
        names = raw.get("names") or {}
        out.append(
            SourceEntry(
                key=str(raw["key"]),
                kind=str(raw["kind"]),
                country=None if raw.get("country") is None else str(raw["country"]),
                ownership=raw.get("ownership"),
                names={str(k): [str(n) for n in v or []] for k, v in names.items()},
                aliases=[str(a) for a in raw.get("aliases") or []],
            )
        )
    return out


def load_reliability(path: str | Path) -> dict[str, float]:
    """A user's reliability weights: YAML mapping ``key: weight`` or CSV rows ``key,weight`` in [0, 1].

    rawi ships no weights; this is the user's own editorial file.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read reliability file {path}: {exc}", code="E101") from exc
    pairs: list[tuple[str, object]]
    if path.suffix.lower() == ".csv":
        rows = [r for r in csv.reader(text.splitlines()) if r and not r[0].lstrip().startswith("#")]
        if rows and rows[0][0].strip().lower() == "key":
            rows = rows[1:]
        bad = [r for r in rows if len(r) < 2]
        if bad:
            raise InputError(f"reliability file {path}: rows must be 'key,weight'; got {bad[0]}", code="E101")
        pairs = [(r[0].strip(), r[1].strip()) for r in rows]
    else:
        data = _load_yaml(text) or {}
        if isinstance(data, dict) and isinstance(data.get("weights"), dict):
            data = data["weights"]
        if not isinstance(data, dict):
            raise InputError(f"reliability file {path} must map source keys to weights", code="E101")
        pairs = [(str(k), v) for k, v in data.items()]
    weights: dict[str, float] = {}
    for key, value in pairs:
        try:
            weight = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            weight = -1.0
        if not 0.0 <= weight <= 1.0:
            raise InputError(
                f"reliability file {path}: weight of {key!r} must be a number in [0, 1]; got {value!r}",
                code="E101",
            )
        weights[key] = weight
    return weights
