"""Read ahead: produce items in a background thread while the consumer works on earlier ones.

Ingest alternates between reading files (decoding, parsing, outlet detection: Python) and writing a
batch (analysis in a worker process, then SQLite, which releases the GIL while it runs). Reading the
next files meanwhile keeps both cores busy instead of letting the analysis worker wait for the reader.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(items: Iterable[T], depth: int = 256) -> Iterator[T]:
    """``items`` in order, produced by a daemon thread up to ``depth`` items ahead of the consumer.

    An exception raised while producing is raised here, at the point the consumer reaches it. When
    the consumer stops early (``break``, an error, ``close()``), the thread stops at its next item.

    >>> list(read_ahead(iter(range(5)), depth=2))
    [0, 1, 2, 3, 4]
    """
    if depth < 1:
        raise ValueError(f"depth must be an int >= 1. Got {depth!r} instead.")
    buffer: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as error:  # handed to the consumer, raised there
            put(_Failure(error))
            return
        put(_DONE)

    thread = threading.Thread(target=produce, name="rawi-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item = buffer.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        thread.join(timeout=5)
