"""Saved checks: every check a user keeps, with its time, claim, options and result (the contract
JSON), in a table of the corpus database created on the first save (a corpus nobody saved a check
in has no such table, and reading one then lists nothing)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from rawi.errors import StoreError
from rawi.store.base import Corpus

_DDL = (
    "CREATE TABLE IF NOT EXISTS saved_checks ("
    "id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, claim TEXT NOT NULL, "
    "options TEXT NOT NULL, result TEXT NOT NULL)"
)

_COLUMNS = "id, created_at, claim, options, result"


@dataclass(frozen=True)
class SavedCheck:
    id: int
    created_at: str
    claim: str
    options: dict[str, Any]
    result: dict[str, Any]  # the contract JSON, as `rawi check --format json` printed it then

    @property
    def label(self) -> str:
        return str(self.result.get("verdict", {}).get("label", ""))

    @property
    def confidence(self) -> float:
        return float(self.result.get("verdict", {}).get("confidence", 0.0))

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "claim": self.claim,
            "options": self.options,
            "verdict": self.label,
            "confidence": self.confidence,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.summary(), "result": self.result}


class SavedChecks:
    """The saved checks of one corpus (read on the calling thread's connection)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def _missing_table(self, error: sqlite3.OperationalError) -> bool:
        return "no such table" in str(error)

    def add(self, claim: str, options: dict[str, Any], result: dict[str, Any]) -> SavedCheck:
        conn = self.corpus.connection()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            conn.execute(_DDL)
            cur = conn.execute(
                "INSERT INTO saved_checks(created_at, claim, options, result) VALUES (?, ?, ?, ?)",
                (now, claim, json.dumps(options, ensure_ascii=False), json.dumps(result, ensure_ascii=False)),
            )
        except sqlite3.OperationalError as e:
            raise StoreError(f"The check could not be saved: {e}.", code="E307") from None
        return SavedCheck(int(cur.lastrowid or 0), now, claim, options, result)

    def list(self, limit: int = 200) -> list[SavedCheck]:
        try:
            rows = self.corpus.connection().execute(
                f"SELECT {_COLUMNS} FROM saved_checks ORDER BY id DESC LIMIT ?",
                (max(0, int(limit)),),
            )
            return [_row(r) for r in rows]
        except sqlite3.OperationalError as e:
            if self._missing_table(e):
                return []
            raise

    def get(self, check_id: int) -> SavedCheck | None:
        try:
            row = (
                self.corpus.connection()
                .execute(f"SELECT {_COLUMNS} FROM saved_checks WHERE id = ?", (check_id,))
                .fetchone()
            )
        except sqlite3.OperationalError as e:
            if self._missing_table(e):
                return None
            raise
        return _row(row) if row else None

    def delete(self, check_id: int) -> bool:
        try:
            cur = self.corpus.connection().execute("DELETE FROM saved_checks WHERE id = ?", (check_id,))
        except sqlite3.OperationalError as e:
            if self._missing_table(e):
                return False
            raise
        return cur.rowcount > 0


def _row(row: tuple[Any, ...]) -> SavedCheck:
    id_, created_at, claim, options, result = row
    return SavedCheck(int(id_), created_at, claim, json.loads(options), json.loads(result))
