"""What the web tests share: a copy of the example corpus and an app over it (lexical-only, so a
module starts in seconds)."""

from __future__ import annotations

from pathlib import Path

from rawi.core import Rawi
from rawi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
TOKEN = "test-token-0123456789abcdef"
DAM = "انهار سد وادي الرمل في ريف حماة الغربي بعد السيول"
SETTINGS = Settings(encoder="none")


def example_workbench(folder: Path) -> Rawi:
    """A writable workbench over a fresh copy of examples/corpus in ``folder``."""
    wb = Rawi(folder / "examples.db", SETTINGS)
    report = wb.ingest([EXAMPLES])
    assert report.ok, report.to_json()
    return wb
