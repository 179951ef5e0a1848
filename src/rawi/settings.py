"""Settings of a rawi workbench: plain values, checked once here, at the boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Settings:
    """What a user can tune. Defaults are what the README's commands use.

    Parameters
    ----------
    top_k : articles retrieved and given a stance per claim, in [1, 500].
    max_rationale : rationale sentences reported per article, in [0, 10].
    max_file_bytes : files larger than this are refused at ingest (default 10 MB).
    sources_files : extra sources-registry files (YAML) that extend or override the shipped one.
    reliability_file : optional reliability weights (YAML or CSV key,weight) used by the verdict.
    field_map : record field names for json/jsonl/csv ingest (id, title, text, url, date, outlet).
    encoder : sentence encoder of the semantic layer: "use" (default, portable), "e5" or "none"
        (lexical-only). A missing package falls back to the other encoder, and the result says so.
    embed_at_ingest : compute the article vectors of the semantic index while ingesting.
    """

    top_k: int = 20
    max_rationale: int = 3
    max_file_bytes: int = 10 * 1024 * 1024
    sources_files: list[Path] = field(default_factory=list)
    reliability_file: Path | None = None
    field_map: dict[str, str] = field(default_factory=dict)
    encoder: str = "use"
    embed_at_ingest: bool = True

    def __post_init__(self) -> None:
        if self.encoder not in ("use", "e5", "none"):
            raise ValueError(
                f"The 'encoder' setting must be 'use', 'e5' or 'none'. Got {self.encoder!r} instead."
            )
        _check_int("top_k", self.top_k, 1, 500)
        _check_int("max_rationale", self.max_rationale, 0, 10)
        _check_int("max_file_bytes", self.max_file_bytes, 1, 2**40)
        unknown = set(self.field_map) - {"id", "title", "text", "url", "date", "outlet"}
        if unknown:
            raise ValueError(
                f"The 'field_map' setting has unknown keys {sorted(unknown)}; "
                "expected id, title, text, url, date, outlet."
            )


def _check_int(name: str, value: object, lo: int, hi: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise ValueError(f"The '{name}' setting must be an int in [{lo}, {hi}]. Got {value!r} instead.")
