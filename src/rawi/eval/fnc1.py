"""Reader for FNC-1, the Fake News Challenge stage 1 (English headline / body stance).

Layout: ``train_bodies.csv`` (``Body ID``, ``articleBody``) and ``train_stances.csv`` (``Headline``,
``Body ID``, ``Stance``). Many headlines share one body, so a held-out split is made by body id
(the official way): the same body never sits on both sides.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from rawi.errors import DatasetError
from rawi.eval._csv import read_rows
from rawi.records import STANCE_LABELS
from rawi.stance.base import StancePair
from rawi.text import split_sentences

BODIES_FILE = "train_bodies.csv"
STANCES_FILE = "train_stances.csv"
_BODY_COLUMNS = ("Body ID", "articleBody")
_STANCE_COLUMNS = ("Headline", "Body ID", "Stance")


@dataclass(frozen=True)
class FncPair:
    headline: str
    body_id: str
    stance: str


@dataclass
class FncData:
    pairs: list[FncPair]
    bodies: dict[str, str]
    _sentences: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def sentences(self, body_id: str) -> tuple[str, ...]:
        """The body split into sentences, computed once per body (many headlines share one)."""
        if body_id not in self._sentences:
            text = self.bodies[body_id]
            self._sentences[body_id] = tuple(s.text for s in split_sentences(text)) or (text,)
        return self._sentences[body_id]

    def to_stance_pair(self, pair: FncPair) -> StancePair:
        """The model's view of a pair: the headline as the claim, the body as its sentences."""
        return StancePair(claim=pair.headline, sentences=self.sentences(pair.body_id))


def read_bodies(path: str | Path) -> dict[str, str]:
    """``{body id: article body}`` from a bodies CSV."""
    path = Path(path)
    bodies = {row["Body ID"].strip(): row["articleBody"] for _, row in read_rows(path, _BODY_COLUMNS)}
    if not bodies:
        raise DatasetError(f"no bodies in {path}")
    return bodies


def read_stances(path: str | Path, bodies: dict[str, str]) -> list[FncPair]:
    """Headline–body pairs from a stances CSV; every body id must be in ``bodies``."""
    path = Path(path)
    pairs = []
    for line, row in read_rows(path, _STANCE_COLUMNS):
        body_id = row["Body ID"].strip()
        if body_id not in bodies:
            raise DatasetError(f"{path}:{line}: Body ID {body_id!r} is not in the bodies file")
        label = row["Stance"].strip().lower()
        if label not in STANCE_LABELS:
            raise DatasetError(f"{path}:{line}: unknown Stance {row['Stance']!r} (expected {STANCE_LABELS})")
        pairs.append(FncPair(headline=row["Headline"].strip(), body_id=body_id, stance=label))
    if not pairs:
        raise DatasetError(f"no pairs in {path}")
    return pairs


def load_fnc1_files(bodies_path: str | Path, stances_path: str | Path) -> FncData:
    """One bodies file and one stances file (e.g. the competition test files) as an FncData."""
    bodies = read_bodies(bodies_path)
    return FncData(pairs=read_stances(stances_path, bodies), bodies=bodies)


def load_fnc1(data_dir: str | Path) -> FncData:
    """The training data from the FNC-1 folder (``train_bodies.csv`` + ``train_stances.csv``)."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DatasetError(f"FNC-1 folder not found: {root}")
    return load_fnc1_files(root / BODIES_FILE, root / STANCES_FILE)


def split_by_body(
    data: FncData, *, holdout_fraction: float = 0.2, seed: int = 13
) -> tuple[list[FncPair], list[FncPair]]:
    """``(train, holdout)``: a seeded ``holdout_fraction`` of the body ids and all their pairs held out."""
    if not 0.0 < holdout_fraction < 1.0:
        raise ValueError(f"holdout_fraction must be in (0, 1). Got {holdout_fraction!r} instead.")
    body_ids = sorted({p.body_id for p in data.pairs})
    random.Random(seed).shuffle(body_ids)
    held_count = max(1, round(holdout_fraction * len(body_ids)))
    held = set(body_ids[:held_count])
    train = [p for p in data.pairs if p.body_id not in held]
    holdout = [p for p in data.pairs if p.body_id in held]
    return train, holdout


__all__ = [
    "FncData",
    "FncPair",
    "load_fnc1",
    "load_fnc1_files",
    "read_bodies",
    "read_stances",
    "split_by_body",
]
