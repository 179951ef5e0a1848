"""Reader for the Baly et al. (NAACL 2018) Arabic fact-checking and stance corpus.

Layout: ``dataset/{R,V}-<n>.json`` (one claim per file, parallel lists ``article``, ``url``,
``stance``, ``rationale``) and ``train_test_splits.txt`` (``Fold_k: <claim ids>``). The claim id
prefix gives the factuality label away (R- true, V- false), so ids are kept for splitting and
bookkeeping only and never reach a model: :func:`to_stance_pair` carries the text alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rawi.errors import DatasetError
from rawi.records import STANCE_LABELS
from rawi.stance.base import StancePair

SPLITS_FILE = "train_test_splits.txt"
DATASET_DIR = "dataset"
_REQUIRED_FIELDS = ("id", "claim", "fact", "article", "url", "stance", "rationale")
_INDEX_RE = re.compile(r"\d+")


@dataclass(frozen=True)
class BalyPair:
    """One claim–article pair. ``lines`` is the article split on ``\\n`` (what rationale indices count)."""

    claim_id: str
    fact: bool
    claim: str
    article_index: int
    lines: tuple[str, ...]
    url: str
    stance: str
    rationale: tuple[int, ...] = ()


@dataclass
class BalyCorpus:
    pairs: list[BalyPair]
    folds: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._fold_by_claim = {cid: name for name, ids in self.folds.items() for cid in ids}

    def fold_of(self, claim_id: str) -> str:
        """Name of the fold holding ``claim_id`` (DatasetError when the splits do not list it)."""
        try:
            return self._fold_by_claim[claim_id]
        except KeyError:
            raise DatasetError(f"claim {claim_id!r} is in no fold of {SPLITS_FILE}") from None

    @property
    def claim_ids(self) -> list[str]:
        return list(dict.fromkeys(p.claim_id for p in self.pairs))

    def pairs_in(self, fold_names: set[str] | frozenset[str]) -> list[BalyPair]:
        """Pairs whose claim belongs to one of ``fold_names`` (folds are claim-level)."""
        return [p for p in self.pairs if self._fold_by_claim.get(p.claim_id) in fold_names]


def to_stance_pair(pair: BalyPair) -> StancePair:
    """The model's view of a pair: claim text and article lines, no id, url or label."""
    return StancePair(claim=pair.claim, sentences=tuple(pair.lines))


def parse_rationale(value: object) -> tuple[int, ...]:
    """Line indices from the corpus' rationale field: ``"[0, 14]"`` -> ``(0, 14)``; ``""`` -> ``()``."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(int(v) for v in value)
    return tuple(int(m) for m in _INDEX_RE.findall(str(value)))


def read_folds(path: Path) -> dict[str, list[str]]:
    """``Fold_k: id id ...`` lines -> ``{"Fold_k": [ids]}``."""
    if not path.is_file():
        raise DatasetError(f"missing splits file: {path}")
    folds: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        name, sep, rest = line.partition(":")
        if not sep:
            raise DatasetError(f"{path}:{number}: expected 'Fold_k: <claim ids>', got {line[:40]!r}")
        folds[name.strip()] = rest.split()
    if not folds:
        raise DatasetError(f"no folds in {path}")
    return folds


def _read_claim_file(path: Path) -> list[BalyPair]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    if not isinstance(record, dict):
        raise DatasetError(f"{path}: expected a JSON object")
    for name in _REQUIRED_FIELDS:
        if name not in record:
            raise DatasetError(f"{path}: missing field {name!r}")
    articles, urls, stances, rationales = (record[k] for k in ("article", "url", "stance", "rationale"))
    if not (len(articles) == len(urls) == len(stances) == len(rationales)):
        raise DatasetError(f"{path}: fields article/url/stance/rationale differ in length")
    fact = str(record["fact"]).strip().lower()
    if fact not in ("true", "false"):
        raise DatasetError(f"{path}: field 'fact' must be true or false, got {record['fact']!r}")
    pairs = []
    columns = zip(articles, urls, stances, rationales, strict=True)
    for index, (article, url, stance, rationale) in enumerate(columns):
        label = str(stance).strip().lower()
        if label not in STANCE_LABELS:
            raise DatasetError(f"{path}: article {index}: unknown stance {stance!r}")
        pairs.append(
            BalyPair(
                claim_id=str(record["id"]),
                fact=fact == "true",
                claim=str(record["claim"]),
                article_index=index,
                lines=tuple(str(article).split("\n")),
                url=str(url),
                stance=label,
                rationale=parse_rationale(rationale),
            )
        )
    return pairs


def load_baly2018(data_dir: str | Path) -> BalyCorpus:
    """Read the corpus from ``data_dir`` (the folder holding ``dataset/`` and the splits file).

    Raises
    ------
    DatasetError
        When the folder, the splits file, the claim files or one of their fields is missing.
    """
    root = Path(data_dir)
    if not root.is_dir():
        raise DatasetError(f"Baly 2018 folder not found: {root}")
    claims_dir = root / DATASET_DIR
    if not claims_dir.is_dir():
        raise DatasetError(f"missing folder {claims_dir} (expected the claim JSON files there)")
    files = sorted(claims_dir.glob("*.json"))
    if not files:
        raise DatasetError(f"no claim JSON files in {claims_dir}")
    folds = read_folds(root / SPLITS_FILE)
    pairs = [pair for path in files for pair in _read_claim_file(path)]
    return BalyCorpus(pairs=pairs, folds=folds)


__all__ = ["BalyCorpus", "BalyPair", "load_baly2018", "parse_rationale", "read_folds", "to_stance_pair"]
