"""Shared fixtures: where the public datasets are (skipping when absent) and the JSON contract."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _datasets_path() -> Path:
    env = os.environ.get("RAWI_DATA")
    return Path(env) if env else SHARED / "datasets"


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """The folder holding Baly2018_ArabicFC_Stance/, ANS/ and FNC-1/ (RAWI_DATA or ../shared/datasets)."""
    path = _datasets_path()
    if not path.is_dir():
        pytest.skip(f"public datasets not found at {path} (set RAWI_DATA to run this test)")
    return path


@pytest.fixture(scope="session")
def check_schema() -> dict:
    """The JSON contract of `rawi check --format json`, as shipped inside the package."""
    from rawi.contracts import check_result_schema

    return check_result_schema()
