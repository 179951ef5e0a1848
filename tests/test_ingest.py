"""Ingest of real files written in tmp_path: every format and encoding, ids, titles, boilerplate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rawi.ingest import IngestOptions, list_files, read_paths
from rawi.records import Article, Problem

DAM_AR = (
    "نفت وزارة الموارد المائية اليوم انهيار سد الوادي الأخضر، وقالت إن السد سليم.\n"
    "وأضافت الوزارة أن الصور المتداولة على مواقع التواصل قديمة."
)
DAM_EN = (
    "The water ministry denied on Sunday that the Green Valley dam had collapsed.\nEngineers inspected it."
)


def articles(items: list[Article | Problem]) -> dict[str, Article]:
    return {a.id: a for a in items if isinstance(a, Article)}


def problems(items: list[Article | Problem]) -> list[Problem]:
    return [p for p in items if isinstance(p, Problem)]


def test_txt_title_body_language_and_relative_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "ar").mkdir(parents=True)
    (corpus / "ar" / "dam.txt").write_text(f"\n\nالوزارة تنفي انهيار السد\n{DAM_AR}\n", "utf-8")
    (corpus / "en.txt").write_text(f"Ministry denies dam collapse\n{DAM_EN}", "utf-8")
    got = articles(list(read_paths([corpus])))
    assert set(got) == {"ar/dam.txt", "en.txt"}
    ar = got["ar/dam.txt"]
    assert ar.title == "الوزارة تنفي انهيار السد"
    assert ar.text == DAM_AR
    assert ar.language == "ar"
    assert ar.source_path == str(corpus / "ar" / "dam.txt")
    assert got["en.txt"].language == "en"
    assert got["en.txt"].text == DAM_EN


def test_single_file_given_directly_is_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "story.txt"
    path.parent.mkdir()
    path.write_text(f"عنوان الخبر\n{DAM_AR}", "utf-8")
    (got,) = list(read_paths([path]))
    assert isinstance(got, Article) and got.id == "story.txt"


def test_markdown_title_drops_hashes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# أنباء عن انهيار جزئي في السد\n\n{DAM_AR}\n", "utf-8")
    (got,) = list(read_paths([tmp_path]))
    assert got.title == "أنباء عن انهيار جزئي في السد"
    assert got.text == DAM_AR


def test_cp1256_arabic_is_decoded_as_cp1256(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text(f"الوزارة تنفي انهيار السد\n{DAM_AR}", encoding="cp1256")
    (got,) = list(read_paths([tmp_path]))
    assert got.title == "الوزارة تنفي انهيار السد"
    assert got.text == DAM_AR
    assert got.meta["encoding"] == "cp1256"


def test_short_cp1256_line_is_still_arabic(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("خبر\nنفى المحافظ الخبر", encoding="cp1256")
    (got,) = list(read_paths([tmp_path]))
    assert got.text == "نفى المحافظ الخبر"


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(
        ("الزراعة تقرر وقف الاستيراد\r\n" + DAM_AR.replace("\n", "\r\n")).encode("utf-8-sig")
    )
    (got,) = list(read_paths([tmp_path]))
    assert got.title == "الزراعة تقرر وقف الاستيراد"  # no BOM glued to the title
    assert got.text == DAM_AR
    assert got.meta["encoding"] == "utf_8_sig"


def test_html_main_text_without_navigation_and_footer(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in DAM_AR.split("\n"))
    html = (
        "<html><head><title>الوزارة تنفي انهيار السد | موقع الأفق</title>"
        '<meta property="og:url" content="https://alofoq.example/dam">'
        '<meta property="article:published_time" content="2026-03-16T09:30:00+03:00"></head>'
        "<body><nav><a href='/'>الرئيسية</a> <a href='/p'>سياسة</a> <a href='/s'>رياضة</a></nav>"
        f"<article><h1>الوزارة تنفي انهيار السد</h1>{paragraphs}"
        "<p>وأكد مدير السد أن فرق الصيانة تعمل على مدار الساعة لمراقبة منسوب المياه بعد السيول الأخيرة.</p>"
        "</article><footer><p>جميع الحقوق محفوظة © 2026 موقع الأفق</p><p>اشترك في النشرة</p></footer>"
        "</body></html>"
    )
    (tmp_path / "page.html").write_text(html, "utf-8")
    (got,) = list(read_paths([tmp_path]))
    assert isinstance(got, Article), got
    assert "نفت وزارة الموارد المائية" in got.text
    assert "الرئيسية" not in got.text and "جميع الحقوق" not in got.text and "اشترك" not in got.text
    assert got.title and "الوزارة تنفي انهيار السد" in got.title
    assert got.url == "https://alofoq.example/dam"
    assert got.published and got.published.startswith("2026-03-16")


def test_html_date_from_the_dateline_not_the_copyright_year(tmp_path: Path) -> None:
    html = (
        "<html><head><title>انهيار السد</title></head><body><article>"
        "<p>حماة - 15 آذار/مارس 2026 - انهار سد صغير في ريف المدينة صباح الأحد بعد أمطار غزيرة استمرت ثلاثة أيام متتالية.</p>"
        "<p>وقال سكان إن المياه غمرت الحقول القريبة من مجرى الوادي وألحقت أضراراً بالمحاصيل.</p>"
        "</article><footer><p>© 2026 شبكة المدار</p></footer></body></html>"
    )
    (tmp_path / "p.htm").write_text(html, "utf-8")
    (got,) = list(read_paths([tmp_path]))
    assert got.published == "2026-03-15"


def test_json_array_and_object_with_custom_field_names(tmp_path: Path) -> None:
    feed = tmp_path / "feeds"
    feed.mkdir()
    records = [
        {
            "guid": "n1",
            "headline": "نفي انهيار السد",
            "body_ar": DAM_AR,
            "link": "https://x.example/1",
            "published_at": "2026-03-16",
            "publisher": "وكالة الأنباء",
            "section": "محليات",
        },
        {"headline": "بدون معرف", "body_ar": "نص الخبر الثاني عن السد."},
    ]
    (feed / "list.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    (feed / "one.json").write_text(json.dumps({"id": "solo", "text": DAM_EN}), "utf-8")
    options = IngestOptions(fields={"text": "body_ar"})
    got = articles(list(read_paths([tmp_path], options)))
    assert set(got) == {"feeds/list.json#n1", "feeds/list.json#2", "feeds/one.json#solo"}
    first = got["feeds/list.json#n1"]
    assert (first.title, first.url, first.published, first.outlet) == (
        "نفي انهيار السد",
        "https://x.example/1",
        "2026-03-16",
        "وكالة الأنباء",
    )
    assert first.meta["fields"] == {"section": "محليات"}
    assert got["feeds/one.json#solo"].language == "en"


def test_jsonl_record_ids_and_a_bad_line_keeps_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "corpus" / "feeds"
    folder.mkdir(parents=True)
    lines = [
        json.dumps({"id": "w1", "title": "أ", "text": DAM_AR}, ensure_ascii=False),
        '{"id": "w2", "title": "broken", "text": ',
        "",
        json.dumps(
            {"id": "w3", "title": "ج", "content": "نص ثالث عن السد", "date": "15/03/2026"}, ensure_ascii=False
        ),
        json.dumps({"id": "w4", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
    ]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    items = list(read_paths([tmp_path / "corpus"]))
    got = articles(items)
    assert set(got) == {"feeds/wire.jsonl#w1", "feeds/wire.jsonl#w3"}
    assert got["feeds/wire.jsonl#w3"].published == "2026-03-15"
    codes = {p.source.rsplit("/", 1)[-1]: p.code for p in problems(items)}
    assert codes == {"wire.jsonl#2": "E104", "wire.jsonl#w4": "E106", "wire.jsonl#5": "E104"}


def test_csv_with_header_quoted_newlines_and_alternative_names(tmp_path: Path) -> None:
    body = DAM_AR.replace('"', "")
    content = (
        "id,headline,content,source,published\n"
        f'c1,نفي انهيار السد,"{body}",صحيفة السوق,2026-09-03T11:15:00+03:00\n'
        "c2,سطر بلا نص,,صحيفة,\n"
        "c3,too,many,fields,here,extra\n"
    )
    (tmp_path / "archive.csv").write_text(content, "utf-8")
    items = list(read_paths([tmp_path]))
    got = articles(items)
    assert list(got) == ["archive.csv#c1"]
    assert got["archive.csv#c1"].text == body
    assert got["archive.csv#c1"].outlet == "صحيفة السوق"
    assert got["archive.csv#c1"].published == "2026-09-03T11:15:00+03:00"
    assert sorted(p.code for p in problems(items)) == ["E104", "E106"]


@pytest.mark.parametrize(
    "footer",
    [
        "جميع الحقوق محفوظة © 2026 موقع النبأ",
        "اشترك في النشرة البريدية",
        "اترك رداً",
        "شارك على فيسبوك",
        "فيسبوك | تويتر | واتساب",
        "Share this:",
        "Subscribe",
        "© 2026 Example News. All rights reserved.",
        "Leave a reply",
        "Read more »",
    ],
)
def test_trailing_boilerplate_lines_are_dropped(tmp_path: Path, footer: str) -> None:
    (tmp_path / "a.txt").write_text(f"عنوان\n{DAM_AR}\n\n{footer}\n", "utf-8")
    (got,) = list(read_paths([tmp_path]))
    assert got.text == DAM_AR


def test_leading_share_line_dropped_but_phrase_inside_a_paragraph_kept(tmp_path: Path) -> None:
    inside = (
        "وقال المتحدث إن جميع الحقوق محفوظة للمزارعين المتضررين من السيول، وإن الوزارة ستعوضهم "
        "عن خسائرهم خلال الأسابيع المقبلة بحسب الجداول المعتمدة."
    )
    (tmp_path / "a.txt").write_text(f"عنوان\nشارك على تويتر\n{inside}\n{DAM_AR}", "utf-8")
    (got,) = list(read_paths([tmp_path]))
    assert got.text == f"{inside}\n{DAM_AR}"


def test_files_listed_sorted_without_hidden_or_unknown(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.jsonl", "notes.docx", ".hidden.txt", "sub/z.csv", ".git/x.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\ny", "utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in list_files([tmp_path])]
    assert names == ["a.md", "b.txt", "c.jsonl", "sub/z.csv"]
    assert list_files([tmp_path, tmp_path / "b.txt"]) == list_files([tmp_path])  # each file once


def test_fallback_html_extractor_drops_navigation_and_footer() -> None:
    """Used when trafilatura finds nothing or cannot be imported (e.g. lxml without html_clean)."""
    from rawi.ingest.html import extract_fallback

    page = extract_fallback(
        "<html><head><title>الوزارة تنفي</title><link rel='canonical' href='https://a.example/x'>"
        "<meta name='date' content='2026-03-16'><script>var x = 1;</script></head><body>"
        "<header>الرئيسية</header><nav>سياسة | اقتصاد</nav><p>نفت الوزارة &amp; المحافظة الخبر.</p>"
        "<p>وقالت إن السد سليم.</p><aside>الأكثر قراءة</aside><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    assert page.text == "نفت الوزارة & المحافظة الخبر.\nوقالت إن السد سليم."
    assert (page.title, page.url, page.date) == ("الوزارة تنفي", "https://a.example/x", "2026-03-16")
