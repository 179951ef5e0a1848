"""One bad item costs that item only: deep JSON, broken URLs, lone surrogates, raw line separators,
colliding ids and odd folders are each reported (or stored) while every good article around them is
stored in a real SQLite corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _permissions import assert_cannot_list, run_python
from rawi.core import Rawi
from rawi.ingest import read_paths
from rawi.records import Article, Problem

BODY = "أعلنت وزارة الصحة اليوم بدء حملة تطعيم واسعة في المدارس الحكومية في جميع المحافظات."


def good_record(i: int) -> dict[str, str]:
    return {"id": f"r{i}", "title": f"خبر رقم {i}", "text": f"{BODY} الخبر رقم {i}."}


def split(items: list[Article | Problem]) -> tuple[dict[str, Article], list[Problem]]:
    return {a.id: a for a in items if isinstance(a, Article)}, [p for p in items if isinstance(p, Problem)]


def test_deeply_nested_json_is_one_problem_and_the_next_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "a-deep.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    (tmp_path / "b-deep.jsonl").write_text(
        json.dumps(good_record(1), ensure_ascii=False) + "\n" + "{" + '"a":{' * 50_000 + "\n", "utf-8"
    )
    (tmp_path / "c.txt").write_text(f"عنوان\n{BODY}", "utf-8")
    got, problems = split(list(read_paths([tmp_path])))
    assert set(got) == {"b-deep.jsonl#r1", "c.txt"}
    assert [(Path(p.source).name, p.code) for p in problems] == [
        ("a-deep.json", "E104"),
        ("b-deep.jsonl#2", "E104"),
    ]
    assert "nests deeper" in problems[0].reason


def test_a_url_that_cannot_be_parsed_leaves_the_outlet_unknown_and_the_run_goes_on(tmp_path: Path) -> None:
    records = [
        {**good_record(i), "url": url}
        for i, url in enumerate(["http://[1, 2]/x", "http://[::1/", "https://www.reuters.com/a"])
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    with Rawi(tmp_path / "c.db") as wb:
        report = wb.ingest([tmp_path / "feed.jsonl"])
        assert len(report.added) == 3 and not report.problems
        assert wb.corpus.get("feed.jsonl#r0").outlet is None
        assert wb.corpus.get("feed.jsonl#r2").outlet == "reuters"


def test_a_lone_surrogate_is_replaced_and_the_batch_is_stored(tmp_path: Path) -> None:
    lines = [json.dumps(good_record(i), ensure_ascii=False) for i in range(1000)]
    lines[10] = (
        '{"id": "r10", "title": "\\ud800 عنوان", "text": "نص \\udfff فيه حرف مكسور", "section": "\\ud83d"}'
    )
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), "utf-8")
    with Rawi(tmp_path / "c.db") as wb:
        report = wb.ingest([tmp_path])
        assert len(report.added) == 1000 and not report.problems
        broken = wb.corpus.get("feed.jsonl#r10")
    assert broken.text == "نص \ufffd فيه حرف مكسور" and broken.title == "\ufffd عنوان"
    assert broken.meta["fields"] == {"section": "\ufffd"}


@pytest.mark.parametrize("sep", ["\u2028", "\u2029"])
def test_raw_line_separators_inside_json_strings_keep_every_record(tmp_path: Path, sep: str) -> None:
    records = [{**good_record(i), "text": f"السطر الأول{sep}السطر الثاني رقم {i}"} for i in range(200)]
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8"
    )
    (tmp_path / "all.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    (tmp_path / "note.txt").write_text(f"عنوان{sep}{BODY}", "utf-8")
    got, problems = split(list(read_paths([tmp_path])))
    assert not problems and len(got) == 401
    assert got["feed.jsonl#r7"].text == "السطر الأول\nالسطر الثاني رقم 7"
    assert got["note.txt"].title == "عنوان" and got["note.txt"].text == BODY


def test_a_broken_jsonl_line_is_named_by_its_line_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "f.jsonl").write_text(
        json.dumps(good_record(1)) + "\n\n\n" + '{"id": "r2", "text": }' + "\n" + json.dumps(good_record(3)),
        "utf-8",
    )
    got, (problem,) = split(list(read_paths([tmp_path])))
    assert set(got) == {"f.jsonl#r1", "f.jsonl#r3"}
    assert problem.source.endswith("f.jsonl#2")
    assert "line 4 (record 2)" in problem.reason and "column 22" in problem.reason


def test_same_relative_name_in_two_folders_keeps_both(tmp_path: Path) -> None:
    for folder, word in (("a", "الأول"), ("b", "الثاني")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "000.txt").write_text(f"عنوان {word}\n{BODY} {word}", "utf-8")
    with Rawi(tmp_path / "c.db") as wb:
        report = wb.ingest([tmp_path / "a", tmp_path / "b"])
        assert sorted(report.added) == ["000.txt", "000.txt~2"]
        assert [p.code for p in report.problems] == ["E110"]
        assert "b/000.txt" in report.problems[0].source and "'000.txt~2'" in report.problems[0].reason
        assert wb.corpus.get("000.txt~2").title == "عنوان الثاني"
        again = wb.ingest([tmp_path / "a", tmp_path / "b"])  # the same ids again: nothing changes
        assert sorted(again.unchanged) == ["000.txt", "000.txt~2"] and not again.added + again.updated


def test_repeated_and_clashing_record_ids_are_all_stored(tmp_path: Path) -> None:
    records = [good_record(i) for i in range(1, 11)]
    records[3] = {**good_record(99), "id": "r1"}  # a feed repeating an id
    records.append({"title": "بلا معرف", "text": f"{BODY} بلا معرف"})  # record 11 without an id: "#11"
    records.append({**good_record(11), "id": "11"})  # clashes with "#11"
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8"
    )
    got, problems = split(list(read_paths([tmp_path])))
    assert len(got) == 12
    assert {"feed.jsonl#r1~2", "feed.jsonl#11", "feed.jsonl#11~2"} <= set(got)
    assert got["feed.jsonl#11~2"].meta["id_given"] == "feed.jsonl#11"
    assert [p.code for p in problems] == ["E110", "E110"]


def test_one_line_articles_are_stored_with_their_line_as_title_and_text(tmp_path: Path) -> None:
    (tmp_path / "flash.txt").write_text("عاجل: زلزال بقوة 5 درجات يضرب شمال المغرب\n", "utf-8")
    (tmp_path / "flash.md").write_text("# Breaking: port of Beirut closed\n\nShare this:\n", "utf-8")
    (tmp_path / "only-footer.txt").write_text("جميع الحقوق محفوظة © 2026 موقع النبأ\n", "utf-8")
    got, problems = split(list(read_paths([tmp_path])))
    assert got["flash.txt"].title == got["flash.txt"].text == "عاجل: زلزال بقوة 5 درجات يضرب شمال المغرب"
    assert got["flash.md"].text == "Breaking: port of Beirut closed"
    assert [(Path(p.source).name, p.code) for p in problems] == [("only-footer.txt", "E106")]


def test_header_only_csv_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("id,title,text\n\n", "utf-8")
    (problem,) = list(read_paths([tmp_path]))
    assert problem.code == "E106" and "header row but no records" in problem.reason


def test_symlinked_folders_are_followed_once(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "x.txt").write_text(f"عنوان\n{BODY}", "utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(real, target_is_directory=True)
    (root / "linked" / "loop").symlink_to(root, target_is_directory=True)  # a link back up the tree
    got, problems = split(list(read_paths([root, real])))
    assert list(got) == ["linked/x.txt"] and not problems


def test_unreadable_sub_folder_is_reported(tmp_path: Path) -> None:
    """Through the real CLI, bound by file permissions even as root (tests/_permissions.py)."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "ok.txt").write_text(f"عنوان\n{BODY}", "utf-8")
    locked = news / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(f"عنوان\n{BODY}", "utf-8")
    locked.chmod(0)
    try:
        assert_cannot_list(locked)
        done = run_python("-m", "rawi", "ingest", str(news), "--db", str(tmp_path / "n.db"), "--json")
    finally:
        locked.chmod(0o755)
    assert done.returncode == 1, done.stderr  # the run finished, and says something was not read
    report = json.loads(done.stdout)
    assert report["added"] == 1
    assert [(Path(p["source"]).name, p["code"]) for p in report["problems"]] == [("locked", "E108")]
