"""Files uploaded from the browser or the API, ingested with the readers of ``rawi ingest``.

No name a client sends reaches the file system as a path: each upload is written under a fresh
temporary folder the server makes, as a name built from the client's base name (letters, digits,
``.``, ``-`` and ``_`` kept, the rest replaced), which becomes the article id as it would for
``rawi ingest`` of that file. What the corpus already holds is never touched by a failed upload:
the ingest writes in batches, each its own transaction.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, BinaryIO

from rawi.core import Rawi
from rawi.errors import RequestError

READ_CHUNK = 1 << 16
MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str | None, n: int) -> str:
    """A file name for upload ``n``: the base name of what the client sent, made harmless.

    >>> safe_name("../../etc/passwd", 1), safe_name("C:\\\\x\\\\خبر عاجل.txt", 2), safe_name("..", 3)
    ('passwd', 'خبر_عاجل.txt', 'upload-3')
    """
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = _UNSAFE.sub("_", base).strip("._")[:MAX_NAME]
    return base or f"upload-{n}"


def ingest_uploads(
    wb: Rawi, files: Iterable[tuple[str | None, BinaryIO]], *, max_files: int, max_bytes: int
) -> dict[str, Any]:
    """Write the uploads to a temporary folder, ingest it, remove it; the ingest report plus the
    files received (name as stored, bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="rawi-upload-"))
    try:
        received: list[dict[str, Any]] = []
        total = 0
        for n, (name, stream) in enumerate(files, 1):
            if n > max_files:
                raise RequestError(f"At most {max_files} files per upload.", status=413)
            stored = safe_name(name, n)
            target = folder / stored
            k = 2
            while target.exists():  # the same name twice in one upload
                target = folder / f"{Path(stored).stem}-{k}{Path(stored).suffix}"
                k += 1
            size = 0
            with target.open("wb") as out:
                while chunk := stream.read(READ_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if total > max_bytes:
                        raise RequestError(
                            f"The upload is larger than {max_bytes // (1024 * 1024)} MB.", status=413
                        )
                    out.write(chunk)
            received.append({"name": target.name, "bytes": size})
        if not received:
            raise RequestError("No file in the upload.", status=400)
        report = wb.ingest([folder])
        out = report.to_json()
        prefix = f"{folder}/"
        for problem in out["problems"]:  # named by the file as uploaded, not the server's folder
            problem["source"] = str(problem["source"]).replace(prefix, "")
        return {**out, "files": received, "added_ids": report.added, "updated_ids": report.updated}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
