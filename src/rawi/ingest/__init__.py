"""Ingest: files and folders of news articles into :class:`rawi.records.Article` records.

Formats: ``.txt``/``.md`` (first non-empty line is the title), ``.html``/``.htm`` (main text by
trafilatura, boilerplate dropped), ``.json`` (an object or an array of objects), ``.jsonl`` (one object
per line) and ``.csv`` (header row); encodings UTF-8, UTF-8 with BOM and cp1256 (Windows Arabic),
detected per file. Article ids are paths relative to the folder given (forward slashes; a file given
directly is its file name); a record's id is ``<relpath>#<id field>`` or ``<relpath>#<N>`` (N 1-based).

Bad input never stops a run: it is yielded as a :class:`rawi.records.Problem` and reading goes on.

====  ==========================================================================================
code  problem
====  ==========================================================================================
E101  empty file (no bytes, or only whitespace)
E102  binary file (NUL bytes, or mostly control characters)
E103  undecodable: not UTF-8, cp1256 or another encoding charset-normalizer recognises
E104  malformed JSON, JSONL line or CSV row, or a record that is not an object
E105  file larger than ``IngestOptions.max_bytes``
E106  no article text (a record without a text field, a page or file without a body)
E107  unsupported file type (only reported for files named explicitly; skipped in folders)
E108  path not found or unreadable
====  ==========================================================================================
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from rawi.errors import InputError
from rawi.ingest.decode import decode_bytes
from rawi.ingest.metadata import find_date, is_boilerplate, parse_date_field, strip_boilerplate
from rawi.ingest.options import IngestOptions
from rawi.ingest.readers import READERS, Source
from rawi.records import Article, Problem

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "IngestOptions",
    "decode_bytes",
    "find_date",
    "is_boilerplate",
    "list_files",
    "parse_date_field",
    "read_file",
    "read_paths",
    "strip_boilerplate",
]

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(READERS)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, recursively, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name) and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS:
                yield Path(root) / name


def _targets(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str, bool]]:
    """(file, article id base, named explicitly) for every file to read, each file once.

    Files are told apart by absolute path (no symlink resolution: a realpath per file costs more
    than reading a short article)."""
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                key = os.path.abspath(file)
                if key not in seen:
                    seen.add(key)
                    yield file, file.relative_to(path).as_posix(), False
        else:
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                yield path, path.name, True


def list_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files :func:`read_paths` will read, in its order (for a progress bar's total)."""
    return [file for file, _, _ in _targets(paths)]


def read_file(
    path: str | Path,
    rel_id: str | None = None,
    options: IngestOptions | None = None,
    *,
    explicit: bool = True,
) -> Iterator[Article | Problem]:
    """Articles and problems of one file; ``rel_id`` is its article id (default: its file name)."""
    options = options or IngestOptions()
    path = Path(path)
    rel_id = rel_id or path.name
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        if explicit:
            supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            yield Problem(
                str(path),
                f"unsupported file type {path.suffix or '(none)'!r}; rawi reads {supported}",
                "E107",
            )
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Problem(
                str(path),
                f"the file is {size:,} bytes, larger than the {options.max_bytes:,}-byte "
                "limit (raise --max-file-mb to read it)",
                "E105",
            )
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield Problem(str(path), "no such file or folder", "E108")
        return
    except OSError as e:
        yield Problem(str(path), f"the file cannot be read: {e.strerror or e}", "E108")
        return
    if not data.strip():
        yield Problem(str(path), "the file is empty", "E101")
        return
    try:
        text, encoding = decode_bytes(data)
        del data  # this generator lives while the file's records are read: keep one copy only
    except InputError as e:
        yield Problem(str(path), f"the file cannot be read as text: {e.message}", e.code)
        return
    if not text.strip():
        yield Problem(str(path), "the file is empty", "E101")
        return
    source = Source(rel_id, str(path), encoding)
    for item in reader(source, text, options):
        if isinstance(item, Problem) and not item.source.startswith(str(path)):
            # name the file as given, so the user can find it (record problems keep their "#N")
            suffix = item.source[len(rel_id) :] if item.source.startswith(rel_id) else ""
            item = Problem(f"{path}{suffix}", item.reason, item.code)
        yield item


def read_paths(
    paths: Sequence[str | Path], options: IngestOptions | None = None
) -> Iterator[Article | Problem]:
    """Read files and folders (recursively, sorted, hidden entries skipped) into articles.

    Every unusable file or record is yielded as a :class:`Problem` (codes in this module's docstring)
    and reading goes on with the rest.
    """
    options = options or IngestOptions()
    for given in paths:
        if not Path(given).exists():
            yield Problem(str(given), "no such file or folder", "E108")
    for file, rel_id, explicit in _targets([p for p in paths if Path(p).exists()]):
        yield from read_file(file, rel_id, options, explicit=explicit)
