"""The same file reached through another folder or path in a later run keeps the id it was first
stored under (matched by its real path, never by content), through the real CLI; the id collisions
of one run (``<id>~2``, E110) are unchanged, and a later run never writes one file over another."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
BODY = "أعلنت وزارة الصحة اليوم بدء حملة تطعيم واسعة في المدارس الحكومية في جميع المحافظات."


def ingest(*args: str, cwd: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "rawi", "ingest", *args, "--db", "n.db", "--encoder", "none", "--json"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=cwd,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    return {**json.loads(done.stdout), "rc": done.returncode, "stderr": done.stderr}


def stored(cwd: Path) -> list[str]:
    with sqlite3.connect(cwd / "n.db") as conn:
        return sorted(r[0] for r in conn.execute("SELECT id FROM articles"))


def test_a_sub_folder_an_absolute_path_and_a_file_add_nothing_new(tmp_path: Path) -> None:
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "top.txt").write_text(f"عنوان أول\n{BODY}", "utf-8")
    (tmp_path / "news" / "sub" / "a.txt").write_text(f"عنوان ثان\n{BODY} ثان", "utf-8")
    records = [{"id": "r1", "title": "خبر", "text": f"{BODY} r1"}, {"title": "خبر", "text": f"{BODY} 2"}]
    (tmp_path / "news" / "sub" / "feed.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8"
    )
    first = ingest("news", cwd=tmp_path)
    assert first["added"] == 4 and first["rc"] == 0
    ids = stored(tmp_path)
    assert ids == ["sub/a.txt", "sub/feed.jsonl#2", "sub/feed.jsonl#r1", "top.txt"]
    for again in (
        ingest("news/sub", cwd=tmp_path),  # a sub-folder: ids relative to it would be a.txt ...
        ingest(str(tmp_path / "news"), cwd=tmp_path),  # the same folder by its absolute path
        ingest("news/sub/a.txt", "news/./sub/../sub/feed.jsonl", cwd=tmp_path),  # files named directly
    ):
        assert again["rc"] == 0 and again["added"] == 0 and again["updated"] == 0, again
        assert stored(tmp_path) == ids
    sub = ingest("news/sub", cwd=tmp_path)
    assert {d["id"]: d["stored_as"] for d in sub["already_stored"]} == {
        "a.txt": "sub/a.txt", "feed.jsonl#r1": "sub/feed.jsonl#r1", "feed.jsonl#2": "sub/feed.jsonl#2",
    }  # fmt: skip
    # a changed file updates its first id
    (tmp_path / "news" / "sub" / "a.txt").write_text(f"عنوان معدل\n{BODY} معدل", "utf-8")
    changed = ingest("news/sub", cwd=tmp_path)
    assert changed["updated"] == 1 and stored(tmp_path) == ids


def test_two_files_with_the_same_text_stay_two_articles(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / "wire" / name).mkdir(parents=True)
        (tmp_path / "wire" / name / "story.txt").write_text(f"عنوان\n{BODY}", "utf-8")  # a copied report
    assert ingest("wire/a", cwd=tmp_path)["added"] == 1
    second = ingest("wire/b", cwd=tmp_path)  # another file, same id and text: as before, unchanged
    assert second["unchanged"] == 1 and not second["already_stored"]


def test_a_collision_renamed_in_one_run_is_not_written_over_in_the_next(tmp_path: Path) -> None:
    for folder, word in (("a", "الأول"), ("b", "الثاني")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "000.txt").write_text(f"عنوان {word}\n{BODY} {word}", "utf-8")
    both = ingest("a", "b", cwd=tmp_path)
    assert both["rc"] == 1 and [p["code"] for p in both["problems"]] == ["E110"]
    assert stored(tmp_path) == ["000.txt", "000.txt~2"]
    # b alone: its file was stored as 000.txt~2; 000.txt is a's and must not be replaced by b's
    alone = ingest("b", cwd=tmp_path)
    assert alone["rc"] == 0 and alone["updated"] == 0 and alone["unchanged"] == 1, alone
    assert alone["already_stored"] == [{"id": "000.txt", "stored_as": "000.txt~2"}]
    with sqlite3.connect(tmp_path / "n.db") as conn:
        titles = dict(conn.execute("SELECT id, title FROM articles"))
    assert titles == {"000.txt": "عنوان الأول", "000.txt~2": "عنوان الثاني"}
