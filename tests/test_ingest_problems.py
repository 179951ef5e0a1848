"""Bad input never stops ingest: each case is a Problem with a stable code, and the good files are read.
Also the date table: record fields and datelines in every format the brief names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rawi.ingest import IngestOptions, find_date, parse_date_field, read_paths
from rawi.records import Article, Problem

GOOD = "الصحة تعلن حملة تطعيم\nأعلنت وزارة الصحة اليوم بدء حملة تطعيم واسعة في المدارس."


def run(folder: Path, options: IngestOptions | None = None) -> tuple[list[Article], dict[str, Problem]]:
    items = list(read_paths([folder], options))
    good = [a for a in items if isinstance(a, Article)]
    bad = {
        Path(p.source.split("#")[0]).name + ("#" + p.source.split("#")[1] if "#" in p.source else ""): p
        for p in items
        if isinstance(p, Problem)
    }
    return good, bad


def test_every_bad_file_is_a_problem_and_the_good_ones_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "blank.md").write_text("\n  \n\t\n", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "controls.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40 + b"abc")
    (folder / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 3 + b"\x81\x8d\x8f\x90\x9d" * 50)
    (folder / "broken.json").write_text('{"title": "x", "text": ', "utf-8")
    (folder / "no-text.json").write_text('{"title": "عنوان فقط"}', "utf-8")
    (folder / "flash.txt").write_text("عاجل: انفجار في ميناء بيروت\n\n", "utf-8")  # one line: an article
    (folder / "big.txt").write_text("عنوان\n" + "كلمة " * 400, "utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))  # skipped silently
    (folder / "z-good.md").write_text("# " + GOOD, "utf-8")
    good, bad = run(folder, IngestOptions(max_bytes=1000))
    assert sorted(a.id for a in good) == ["a-good.txt", "flash.txt", "z-good.md"]
    codes = {name: p.code for name, p in bad.items()}
    assert codes == {
        "empty.txt": "E101",
        "blank.md": "E101",
        "binary.txt": "E102",
        "controls.txt": "E102",
        "undecodable.txt": codes["undecodable.txt"],
        "broken.json": "E104",
        "no-text.json#1": "E106",
        "big.txt": "E105",
    }
    assert codes["undecodable.txt"] in ("E102", "E103")
    for p in bad.values():  # a clear sentence naming the file as given
        assert p.reason and p.source.startswith(str(folder))
    assert "1,000-byte" in bad["big.txt"].reason


def test_unknown_extension_only_reported_when_named(tmp_path: Path) -> None:
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"PK\x03\x04 not really a docx")
    assert list(read_paths([tmp_path])) == []
    (problem,) = list(read_paths([doc]))
    assert problem.code == "E107" and "report.docx" in problem.source and ".txt" in problem.reason


def test_missing_path_is_a_problem_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD, "utf-8")
    items = list(read_paths([tmp_path / "nope", tmp_path / "ok.txt"]))
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    assert items[0].code == "E108"


def test_csv_malformed_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text('id,text\n1,"unterminated quote\n', "utf-8")
    (tmp_path / "ok.csv").write_text("id,text\nk1,نص الخبر عن حملة التطعيم\n", "utf-8")
    items = list(read_paths([tmp_path]))
    assert [a.id for a in items if isinstance(a, Article)] == ["ok.csv#k1"]
    assert all(p.code in ("E104", "E106") for p in items if isinstance(p, Problem))


def test_invalid_options_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="unknown roles"):
        IngestOptions(fields={"body": "x"})
    with pytest.raises(ValueError, match="max_bytes"):
        IngestOptions(max_bytes=0)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2026-03-15", "2026-03-15"),
        ("15/03/2026", "2026-03-15"),
        ("07.09.2017", "2017-09-07"),
        ("15 آذار 2026", "2026-03-15"),
        ("15 أيلول/سبتمبر 2026", "2026-09-15"),
        ("الأحد 15 آذار (مارس) 2026", "2026-03-15"),
        ("March 15, 2026", "2026-03-15"),
        ("15 March 2026", "2026-03-15"),
        ("١٥ آذار ٢٠٢٦", "2026-03-15"),
        ("۱۵/۰۳/۲۰۲۶", "2026-03-15"),
        ("دمشق-سانا - 3 تشرين الأول 2025", "2025-10-03"),
        ("الرباط في 2 يوليوز 2026", None),  # a spelling not in months.txt: no guess
        ("بيروت، 9 ايلول 2026 (رويترز) -", "2026-09-09"),
        ("Sept. 5, 2026", "2026-09-05"),
        ("31/02/2026", None),  # no such day
        ("رقم الهاتف 2026 4455", None),
        ("بدون تاريخ", None),
    ],
)
def test_dates_in_text(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2026-03-15", "2026-03-15"),
        ("2026-03-15T11:15:00+03:00", "2026-03-15T11:15:00+03:00"),
        ("2026-03-15T08:00:00Z", "2026-03-15T08:00:00+00:00"),
        ("15 آذار 2026", "2026-03-15"),
        ("March 15, 2026", "2026-03-15"),
        (1773532800, "2026-03-15"),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_dates_in_record_fields(value: object, iso: str | None) -> None:
    assert parse_date_field(value) == iso


def test_txt_dateline_gives_the_published_date(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(
        "الزراعة تقرر وقف استيراد البطاطا\nعمّان في ٧ أيلول/سبتمبر ٢٠٢٦ (بترا) - قررت وزارة الزراعة وقف الاستيراد.",
        "utf-8",
    )
    (got,) = list(read_paths([tmp_path]))
    assert got.published == "2026-09-07"
