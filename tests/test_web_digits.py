"""Numbers in the digits the user prefers: the interface writes confidences, counts and metadata
dates in Western (0123) or Arabic-Indic digits, chosen like the language (``?digits=``, then a
cookie); text quoted from articles and the JSON API never change."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from fastapi.testclient import TestClient

from _web import DAM, TOKEN, example_workbench
from rawi.web import create_app
from rawi.web.i18n import Translator, catalogue, choose

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    workbench = example_workbench(tmp_path_factory.mktemp("web-digits"))
    yield workbench
    workbench.close()


@pytest.fixture
def client(wb) -> TestClient:
    return TestClient(create_app(wb, token=TOKEN, warm=False))


@pytest.mark.parametrize(
    ("numbering", "value", "shown"),
    [
        ("arab", 0.7, "٧٠٪"),
        ("latn", 0.7, "70%"),
        ("arab", 0.046, "٥٪"),
        (None, 1.0, "100%"),  # the catalogue's default: Western digits
    ],
)
def test_percentages_in_the_chosen_digits(numbering: str | None, value: float, shown: str) -> None:
    assert Translator("ar", numbering).pct(value) == shown


def test_counts_and_dates_in_the_chosen_digits_and_words_untouched() -> None:
    arab = Translator("ar", "arab")
    assert arab.num(2025) == "٢٠٢٥" and arab.num("2025-08-12") == "٢٠٢٥-٠٨-١٢"
    assert arab("independent_origins", n=13) == catalogue("ar")["independent_origins"].format(n="١٣")
    # an English interface may choose them too
    assert Translator("en", "arab")("sentence_n", n=4) == catalogue("en")["sentence_n"].format(n="٤")
    assert Translator("en")("sentence_n", n=4) == catalogue("en")["sentence_n"].format(n=4)
    # a field that is text (a name, a sample) is never rewritten
    assert Translator("ar", "arab")("switch_digits", sample="123").endswith("123")


def test_the_request_chooses_query_then_cookie_then_default() -> None:
    assert choose(None, None).digits == catalogue("ar")["digits"] == "latn"
    assert choose(None, None, "arab", None).digits == "arab"
    assert choose(None, None, None, "arab").digits == "arab"
    assert choose(None, None, "latn", "arab").digits == "latn"
    assert choose(None, None, "roman", "<script>").digits == "latn"  # unknown values are ignored


def _confidence(page: str) -> str:
    return html_lib.unescape(re.search(r'<span id="confidence">([^<]+)</span>', page).group(1))


def _switch(page: str) -> str:
    return re.search(r'id="switch-digits" href="([^"]+)"', page).group(1).replace("&amp;", "&")


def test_the_check_page_switches_digits_and_remembers_them(client: TestClient) -> None:
    western = client.get("/check", params={"claim": DAM}).text
    confidence = _confidence(western)
    assert re.fullmatch(r"\d{1,3}%", confidence)
    switch = _switch(western)
    assert "digits=arab" in switch and "claim=" in switch  # the same check, other digits

    arabic = client.get(switch)
    assert arabic.cookies.get("rawi_digits") == "arab"
    shown = _confidence(arabic.text)
    assert shown == confidence.translate(str.maketrans("0123456789%", ARABIC_INDIC + "٪"))
    # quoted article text keeps its own digits: every rationale and passage is as stored
    quoted = re.findall(r'<mark class="rationale">([^<]*)</mark>', western)
    assert quoted and quoted == re.findall(r'<mark class="rationale">([^<]*)</mark>', arabic.text)
    assert any(re.search(r"[0-9]", q) for q in quoted), "the example quotes hold Western digits"
    assert f'<bdi dir="auto">{DAM}</bdi>' in arabic.text  # the claim as typed
    # the provenance graph's shared-text shares too, and the evidence count
    reuse = re.findall(r'<g class="reuse">.*?<text[^>]*>([^<]+)</text>', arabic.text)
    assert reuse and all(re.search("[٠-٩]+٪", r) and not re.search("[0-9]", r) for r in reuse)
    evidence_count = re.search(r'<span class="muted">\(([^)]+)\)</span></h2>', arabic.text).group(1)
    assert set(evidence_count) <= set(ARABIC_INDIC)

    kept = client.get("/")  # the cookie keeps the choice on every page
    stats = re.findall(r'<span class="num">([^<]+)</span>', kept.text)
    assert stats and all(set(s) <= set(ARABIC_INDIC) for s in stats[:3])
    assert "digits=latn" in _switch(kept.text)

    back = client.get(_switch(kept.text))
    assert back.cookies.get("rawi_digits") == "latn"
    assert all(
        re.fullmatch(r"\d+", s) for s in re.findall(r'<span class="num">([^<]+)</span>', back.text)[:3]
    )


def test_the_json_api_never_changes_with_the_digits(client: TestClient) -> None:
    plain = client.get("/api/check", params={"claim": DAM}).json()
    client.cookies.set("rawi_digits", "arab")
    assert client.get("/api/check", params={"claim": DAM, "digits": "arab"}).json() == plain
    assert isinstance(plain["verdict"]["confidence"], float)
