"""Renderers on a hand-built result: the contract, escaping of untrusted text, every format."""

from __future__ import annotations

import json

import pytest

from rawi.report import FORMATS, render
from rawi.report.claimreview import to_claimreview
from rawi.result import CheckResult

EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def result() -> dict:
    scores = {"agree": 0.8, "disagree": 0.1, "discuss": 0.05, "unrelated": 0.05}
    return {
        "claim": {
            "text": "انهار سد وادي الرمل بعد السيول",
            "language": "ar",
            "normalized": "انهار سد وادي الرمل بعد السيول",
        },
        "verdict": {
            "label": "disputed",
            "confidence": 0.62,
            "explanation": "Supporting (1) … Denying (1) …",
            "independent_origins": 2,
        },
        "evidence": [
            {
                "article_id": "ar/a.txt",
                "title": EVIL,
                "outlet": "sana",
                "url": "javascript:alert(1)",
                "published": "2026-03-15",
                "retrieval_score": 7.5,
                "stance": "agree",
                "stance_scores": scores,
                "rationale": [
                    {"sentence_index": 2, "text": f"قالت المصادر إن السد انهار {EVIL}", "score": 0.9}
                ],
            },
            {
                "article_id": "ar/b.txt",
                "title": "نفي رسمي",
                "outlet": None,
                "url": "https://example.org/b",
                "published": None,
                "retrieval_score": 5.1,
                "stance": "disagree",
                "stance_scores": {"agree": 0.1, "disagree": 0.8, "discuss": 0.05, "unrelated": 0.05},
                "rationale": [{"sentence_index": 0, "text": "نفت الوزارة انهيار السد", "score": 0.8}],
            },
            {
                "article_id": "en/c.txt",
                "title": "Derby",
                "outlet": None,
                "url": None,
                "published": None,
                "retrieval_score": 1.0,
                "stance": "unrelated",
                "stance_scores": {"agree": 0.0, "disagree": 0.0, "discuss": 0.1, "unrelated": 0.9},
                "rationale": [],
            },
        ],
        "provenance": {
            "attributions": [
                {
                    "article_id": "ar/a.txt",
                    "sentence_index": 2,
                    "source": EVIL,
                    "source_key": "evil",
                    "source_kind": "anonymous",
                    "polarity": "reports",
                    "verb": "قالت",
                }
            ],
            "reuse": [{"a": "ar/a.txt", "b": "ar/b.txt", "similarity": 0.4, "shared_passages": [EVIL]}],
            "origins": [
                {"key": "sana", "articles": ["ar/a.txt"]},
                {"key": "ar/b.txt", "articles": ["ar/b.txt"]},
            ],
        },
        "corpus": {"articles": 3, "store": "sqlite:///x.db"},
        "model": {"name": "rawi-stance", "version": "1"},
    }


def test_synthetic_result_follows_the_contract(check_schema: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(result(), check_schema)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(fmt: str) -> None:
    text = render(result(), fmt)
    assert "ar/a.txt" in text or fmt == "claimreview"
    assert text.strip()


def test_html_escapes_untrusted_text_and_urls() -> None:
    html = render(result(), "html")
    assert "<script" not in html.lower()
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="https://example.org/b"' in html
    assert 'dir="rtl"' in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")  # self-contained: no external refs


def test_markdown_escapes_markup() -> None:
    md = render(result(), "markdown")
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "unrelated article(s) not counted" in md


def test_json_is_the_result() -> None:
    assert json.loads(render(result(), "json")) == result()


def test_claimreview_rating_and_appearances() -> None:
    review = to_claimreview(CheckResult.from_json(result()), date="2026-11-24")
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "متنازع عليه"  # the claim is Arabic
    assert review["reviewRating"]["ratingValue"] == 3
    ids = [a["identifier"] for a in review["itemReviewed"]["appearance"]]
    # the claim appears where it is stated: not in the denial (ar/b.txt), not in unrelated evidence
    assert ids == ["ar/a.txt"]
    assert "url" not in review  # none given


@pytest.mark.parametrize(
    "label, value, english",
    [("supported", 5, "Supported"), ("refuted", 1, "Refuted"), ("disputed", 3, "Disputed"),
     ("unverified", 3, "Unverified")],
)  # fmt: skip
def test_claimreview_rates_every_verdict_numerically_and_in_words(
    label: str, value: int, english: str
) -> None:
    data = result()
    data["verdict"]["label"] = label
    data["claim"] = {"text": "The dam collapsed", "language": "en", "normalized": "the dam collapsed"}
    rating = to_claimreview(CheckResult.from_json(data))["reviewRating"]
    assert rating == {
        "@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1, "alternateName": english,
    }  # fmt: skip
    data["claim"]["language"] = "ar"
    arabic = to_claimreview(CheckResult.from_json(data))["reviewRating"]["alternateName"]
    assert arabic != english and any("\u0600" <= c <= "\u06ff" for c in arabic)
    data["claim"]["language"] = "und"  # a claim whose language was not told: English
    assert to_claimreview(CheckResult.from_json(data))["reviewRating"]["alternateName"] == english


def test_claimreview_url_only_when_a_safe_one_is_given() -> None:
    typed = CheckResult.from_json(result())
    assert to_claimreview(typed, url="https://example.org/checks/1")["url"] == "https://example.org/checks/1"
    assert "url" not in to_claimreview(typed, url="javascript:alert(1)")


def test_text_report_lists_unrelated_separately() -> None:
    text = render(result(), "text")
    assert "1 unrelated article(s) not counted: en/c.txt" in text
    assert "Disputed" in text


def test_markdown_shows_ids_exactly_in_code_spans() -> None:
    data = result()
    data["evidence"][0]["article_id"] = "feed.jsonl#11"
    data["provenance"]["origins"][0]["articles"] = ["feed.jsonl#11", "a`b|c"]
    md = render(data, "markdown")
    assert "### `feed.jsonl#11`" in md and "\\#" not in md
    assert "``a`b|c``" in md  # a backtick inside: a longer fence, nothing escaped
