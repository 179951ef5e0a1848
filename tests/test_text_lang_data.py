"""Language data interface: codes, errors, month spellings, list files, discovery of a new language."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import rawi.lang
from rawi.lang import available, get
from rawi.lang.base import read_entries
from rawi.text import normalize


def test_available_codes() -> None:
    assert available() == ("ar", "en")


def test_unknown_code_names_known_codes() -> None:
    with pytest.raises(KeyError) as err:
        get("xx")
    assert "'xx'" in str(err.value) and "ar" in str(err.value) and "en" in str(err.value)


MONTHS = [
    ("aylul-hamza", "ar", "أيلول", 9),
    ("aylul-plain", "ar", "ايلول", 9),
    ("aylul-vocalized", "ar", "أَيْلُول", 9),
    ("sibtambir", "ar", "سبتمبر", 9),
    ("ab-madda", "ar", "آب", 8),
    ("ab-plain", "ar", "اب", 8),
    ("kanun-awwal", "ar", "كانون الأول", 12),
    ("kanun-awwal-plain", "ar", "كانون الاول", 12),
    ("kanun-thani", "ar", "كانون الثاني", 1),
    ("tishrin-awwal", "ar", "تشرين الأول", 10),
    ("adhar", "ar", "آذار", 3),
    ("ibril-variants", "ar", "إبريل", 4),
    ("maghrebi-juillet", "ar", "جويلية", 7),
    ("unknown-spelling", "ar", "ديسامبر", None),
    ("english-september", "en", "September", 9),
    ("english-sept", "en", "sept", 9),
    ("english-may", "en", "May", 5),
]


@pytest.mark.parametrize(
    ("code", "name", "month"), [pytest.param(c, n, m, id=rid) for rid, c, n, m in MONTHS]
)
def test_month_spellings(code: str, name: str, month: int | None) -> None:
    assert get(code).months.get(normalize(name)) == month


@pytest.mark.parametrize("code", ["ar", "en"])
def test_every_line_of_months_txt_is_mapped(code: str) -> None:
    lang = get(code)
    entries = read_entries(lang.data_dir / "months.txt")
    assert entries
    for entry in entries:
        assert lang.months[normalize(entry.phrase)] == int(entry.fields[0]), entry
    # Two spellings that normalize alike must not disagree on the month.
    numbers: dict[str, set[int]] = {}
    for entry in entries:
        numbers.setdefault(normalize(entry.phrase), set()).add(int(entry.fields[0]))
    assert all(len(v) == 1 for v in numbers.values()), numbers
    assert set(lang.months.values()) == set(range(1, 13))


@pytest.mark.parametrize("code", ["ar", "en"])
def test_stopwords_are_in_matching_form_and_keep_negations(code: str) -> None:
    lang = get(code)
    assert lang.stopwords and all(w == normalize(w) for w in lang.stopwords)
    negations = {"ar": ["لا", "لم", "لن", "ليس", "غير"], "en": ["not", "no", "never", "nor"]}[code]
    assert not set(negations) & lang.stopwords


def test_entries_file_format(tmp_path: Path) -> None:
    path = tmp_path / "cues.txt"
    path.write_text(
        "# comment line\n\nنفى\tdenial\tstrong  # trailing comment\nمفبرك*\n  \n", encoding="utf-8"
    )
    entries = read_entries(path)
    assert [(e.phrase, e.fields, e.tag) for e in entries] == [
        ("نفى", ("denial", "strong"), "denial"),
        ("مفبرك*", (), None),
    ]


def test_absent_list_is_empty() -> None:
    assert get("ar").entries("no_such_list") == []
    assert not get("ar").has_list("no_such_list")


def test_new_language_folder_is_discovered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "xx"
    pkg.mkdir()
    (pkg / "stopwords.txt").write_text("le\nla\n", encoding="utf-8")
    (pkg / "__init__.py").write_text(
        "from pathlib import Path\n"
        "from rawi.lang.base import Language\n"
        "LANGUAGE = Language(code='xx', name='Test', stemmer='french', script='a-z',\n"
        "                    data_dir=Path(__file__).parent)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(rawi.lang, "__path__", [*rawi.lang.__path__, str(tmp_path)])
    available.cache_clear()
    get.cache_clear()
    try:
        assert available() == ("ar", "en", "xx")
        lang = get("xx")
        assert lang.code == "xx" and lang.stopwords == frozenset({"le", "la"})
    finally:
        monkeypatch.undo()
        sys.modules.pop("rawi.lang.xx", None)
        available.cache_clear()
        get.cache_clear()
    assert available() == ("ar", "en")
