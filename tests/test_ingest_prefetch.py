"""read_ahead: order kept, errors raised where the consumer meets them, an early stop ends the thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from rawi.ingest.prefetch import read_ahead


def test_items_come_in_order_whatever_the_depth() -> None:
    for depth in (1, 3, 1000):
        assert list(read_ahead(iter(range(50)), depth=depth)) == list(range(50))
    assert list(read_ahead(iter([]))) == []


def test_an_error_while_producing_is_raised_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for item in read_ahead(items(), depth=1):
            seen.append(item)
    assert seen == [1, 2]


def test_stopping_early_stops_the_producer() -> None:
    produced = []

    def items() -> Iterator[int]:
        for i in range(10_000):
            produced.append(i)
            yield i

    reader = read_ahead(items(), depth=4)
    assert next(reader) == 0
    reader.close()  # the consumer gives up
    time.sleep(0.3)
    count = len(produced)
    time.sleep(0.3)
    assert len(produced) == count < 10_000  # nothing more is read
    assert not any(t.name == "rawi-read-ahead" and t.is_alive() for t in threading.enumerate())


def test_it_really_reads_ahead() -> None:
    produced = []

    def items() -> Iterator[int]:
        for i in range(20):
            produced.append(i)
            yield i

    reader = read_ahead(items(), depth=5)
    assert next(reader) == 0
    deadline = time.time() + 5
    while len(produced) < 6 and time.time() < deadline:  # the first item, then five buffered
        time.sleep(0.01)
    assert len(produced) >= 6
    assert list(reader) == list(range(1, 20))


def test_depth_must_be_positive() -> None:
    with pytest.raises(ValueError, match="depth"):
        list(read_ahead(iter([1]), depth=0))
