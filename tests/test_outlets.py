"""Outlets where real copy puts them: a dateline taken for the title, a sign-off on the last lines
(before a date and share buttons), a date under the text; unknown outlets keep their spelling."""

from __future__ import annotations

import pytest

from rawi.provenance import Registry, detect_outlet
from rawi.provenance.outlet import article_date
from rawi.records import Article

BODY = "قصفت الطائرات أطراف المدينة فجر اليوم.\nوقال مصدر محلي إن القصف استمر ساعتين."


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


# (title, text, outlet metadata, expected outlet)
CASES = [
    ("دمشق-سانا", BODY, None, "sana"),  # the dateline line became the title
    (None, "دمشق-سانا\n" + BODY, None, "sana"),
    ("عنوان الخبر", "دمشق - سانا\n" + BODY, None, "sana"),
    (None, BODY + "\nسانا", None, "sana"),  # a sign-off alone on the last line
    (None, BODY + "\nسبوتنيك\n07.09.2017 19:19\nشارك\nاترك رداً", None, "sputnik"),
    (None, BODY + "\n(Reuters)", None, "reuters"),
    ("Beirut (Reuters) -", "The planes struck the town.", None, "reuters"),
    (None, BODY + "\nالمصدر: الأفق المصرية", None, "الأفق المصرية"),  # as written, not normalized
    (None, BODY, "الأفق المصرية", "الأفق المصرية"),
    (None, BODY, None, None),
    # a masthead: the outlet's name over its date (after a city, a weekday) or its web domain
    ("عنوان", "صحيفة الأفق - الدوحة، الأحد 4 أكتوبر 2026\n" + BODY, None, "صحيفة الأفق"),
    ("Title", "Gulf Business Wire | October 5, 2026\nDOHA - The company said.", None, "Gulf Business Wire"),
    ("عنوان", "**مرصاد للتحقق** | 14 أغسطس 2025\n" + BODY, None, "مرصاد للتحقق"),
    ("عنوان", "موقع الأطلس - atlas.example - 12.08.2025\n" + BODY, None, "موقع الأطلس"),
    ("عنوان", "سوريا الآن - ٢٠٢٤/٧/٩\n" + BODY, None, "سوريا الآن"),
    ("عنوان", "لبنان 24 ساعة - 5 آذار 2025\n" + BODY, None, "لبنان 24 ساعة"),
    ("عنوان", "12:40 - 5 آذار 2025\n" + BODY, None, None),
    ("Title", "Reuters - 18.06.2025\nThe planes struck the town.", None, "reuters"),
    # a place before the name, or a sentence with a date in it, names no outlet
    ("عنوان", "القاهرة - المركز الإعلامي للوزارة - 4 يونيو 2026\n" + BODY, None, None),
    (
        "عنوان",
        "أعلنت الوزارة - في بيان صدر يوم 4 آذار 2026 - أن الطريق سيغلق أمام السير أسبوعاً\n" + BODY,
        None,
        None,
    ),
    ("Title", "Las Palmas, 19.06.2025\nThe company rejects the allegation.", None, None),
    ("Title", "<script>alert(1)</script> | 12.08.2025\nThe planes struck the town.", None, None),
    ("Title", "Al*Ufuq Daily | 12.08.2025\nThe planes struck the town.", None, "Al*Ufuq Daily"),
]


@pytest.mark.parametrize(("title", "text", "outlet", "expected"), CASES)
def test_outlet(
    title: str | None, text: str, outlet: str | None, expected: str | None, registry: Registry
) -> None:
    assert detect_outlet(Article("a", text, title=title, outlet=outlet), registry) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (BODY + "\nسانا\n07.09.2017 19:19", None, "2017-09-07"),
        (BODY + "\nنشر في 8 أيلول/سبتمبر 2017", None, "2017-09-08"),
        (BODY + "\n07.09.2017 19:19", "2017-09-01", "2017-09-01"),  # metadata first
        (BODY, None, None),
    ],
)
def test_date_under_the_text(text: str, published: str | None, expected: str | None) -> None:
    assert article_date(Article("a", text, published=published)) == expected
