"""Progress bars on long work, through the real CLI: drawn on stderr when it is a terminal (a
pseudo-terminal here), never when stderr is piped and never with --json."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from rawi.eval.stories import default_root, load_stories

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm-256color", "COLUMNS": "120"}
ENV.pop("NO_COLOR", None)
BAR = "━"  # what Rich's bar column draws
BODY = "قالت وزارة الموارد المائية إن منسوب المياه في السد ارتفع بعد الأمطار الغزيرة."


def rawi(*args: str, terminal: bool, cwd: Path) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``rawi <args>``, stderr on a pseudo-terminal or a pipe."""
    if not terminal:
        done = subprocess.run(
            [sys.executable, "-m", "rawi", *args],
            capture_output=True,
            text=True,
            env=ENV,
            cwd=cwd,
            timeout=600,
        )
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rawi", *args], stdout=subprocess.PIPE, stderr=follower, env=ENV, cwd=cwd
    )
    os.close(follower)
    seen: list[bytes] = []

    def drain() -> None:  # read the terminal as it is written, or the command blocks on a full buffer
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # EIO: the command closed the terminal
                return
            if not data:
                return
            seen.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout = proc.stdout.read().decode("utf-8") if proc.stdout else ""
    proc.wait(timeout=600)
    reader.join(timeout=10)
    os.close(leader)
    return proc.returncode, stdout, b"".join(seen).decode("utf-8", "replace")


def test_ingest_of_a_folder_shows_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(30):
        (news / f"{i:03d}.txt").write_text(f"خبر رقم {i}\n{BODY} {i}", "utf-8")
    rc, stdout, stderr = rawi(
        "ingest", "news", "--db", "t.db", "--encoder", "none", terminal=True, cwd=tmp_path
    )
    assert rc == 0 and BAR in stderr and "ingest" in stderr and "30 added" in stdout
    rc, stdout, stderr = rawi(
        "ingest", "news", "--db", "p.db", "--encoder", "none", terminal=False, cwd=tmp_path
    )
    assert rc == 0 and BAR not in stderr and stderr == ""
    rc, stdout, stderr = rawi(
        "ingest", "news", "--db", "j.db", "--encoder", "none", "--json", terminal=True, cwd=tmp_path
    )
    assert rc == 0 and BAR not in stderr and json.loads(stdout)["added"] == 30


def test_eval_stories_counts_claims_on_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    root = tmp_path / "stories"
    story = load_stories()[0]
    shutil.copytree(default_root() / story.story_id, root / story.story_id)
    claims = len(story.claims)
    args = ("eval", "stories", "--path", str(root), "--encoder", "none")
    rc, stdout, stderr = rawi(*args, terminal=True, cwd=tmp_path)
    assert rc == 0, stderr[-2000:]
    assert BAR in stderr and f"/{claims}" in stderr  # "n/N" claims checked
    assert f"stories: {story.claims[0].claim_id}" in stderr  # each claim's line is still printed
    rc, stdout, stderr = rawi(*args, "--json", terminal=True, cwd=tmp_path)
    assert rc == 0 and BAR not in stderr and json.loads(stdout)["claims"] == claims
    rc, stdout, stderr = rawi(*args, terminal=False, cwd=tmp_path)
    assert rc == 0 and BAR not in stderr and f"stories: {story.claims[0].claim_id}" in stderr


def test_eval_attribution_counts_lines_on_a_bar_on_a_terminal_only(tmp_path: Path) -> None:
    from rawi.eval.attribution import english_items

    english = len(english_items())  # no Baly under tmp_path: the English set alone is scored
    args = ("eval", "attribution", "--data", str(tmp_path))
    rc, stdout, stderr = rawi(*args, terminal=True, cwd=tmp_path)
    assert rc == 0, stderr[-2000:]
    assert BAR in stderr and f"/{english}" in stderr and "Attribution extraction" in stdout
    rc, stdout, stderr = rawi(*args, "--json", terminal=True, cwd=tmp_path)
    assert rc == 0 and BAR not in stderr and json.loads(stdout)["overall"]["items"] == english
    rc, stdout, stderr = rawi(*args, terminal=False, cwd=tmp_path)
    assert rc == 0 and BAR not in stderr and "Attribution extraction" in stdout
