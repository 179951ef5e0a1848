"""bench_faults sections that drive the real CLI: hostile text through every output, start-up times."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fuzzing import PAYLOADS, URLS

CLAIM = "انهار سد وادي الرمل بعد السيول"
BODY = "قالت مصادر محلية إن سد وادي الرمل انهار بعد السيول الغزيرة التي ضربت المنطقة"
# What must never reach a terminal: escape and control characters (tab and newline aside).
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _findings(fmt: str, stdout: str, stderr: str, rc: int, ok_rc: tuple[int, ...]) -> list[str]:
    found = []
    if rc not in ok_rc:
        found.append(f"exit {rc}")
    if "Traceback" in stderr or "MarkupError" in stderr:
        found.append("crash")
    for name, text in (("stdout", stdout), ("stderr", stderr)):
        hits = {repr(c) for c in _TERMINAL.findall(text.replace("\n", "").replace("\t", ""))}
        if hits:
            found.append(f"{name} controls {sorted(hits)}")
    low = stdout.lower()
    if fmt == "html" and ("<script" in low or 'href="javascript' in low or "href='javascript" in low):
        found.append("script in html")
    if fmt == "claimreview":
        if "<" in stdout or "\u2028" in stdout or "\u2029" in stdout:
            found.append("unescaped < or line separator in JSON-LD")
        appearances = json.loads(stdout)["itemReviewed"]["appearance"] if rc == 0 else []
        if any(not a.get("url", "https://").lower().startswith(("http://", "https://")) for a in appearances):
            found.append("non-http URL")
    if fmt == "markdown":  # rendered as a Markdown viewer would (CommonMark + tables)
        from markdown_it import MarkdownIt

        page = MarkdownIt("commonmark").enable("table").render(stdout).lower()
        if "<script" in page or "<img" in page or 'href="javascript' in page:
            found.append("HTML tag or script link once rendered")
    return found


def payload_section(
    work: Path, table: Callable[..., None], rawi: Callable[..., subprocess.Popen[str]]
) -> None:
    folder = work / "payloads"
    folder.mkdir()
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
    for i, p in enumerate(PAYLOADS[:8]):  # bad files whose names carry a payload: ingest problem lines
        name = "".join(c for c in p if c not in "/\x00")[:60]
        (folder / f"{i}{name}.json").write_text('{"text": ', "utf-8")
    db = work / "payloads.db"
    ids = [f"feed.jsonl#{f'{p}#{i}'.strip()}" for i, p in enumerate(PAYLOADS)]
    runs: list[tuple[str, str, tuple[str, ...], tuple[int, ...]]] = [
        ("ingest (problem lines)", "text", ("ingest", str(folder), "--db", str(db)), (1,)),
        *(
            (
                f"check --format {fmt}",
                fmt,
                ("check", CLAIM, "--db", str(db), "--format", fmt, "--top-k", "30"),
                (0,),
            )
            for fmt in ("text", "json", "markdown", "html", "claimreview")
        ),
        ("search", "text", ("search", "سد وادي الرمل", "--db", str(db), "--limit", "30"), (0,)),
        (
            "search --json",
            "json",
            ("search", "سد وادي الرمل", "--db", str(db), "--limit", "30", "--json"),
            (0,),
        ),
        ("provenance", "text", ("provenance", *ids, "--db", str(db)), (0,)),
        ("provenance --json", "json", ("provenance", *ids, "--db", str(db), "--json"), (0,)),
        ("provenance, unknown hostile id", "text", ("provenance", PAYLOADS[3], "--db", str(db)), (1,)),
        ("stats", "text", ("stats", "--db", str(db)), (0,)),
        ("stats --json", "json", ("stats", "--db", str(db), "--json"), (0,)),
    ]
    rows = []
    for name, fmt, args, ok_rc in runs:
        proc = rawi(*args)
        stdout, stderr = proc.communicate(timeout=600)
        found = _findings(fmt, stdout, stderr, proc.returncode, ok_rc)
        rows.append([name, len(PAYLOADS), len(found), "; ".join(found)[:80] or "—"])
    table(
        "Hostile text through every output (markup, ANSI/OSC, C1, script, comment, script URLs)",
        ["command and format", "payloads", "passed through or crashed", "what"],
        rows,
    )


def _best_of(args: list[str], env: dict[str, str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, env=env, timeout=120)
        best = min(best, time.perf_counter() - start)
    return best


def startup_section(table: Callable[..., None], env: dict[str, str]) -> None:
    rows = [
        ["python -c pass (the interpreter alone)", f"{_best_of(['-c', 'pass'], env):.2f} s"],
        ["import typer (the command-line framework)", f"{_best_of(['-c', 'import typer'], env):.2f} s"],
        ["import typer.rich_utils (Typer's Rich help, which rawi no longer renders with)",
         f"{_best_of(['-c', 'import typer.rich_utils'], env):.2f} s"],
        ["rawi --help", f"{_best_of(['-m', 'rawi', '--help'], env):.2f} s"],
        ["rawi check --help", f"{_best_of(['-m', 'rawi', 'check', '--help'], env):.2f} s"],
        ["rawi check start-up (imports the core, stops at the missing corpus)",
         f"{_best_of(['-m', 'rawi', 'check', 'انهار السد', '--db', '/nonexistent/x.db'], env):.2f} s"],
    ]  # fmt: skip
    table("Start-up (best of 5)", ["command", "wall time"], rows)
