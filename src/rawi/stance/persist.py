"""Saved form of a stance model: a folder of plain data, never a pickle.

- ``model.json``: format version, parameters, classes, feature names, IDF table, calibration and
  free-form metadata (training data, date, metrics);
- ``booster.txt``: the LightGBM model in its own text format.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import lightgbm as lgb

from rawi.errors import ModelError
from rawi.records import STANCE_LABELS
from rawi.stance.features import FEATURE_NAMES, IdfTable

FORMAT_VERSION = 1
MODEL_FILE = "model.json"
BOOSTER_FILE = "booster.txt"


def save_model(model: Any, path: str | Path, metadata: dict[str, Any] | None = None) -> Path:
    """Write ``model`` (a fitted StanceClassifier) to the folder ``path``; returns the folder."""
    model._check_fitted()
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    idf: IdfTable = model.idf_
    document = {
        "format_version": FORMAT_VERSION,
        "kind": "rawi.stance.StanceClassifier",
        "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "params": model.get_params(),
        "classes": list(model.classes_),
        "feature_names": list(model.feature_names_),
        "idf": {
            "n_docs": idf.n_docs,
            "avg_length": idf.avg_length,
            "avg_sentence_length": idf.avg_sentence_length,
            "df": dict(sorted(idf.df.items())),
        },
        "calibration": model.calibration_,
        "metadata": metadata or getattr(model, "metadata_", {}),
    }
    (folder / MODEL_FILE).write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), "utf-8")
    (folder / BOOSTER_FILE).write_text(model.booster_.model_to_string(), "utf-8")
    return folder


def _read_document(folder: Path) -> dict[str, Any]:
    model_path = folder / MODEL_FILE
    if not model_path.is_file() or not (folder / BOOSTER_FILE).is_file():
        raise ModelError(f"no stance model at {folder} (expected {MODEL_FILE} and {BOOSTER_FILE})")
    try:
        document = json.loads(model_path.read_text("utf-8"))
    except ValueError as exc:
        raise ModelError(f"{model_path} is not valid JSON: {exc}") from exc
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise ModelError(f"{model_path}: format version {version!r}; this rawi reads {FORMAT_VERSION}")
    if tuple(document.get("feature_names", ())) != FEATURE_NAMES:
        raise ModelError(f"{model_path} was trained with other features than this rawi computes; retrain it")
    if tuple(document.get("classes", ())) != STANCE_LABELS:
        raise ModelError(f"{model_path}: classes {document.get('classes')} differ from {STANCE_LABELS}")
    return document


def load_model(path: str | Path) -> Any:
    """Read a model folder written by :func:`save_model`."""
    from rawi.stance.model import StanceClassifier

    folder = Path(path)
    document = _read_document(folder)
    model = StanceClassifier(**document["params"])
    idf = document["idf"]
    model.idf_ = IdfTable(idf["df"], idf["n_docs"], idf["avg_length"], idf["avg_sentence_length"])
    model.classes_ = STANCE_LABELS
    model.feature_names_ = FEATURE_NAMES
    model.calibration_ = document["calibration"]
    model.metadata_ = document.get("metadata", {})
    try:
        model.booster_ = lgb.Booster(model_str=(folder / BOOSTER_FILE).read_text("utf-8"))
    except lgb.basic.LightGBMError as exc:
        raise ModelError(f"{folder / BOOSTER_FILE} is not a LightGBM model: {exc}") from exc
    return model


@cache
def load_default() -> Any:
    """The model shipped in ``rawi/stance/data/`` (loaded once per process)."""
    folder = resources.files("rawi.stance") / "data"
    with resources.as_file(folder) as path:
        return load_model(path)
