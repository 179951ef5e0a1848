"""`rawi provenance` over a real SQLite corpus: outlets, attributions per sentence, reuse, unknown ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawi.provenance import Registry, describe_articles, detect_outlet
from rawi.records import Article

store = pytest.importorskip("rawi.store")

STORY = (
    "دمشق-سانا\n"
    "أعلنت وزارة الكهرباء أن التيار سيعود إلى أحياء المدينة الشرقية خلال يومين بعد إصلاح محطة التحويل الرئيسية "
    "التي تعطلت بسبب العاصفة الثلجية. وقال مصدر في الوزارة لسانا إن ورشات الصيانة تعمل على مدار الساعة."
)
COPY = STORY.replace("دمشق-سانا\n", "").replace("أعلنت", "وأعلنت")
OTHER = "Bread prices rose again in the capital, traders told Reuters, blaming the cost of fuel."


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = tmp_path / "corpus.db"
    registry = Registry.load()
    articles = [
        Article("ar/sana.txt", STORY, title="عودة الكهرباء", language="ar", published="2024-01-02"),
        Article("ar/copy.txt", COPY, title="الكهرباء تعود", language="ar", published="2024-01-03"),
        Article("en/bread.txt", OTHER, title="Bread", language="en"),
    ]
    for a in articles:
        a.outlet = detect_outlet(a, registry)
    corpus = store.open_corpus(str(path))
    corpus.write(articles)
    corpus.close()
    return str(path)


def test_describe_articles_reports_outlet_attributions_and_reuse(db: str) -> None:
    corpus = store.open_corpus(db, readonly=True)
    try:
        result = describe_articles(corpus, ["ar/sana.txt", "nope"], Registry.load())
    finally:
        corpus.close()
    assert result["missing"] == ["nope"]
    (item,) = result["articles"]
    assert item["outlet"] == "sana"
    sources = {(a["source_key"], a["polarity"]) for a in item["attributions"]}
    assert ("sana", "asserts") in sources  # the dateline
    assert any(a["source"].startswith("مصدر في الوزارة") for a in item["attributions"])
    assert [r["article_id"] for r in item["reuse"]] == ["ar/copy.txt"]
    assert item["reuse"][0]["earlier"] == "ar/sana.txt"


def test_provenance_command_json_and_unknown_id(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli = pytest.importorskip("rawi.cli.provenance", exc_type=ImportError)
    import typer

    with pytest.raises(typer.Exit) as exit_info:
        cli.provenance_command(["en/bread.txt", "missing/id"], db=db, json_out=True)
    assert exit_info.value.exit_code == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["articles"][0]["article_id"] == "en/bread.txt"
    assert "missing/id" in captured.err


PARTIAL = (
    "افتتحت البلدية سوقاً شعبياً جديداً في الحي الغربي بحضور عدد من التجار والأهالي يوم الخميس. "
    "أعلنت وزارة الكهرباء أن التيار سيعود إلى أحياء المدينة الشرقية خلال يومين بعد إصلاح محطة التحويل "
    "الرئيسية التي تعطلت بسبب العاصفة الثلجية. "
    "ويضم السوق أكثر من مئة محل لبيع الخضار والفواكه والملابس بأسعار مخفضة."
)

LONG_STORY = (
    STORY + "\nوأضاف المصدر أن فرق الطوارئ وزعت مولدات على المستشفيات والمخابز في الأحياء المتضررة، وأن "
    "المحافظة فتحت مراكز إيواء مؤقتة للعائلات التي تضررت منازلها من الثلوج. ودعت الوزارة المواطنين "
    "إلى ترشيد الاستهلاك بعد عودة التيار تجنباً لانقطاعات جديدة، وأعلنت أرقاماً هاتفية للإبلاغ عن الأعطال."
)


def test_provenance_command_finds_a_partial_copy_and_shows_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = pytest.importorskip("rawi.cli.provenance", exc_type=ImportError)
    path = str(tmp_path / "partial.db")
    registry = Registry.load()
    articles = [
        Article("ar/sana.txt", LONG_STORY, title="عودة الكهرباء", language="ar", published="2024-01-02"),
        Article("ar/souq.txt", PARTIAL, title="سوق جديد", language="ar", published="2024-01-05"),
    ]
    for a in articles:
        a.outlet = detect_outlet(a, registry)
    corpus = store.open_corpus(path)
    corpus.write(articles)
    corpus.close()
    cli.provenance_command(["ar/souq.txt"], db=path, json_out=True)
    (item,) = json.loads(capsys.readouterr().out)["articles"]
    (link,) = item["reuse"]
    assert (
        link["article_id"] == "ar/sana.txt" and link["kind"] == "passage" and link["earlier"] == "ar/sana.txt"
    )
    (passage,) = link["passages"]
    assert passage["words"] >= 20 and PARTIAL[slice(*passage["a_span"])].startswith("أعلنت وزارة الكهرباء")
    cli.provenance_command(["ar/sana.txt"], db=path, json_out=False)
    shown = capsys.readouterr().out
    assert "no text reuse found" not in shown
    assert "الوكالة العربية السورية للأنباء" in shown and "(sana)" not in shown
