"""What every command shares: the two consoles, one error wording, and the exits.

Exit codes: 0 success; 1 the run finished but some input failed; 2 the command could not run. Every
error that stops a command is printed the same way, ``error: [E302] ...``, and ends with exit 2:
the core's errors, a damaged database, a report that cannot be written. A reader that stops reading
(``rawi search ... | head``) ends the command quietly with exit 0.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from rawi.errors import RawiError, StoreError, UsageError
from rawi.report.safe import markup

if TYPE_CHECKING:
    from rich.console import Console


class LazyConsole:
    """A Rich console made when a command first prints: importing Rich takes ~45 ms, which
    `rawi --help` and every command's --help should not pay. Attributes pass through to the console;
    :func:`rich_console` gives the console itself where Rich needs the real object."""

    def __init__(self, *, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        if self._console is None:
            self._console = _console_class()(stderr=self._stderr, highlight=False)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


def _console_class() -> type[Console]:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """Rich's default exits 1, as if input had failed; :func:`stdout_reader` decides instead."""
            self.quiet = True
            raise BrokenPipeError

    return _Console


def rich_console(console: Console | LazyConsole) -> Console:
    """The Rich console behind ``console`` (itself when it is one)."""
    return console.console if isinstance(console, LazyConsole) else console


out = LazyConsole()
err = LazyConsole(stderr=True)


def fail(error: BaseException | str, code: int = 2) -> typer.Exit:
    """Print ``error: <message>`` on stderr, on one line (markup and escapes neutralized); the Exit
    to raise. A plain message is a usage error (E600)."""
    if isinstance(error, str):
        error = UsageError(error)
    err.print(f"[bold red]error[/]: {markup(error, one_line=True)}", soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def command_errors(db: str | None = None) -> Iterator[None]:
    """Turn what stops a command into one line on stderr and exit 2: rawi's own errors, a bad value,
    a file that cannot be written, a database that turns out damaged while it is read."""
    try:
        yield
    except RawiError as e:
        raise fail(e) from None
    except sqlite3.DatabaseError as e:
        where = f"The corpus {db}" if db else "The corpus"
        damaged = StoreError(
            f"{where} cannot be read ({e}); it is damaged or not a rawi corpus: re-ingest into a new file.",
            code="E306",
        )
        raise fail(damaged) from None
    except (ValueError, OSError) as e:
        raise fail(e) from None


def check_out_file(path: Path | None) -> None:
    """Refuse ``--out`` into a folder that does not exist before any work is done."""
    if path is not None and not path.parent.is_dir():
        raise fail(f"cannot write the report to {path}: the folder {path.parent} does not exist")


@contextmanager
def stdout_reader() -> Iterator[None]:
    """Printing to a pipe whose reader stopped (``| head``): stop quietly, exit 0."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None
