"""Fuzzing, bounded: hostile files never escape the per-file handling and never cost a good article
next to them; hostile claims end in a result or a RawiError; hostile text through every format comes
out inert. The longer run, with counts, is benchmarks/bench_faults.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import EXTENSIONS, PAYLOADS, mutate, seed
from rawi.core import Rawi
from rawi.errors import RawiError
from rawi.ingest import read_file, read_paths
from rawi.records import Article, Problem
from rawi.report import FORMATS, render
from rawi.report.safe import clean_result

ROOT = Path(__file__).resolve().parent.parent
BOUNDED = settings(
    max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@BOUNDED
@given(seed_=st.integers(0, 2**32 - 1), ext=st.sampled_from(EXTENSIONS))
def test_a_hostile_file_yields_articles_and_problems_only(tmp_path: Path, seed_: int, ext: str) -> None:
    path = tmp_path / f"f{seed_}{ext}"
    path.write_bytes(mutate(random.Random(seed_), ext))
    items = list(read_file(path))
    assert all(isinstance(i, Article | Problem) for i in items)
    for a in (i for i in items if isinstance(i, Article)):
        a.text.encode("utf-8")  # storable: no lone surrogate left
        assert a.text.strip()


@BOUNDED
@given(seeds=st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=6))
def test_hostile_files_cost_no_good_article_next_to_them(
    tmp_path_factory: pytest.TempPathFactory, seeds: list[int]
) -> None:
    folder = tmp_path_factory.mktemp("mixed")
    expected = set()
    for k, s in enumerate(seeds):
        rng = random.Random(s)
        ext = rng.choice(EXTENSIONS)
        (folder / f"bad{k}{ext}").write_bytes(mutate(rng, ext))
        good = EXTENSIONS[k % len(EXTENSIONS)]
        (folder / f"good{k}{good}").write_text(seed(good, n=2), "utf-8")
        expected |= (
            {f"good{k}{good}"}
            if good in (".txt", ".md", ".html")
            else {f"good{k}{good}#r0", f"good{k}{good}#r1"}
        )
    stored = {i.id for i in read_paths([folder]) if isinstance(i, Article)}
    assert expected <= stored


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Rawi:
    wb = Rawi(tmp_path_factory.mktemp("fuzz") / "example.db")
    assert not wb.ingest([ROOT / "examples" / "corpus"]).problems
    yield wb
    wb.close()


@settings(max_examples=15, deadline=None)
@given(claim=st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.sampled_from(PAYLOADS))
def test_a_hostile_claim_is_a_result_or_a_clear_error(example: Rawi, claim: str) -> None:
    try:
        result = example.check(claim)
    except RawiError as e:
        assert e.code.startswith("E2")
        return
    assert result["verdict"]["label"] in ("supported", "refuted", "disputed", "unverified")


def test_a_claim_with_a_lone_surrogate_is_checked(example: Rawi) -> None:
    # as a JSON "\\ud800" or undecodable argv bytes give it; the sentence encoder encodes to UTF-8
    result = example.check("انهار سد \ud800 وادي الرمل")
    assert result["claim"]["text"] == "انهار سد \ufffd وادي الرمل"
    json.dumps(result, ensure_ascii=False).encode("utf-8")


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@settings(max_examples=30, deadline=5000)
@given(
    text=st.text(max_size=60) | st.sampled_from(PAYLOADS),
    url=st.text(max_size=30) | st.sampled_from(PAYLOADS),
)
def test_hostile_text_renders_inert_in_every_format(text: str, url: str) -> None:
    scores = {"agree": 0.7, "disagree": 0.1, "discuss": 0.1, "unrelated": 0.1}
    result = {
        "claim": {"text": f"claim {text}", "language": "ar", "normalized": text},
        "verdict": {"label": "supported", "confidence": 0.5, "explanation": text, "independent_origins": 1},
        "evidence": [
            {
                "article_id": f"a{text}",
                "title": text,
                "outlet": text,
                "url": url,
                "published": None,
                "language": "ar",
                "retrieval_score": 1.0,
                "stance": "agree",
                "stance_scores": scores,
                "rationale": [{"sentence_index": 0, "text": text, "score": 0.5}],
            }
        ],
        "provenance": {"attributions": [], "reuse": [], "origins": [{"key": text, "articles": [f"a{text}"]}]},
        "corpus": {"articles": 1, "store": "sqlite:///x.db"},
        "model": {"name": "m", "version": "1"},
    }
    for fmt in FORMATS:
        shown = render(clean_result(result) if fmt in ("text", "markdown", "html") else result, fmt)
        assert not _UNSAFE.search(shown.replace("\n", "").replace("\t", "")), fmt
        if fmt == "claimreview":
            assert "<" not in shown and "\u2028" not in shown
            for a in json.loads(shown)["itemReviewed"]["appearance"]:
                assert a.get("url", "https://").lower().startswith(("http://", "https://"))
        if fmt == "html":
            assert "<script" not in shown.lower()
