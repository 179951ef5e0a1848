"""`rawi eval stories` and `rawi eval verdict` through the real CLI, on small slices."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rawi.eval.endtoend import ClaimCase, confidently_wrong, score_checks
from rawi.eval.stories import default_root, load_stories

DATA = Path(os.environ.get("RAWI_DATA", Path(__file__).resolve().parents[2] / "shared" / "datasets"))
KEYS = ("claims", "verdict_accuracy", "coverage", "confidently_wrong", "related_recall_at_20")


def rawi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rawi", *args], capture_output=True, text=True, timeout=900)


def test_shipped_stories_are_consistent() -> None:
    stories = load_stories()
    assert len(stories) >= 12
    claims = [c for s in stories for c in s.claims]
    kinds = {c.kind for c in claims}
    assert {"positive", "negated", "denial", "english"} <= kinds
    assert sum(c.language == "en" and c.corpus_language == "ar" for c in claims) >= 5
    for story in stories:
        assert 6 <= len(story.articles) <= 12, story.story_id
        for claim in story.claims:
            assert set(claim.stances) <= set(story.articles)


HELD_OUT = (
    "stories_heldout",
    "stories_heldout2",
    "stories_heldout3",
    "stories_heldout4",
    "stories_heldout5",
    "stories_heldout6",
    "stories_heldout7",
    "stories_heldout8",
    "stories_heldout9",
    "stories_heldout10",
    "stories_heldout11",
    "stories_heldout12",
    "stories_heldout13",
)


@pytest.mark.parametrize("folder", HELD_OUT)
def test_held_out_stories_load_and_share_no_story_with_the_tuning_set(folder: str) -> None:
    held_out = load_stories(default_root().parent / folder)
    assert len(held_out) == 6 and sum(len(s.claims) for s in held_out) >= 18
    others = {
        s.story_id
        for f in ("stories", *HELD_OUT)
        if f != folder
        for s in load_stories(default_root().parent / f)
    }
    assert {s.story_id for s in held_out}.isdisjoint(others)
    for story in held_out:
        related = {a for c in story.claims for a in c.stances}
        in_origins = [a for _, ids in story.origins for a in ids]
        assert related <= set(in_origins) and len(in_origins) == len(set(in_origins)), story.story_id


@pytest.mark.parametrize(
    ("gold", "predicted", "confidence", "offtopic", "expected"),
    [
        ("refuted", "supported", 0.7, False, True),
        ("disputed", "refuted", 0.61, False, True),
        ("supported", "refuted", 0.59, False, False),
        ("supported", "disputed", 0.9, False, False),
        ("unverified", "supported", 0.8, True, True),
        ("unverified", "supported", 0.8, False, False),
    ],
)
def test_confidently_wrong(
    gold: str, predicted: str, confidence: float, offtopic: bool, expected: bool
) -> None:
    assert confidently_wrong(gold, predicted, confidence, offtopic) is expected


def test_score_checks_counts_what_the_user_sees() -> None:
    case = ClaimCase(
        "c",
        "claim",
        "en",
        "refuted",
        {"a": "disagree", "b": "agree"},
        ["a", "b", "z"],
        origins=2,
        corpus_language="ar",
    )
    result = {
        "verdict": {"label": "supported", "confidence": 0.8, "independent_origins": 1},
        "evidence": [{"article_id": "b", "stance": "agree"}, {"article_id": "z", "stance": "discuss"}],
    }
    scored = score_checks([case], [result])
    assert scored["confidently_wrong"] == 1
    assert scored["related_recall_at_20"] == 0.5
    assert scored["cross_language_recall_at_20"] == 0.5
    assert scored["stance_accuracy"] == round(1 / 3, 4)
    assert scored["origin_count_error"] == 1


def test_eval_stories_on_a_slice_through_the_cli(tmp_path: Path) -> None:
    root = tmp_path / "stories"
    for story in load_stories()[:2]:
        shutil.copytree(default_root() / story.story_id, root / story.story_id)
    run = rawi("eval", "stories", "--path", str(root), "--json", "--quiet")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    for key in (*KEYS, "stance_accuracy", "origin_count_error"):
        assert key in result
    assert result["claims"] == sum(len(s.claims) for s in load_stories(root))
    assert result["stories"] == 2


def test_eval_stories_names_a_missing_folder(tmp_path: Path) -> None:
    run = rawi("eval", "stories", "--path", str(tmp_path / "nope"))
    assert run.returncode == 2
    assert "stories folder not found" in run.stderr


@pytest.mark.datasets
@pytest.mark.skipif(
    not (DATA / "Baly2018_ArabicFC_Stance").is_dir(), reason="../shared/datasets (Baly 2018) not present"
)
def test_eval_verdict_on_a_slice_through_the_cli() -> None:
    run = rawi("eval", "verdict", "--data", str(DATA), "--limit-claims", "10", "--json", "--quiet")
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    for key in KEYS:
        assert key in result
    assert result["claims"] == 10
