"""The check pipeline's seam: one typed result, its JSON made in one place, per-call options, and
one workbench shared by threads (as the web server shares it)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest

from rawi.core import Rawi
from rawi.pipeline import CheckOptions, check_claim
from rawi.result import CheckResult
from rawi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DAM = "انهار سد وادي الرمل في ريف حماة الغربي بعد السيول"
POTATO = "قررت وزارة الزراعة الأردنية وقف استيراد البطاطا حتى نهاية العام"


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("pipeline") / "examples.db"
    settings = Settings(encoder="none")
    with Rawi(db, settings) as writer:
        assert writer.ingest([ROOT / "examples" / "corpus"]).ok
    with Rawi(db, settings, readonly=True) as workbench:
        yield workbench


def test_typed_result_is_the_contract_and_reads_back(wb: Rawi, check_schema: dict) -> None:
    result = wb.check_result(DAM)
    assert isinstance(result, CheckResult)
    data = result.to_json()
    jsonschema.validate(data, check_schema)
    assert data == wb.check(DAM)
    assert CheckResult.from_json(data).to_json() == data  # a saved check renders as it was
    assert {e.stance for e in result.related} <= {"agree", "disagree", "discuss"}
    assert result.verdict.independent_origins == len(result.provenance.origins)


def test_options_are_per_call(wb: Rawi) -> None:
    arabic = check_claim(wb, DAM)
    english = check_claim(wb, DAM, CheckOptions(explanation_language="en", top_k=3, max_rationale=1))
    assert len(english.evidence) <= 3 and all(len(e.rationale) <= 1 for e in english.evidence)
    assert any("\u0600" <= c <= "\u06ff" for c in arabic.verdict.explanation[:40])
    assert "independent origin" in english.verdict.explanation
    assert len(check_claim(wb, DAM).evidence) == len(arabic.evidence)  # the workbench kept its settings


@pytest.mark.parametrize(
    "bad", [{"top_k": 0}, {"top_k": 501}, {"max_rationale": -1}, {"explanation_language": "fr"}]
)
def test_bad_options_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError, match="option"):
        CheckOptions(**bad)


def test_threads_sharing_one_workbench_get_the_sequential_answers(wb: Rawi) -> None:
    claims = [DAM, POTATO, "A fire broke out in a wheat warehouse at the port of Tartus"]
    expected = {c: wb.check(c) for c in claims}

    def work(k: int) -> list[tuple[str, dict]]:
        return [(claims[(k + i) % len(claims)], wb.check(claims[(k + i) % len(claims)])) for i in range(3)]

    with ThreadPoolExecutor(4) as pool:  # an exception in a thread is raised here
        got = [pair for pairs in pool.map(work, range(4)) for pair in pairs]
    assert len(got) == 12 and all(result == expected[claim] for claim, result in got)
