"""Reader for ANS, the Arabic News Stance corpus (Khouja, FEVER 2020), stance part.

Layout: ``stance/{train,dev}.csv`` with columns ``s1`` (a news title), ``s2`` (a paraphrased or
corrupted title) and ``stance`` (agree / disagree / other): the stance of s2 toward s1. rawi reads
s1 as the claim and s2 as a one-sentence article. The test split is withheld upstream, so the
benchmark trains on train and reports on dev.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rawi.errors import DatasetError
from rawi.eval._csv import read_rows
from rawi.stance.base import StancePair

ANS_LABELS: tuple[str, ...] = ("agree", "disagree", "other")
ANS_SPLITS: tuple[str, ...] = ("train", "dev")
_COLUMNS = ("s1", "s2", "stance")


@dataclass(frozen=True)
class AnsPair:
    claim: str  # s1, the original title
    sentence: str  # s2, the paraphrased or corrupted title
    stance: str


def to_stance_pair(pair: AnsPair) -> StancePair:
    """The model's view of a pair: s1 as the claim, s2 as a one-sentence article."""
    return StancePair(claim=pair.claim, sentences=(pair.sentence,))


def read_ans_file(path: str | Path) -> list[AnsPair]:
    """Pairs of one ANS stance CSV (DatasetError naming the file, column or line that is wrong)."""
    path = Path(path)
    pairs = []
    for line, row in read_rows(path, _COLUMNS):
        label = row["stance"].strip().lower()
        if label not in ANS_LABELS:
            raise DatasetError(f"{path}:{line}: unknown stance {row['stance']!r} (expected {ANS_LABELS})")
        pairs.append(AnsPair(claim=row["s1"].strip(), sentence=row["s2"].strip(), stance=label))
    if not pairs:
        raise DatasetError(f"no pairs in {path}")
    return pairs


def stance_dir(data_dir: str | Path) -> Path:
    """The folder holding the split CSVs: ``<data_dir>/stance`` or ``data_dir`` itself."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DatasetError(f"ANS folder not found: {root}")
    nested = root / "stance"
    return nested if nested.is_dir() else root


def load_ans(data_dir: str | Path) -> dict[str, list[AnsPair]]:
    """``{"train": [...], "dev": [...]}`` from the ANS folder (or its ``stance/`` subfolder)."""
    folder = stance_dir(data_dir)
    return {split: read_ans_file(folder / f"{split}.csv") for split in ANS_SPLITS}


__all__ = ["ANS_LABELS", "AnsPair", "load_ans", "read_ans_file", "stance_dir", "to_stance_pair"]
