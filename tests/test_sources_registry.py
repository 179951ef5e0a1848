"""Validation of the shipped sources registry (src/rawi/provenance/data/sources.yaml)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

KINDS = {
    "agency",
    "outlet",
    "government",
    "military",
    "armed_group",
    "international_org",
    "ngo",
    "institution",
}
OWNERSHIP = {
    "state",
    "public_broadcaster",
    "private",
    "party",
    "armed_group",
    "intergovernmental",
    "nonprofit",
    "unknown",
}
ENTRY_FIELDS = {"key", "kind", "country", "ownership", "names", "aliases"}
FORBIDDEN_FIELD = re.compile(r"reliab|score|bias|trust|credib|rating|rank", re.IGNORECASE)
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z]")
DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
COUNTRY = re.compile(r"^([A-Z]{2}|INT)$")


def _registry_text() -> str:
    try:
        from importlib.resources import files

        resource = files("rawi") / "provenance/data/sources.yaml"
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    except (ImportError, ModuleNotFoundError, FileNotFoundError, TypeError):
        pass
    path = Path(__file__).resolve().parent.parent / "src" / "rawi" / "provenance" / "data" / "sources.yaml"
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def registry() -> dict[str, Any]:
    data = yaml.safe_load(_registry_text())
    assert isinstance(data, dict), "sources.yaml must be a mapping with a top-level 'sources' list"
    return data


@pytest.fixture(scope="module")
def entries(registry: dict[str, Any]) -> list[dict[str, Any]]:
    sources = registry.get("sources")
    assert isinstance(sources, list)
    assert all(isinstance(e, dict) for e in sources)
    return sources


def _strings(entry: dict[str, Any]) -> list[str]:
    """Every name and alias of one entry."""
    names = entry.get("names") or {}
    out: list[str] = []
    for values in names.values():
        out.extend(values or [])
    out.extend(entry.get("aliases") or [])
    return out


def _match_form(text: str) -> str:
    """Matching form used to look names up: rawi's normalizer when available, else a close stand-in."""
    try:
        from rawi.text.normalize import normalize

        return normalize(text)
    except Exception:
        text = unicodedata.normalize("NFKC", text)
        text = re.sub("[\u064b-\u0652\u0670\u0640]", "", text)  # harakat, superscript alef, tatweel
        text = text.translate(str.maketrans("أإآٱىةؤئ", "اااايهوي"))
        return re.sub(r"\s+", " ", text.lower()).strip()


def _walk_keys(node: Any, path: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            found.append(f"{path}.{k}" if path else str(k))
            found.extend(_walk_keys(v, f"{path}.{k}" if path else str(k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found.extend(_walk_keys(v, f"{path}[{i}]"))
    return found


def test_at_least_100_entries(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 100, f"expected at least 100 sources, got {len(entries)}"


def test_keys_unique_and_well_formed(entries: list[dict[str, Any]]) -> None:
    keys = [e.get("key") for e in entries]
    bad = [k for k in keys if not isinstance(k, str) or not KEY.match(k)]
    assert not bad, f"keys must be lowercase ascii identifiers: {bad}"
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate keys: {dupes}"


def test_fields(entries: list[dict[str, Any]]) -> None:
    for e in entries:
        missing = {"key", "kind", "country", "ownership", "names"} - e.keys()
        assert not missing, f"{e.get('key')}: missing {sorted(missing)}"
        unknown = e.keys() - ENTRY_FIELDS
        assert not unknown, f"{e['key']}: unexpected fields {sorted(unknown)}"
        assert isinstance(e.get("aliases", []), list), f"{e['key']}: aliases must be a list"


def test_kinds_and_ownership_allowed(entries: list[dict[str, Any]]) -> None:
    for e in entries:
        assert e["kind"] in KINDS, f"{e['key']}: kind {e['kind']!r} not in {sorted(KINDS)}"
        assert e["ownership"] in OWNERSHIP, f"{e['key']}: ownership {e['ownership']!r} not allowed"
        assert isinstance(e["country"], str) and COUNTRY.match(e["country"]), (
            f"{e['key']}: country must be ISO 3166-1 alpha-2 or INT, got {e['country']!r}"
        )


def test_every_entry_has_arabic_and_english_names(entries: list[dict[str, Any]]) -> None:
    for e in entries:
        names = e["names"]
        assert isinstance(names, dict), f"{e['key']}: names must be a mapping of language -> list"
        ar, en = names.get("ar") or [], names.get("en") or []
        assert ar and all(isinstance(n, str) and n.strip() for n in ar), f"{e['key']}: needs Arabic names"
        assert en and all(isinstance(n, str) and n.strip() for n in en), f"{e['key']}: needs English names"
        assert all(ARABIC_LETTER.search(n) for n in ar), f"{e['key']}: an 'ar' name has no Arabic letter"
        assert all(LATIN_LETTER.search(n) for n in en), f"{e['key']}: an 'en' name has no Latin letter"


def test_no_string_shared_between_entries(entries: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for s in _strings(e):
            owners[s.strip().lower()].add(e["key"])
    shared = {s: sorted(k) for s, k in owners.items() if len(k) > 1}
    assert not shared, f"names/aliases used by more than one entry: {shared}"


def test_no_match_form_shared_between_entries(entries: list[dict[str, Any]]) -> None:
    # Lookups run on normalized text (alef forms, ta marbuta, ...): entries must stay apart there too.
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for s in _strings(e):
            owners[_match_form(s)].add(e["key"])
    shared = {s: sorted(k) for s, k in owners.items() if len(k) > 1}
    assert not shared, f"names that collide after normalization: {shared}"


def test_no_bare_ambiguous_words(entries: list[dict[str, Any]]) -> None:
    ambiguous = {
        "الوكالة",
        "وكالة",
        "الحكومة",
        "الجيش",
        "وزارة الدفاع",
        "وزارة الخارجية",
        "الدفاع المدني",
        "المرصد",
    }
    for e in entries:
        for s in _strings(e):
            assert s.strip() not in ambiguous, f"{e['key']}: ambiguous name {s!r}"


def test_domains_are_lowercase_without_www(entries: list[dict[str, Any]]) -> None:
    for e in entries:
        for a in e.get("aliases") or []:
            assert isinstance(a, str) and a.strip(), f"{e['key']}: empty alias"
            if DOMAIN.match(a.lower()) and "." in a and " " not in a:
                assert a == a.lower(), f"{e['key']}: domain {a!r} must be lowercase"
                assert not a.startswith("www."), f"{e['key']}: domain {a!r} must not start with www."
                assert "/" not in a and ":" not in a


def test_no_reliability_or_bias_fields(registry: dict[str, Any]) -> None:
    offending = [k for k in _walk_keys(registry) if FORBIDDEN_FIELD.search(k.rsplit(".", 1)[-1])]
    assert not offending, f"subjective fields are not allowed in the registry: {offending}"
