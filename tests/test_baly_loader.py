"""The Baly 2018 loader on a tiny synthetic copy of its layout, and on the real corpus when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawi.errors import DatasetError
from rawi.eval.baly2018 import load_baly2018, parse_rationale, to_stance_pair


def write_claim(folder: Path, claim_id: str, fact: str, articles: list[tuple[str, str, str]]) -> None:
    record = {
        "id": claim_id,
        "claim": f"ادعاء رقم {claim_id[2:]} عن قصف جسر في المدينة",
        "fact": fact,
        "article": [a for a, _, _ in articles],
        "url": [f"https://example.org/{claim_id}/{i}" for i in range(len(articles))],
        "stance": [s for _, s, _ in articles],
        "rationale": [r for _, _, r in articles],
    }
    (folder / f"{claim_id}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")


def make_corpus(root: Path) -> Path:
    dataset = root / "dataset"
    dataset.mkdir(parents=True)
    write_claim(
        dataset,
        "R-1",
        "true",
        [
            ("قصف الجسر صباحا .\nوأكد السكان الخبر .", "agree", "[0, 1]"),
            ("مباراة كرة قدم .", "unrelated", ""),
        ],
    )
    write_claim(dataset, "V-2", "false", [("نفى الجيش قصف الجسر .\nسطر ثان .", "disagree", "[0]")])
    write_claim(dataset, "V-3", "false", [("أنباء عن قصف جسر .", "discuss", "")])
    (root / "train_test_splits.txt").write_text("Fold_1: R-1 V-3\nFold_2: V-2\n", "utf-8")
    return root


def test_loads_pairs_lines_rationale_and_folds(tmp_path: Path) -> None:
    corpus = load_baly2018(make_corpus(tmp_path))
    assert len(corpus.pairs) == 4
    first = corpus.pairs[0]
    assert first.claim_id == "R-1" and first.fact is True and first.article_index == 0
    assert first.lines == ("قصف الجسر صباحا .", "وأكد السكان الخبر .")
    assert first.rationale == (0, 1) and first.stance == "agree"
    assert corpus.pairs[1].rationale == () and corpus.pairs[1].url.endswith("/R-1/1")
    assert corpus.folds == {"Fold_1": ["R-1", "V-3"], "Fold_2": ["V-2"]}
    assert corpus.fold_of("V-2") == "Fold_2"
    assert [p.claim_id for p in corpus.pairs_in({"Fold_1"})] == ["R-1", "R-1", "V-3"]
    with pytest.raises(DatasetError, match="no fold"):
        corpus.fold_of("R-99")


def test_stance_pair_carries_no_id_url_or_label(tmp_path: Path) -> None:
    pair = load_baly2018(make_corpus(tmp_path)).pairs[2]
    stance_pair = to_stance_pair(pair)
    assert stance_pair.claim == pair.claim and stance_pair.sentences == pair.lines
    assert "V-2" not in repr(stance_pair) and "example.org" not in repr(stance_pair)


@pytest.mark.parametrize(
    ("value", "expected"), [("[0, 14]", (0, 14)), ("[3]", (3,)), ("", ()), ([2, 5], (2, 5))]
)
def test_parse_rationale(value, expected) -> None:
    assert parse_rationale(value) == expected


def test_missing_folder_files_and_fields_raise_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not found"):
        load_baly2018(tmp_path / "absent")
    with pytest.raises(DatasetError, match="dataset"):
        load_baly2018(tmp_path)
    root = make_corpus(tmp_path / "c")
    (root / "train_test_splits.txt").unlink()
    with pytest.raises(DatasetError, match=r"train_test_splits\.txt"):
        load_baly2018(root)
    root = make_corpus(tmp_path / "d")
    record = json.loads((root / "dataset" / "V-3.json").read_text("utf-8"))
    del record["stance"]
    (root / "dataset" / "V-3.json").write_text(json.dumps(record), "utf-8")
    with pytest.raises(DatasetError, match="'stance'"):
        load_baly2018(root)


@pytest.mark.datasets
def test_real_corpus(datasets_dir: Path) -> None:
    folder = datasets_dir / "Baly2018_ArabicFC_Stance"
    if not folder.is_dir():
        pytest.skip(f"Baly 2018 not found at {folder}")
    corpus = load_baly2018(folder)
    assert len(corpus.pairs) == 3042 and len(corpus.claim_ids) == 422
    assert sorted(corpus.folds) == [f"Fold_{k}" for k in range(1, 6)]
    assert sum(len(ids) for ids in corpus.folds.values()) == 422
    labels = [p.stance for p in corpus.pairs]
    assert labels.count("disagree") == 87 and labels.count("unrelated") == 2072
    assert all(p.rationale for p in corpus.pairs if p.stance in ("agree", "disagree"))
    assert all(max(p.rationale) < len(p.lines) for p in corpus.pairs if p.rationale)
