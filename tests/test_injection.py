"""Hostile article text through every command and format of the real CLI: Rich markup, terminal
escape sequences and script payloads in titles, ids, file names, URLs and sentences are shown as
text, never obeyed, and never crash a command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
CLAIM = "انهار سد وادي الرمل بعد السيول"
BODY = "قالت مصادر محلية إن سد وادي الرمل انهار بعد السيول الغزيرة التي ضربت المنطقة"

PAYLOADS = [
    "[bold red]FAKE VERDICT[/]",
    "[/]",
    "[/bold] [link=https://evil.example]click[/link]",
    "\\[",
    "trailing backslash \\",
    "\x1b[2K\x1b[1GSupported 99%",  # erase the line, back to column 1, write a fake verdict
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",  # OSC 8 hyperlink
    "\x1b]0;pwned title\x07",
    "\x9b31mC1 CSI\x9d0;title\x9c",
    "\rcarriage return\x08\x08back",
    "</script><script>alert(1)</script>",
    "<!-- comment --> <img src=x onerror=alert(1)>",
    "line\u2028separator\u2029paragraph",
]
URLS = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " vbscript:msgbox(1)",
    "JAVASCRIPT:x",
]
ESCAPES = ("\x1b", "\x07", "\x9b", "\x9d", "\x08", "\r")


def rawi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rawi", *args], capture_output=True, text=True, env=ENV, timeout=300
    )


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    records = [
        {
            "id": f"{p}#{i}",
            "title": f"{p} سد وادي الرمل",
            "text": f"{BODY} {p}.\nوأضافت المصادر أن السد انهار فجر اليوم {p}.",
            "url": URLS[i % len(URLS)],
            "outlet": p,
        }
        for i, p in enumerate(PAYLOADS)
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    (folder / "[bold]x\x1b[31m.json").write_text('{"text": ', "utf-8")  # a bad file with a hostile name
    (folder / "y\n99 added, 0 problem(s).json").write_text("[", "utf-8")  # a name that fakes a line
    db = folder / "h.db"
    done = rawi("ingest", str(folder), "--db", str(db))
    assert done.returncode == 1, done.stderr  # the broken file is a problem
    assert "[bold]x" in done.stderr and "MarkupError" not in done.stderr
    assert not any(c in done.stdout + done.stderr for c in ESCAPES)
    assert not any(line.startswith("99 added") for line in done.stderr.splitlines())
    assert f"{len(PAYLOADS)} added" in done.stdout
    return db


def assert_inert(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for c in ESCAPES:
        assert c not in done.stdout and c not in done.stderr, repr(c)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_check_reports_show_hostile_text_as_text(hostile_db: Path, fmt: str) -> None:
    done = rawi("check", CLAIM, "--db", str(hostile_db), "--format", fmt)
    assert_inert(done)
    if fmt == "text":
        assert "[bold red]FAKE VERDICT[/]" in done.stdout  # shown literally, not styled
    if fmt == "html":
        assert "<script" not in done.stdout.lower() and 'href="javascript' not in done.stdout.lower()


def test_claimreview_is_inert_inside_a_script_block(hostile_db: Path) -> None:
    done = rawi("check", CLAIM, "--db", str(hostile_db), "--format", "claimreview")
    assert_inert(done)
    text = done.stdout
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text
    assert "\u2028" not in text and "\u2029" not in text
    review = json.loads(text)
    appearances = review["itemReviewed"]["appearance"]
    assert appearances  # the hostile articles state the claim
    assert all("url" not in a for a in appearances)  # every URL here is a script or data URL
    assert any("</script>" in a.get("headline", "") for a in appearances)  # the text itself is kept


def test_json_output_escapes_control_characters(hostile_db: Path) -> None:
    done = rawi("check", CLAIM, "--db", str(hostile_db), "--format", "json")
    assert_inert(done)
    titles = [e["title"] for e in json.loads(done.stdout)["evidence"]]
    assert any("\x1b]8;;" in t for t in titles)  # the data is kept as it was, only escaped


def test_search_and_stats_show_hostile_titles(hostile_db: Path) -> None:
    done = rawi("search", "سد وادي الرمل", "--db", str(hostile_db), "--limit", "20")
    assert_inert(done)
    assert "[/bold] [link=https://evil.example]click[/link]" in done.stdout
    assert_inert(rawi("search", "سد وادي الرمل", "--db", str(hostile_db), "--json"))
    done = rawi("stats", "--db", str(hostile_db))
    assert_inert(done)
    assert "[bold red]" in done.stdout  # in an outlet name, shown as typed


def test_provenance_shows_hostile_ids(hostile_db: Path) -> None:
    ids = [f"feed.jsonl#{f'{p}#{i}'.strip()}" for i, p in enumerate(PAYLOADS)]  # ids are stripped
    done = rawi("provenance", *ids, "--db", str(hostile_db))
    assert_inert(done)
    assert "feed.jsonl#[/]#1" in done.stdout
    done = rawi("provenance", "[/]missing\x1b[2J", "--db", str(hostile_db))
    assert done.returncode == 1 and "\x1b" not in done.stderr and "[/]missing" in done.stderr
