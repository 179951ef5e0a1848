"""`rawi --help` and every command's --help import no heavy library (scikit-learn, SciPy, NumPy,
LightGBM, Jinja, trafilatura): those load in the commands that use them. How long start-up takes is
measured by benchmarks/bench_faults.py, not here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
HEAVY = {"sklearn", "scipy", "numpy", "lightgbm", "jinja2", "trafilatura", "datasketch", "rawi.core"}


def imported(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "rawi", *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    names = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return {n for n in names if n in HEAVY or n.split(".")[0] in HEAVY}


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("ingest", "--help"), ("eval", "--help")])
def test_help_imports_no_heavy_library(args: tuple[str, ...]) -> None:
    assert imported(*args) == set()


def test_top_level_help_does_not_load_rich_or_the_result_model() -> None:
    """Help is plain Click: Rich (~45 ms) and the typed result (~20 ms) load when a command prints."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "rawi", "--help"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout
    loaded = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert not {n for n in loaded if n == "rich" or n.startswith("rich.") or n == "rawi.result"}


def test_the_default_eval_system_named_by_the_cli_is_the_runners() -> None:
    from rawi.cli.eval import DEFAULT_SYSTEM
    from rawi.eval.runner import DEFAULT_SYSTEM as RUNNER_DEFAULT

    assert DEFAULT_SYSTEM == RUNNER_DEFAULT


def test_schema_prints_the_packaged_contract() -> None:
    from rawi.contracts import check_result_schema

    done = subprocess.run(
        [sys.executable, "-m", "rawi", "schema"], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == check_result_schema()
    assert check_result_schema()["$id"] == "rawi/check-result/v1"


def test_packaged_contract_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "contracts" / "check-result.schema.json"
    if not shared.exists():
        pytest.skip(f"no shared copy of the contract at {shared} to compare with")
    from rawi.contracts import schema_text

    assert json.loads(schema_text()) == json.loads(shared.read_text(encoding="utf-8"))
