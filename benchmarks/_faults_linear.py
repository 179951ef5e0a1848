"""bench_faults: the largest input each text stage of ingest handles, and whether its time grows
linearly (a time ratio near 2 per doubling; near 4 is quadratic).

For each stage, every hostile shape is timed at 256 KB and 512 KB; the shape whose time grows most
is then doubled up to the largest size asked for (default 8 MB, near the 10 MB file limit)."""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fuzzing import BODY

SHAPES: dict[str, Callable[[int], str]] = {
    "Arabic prose": lambda n: (BODY + "\n") * (n // (len(BODY) + 1) + 1),
    "'!' run": lambda n: "!" * n,
    "'…' run": lambda n: "…" * n,
    "one endless word": lambda n: "س" * n,
    "'(' run": lambda n: "(" * n,
    "'-' run": lambda n: "-" * n,
    "'1.' run": lambda n: "1." * (n // 2),
    "'أ.' initials": lambda n: "أ. " * (n // 3),
    "spaces": lambda n: " " * n + "x",
}


def _stages() -> dict[str, Callable[[str], object]]:
    import json

    from rawi.ingest import IngestOptions, read_file
    from rawi.ingest.metadata import find_date
    from rawi.provenance import Registry, detect_outlet
    from rawi.records import Article
    from rawi.store.analysis import analyze_for_store
    from rawi.text import normalize, split_sentences

    registry = Registry.load()
    folder = Path(tempfile.mkdtemp(prefix="rawi-linear-"))

    def through_file(ext: str, make: Callable[[str], str]) -> Callable[[str], object]:
        def run(text: str) -> object:
            path = folder / f"x{ext}"
            path.write_text(make(text), "utf-8")
            return list(read_file(path, options=IngestOptions(max_bytes=1 << 31)))

        return run

    return {
        "read .txt (decode, boilerplate, date, language)": through_file(".txt", lambda t: f"عنوان\n{t}"),
        "read .jsonl (one record)": through_file(".jsonl", lambda t: json.dumps({"title": "ع", "text": t})),
        "read .html (trafilatura)": through_file(".html", lambda t: f"<html><body><p>{t}</p></body></html>"),
        "split_sentences": split_sentences,
        "normalize": normalize,
        "store analysis (segment, normalize, tokenize, stem)": lambda t: analyze_for_store("ع", t),
        "outlet detection": lambda t: detect_outlet(Article(id="x", text=t), registry),
        "find_date": find_date,
    }


def _time(stage: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    stage(text)
    return time.perf_counter() - start


def linear_section(max_mb: float, table: Callable[..., None], limit_s: float = 60.0) -> None:
    rows = []
    probe = (256 * 1024, 512 * 1024)
    for name, stage in _stages().items():
        growth = {}
        for shape, make in SHAPES.items():
            a, b = (_time(stage, make(n)) for n in probe)
            growth[shape] = (b / max(a, 1e-4), b)
        worst = max(growth, key=lambda s: (growth[s][0] if growth[s][1] > 0.01 else 0, growth[s][1]))
        size, last, ratios = probe[1], growth[worst][1], []
        while size * 2 <= max_mb * 1024 * 1024 and last < limit_s:
            seconds = _time(stage, SHAPES[worst](size * 2))
            ratios.append(seconds / max(last, 1e-4))
            size, last = size * 2, seconds
        ratio = ratios[-1] if ratios else growth[worst][0]
        rows.append(
            [
                name,
                worst,
                f"{size / 1024 / 1024:.2f} MB",
                f"{last:.2f} s",
                f"{ratio:.2f}",
                f"{math.log2(max(ratio, 1e-9)):.2f}",
            ]
        )
    table(
        f"Text stages on hostile shapes, doubled up to {max_mb:g} MB (the shape whose time grew most)",
        ["stage", "worst shape", "largest input", "time at largest", "ratio last doubling", "exponent"],
        rows,
    )
