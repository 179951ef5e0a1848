"""Running a command the way file permissions bind it, even when the tests run as root (this
machine and CI do).

Root reads and writes any file because of two capabilities, CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH. ``bound_by_permissions`` runs a command without them (``setpriv`` drops them
from the bounding set, so the command keeps uid 0 and its own files but obeys their mode bits);
``assert_cannot_write`` proves the folder under test really refuses writes before the test relies
on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
ROOT_POWERS = "-dac_override,-dac_read_search"


def bound_by_permissions(command: list[str]) -> list[str]:
    """``command`` as is for an ordinary user; for root, through ``setpriv`` without the
    capabilities that bypass file permissions (skips the test when ``setpriv`` is missing)."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv (util-linux) is not installed to drop root's file powers")
    prefix = [setpriv, f"--bounding-set={ROOT_POWERS}"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without the capability (CAP_SETPCAP) to drop root's file powers")
    return [*prefix, *command]


def run_python(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python <args>`` bound by file permissions, with this checkout's ``src`` on the path."""
    return subprocess.run(
        bound_by_permissions([sys.executable, *args]),
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
    )


def assert_cannot_write(folder: Path) -> None:
    """The folder refuses a new file to a command run by :func:`run_python` (so a test that passes
    there is not passing only because the writes it should not need would have worked)."""
    probe = folder / "probe-write"
    done = run_python("-c", f"open({str(probe)!r}, 'w')")
    assert done.returncode != 0 and "PermissionError" in done.stderr, done.stderr
    assert not probe.exists()


def assert_cannot_list(folder: Path) -> None:
    """The folder refuses to be listed to a command run by :func:`run_python`."""
    done = run_python("-c", f"import os; os.listdir({str(folder)!r})")
    assert done.returncode != 0 and "PermissionError" in done.stderr, done.stderr
