"""The check without a sentence encoder (--encoder none): lexical retrieval and stance, said so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _newsroom import write_newsroom


def rawi(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rawi", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="module")
def lexical_news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-written newsroom ingested with --encoder none (no article vectors)."""
    root = tmp_path_factory.mktemp("lexical")
    write_newsroom(root / "news")
    ingest = rawi("ingest", "news", "--db", "n.db", "--encoder", "none", cwd=root)
    assert ingest.returncode == 0, ingest.stderr
    return root


def check_lexical(root: Path, claim: str) -> dict:
    run = rawi("check", claim, "--db", "n.db", "--encoder", "none", "--format", "json", cwd=root)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_lexical_only_check_says_so_and_keeps_labels_consistent(lexical_news: Path) -> None:
    result = check_lexical(lexical_news, "اندلع حريق في مستودع للقمح في ميناء طرطوس")
    assert result["model"]["encoder"]["name"] is None
    assert "lexical-only" in result["model"]["encoder"]["note"]
    ids = [e["article_id"] for e in result["evidence"]]
    assert "fire/agency.txt" in ids
    for e in result["evidence"]:
        scores = e["stance_scores"]
        assert e["stance"] == max(scores, key=scores.get)


def test_stats_names_the_semantic_layer(tmp_path: Path) -> None:
    write_newsroom(tmp_path / "news")
    assert rawi("ingest", "news", "--db", "n.db", cwd=tmp_path).returncode == 0
    stats = json.loads(rawi("stats", "--db", "n.db", "--json", cwd=tmp_path).stdout)
    assert stats["semantic"]["encoder"].startswith("universal-sentence-encoder")
    assert stats["semantic"]["articles_with_vectors"] == stats["articles"]
    assert "Syrian Arab News Agency" in stats["outlets"]  # the display name, never the registry key
    assert "sana" not in stats["outlets"]


def test_lexical_only_claim_that_a_denial_happened_is_not_refuted(lexical_news: Path) -> None:
    result = check_lexical(lexical_news, "نفت وزارة الصحة تفشي الكوليرا في الحديدة")
    stances = {e["article_id"]: e["stance"] for e in result["evidence"]}
    assert stances.get("cholera/ministry.txt") != "disagree"  # reporting the denial never denies the claim
    assert result["verdict"]["label"] != "refuted"
