"""Shared by the benchmarks: locate the datasets and build large corpora from the Baly articles."""

from __future__ import annotations

import json
import os
import resource
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def datasets_dir() -> Path:
    env = os.environ.get("RAWI_DATA")
    path = Path(env) if env else ROOT.parent / "shared" / "datasets"
    if not (path / "Baly2018_ArabicFC_Stance" / "dataset").is_dir():
        sys.exit(f"benchmark needs the Baly 2018 dataset under {path} (set RAWI_DATA); not found")
    return path


def baly_files() -> list[Path]:
    return sorted((datasets_dir() / "Baly2018_ArabicFC_Stance" / "dataset").glob("*.json"))


def baly_articles() -> list[str]:
    """Every article text of the Baly corpus (one per claim-article pair), in a stable order."""
    texts = []
    for f in baly_files():
        texts += [a for a in json.loads(f.read_text(encoding="utf-8"))["article"] if a.strip()]
    return texts


def baly_claims() -> list[str]:
    return [json.loads(f.read_text(encoding="utf-8"))["claim"] for f in baly_files()]


def repeated_records(n: int) -> Iterator[dict[str, str]]:
    """``n`` article records cycling through the Baly articles; each copy gets a distinct id and a
    distinct closing line, so nothing is deduplicated away and the index really holds ``n`` docs."""
    texts = baly_articles()
    for i in range(n):
        base = texts[i % len(texts)]
        yield {"id": f"a{i}", "title": base.split("\n", 1)[0][:120], "text": f"{base}\nنسخة رقم {i}"}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
