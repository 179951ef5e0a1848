"""Opening a SQLite corpus: the writer's connection (creating the schema once, even when two
processes start on a new file together, and refusing a damaged file before writing to it) and the
readers' (``mode=ro``, ``immutable`` when nothing can write the folder). Every failure is a
:class:`rawi.errors.StoreError` that names the file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from rawi.errors import StoreError
from rawi.store.schema import (
    DDL,
    PRAGMAS,
    READ_PRAGMAS,
    SCHEMA_VERSION,
    UPGRADES,
    stored_version,
    table_names,
)

# How long a connection waits for another writer's lock before SQLite says "database is locked":
# a batch of 500 long articles takes a few seconds to write, and two ingests into one file must
# take turns rather than fail.
BUSY_TIMEOUT_S = 60.0
# How long the writer may spend on PRAGMA quick_check when it opens an existing corpus. The check
# reads every page (it took 0.1-0.2 s on a 43 MB corpus of 10,000 articles): corpora up to a few
# GB are checked whole, a larger one as far as this allows (damage met later, while writing, still
# stops the run with E306).
QUICK_CHECK_BUDGET_S = 5.0


def connect_writer(path: Path) -> sqlite3.Connection:
    """The read-write connection of ``path``, the schema created when the file is new."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"Cannot create the folder of the corpus {path}: {e.strerror or e}.", code="E302"
        ) from None
    existed = path.is_file() and path.stat().st_size > 0
    conn = _open(path, lambda: sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False), False)
    try:
        if existed:
            check_not_damaged(conn, path)
        for statement in UPGRADES:  # after the check: nothing is written into a damaged file
            conn.execute(statement)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as e:
        conn.close()
        if is_corruption(e):
            raise damaged(path, e) from None
        raise StoreError(f"Cannot open {path} as a rawi corpus: {e}.", code="E302") from None
    return conn


def damaged(path: Path | str, error: BaseException | str) -> StoreError:
    """The error of a corpus file found damaged (E306), naming the file and what to do."""
    return StoreError(
        f"The corpus {path} is damaged ({error}); nothing more was written to it. Its sources are "
        "untouched: re-ingest them into a new file (or try `sqlite3 FILE .recover`).",
        code="E306",
    )


def is_corruption(error: BaseException) -> bool:
    """SQLite found a page it cannot read (SQLITE_CORRUPT or SQLITE_NOTADB)."""
    name = getattr(error, "sqlite_errorname", "")
    return isinstance(error, sqlite3.DatabaseError) and (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(error)
    )


def check_not_damaged(conn: sqlite3.Connection, path: Path, budget_s: float | None = None) -> None:
    """Raise E306 when ``PRAGMA quick_check`` finds damage. A check that runs past ``budget_s``
    (default ``QUICK_CHECK_BUDGET_S``) is cut short (SQLite's progress handler interrupts it) and
    counts as no damage found."""
    deadline = time.monotonic() + (QUICK_CHECK_BUDGET_S if budget_s is None else budget_s)
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as e:
        if is_corruption(e):
            raise damaged(path, e) from None
        if "interrupted" in str(e):
            return
        raise StoreError(f"Cannot check the corpus {path}: {e}.", code="E302") from None
    finally:
        conn.set_progress_handler(None, 0)
    if rows != [("ok",)]:
        raise damaged(path, "; ".join(str(r[0]) for r in rows))


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
            _execute_waiting(conn, pragma)
        _check_schema(conn, path, readonly)
    except sqlite3.DatabaseError as e:
        if conn is not None:
            conn.close()
        if is_corruption(e) and "file is not a database" not in str(e):
            raise damaged(path, e) from None
        raise StoreError(f"Cannot open {path} as a rawi corpus: {e}.", code="E302") from None
    except StoreError:
        if conn is not None:
            conn.close()
        raise
    return conn


def _execute_waiting(conn: sqlite3.Connection, sql: str, wait_s: float = BUSY_TIMEOUT_S) -> None:
    """Run a PRAGMA, waiting out another connection's lock. Switching a new file to WAL while a
    second process sets it up can fail with "database is locked" at once, without SQLite's busy
    wait (seen when two ingests start on one new file together), so the wait is done here."""
    deadline = time.monotonic() + wait_s
    delay = 0.01
    while True:
        try:
            conn.execute(sql)
            return
        except sqlite3.OperationalError as e:
            if ("locked" not in str(e) and "busy" not in str(e)) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


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
