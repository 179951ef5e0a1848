"""`rawi train stance` on a tiny synthetic Baly-layout dataset, through the Typer app and a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from rawi.cli.train import train_app
from rawi.stance import StancePair, load_model

SUBJECTS = ["سد الموصل", "معبر نصيب", "مطار حلب", "جسر دير الزور", "مستشفى إدلب"]


def make_dataset(root: Path) -> Path:
    folder = root / "Baly2018_ArabicFC_Stance"
    (folder / "dataset").mkdir(parents=True)
    ids = []
    for n, subject in enumerate(SUBJECTS):
        claim = f"قصف الطيران {subject} وتدميره بالكامل"
        articles = [
            (f"قصف الطيران {subject} فجر اليوم ودمره بالكامل .\nوأكد السكان ذلك .", "agree", "[0]"),
            (f"نفى الجيش قصف {subject} وقال إن الخبر عار عن الصحة .", "disagree", "[0]"),
            (f"تداولت مواقع التواصل أنباء عن {subject} ولم يتسن التأكد منها .", "discuss", ""),
            ("فاز الفريق بالكأس بعد مباراة مثيرة .\nواحتفل المشجعون .", "unrelated", ""),
        ]
        claim_id = f"{'RV'[n % 2]}-{n}"
        ids.append(claim_id)
        record = {
            "id": claim_id,
            "claim": claim,
            "fact": "true" if n % 2 == 0 else "false",
            "article": [a for a, _, _ in articles],
            "url": [f"https://example.org/{n}/{i}" for i in range(4)],
            "stance": [s for _, s, _ in articles],
            "rationale": [r for _, _, r in articles],
        }
        (folder / "dataset" / f"{claim_id}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    (folder / "train_test_splits.txt").write_text(
        "\n".join(f"Fold_{k + 1}: {claim_id}" for k, claim_id in enumerate(ids)) + "\n", "utf-8"
    )
    return root


def test_train_stance_writes_model_and_card(tmp_path: Path) -> None:
    data = make_dataset(tmp_path / "data")
    out = tmp_path / "model"
    result = CliRunner().invoke(train_app, ["stance", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "macro" in result.output
    card = (out / "MODEL_CARD.md").read_text("utf-8")
    assert "Baly" in card and "macro-F1" in card and "Known limits" in card
    assert "calibration error (ECE)" in card and "nan" not in card
    model = load_model(out)
    assert model.metadata_["pairs"] == 20 and model.metadata_["cv"]["f1"]["macro"] >= 0
    calibration = model.metadata_["cv"]["calibration"]
    assert 0 <= calibration["ece"] <= 1 and 0 <= calibration["brier"] <= 2
    label = model.predict([StancePair("قصف الطيران سد الموصل وتدميره بالكامل", ("فاز الفريق بالكأس .",))])
    assert label[0] in model.classes_


def test_wrong_data_path_exits_non_zero_with_a_clear_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(train_app, ["stance", "--data", str(tmp_path / "nowhere"), "--no-cv"])
    assert result.exit_code == 2
    assert "E500" in result.output and "not found" in result.output


def test_module_entry_point(tmp_path: Path) -> None:
    data = make_dataset(tmp_path / "data")
    out = tmp_path / "m"
    done = subprocess.run(
        [sys.executable, "-m", "rawi.cli.train", "stance", "--data", str(data), "--out", str(out), "--no-cv"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "model.json").is_file() and (out / "booster.txt").is_file()
