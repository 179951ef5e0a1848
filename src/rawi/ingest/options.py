"""What a user can tune about ingest: record field names and the largest file accepted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FIELDS: tuple[str, ...] = ("id", "title", "text", "url", "date", "outlet")

# Names feeds and exports commonly use, tried in order when the configured name is absent.
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "guid", "uuid"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate"),
    "outlet": ("outlet", "source", "publisher", "site"),
}

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class IngestOptions:
    """Options of :func:`rawi.ingest.read_paths`.

    Parameters
    ----------
    fields : record field names for json/jsonl/csv, by role (``id``, ``title``, ``text``, ``url``,
        ``date``, ``outlet``), e.g. ``{"text": "body_ar"}``. A role not given, or whose field is absent
        from a record, falls back to its usual names (``body``/``content`` for text, ``headline`` for
        title, ``published``/``published_at`` for date, ``source``/``publisher`` for outlet,
        ``link`` for url).
    max_bytes : files larger than this are refused (problem E105); default 10 MB.
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        unknown = set(self.fields) - set(FIELDS)
        if unknown:
            raise ValueError(
                f"The 'fields' option of IngestOptions has unknown roles {sorted(unknown)}; "
                f"expected some of {', '.join(FIELDS)}."
            )
        if not isinstance(self.max_bytes, int) or isinstance(self.max_bytes, bool) or self.max_bytes < 1:
            raise ValueError(
                "The 'max_bytes' option of IngestOptions must be a positive int. "
                f"Got {self.max_bytes!r} instead."
            )

    def names(self, role: str) -> tuple[str, ...]:
        """Field names to try for ``role``, the configured one first."""
        configured = self.fields.get(role)
        defaults = ALTERNATIVES[role]
        return (configured, *defaults) if configured else defaults

    def pick(self, record: Mapping[str, Any], role: str) -> tuple[str | None, Any]:
        """The first present, non-empty field of ``record`` for ``role``: (name, value)."""
        for name in self.names(role):
            value = record.get(name)
            if value is not None and value != "":
                return name, value
        return None, None
