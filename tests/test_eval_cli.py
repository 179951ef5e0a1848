"""`rawi eval` through a subprocess: one JSON object on stdout, tables otherwise, exit 2 on missing data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rawi.cli.eval import eval_app, resolve_data_dir
from test_eval_data import write_ans, write_baly, write_fnc1


def _run_eval(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rawi.cli.eval", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_baly2018_json_is_one_object_on_stdout(tmp_path: Path) -> None:
    data = write_baly(tmp_path / "baly")
    done = _run_eval("baly2018", "--data", str(data), "--model", "tfidf-lr", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)  # the whole of stdout is the object
    assert result["dataset"] == "baly2018" and result["system"] == "tfidf-lr"
    assert set(result["baselines"]) == {"majority", "tfidf-lr"}
    assert {"rationale", "factuality", "confusion", "seconds"} <= set(result)
    assert "cross-validating" in done.stderr  # progress goes to stderr


def test_baly2018_tables(tmp_path: Path) -> None:
    # in-process (CliRunner): the tables are a rendering matter, the subprocess tests cover the wiring
    data = write_baly(tmp_path / "baly")
    done = CliRunner().invoke(eval_app, ["baly2018", "--data", str(data), "--model", "majority", "-q"])
    assert done.exit_code == 0, done.output
    for heading in ("macro-F1", "confusion of majority", "rationale over 12", "claim factuality", "oracle"):
        assert heading in done.output


def test_fnc1_json_has_the_weighted_score(tmp_path: Path) -> None:
    data = write_fnc1(tmp_path / "fnc")
    done = _run_eval("fnc1", "--data", str(data), "--model", "tfidf-lr", "--json", "-q")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "fnc_score" in result and "fnc_score" in result["baselines"]["majority"]


def test_ans_found_through_rawi_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_ans(tmp_path / "ANS")
    monkeypatch.setenv("RAWI_DATA", str(tmp_path))
    done = CliRunner().invoke(eval_app, ["ans", "--model", "majority", "--json", "-q"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["n_test"] == 6
    # a folder that exists but lacks a file: the file is named, exit code 2
    (tmp_path / "FNC-1").mkdir()
    done = CliRunner().invoke(eval_app, ["fnc1", "--json", "--model", "majority"])
    assert done.exit_code == 2 and "train_bodies.csv" in done.output.replace("\n", "")


def test_missing_data_exits_2_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    done = _run_eval("ans", "--data", str(missing), "--json")
    assert done.returncode == 2
    assert str(missing) in done.stderr.replace("\n", "")
    assert done.stdout == ""


def test_default_folder_under_rawi_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAWI_DATA", str(tmp_path))
    assert resolve_data_dir("baly2018", None) == tmp_path / "Baly2018_ArabicFC_Stance"
    assert resolve_data_dir("fnc1", tmp_path / "x") == tmp_path / "x"


def test_data_option_takes_the_datasets_folder_or_the_dataset_folder(tmp_path: Path) -> None:
    (tmp_path / "ANS").mkdir()
    (tmp_path / "Baly2018_ArabicFC_Stance").mkdir()
    assert resolve_data_dir("ans", tmp_path) == tmp_path / "ANS"
    assert resolve_data_dir("ans", tmp_path / "ANS") == tmp_path / "ANS"
    assert resolve_data_dir("baly2018", tmp_path) == tmp_path / "Baly2018_ArabicFC_Stance"
    # no FNC-1 folder under it: the path is taken as the dataset folder itself
    assert resolve_data_dir("fnc1", tmp_path) == tmp_path
