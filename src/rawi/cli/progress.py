"""Progress of long work (ingest of a folder, eval, train) as a Rich bar on the terminal.

The bar is drawn on stderr only when stderr is a terminal and the command is not printing JSON;
otherwise (piped, redirected, ``--json``) a long run writes its messages as plain dim lines, or
nothing with ``--quiet``. Rich's progress module is imported only when a bar is drawn, so
``rawi --help`` does not pay for it.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

from rawi.cli.common import LazyConsole, rich_console
from rawi.report.safe import markup

if TYPE_CHECKING:
    from rich.console import Console

DESCRIPTION_CHARS = 60  # the latest message shown next to the bar, cut to its last characters


def bar_wanted(console: Console | LazyConsole, *, json_out: bool = False, quiet: bool = False) -> bool:
    """A live bar only on a terminal, never with --json or --quiet."""
    return console.is_terminal and not json_out and not quiet


class Steps:
    """A long run's messages: each one advances a bar of ``total`` steps (or a pulsing bar when the
    total is not known) on a terminal, and is also printed above it as a dim line; off a terminal
    only the dim line is printed, and with ``quiet`` nothing.

    >>> from io import StringIO
    >>> from rich.console import Console
    >>> log = Console(file=StringIO(), width=60)
    >>> with Steps(log, "stories", total=2) as step:
    ...     step("c1: supported (gold supported)")
    >>> log.file.getvalue()
    'stories: c1: supported (gold supported)\\n'
    """

    def __init__(
        self,
        console: Console | LazyConsole,
        label: str,
        *,
        total: int | None = None,
        json_out: bool = False,
        quiet: bool = False,
        lines: bool = True,
        counted: bool = False,
    ) -> None:
        """``counted``: the total is not known yet but will be (:meth:`set_total`): show a count."""
        self.console, self.label, self.total = rich_console(console), label, total
        self.counted = counted or total is not None
        self.quiet, self.lines = quiet, lines
        self.live = bar_wanted(console, json_out=json_out, quiet=quiet)
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Steps:
        if self.live:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            columns: list[Any] = [SpinnerColumn(), TextColumn(markup(self.label)), BarColumn()]
            if self.counted:
                columns.append(MofNCompleteColumn())
            columns += [TimeElapsedColumn(), TextColumn("{task.description}")]
            self._progress = Progress(*columns, console=self.console, transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("", total=self.total)
        return self

    def __call__(self, message: str, *, advance: int | None = None) -> None:
        """One message; it advances the bar by ``advance`` (default: 1 when there is a total)."""
        if self.quiet:
            return
        if self.lines:
            self.console.print(f"[dim]{markup(self.label)}: {markup(message)}[/]", soft_wrap=True)
        if self._progress is not None:
            step = advance if advance is not None else (1 if self.counted else 0)
            short = markup(message[-DESCRIPTION_CHARS:], one_line=True)
            self._progress.update(self._task, advance=step, description=short)

    def set_total(self, total: int) -> None:
        """The number of steps, once the work knows it (a bar started pulsing starts counting)."""
        self.total = total
        if self._progress is not None:
            self._progress.update(self._task, total=total)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, error, tb)
            self._progress = None
