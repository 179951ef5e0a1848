"""CSV reading shared by the dataset readers: header checks that name the file and the column."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from rawi.errors import DatasetError

# news bodies can exceed the csv module's default 128 KB field limit
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` for each record of ``path``, after checking its header.

    Raises DatasetError naming the file when it is missing or unreadable, and naming the column when
    one of ``required`` is absent from the header.
    """
    if not path.is_file():
        raise DatasetError(f"missing file: {path}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            missing = [name for name in required if name not in header]
            if missing:
                raise DatasetError(f"{path}: missing column {missing[0]!r} (header: {', '.join(header)})")
            reader.fieldnames = header
            for row in reader:
                yield reader.line_num, {k: (v or "") for k, v in row.items() if k is not None}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
