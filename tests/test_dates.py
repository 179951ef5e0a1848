"""Dates: the period a claim dates its event to, against the day an article was published.

An old event shared as new is a common false claim ("the bridge collapsed this morning", with photos
from two years ago). Unit tests read periods and future words from text; the end-to-end tests check
hand-written Arabic news (original text) through a real store, the shipped models and the default
encoder.
"""

from __future__ import annotations

from datetime import date

import pytest

from _newsroom import ingested, stances, write_articles
from rawi.core import Rawi
from rawi.embed import load_encoder
from rawi.ingest import find_date
from rawi.text import normalize
from rawi.text.dates import Period, speaks_of_future, stated_period


def test_a_claim_dates_its_event_to_a_day_or_a_month() -> None:
    assert stated_period("An oil slick appeared on Friday, 9 January 2026.") == Period(
        date(2026, 1, 9), date(2026, 1, 9)
    )
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert stated_period("انهار الجسر في آذار 2026 وسقطت شاحنة في النهر") == march
    assert stated_period("انهار الجسر في اذار/مارس 2026") == march
    assert stated_period("the bridge collapsed in March 2026") == march
    assert stated_period("وقع الانفجار في ١٥ أيلول ٢٠٢٥") == Period(date(2025, 9, 15), date(2025, 9, 15))


def test_a_date_things_start_from_or_run_to_is_no_period_of_the_event() -> None:
    assert stated_period("سترفع الشركة التعرفة اعتباراً من آذار 2026") is None
    assert stated_period("Parliament passed a law banning plastic bags from January 2027") is None
    assert stated_period("لم تهطل أمطار منذ كانون الثاني 2024") is None
    # a bound before the day or part of the month it names ("starting from the first of November")
    assert stated_period("قررت الشركة تعليق رحلاتها اعتباراً من الأول من تشرين الثاني 2025") is None
    assert stated_period("تطبق الزيادة ابتداءً من مطلع آذار 2026") is None
    assert stated_period("The airline will halt the route from the first of November 2025") is None
    assert stated_period("Fares rise starting in early March 2026") is None
    assert stated_period("وقع الحادث مطلع آذار 2026") == Period(date(2026, 3, 1), date(2026, 3, 31))
    # "the ninth of January": an ordinal day before the month is still the event's date
    assert stated_period("انهار الجسر في التاسع من كانون الثاني 2026") == Period(
        date(2026, 1, 1), date(2026, 1, 31)
    )


def test_a_year_alone_or_no_date_is_no_period() -> None:
    assert stated_period("أطلقت الحكومة رؤية 2030 للتنمية") is None
    assert stated_period("The 2026 budget cut fuel subsidies") is None
    assert stated_period("انهار جسر على نهر العاصي") is None


def test_an_article_published_before_the_period_cannot_report_it() -> None:
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert march.began_after("2024-01-17")
    assert march.began_after("2026-02-28T23:10:00+03:00")
    assert not march.began_after("2026-03-01")
    assert not march.began_after("2026-03-12")
    assert not march.began_after(None) and not march.began_after("not a date")
    assert march.overlaps(Period(date(2026, 3, 31), date(2026, 4, 2)))
    assert not march.overlaps(Period(date(2024, 1, 1), date(2024, 1, 31)))


def test_a_claim_about_what_is_to_come_is_recognised() -> None:
    assert speaks_of_future(normalize("ستعقد الانتخابات البلدية في حزيران 2026 حسب المقرر").split())
    assert speaks_of_future(normalize("The school will close in March 2026").split())
    assert speaks_of_future(normalize("لن ترفع الشركة التعرفة في آذار 2026").split())
    assert not speaks_of_future(normalize("انهار الجسر في آذار 2026 بسبب السيول").split())
    assert not speaks_of_future(normalize("The road closed due to flooding in March 2026").split())


def test_ingest_still_reads_datelines() -> None:
    assert find_date("حماة - 17.01.2024") == "2024-01-17"
    assert find_date("Basra, January 7, 2026 (INA) -") == "2026-01-07"


