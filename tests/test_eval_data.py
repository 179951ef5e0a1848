"""Dataset readers (ANS, FNC-1) on tiny synthetic files, and the writers of those files.

The writers are imported by the other eval tests. The Arabic and English sentences are written for
these tests (nothing is copied from the public datasets). Each Baly claim gets one article per
stance so every label and fold is represented.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rawi.errors import DatasetError
from rawi.eval import ans, fnc1
from rawi.eval.baly2018 import load_baly2018

# (claim id, factuality, claim): ids follow the corpus convention (R- true, V- false)
BALY_CLAIMS = [
    ("R-1", "true", "افتتاح جسر جديد فوق نهر النيل في مدينة أسوان"),
    ("V-2", "false", "إغلاق جميع مدارس عمّان لمدة شهر بسبب الثلوج"),
    ("R-3", "true", "ارتفاع سعر ربطة الخبز في بيروت بنسبة عشرة بالمئة"),
    ("V-4", "false", "وفاة حارس مرمى مشهور في حادث سير بالدار البيضاء"),
    ("R-5", "true", "هطول أمطار غزيرة على جدة وتعليق الدراسة في المدارس"),
    ("V-6", "false", "اكتشاف حقل نفط ضخم في صحراء تونس الجنوبية"),
]
BALY_FOLDS = {"Fold_1": ["R-1", "V-2"], "Fold_2": ["R-3", "V-4"], "Fold_3": ["R-5", "V-6"]}


def baly_articles(claim: str) -> list[tuple[str, str, list[int]]]:
    """(article text with lines joined by newlines, stance, rationale line indices) for one claim."""
    agree = [
        "تقرير مراسلنا",
        f"أكدت السلطات المحلية صباح اليوم خبر {claim} في بيان رسمي",
        "وقال شهود عيان إن الحدث جرى أمام أعين السكان",
        "وتابع الأهالي التطورات باهتمام كبير",
    ]
    disagree = [
        "بيان توضيحي",
        "تداولت صفحات على مواقع التواصل الاجتماعي أنباء غير دقيقة",
        f"ونفت الجهات المختصة صحة ما أشيع عن {claim} مؤكدة أنه لا أساس له من الصحة",
        "ودعت المواطنين إلى استقاء الأخبار من مصادرها الرسمية",
    ]
    discuss = [
        "متابعة إخبارية",
        f"تتحدث وسائل إعلام محلية عن {claim} دون أي تأكيد رسمي حتى الآن",
        "ولم يصدر تعليق من الحكومة على هذه الأنباء",
    ]
    unrelated = [
        "أخبار الرياضة",
        "فاز المنتخب الوطني لكرة السلة في مباراته الودية مساء أمس",
        "ويستعد اللاعبون للمشاركة في البطولة القارية الشهر المقبل",
    ]
    return [
        ("\n".join(agree), "agree", [1]),
        ("\n".join(disagree), "disagree", [2]),
        ("\n".join(discuss), "discuss", []),
        ("\n".join(unrelated), "unrelated", []),
    ]


def write_baly(root: Path) -> Path:
    """Six claim files under ``root/dataset`` and a three-fold splits file; returns ``root``."""
    (root / "dataset").mkdir(parents=True)
    for claim_id, fact, claim in BALY_CLAIMS:
        articles = baly_articles(claim)
        record = {
            "id": claim_id,
            "claim": claim,
            "fact": fact,
            "article": [text for text, _, _ in articles],
            "url": [f"https://news.example/{claim_id}/{i}" for i in range(len(articles))],
            "stance": [stance for _, stance, _ in articles],
            "rationale": [str(lines) if lines else "" for _, _, lines in articles],
        }
        path = root / "dataset" / f"{claim_id}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    splits = "\n".join(f"{name}: {' '.join(ids)}" for name, ids in BALY_FOLDS.items())
    (root / "train_test_splits.txt").write_text(splits + "\n", encoding="utf-8")
    return root


ANS_ROWS = [
    ("وزير الصحة يعلن افتتاح مستشفى جديد في حلب", "افتتاح مستشفى جديد في حلب بحضور وزير الصحة", "agree"),
    (
        "وزير الصحة يعلن افتتاح مستشفى جديد في حلب",
        "وزير الصحة يؤجل افتتاح مستشفى حلب إلى أجل غير مسمى",
        "disagree",
    ),
    ("وزير الصحة يعلن افتتاح مستشفى جديد في حلب", "ارتفاع درجات الحرارة في الخليج هذا الأسبوع", "other"),
    ("انخفاض أسعار الذهب في الأسواق المصرية", "تراجع سعر الذهب في مصر خلال تعاملات اليوم", "agree"),
    ("انخفاض أسعار الذهب في الأسواق المصرية", "ارتفاع قياسي لأسعار الذهب في الأسواق المصرية", "disagree"),
    ("انخفاض أسعار الذهب في الأسواق المصرية", "مهرجان للأفلام القصيرة في تونس العاصمة", "other"),
    (
        "المغرب يفوز على الجزائر في نهائي البطولة",
        "فوز المنتخب المغربي على نظيره الجزائري في النهائي",
        "agree",
    ),
    ("المغرب يفوز على الجزائر في نهائي البطولة", "الجزائر تهزم المغرب وتتوج بلقب البطولة", "disagree"),
    ("المغرب يفوز على الجزائر في نهائي البطولة", "افتتاح معرض الكتاب الدولي في الرياض", "other"),
    ("الحكومة الأردنية تخفض ضريبة المحروقات", "عمّان تقرر خفض الضريبة على المحروقات", "agree"),
    ("الحكومة الأردنية تخفض ضريبة المحروقات", "الأردن يرفع الضريبة على المحروقات مطلع الشهر", "disagree"),
    ("الحكومة الأردنية تخفض ضريبة المحروقات", "اكتشاف موقع أثري جديد قرب الأقصر", "other"),
]


def write_ans(root: Path) -> Path:
    """``root/stance/{train,dev}.csv``: the first eight rows train, the last four dev."""
    folder = root / "stance"
    folder.mkdir(parents=True)
    for name, rows in (("train", ANS_ROWS[:8] + ANS_ROWS[:4]), ("dev", ANS_ROWS[8:] + ANS_ROWS[4:6])):
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["s1", "s2", "stance"])
            writer.writerows(rows)
    return root


FNC_BODIES = {
    "10": "The city council approved a new cycling lane on Main Street on Monday. "
    "Officials said construction starts next spring.",
    "11": "Local fishermen reported an unusually large catch of sardines this week. "
    "The harbour master confirmed the figures.",
    "12": "A spokesperson denied reports that the museum would close. "
    "The rumours are false, she said, and the museum stays open.",
    "13": "Heavy snow blocked the mountain pass overnight. Rescue teams cleared the road by noon.",
    "14": "The football club announced a new coach after a poor season. Fans reacted with mixed feelings.",
}
FNC_STANCES = [
    ("Council approves cycling lane on Main Street", "10", "agree"),
    ("Council rejects cycling lane plan", "10", "disagree"),
    ("Museum to close its doors for good", "12", "disagree"),
    ("Museum may close, sources say", "12", "discuss"),
    ("Record sardine catch for local fishermen", "11", "agree"),
    ("Fishermen report sardine numbers", "11", "discuss"),
    ("Snow blocks mountain pass", "13", "agree"),
    ("Football club names new coach", "14", "agree"),
    ("Stock markets rally on tech earnings", "10", "unrelated"),
    ("New smartphone unveiled in Seoul", "11", "unrelated"),
    ("Election results delayed in the capital", "12", "unrelated"),
    ("Volcano erupts on remote island", "13", "unrelated"),
    ("Chef wins international pastry award", "14", "unrelated"),
    ("Coach sacked, club denies", "14", "discuss"),
    ("Pass stays closed for a week", "13", "disagree"),
]


def write_fnc1(
    root: Path, *, bodies_name: str = "train_bodies.csv", stances_name: str = "train_stances.csv"
) -> Path:
    """FNC-1 style bodies and stances CSVs under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / bodies_name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(FNC_BODIES.items())
    with (root / stances_name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(FNC_STANCES)
    return root


# ----------------------------------------------------------------------------------------- readers


def test_ans_reader_reads_both_splits(tmp_path: Path) -> None:
    splits = ans.load_ans(write_ans(tmp_path))
    assert len(splits["train"]) == 12 and len(splits["dev"]) == 6
    first = splits["train"][0]
    assert first.stance == "agree"
    pair = ans.to_stance_pair(first)
    assert pair.claim == first.claim and pair.sentences == (first.sentence,)
    # the stance folder itself is accepted too
    assert ans.load_ans(tmp_path / "stance")["dev"] == splits["dev"]


def test_ans_reader_names_missing_file_and_column(tmp_path: Path) -> None:
    write_ans(tmp_path)
    (tmp_path / "stance" / "dev.csv").unlink()
    with pytest.raises(DatasetError, match=r"dev\.csv"):
        ans.load_ans(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("s1,s2,label\nأ,ب,agree\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="missing column 'stance'"):
        ans.read_ans_file(bad)
    with pytest.raises(DatasetError, match="ANS folder not found"):
        ans.load_ans(tmp_path / "absent")


def test_fnc1_reader_and_body_split_never_shares_a_body(tmp_path: Path) -> None:
    data = fnc1.load_fnc1(write_fnc1(tmp_path))
    assert len(data.pairs) == len(FNC_STANCES) and set(data.bodies) == set(FNC_BODIES)
    train, holdout = fnc1.split_by_body(data, holdout_fraction=0.4, seed=3)
    assert {p.body_id for p in train}.isdisjoint({p.body_id for p in holdout})
    assert len({p.body_id for p in holdout}) == 2  # 40 % of 5 body ids
    assert len(train) + len(holdout) == len(data.pairs)
    # same seed, same split
    assert fnc1.split_by_body(data, holdout_fraction=0.4, seed=3) == (train, holdout)
    pair = data.to_stance_pair(data.pairs[0])
    assert pair.claim == FNC_STANCES[0][0] and len(pair.sentences) == 2


def test_fnc1_reader_names_missing_file_column_and_body(tmp_path: Path) -> None:
    write_fnc1(tmp_path)
    with pytest.raises(DatasetError, match=r"train_bodies\.csv"):
        fnc1.load_fnc1_files(tmp_path / "train_bodies.csv.missing", tmp_path / "train_stances.csv")
    (tmp_path / "stances_bad.csv").write_text("Headline,Body\nx,10\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="missing column 'Body ID'"):
        fnc1.load_fnc1_files(tmp_path / "train_bodies.csv", tmp_path / "stances_bad.csv")
    (tmp_path / "stances_orphan.csv").write_text("Headline,Body ID,Stance\nx,99,agree\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="Body ID '99'"):
        fnc1.load_fnc1_files(tmp_path / "train_bodies.csv", tmp_path / "stances_orphan.csv")


def test_synthetic_baly_folder_reads_with_the_corpus_loader(tmp_path: Path) -> None:
    corpus = load_baly2018(write_baly(tmp_path))
    assert len(corpus.pairs) == 24 and len(corpus.folds) == 3
    agree = next(p for p in corpus.pairs if p.stance == "agree")
    assert agree.rationale == (1,) and "أكدت" in agree.lines[1]
