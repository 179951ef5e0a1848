"""One check analyses its claim once: ``rawi.claim.read_claim`` runs once, and no stage normalises,
tokenises, detects the language of, reads the polarity of, analyses for stance or embeds the claim (or
its core) again. Counted with a profiler hook over a real check (real store, shipped models, the
default encoder), on a fresh workbench so nothing is remembered from an earlier check."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from _newsroom import ingested, write_newsroom
from rawi.core import Rawi
from rawi.embed import load_encoder

pytestmark = pytest.mark.skipif(load_encoder("use") is None, reason="no sentence encoder installed")

# (claim, its core: the event without the negation or the denial)
CLAIMS = [
    ("شب حريق في مستودع قمح بميناء طرطوس صباح الأربعاء", None),
    ("لم يندلع أي حريق في مستودعات ميناء طرطوس", "يندلع أي حريق في مستودعات ميناء طرطوس"),
    ("نفت وزارة الصحة تفشي الكوليرا في مدينة الحديدة", "وزارة الصحة تفشي الكوليرا في مدينة الحديدة"),
    ("A fire broke out in a wheat warehouse at Tartus port on Wednesday", None),  # read through a pivot
]

# Functions that analyse text (qualified name in their module); a call whose argument is the claim
# or its core is an analysis of the claim.
ANALYSERS = {
    ("rawi/text/normalize.py", "fold"),
    ("rawi/text/normalize.py", "normalize"),
    ("rawi/text/tokenize.py", "tokenize"),
    ("rawi/text/tokenize.py", "tokenize_normalized"),
    ("rawi/text/tokenize.py", "analyze"),
    ("rawi/text/detect.py", "detect_language"),
    ("rawi/text/chunks.py", "folded_chunks"),
    ("rawi/stance/analysis.py", "analyze_units"),
    ("rawi/stance/analysis.py", "analyze_claim"),
    ("rawi/stance/polarity.py", "claim_frame"),
    ("rawi/retrieve/retriever.py", "query_terms"),
    ("rawi/retrieve/semantic.py", "vectors"),
    ("rawi/embed/cache.py", "encode"),
    ("rawi/provenance/fingerprint.py", "words_of"),
}
READ_CLAIM = ("rawi/claim.py", "read_claim")


def _where(frame: FrameType) -> tuple[str, str]:
    path = frame.f_code.co_filename.replace("\\", "/")
    return "rawi/" + path.rsplit("/rawi/", 1)[-1], frame.f_code.co_name


def _mentions(value: object, texts: set[str]) -> bool:
    if isinstance(value, str):
        return value in texts
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (str, list)):
        return any(_mentions(v, texts) for v in value)
    return False


class AnalysisCounter:
    """Counts calls of ANALYSERS on ``texts``, inside read_claim and outside it."""

    def __init__(self, texts: set[str]) -> None:
        self.texts = texts
        self.inside: Counter[str] = Counter()
        self.outside: Counter[str] = Counter()
        self.read_claim = 0
        self._depth = 0  # read_claim frames on the stack

    def __call__(self, frame: FrameType, event: str, arg: object) -> None:
        if event not in ("call", "return"):
            return
        where = _where(frame)
        if where == READ_CLAIM:
            self._depth += 1 if event == "call" else -1
            self.read_claim += event == "call"
            return
        if event != "call" or where not in ANALYSERS:
            return
        code = frame.f_code
        args = [frame.f_locals.get(name) for name in code.co_varnames[: code.co_argcount]]
        for text in sorted(self.texts):
            if any(_mentions(a, {text}) for a in args):
                (self.inside if self._depth else self.outside)[f"{where[0]}:{where[1]}"] += 1


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("claim-once")
    with ingested(root, write_newsroom):
        pass
    yield root / "news.db"


def _count(db: Path, claim: str, core: str | None) -> tuple[AnalysisCounter, dict]:
    with Rawi(db, readonly=True) as wb:  # a fresh workbench: no analysis remembered
        wb.warm()
        counter = AnalysisCounter({claim, core or claim})
        sys.setprofile(counter)
        try:
            result = wb.check(claim)
        finally:
            sys.setprofile(None)
    return counter, result


@pytest.mark.parametrize(("claim", "core"), CLAIMS)
def test_the_claim_is_analysed_once_per_check(newsroom: Path, claim: str, core: str | None) -> None:
    counter, result = _count(newsroom, claim, core)
    assert result["evidence"], "the check read articles: every stage ran"
    assert counter.read_claim == 1
    assert not counter.outside, f"stages analysed the claim again: {dict(counter.outside)}"
    # and read_claim itself does each step once (per text: the claim, and its core when it has one)
    texts = 2 if core else 1
    once = {"detect_language": texts, "claim_frame": 1, "normalize": 1, "query_terms": 1, "analyze_claim": 1}
    for name, most in once.items():
        calls = sum(n for k, n in counter.inside.items() if k.endswith(":" + name))
        assert calls <= most, f"{name} ran {calls} times on the claim"
    assert counter.inside["rawi/retrieve/semantic.py:vectors"] == (2 if core else 1)  # claim, then core


def test_the_counter_sees_an_analysis_outside_read_claim(newsroom: Path, monkeypatch) -> None:
    """The check above can fail: a stage that analyses the claim again is counted."""
    from rawi.stance import evidence
    from rawi.text import detect_language

    original = evidence.StanceStage._readings

    def reading_again(self, claim, articles):  # a stage that detects the claim's language itself
        detect_language(claim.text)
        return original(self, claim, articles)

    monkeypatch.setattr(evidence.StanceStage, "_readings", reading_again)
    claim, core = CLAIMS[0]
    counter, _ = _count(newsroom, claim, core)
    assert counter.outside == {"rawi/text/detect.py:detect_language": 1}
