"""The JSON contracts rawi ships: ``check-result.schema.json`` is the JSON Schema of what
``rawi check --format json`` prints (and ``Rawi.check`` returns); ``rawi schema`` prints it."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

CHECK_RESULT = "check-result.schema.json"


def schema_text(name: str = CHECK_RESULT) -> str:
    """The contract exactly as shipped in the package."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def check_result_schema() -> dict[str, Any]:
    """The JSON Schema of a check result, as a dict.

    >>> check_result_schema()["$id"]
    'rawi/check-result/v1'
    """
    return json.loads(schema_text(CHECK_RESULT))
