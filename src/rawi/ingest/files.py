"""Which files an ingest reads, each once, with the article id base of each.

Folders are walked recursively and sorted, hidden entries skipped. Symlinked folders are followed
(a link back up the tree is not followed twice), and a sub-folder that cannot be listed is reported
as a :class:`rawi.records.Problem` instead of being skipped in silence.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rawi.records import Problem


@dataclass(frozen=True)
class Target:
    """A file to read: its path, its article id base and whether the user named it."""

    path: Path
    rel_id: str
    explicit: bool


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path, suffixes: frozenset[str]) -> Iterator[Path | Problem]:
    """Supported files under ``folder`` (sorted), and a Problem per folder that cannot be listed."""
    errors: list[OSError] = []
    visited: set[str] = set()
    for root, dirs, files in os.walk(folder, onerror=errors.append, followlinks=True):
        while errors:
            e = errors.pop(0)
            yield Problem(str(e.filename or root), f"the folder cannot be read: {e.strerror or e}", "E108")
        real = os.path.realpath(root)
        if real in visited:  # a symlink loop, or two links to one folder: read it once
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name) and Path(name).suffix.lower() in suffixes:
                yield Path(root) / name
    for e in errors:
        yield Problem(str(e.filename or folder), f"the folder cannot be read: {e.strerror or e}", "E108")


def targets(paths: Sequence[str | Path], suffixes: frozenset[str]) -> Iterator[Target | Problem]:
    """Every file to read, each once (told apart by real path, so a file reached through two roots
    or a symlinked folder is read once), and a Problem per missing path or unreadable folder."""
    seen: set[str] = set()
    real_dirs: dict[str, str] = {}

    def first_time(file: Path) -> bool:
        parent = str(file.parent)
        real_parent = real_dirs.get(parent)
        if real_parent is None:  # one realpath per folder, not per file
            real_parent = real_dirs[parent] = os.path.realpath(parent)
        key = os.path.join(real_parent, file.name)
        if key in seen:
            return False
        seen.add(key)
        return True

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for item in _walk(path, suffixes):
                if isinstance(item, Problem):
                    yield item
                elif first_time(item):
                    yield Target(item, item.relative_to(path).as_posix(), False)
        elif not path.exists() and not path.is_symlink():
            yield Problem(str(given), "no such file or folder", "E108")
        elif first_time(path):
            yield Target(path, path.name, True)