# A bridge that fell in January 2024, photos of it shared in March 2026 as "this morning", a
# fact-check rating that "misleading" with the true date in its title, and the directorate's denial.
BRIDGE = {
    "bridge/agency-2024.txt": """انهيار جسر حديدي على نهر الخابور قرب قرية الصالحية

حسكة - 17.01.2024

انهار صباح اليوم الأربعاء الجسر الحديدي الذي يصل قرية الصالحية بالطريق العام على نهر الخابور، بعد ارتفاع منسوب النهر جراء الأمطار الغزيرة التي هطلت خلال الأيام الماضية.

وقال مراسلنا إن شاحنة محملة بالقطن كانت تعبر الجسر لحظة انهياره سقطت في النهر، وأصيب سائقها بجروح طفيفة ونقل إلى المستشفى الوطني.

وأوضحت مديرية الطرق أن ورشاتها بدأت إقامة معبر مؤقت للأهالي ريثما يعاد بناء الجسر.
""",
    "bridge/local-2024.txt": """سقوط شاحنة في نهر الخابور بعد انهيار جسر الصالحية

الخابور اليوم - 18.01.2024

روى أهالي قرية الصالحية لموقعنا لحظة انهيار الجسر الحديدي القديم على نهر الخابور صباح الأربعاء، وقالوا إن الشاحنة المحملة بالقطن هوت مع الدعامة الوسطى إلى مجرى النهر.

وطالب الأهالي ببناء جسر جديد من الإسمنت بدل الجسر القديم الذي يعود إلى سبعينيات القرن الماضي.
""",
    "bridge/recycled-2026.txt": """عاجل: انهيار جسر الصالحية على نهر الخابور صباح اليوم وسقوط شاحنة في النهر

شبكة أخبار الجزيرة السورية - 10.03.2026

انهار صباح اليوم جسر الصالحية على نهر الخابور وسقطت شاحنة محملة في مجرى النهر، وسط حالة من الذعر بين الأهالي، بحسب صور تداولها ناشطون على مواقع التواصل.

وطالب ناشطون الجهات المعنية بالتحرك فوراً لإنقاذ السائق.
""",
    "bridge/factcheck.md": """# صور انهيار جسر الصالحية قديمة وتعود إلى كانون الثاني 2024

**منصة تأكد** - 11.03.2026

**التقييم: مضلل**

## الادعاء

تداولت صفحات صوراً قالت إنها لانهيار جسر الصالحية على نهر الخابور صباح العاشر من آذار 2026 وسقوط شاحنة في النهر.

## التحقق

أظهر البحث العكسي أن الصور نشرت للمرة الأولى في كانون الثاني 2024 عند انهيار الجسر الحديدي القديم بعد السيول، وأن جسراً إسمنتياً جديداً افتتح مكانه العام الماضي.
""",
    "bridge/denial.txt": """مديرية الطرق تنفي انهيار جسر الصالحية: الجسر الجديد سليم

حسكة - 11.03.2026

نفت مديرية الطرق في الحسكة ما تداولته صفحات عن انهيار جسر الصالحية على نهر الخابور، وقالت إن الصور المتداولة تعود إلى انهيار الجسر الحديدي القديم في كانون الثاني 2024.

وأكد مدير الطرق أن الجسر الإسمنتي الجديد يعمل بشكل طبيعي وأن ورشات المديرية كشفت عليه صباح اليوم.
""",
}


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    if load_encoder("use") is None:
        pytest.skip("no sentence encoder installed")
    with ingested(tmp_path_factory.mktemp("dates"), lambda root: write_articles(root, BRIDGE)) as workbench:
        yield workbench


def test_reports_from_before_a_claims_date_do_not_support_it(wb: Rawi) -> None:
    result = wb.check("انهار جسر الصالحية على نهر الخابور في آذار 2026 وسقطت شاحنة في النهر")
    got = stances(result)
    assert got["bridge/agency-2024.txt"] != "agree"  # it reports the 2024 collapse
    assert got["bridge/local-2024.txt"] != "agree"
    assert got["bridge/factcheck.md"] == "disagree"  # "old photos, from January 2024" rules on it
    assert result["verdict"]["label"] != "supported"


def test_the_old_event_itself_keeps_its_reports(wb: Rawi) -> None:
    result = wb.check("انهار جسر الصالحية على نهر الخابور في كانون الثاني 2024 وسقطت شاحنة في النهر")
    scores = {e["article_id"]: e["stance_scores"] for e in result["evidence"]}
    # published that month: its reading is the models' (an article moved by its date keeps a tenth)
    assert scores["bridge/agency-2024.txt"]["agree"] >= 0.3
    assert scores["bridge/local-2024.txt"]["agree"] >= 0.2
    got = stances(result)
    assert got.get("bridge/factcheck.md") != "disagree"  # it dates the collapse to that very month
    assert result["verdict"]["label"] != "refuted"
