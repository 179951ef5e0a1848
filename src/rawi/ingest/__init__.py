"""Ingest: files and folders of news articles into :class:`rawi.records.Article` records.

Formats: ``.txt``/``.md`` (first non-empty line is the title), ``.html``/``.htm`` (main text by
trafilatura, boilerplate dropped), ``.json`` (an object or an array of objects), ``.jsonl`` (one object
per line) and ``.csv`` (header row); encodings UTF-8, UTF-8 with BOM and cp1256 (Windows Arabic),
detected per file. Article ids are paths relative to the folder given (forward slashes; a file given
directly is its file name); a record's id is ``<relpath>#<id field>`` or ``<relpath>#<N>`` (N 1-based).
An id met twice in one run is kept for the first article; the later one is stored as ``<id>~2`` (E110).
Each article's ``meta`` names its file (``file``: the real path; ``file_part``: the id's part within the
file, "" for a whole file, ``#r1`` for a record), so the same file reached later through another
folder or path keeps the id it was first stored under.

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
E108  path not found or unreadable (a file, or a folder that cannot be listed)
E109  reading the file failed unexpectedly (a bug in rawi: the articles read before it are kept)
E110  an article id already used in this run: the later article is stored as ``<id>~2``
====  ==========================================================================================
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from rawi.errors import InputError
from rawi.ingest.decode import decode_bytes, decode_file
from rawi.ingest.files import Target, targets
from rawi.ingest.metadata import find_date, is_boilerplate, parse_date_field, strip_boilerplate
from rawi.ingest.options import IngestOptions
from rawi.ingest.readers import READERS, RECORD_FORMATS, Source
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


def list_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files :func:`read_paths` will read, in its order (for a progress bar's total)."""
    return [t.path for t in targets(paths, SUPPORTED_EXTENSIONS) if isinstance(t, Target)]


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
        decoded = decode_file(path, line_separators=path.suffix.lower() not in RECORD_FORMATS)
    except FileNotFoundError:
        yield Problem(str(path), "no such file or folder", "E108")
        return
    except OSError as e:
        yield Problem(str(path), f"the file cannot be read: {e.strerror or e}", "E108")
        return
    except InputError as e:
        yield Problem(str(path), f"the file cannot be read as text: {e.message}", e.code)
        return
    if decoded is None or not decoded[0] or decoded[0].isspace():  # (isspace: no copy, unlike strip)
        yield Problem(str(path), "the file is empty", "E101")
        return
    text, encoding = decoded
    del decoded  # this generator lives while the file's records are read: one reference to the text
    source = Source(rel_id, str(path), encoding)
    real = os.path.realpath(path)
    try:
        for item in reader(source, text, options):
            if isinstance(item, Problem) and not item.source.startswith(str(path)):
                # name the file as given, so the user can find it (record problems keep their "#N")
                suffix = item.source[len(rel_id) :] if item.source.startswith(rel_id) else ""
                item = Problem(f"{path}{suffix}", item.reason, item.code)
            elif isinstance(item, Article):  # which file it is, however it was reached (see FILE_KEYS)
                item.meta = {**item.meta, "file": real, "file_part": item.id[len(rel_id) :]}
            yield item
    except Exception as e:  # a reader bug must cost this file only, never the run (what it read is kept)
        yield Problem(str(path), f"reading the file failed ({type(e).__name__}: {e!s:.200})", "E109")


def _unique_ids(items: Iterator[Article | Problem]) -> Iterator[Article | Problem]:
    """Articles with ids unique within the run: a later article whose id is taken (the same relative
    name under two folders, a feed repeating a record id, a record "#11" next to one whose id is "11")
    is stored as ``<id>~2`` (``~3``...) and named in a Problem (E110), never written over the first."""
    used: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            first = used.get(item.id)
            if first is not None:
                k = 2
                while f"{item.id}~{k}" in used:
                    k += 1
                new_id = f"{item.id}~{k}"
                yield Problem(
                    item.source_path or item.id,
                    f"article id {item.id!r} is already used in this run by {first}; stored as {new_id!r}",
                    "E110",
                )
                item.meta = {**item.meta, "id_given": item.id}
                if first == (item.source_path or item.id) and "file_part" in item.meta:
                    item.meta["file_part"] += f"~{k}"  # a record id repeated within one file
                item.id = new_id
            used[item.id] = item.source_path or item.id
        yield item


def read_paths(
    paths: Sequence[str | Path], options: IngestOptions | None = None
) -> Iterator[Article | Problem]:
    """Read files and folders (recursively, sorted, hidden entries skipped) into articles.

    Every unusable file or record is yielded as a :class:`Problem` (codes in this module's docstring)
    and reading goes on with the rest.
    """
    options = options or IngestOptions()

    def everything() -> Iterator[Article | Problem]:
        for target in targets(paths, SUPPORTED_EXTENSIONS):
            if isinstance(target, Problem):
                yield target
            else:
                yield from read_file(target.path, target.rel_id, options, explicit=target.explicit)

    return _unique_ids(everything())
