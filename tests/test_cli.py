"""The real `rawi` CLI through a subprocess, on the shipped example corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
GOLD = json.loads((ROOT / "examples" / "gold.json").read_text(encoding="utf-8"))
N_EXAMPLES = (
    sum(1 for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in (".jsonl", ".csv"))
    + sum(
        len([line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()])
        for p in CORPUS.rglob("*.jsonl")
    )
    + 3
)  # archive.csv holds three records


def rawi(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rawi", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "example.db"
    done = rawi("ingest", str(CORPUS), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert f"{N_EXAMPLES} added" in done.stdout
    return db


def test_reingest_adds_nothing(example_db: Path) -> None:
    done = rawi("ingest", str(CORPUS), "--db", str(example_db), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["added"] == 0 and report["updated"] == 0 and report["unchanged"] == N_EXAMPLES


def test_check_json_follows_the_contract_and_finds_the_story(example_db: Path, check_schema: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    gold = GOLD["c2"]
    done = rawi("check", gold["claim"], "--db", str(example_db), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    jsonschema.validate(result, check_schema)
    assert result["claim"]["language"] == "ar"
    top = [e["article_id"] for e in result["evidence"][:3]]
    assert all(a in gold["related"] for a in top), top
    assert result["corpus"]["articles"] == N_EXAMPLES


@pytest.mark.parametrize("claim", ["", "   ", "؟؟ ... !!", "في من على"])
def test_claim_without_words_is_a_clear_error(example_db: Path, claim: str) -> None:
    done = rawi("check", claim, "--db", str(example_db))
    assert done.returncode == 2
    assert "claim" in done.stderr.lower()
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "query", ['"سد', "سد*", "NEAR(سد حماة)", "-البطاطا", "(وقف OR", 'AND "" NOT', "potato) ^ :title"]
)
def test_search_syntax_in_user_text_never_breaks(example_db: Path, query: str) -> None:
    done = rawi("search", query, "--db", str(example_db), "--json")
    assert done.returncode in (0, 2), done.stderr
    assert "Traceback" not in done.stderr
    if done.returncode == 0:
        json.loads(done.stdout)


def test_html_report_escapes_article_text(example_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    claim = GOLD["c4"]["claim"]
    done = rawi("check", claim, "--db", str(example_db), "--format", "html", "--out", str(out))
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<script" not in html.lower()
    assert "investment-resignation-factcheck.html" in html


@pytest.mark.parametrize(
    "fmt, marker", [("markdown", "# Claim check"), ("claimreview", '"ClaimReview"'), ("text", "rawi check")]
)
def test_other_formats(example_db: Path, fmt: str, marker: str) -> None:
    done = rawi("check", GOLD["c1"]["claim"], "--db", str(example_db), "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert marker in done.stdout


def test_claimreview_of_an_arabic_claim_is_arabic_and_names_where_it_is_published(example_db: Path) -> None:
    gold = GOLD["c2"]
    url = "https://example.org/checks/c2"
    done = rawi(
        "check", gold["claim"], "--db", str(example_db), "--format", "claimreview", "--review-url", url
    )
    assert done.returncode == 0, done.stderr
    review = json.loads(done.stdout)
    checked = json.loads(rawi("check", gold["claim"], "--db", str(example_db), "--format", "json").stdout)
    assert review["url"] == url and review["inLanguage"] == "ar"
    rating = review["reviewRating"]
    assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= set(rating)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    arabic = [c for c in review["reviewBody"] + rating["alternateName"] if "\u0600" <= c <= "\u06ff"]
    assert len(arabic) > 10  # the verdict's words in the claim's language
    stating = {e["article_id"] for e in checked["evidence"] if e["stance"] in ("agree", "discuss")}
    assert {a["identifier"] for a in review["itemReviewed"]["appearance"]} == stating


@pytest.mark.parametrize(
    "args", [("--format", "json", "--review-url", "https://example.org/x"), ("--format", "claimreview",
             "--review-url", "javascript:alert(1)")]
)  # fmt: skip
def test_review_url_is_refused_when_it_cannot_be_used(example_db: Path, args: tuple[str, ...]) -> None:
    done = rawi("check", GOLD["c2"]["claim"], "--db", str(example_db), *args)
    assert done.returncode == 2 and "--review-url" in done.stderr and not done.stdout


def test_stats(example_db: Path) -> None:
    done = rawi("stats", "--db", str(example_db), "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["articles"] == N_EXAMPLES
    assert set(stats["languages"]) == {"ar", "en"}


def test_check_without_a_corpus_says_what_to_do(tmp_path: Path) -> None:
    done = rawi("check", "انهار السد", "--db", str(tmp_path / "none.db"))
    assert done.returncode == 2
    assert "rawi ingest" in done.stderr


def test_bad_files_are_named_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "وزارة الصحة تعلن حملة تطعيم\nأعلنت وزارة الصحة اليوم بدء حملة تطعيم.", "utf-8"
    )
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "broken.json").write_text('{"title": "x", "text": ', "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    db = tmp_path / "n.db"
    done = rawi("ingest", str(folder), "--db", str(db))
    assert done.returncode == 1
    for name in ("empty.txt", "broken.json", "binary.txt"):
        assert name in done.stderr
    assert "1 added" in done.stdout
    again = rawi("search", "تطعيم", "--db", str(db), "--json")
    assert json.loads(again.stdout)[0]["article_id"] == "good.txt"


def test_help_has_examples() -> None:
    for cmd in ("ingest", "check", "search", "stats"):
        done = rawi(cmd, "--help")
        assert done.returncode == 0
        assert "Example" in done.stdout


def test_provenance_help_examples_name_ids_of_the_example_corpus(example_db: Path) -> None:
    shown = rawi("provenance", "--help").stdout
    for article_id in ("ar/dam-denial-sana.txt", "feeds/wire.jsonl#mizan-dam-photos"):
        assert article_id in shown
    done = rawi(
        "provenance", "ar/dam-denial-sana.txt", "feeds/wire.jsonl#mizan-dam-photos", "--db", str(example_db)
    )
    assert done.returncode == 0, done.stderr
