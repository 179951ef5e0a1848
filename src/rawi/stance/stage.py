"""The trained semantic stance stage of one encoder (pair model + article combiner), saved as plain JSON.

``rawi train semantic`` writes ``semantic-<encoder>.json``; rawi ships the USE one in ``rawi/stance/data``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rawi.errors import ModelError
from rawi.stance.semantic import ArticleCombiner, PairModel

SEMANTIC_FILE = "semantic-{key}.json"


@dataclass
class SemanticStage:
    """The pair model and the article combiner trained for one encoder."""

    encoder_key: str
    encoder_name: str
    pair: PairModel
    combiner: ArticleCombiner
    metadata: dict[str, Any]
    # For a claim and an article in different languages the lexical model reads nothing (no shared
    # words): this combiner decides from the sentence-pair features alone.
    cross: ArticleCombiner | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "rawi.stance.SemanticStage",
            "encoder": {"key": self.encoder_key, "name": self.encoder_name},
            "pair_model": self.pair.to_json(),
            "combiner": self.combiner.to_json(),
            "cross_language_combiner": self.cross.to_json() if self.cross else None,
            "metadata": self.metadata,
        }

    def save(self, folder: str | Path) -> Path:
        path = Path(folder) / SEMANTIC_FILE.format(key=self.encoder_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        return path

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SemanticStage:
        if data.get("kind") != "rawi.stance.SemanticStage":
            raise ModelError("not a rawi semantic stance file (kind is not rawi.stance.SemanticStage)")
        return cls(
            data["encoder"]["key"],
            data["encoder"]["name"],
            PairModel.from_json(data["pair_model"]),
            ArticleCombiner.from_json(data["combiner"]),
            data.get("metadata", {}),
            ArticleCombiner.from_json(data["cross_language_combiner"])
            if data.get("cross_language_combiner")
            else None,
        )


@cache
def load_semantic_stage(encoder_key: str) -> SemanticStage | None:
    """The shipped semantic stage for ``encoder_key``; ``None`` when rawi ships none for it."""
    resource = resources.files("rawi.stance") / "data" / SEMANTIC_FILE.format(key=encoder_key)
    if not resource.is_file():
        return None
    return SemanticStage.from_json(json.loads(resource.read_text(encoding="utf-8")))
