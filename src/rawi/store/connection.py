"""Opening a SQLite corpus: the writer's connection (creating the schema once, even when two
processes start on a new file together) and the readers' (``mode=ro``, ``immutable`` when nothing
can write the folder). Every failure is a :class:`rawi.errors.StoreError` that names the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from rawi.errors import StoreError
from rawi.store.schema import DDL, PRAGMAS, READ_PRAGMAS, SCHEMA_VERSION, stored_version, table_names

# How long a connection waits for another writer's lock before SQLite says "database is locked":
# a batch of 500 long articles takes a few seconds to write, and two ingests into one file must
# take turns rather than fail.
BUSY_TIMEOUT_S = 60.0


def connect_writer(path: Path) -> sqlite3.Connection:
    """The read-write connection of ``path``, the schema created when the file is new."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"Cannot create the folder of the corpus {path}: {e.strerror or e}.", code="E302"
        ) from None
    return _open(path, lambda: sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False), False)


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when the folder is read-only and holds no WAL (no other
    process can be writing it, and SQLite could not create the WAL index a plain read-only open
    needs)."""
    if not path.is_file():
        raise StoreError(f"No corpus at {path}: run `rawi ingest PATH --db {path}` first.", code="E302")
    absolute = path.resolve()
    wal = absolute.with_name(absolute.name + "-wal")
    # immutable skips the WAL: only when there is none to read (SQLite reads a present WAL and its
    # index read-only on its own, since 3.22)
    immutable = not os.access(absolute.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size > 0)
    uri = f"file:{quote(str(absolute))}?mode=ro" + ("&immutable=1" if immutable else "")
    return _open(
        path,
        lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False),
        True,
    )


def _open(path: Path, connect: Callable[[], sqlite3.Connection], readonly: bool) -> sqlite3.Connection:
    conn: sqlite3.Connection | None = None
    try:
        conn = connect()
        conn.isolation_level = None  # transactions are explicit (BEGIN ... COMMIT per batch)
        for pragma in READ_PRAGMAS if readonly else PRAGMAS:
            conn.execute(pragma)
        _check_schema(conn, path, readonly)
    except sqlite3.DatabaseError as e:
        if conn is not None:
            conn.close()
        raise StoreError(f"Cannot open {path} as a rawi corpus: {e}.", code="E302") from None
    except StoreError:
        if conn is not None:
            conn.close()
        raise
    return conn


def _version(conn: sqlite3.Connection, path: Path) -> int | None:
    try:
        return stored_version(conn)
    except ValueError as e:
        raise StoreError(f"{path} has an unreadable corpus schema version ({e}).", code="E302") from None


def _check_schema(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    version = _version(conn, path)
    if version is None and not readonly:
        # Two writers may find a new file empty at once: the first to take the write lock creates
        # the schema, the other waits for it and then finds the version set.
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = _version(conn, path)
            if version is None:
                if table_names(conn) - {"sqlite_sequence"}:
                    raise StoreError(
                        f"{path} is a SQLite database but not a rawi corpus; give a new file.", code="E302"
                    )
                _create(conn)
                version = SCHEMA_VERSION
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    if version is None:
        raise StoreError(f"{path} is not a rawi corpus (no schema version).", code="E302")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has corpus schema version {version}, newer than this rawi understands "
            f"({SCHEMA_VERSION}); upgrade rawi to read it.",
            code="E301",
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"{path} has corpus schema version {version}, which this rawi cannot migrate; "
            "re-ingest the sources into a new database.",
            code="E302",
        )


def _create(conn: sqlite3.Connection) -> None:
    for statement in DDL.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?)",
        [("schema_version", str(SCHEMA_VERSION)), ("created_at", now)],
    )
