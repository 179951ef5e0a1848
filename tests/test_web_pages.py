"""The server-rendered pages and what keeps them safe: Arabic first, English one click away, one
catalogue of interface text, token and CSRF on every form that writes, a strict CSP, and the
`rawi serve` refusals."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from _web import DAM, ROOT, TOKEN, example_workbench
from rawi.web import create_app
from rawi.web.i18n import catalogue, interface_languages
from rawi.web.security import CSP, is_loopback

PAGES = [
    "/",
    f"/check?claim={DAM}",
    "/articles/ar/dam-denial-sana.txt",
    "/search?q=سد",
    "/sources",
    "/checks",
    "/upload",
    "/login",
]


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    workbench = example_workbench(tmp_path_factory.mktemp("web-pages"))
    yield workbench
    workbench.close()


@pytest.fixture
def client(wb) -> TestClient:
    return TestClient(create_app(wb, token=TOKEN, warm=False))


def signed_in(client: TestClient) -> str:
    """Sign the test browser in through the form; returns its CSRF token."""
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    r = client.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    return csrf


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_arabic_first_and_english_one_click_away(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    switch = re.search(r'id="switch-lang" href="([^"]+)"', r.text).group(1).replace("&amp;", "&")
    english = client.get(switch)
    assert '<html lang="en" dir="ltr">' in english.text and catalogue("en")["nav_check"] in english.text
    assert '<html lang="en" dir="ltr">' in client.get(url).text  # the choice is kept (cookie)
    assert r.headers["content-security-policy"] == CSP and r.headers["x-content-type-options"] == "nosniff"
    # no inline script, nothing fetched from another host
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", r.text)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", r.text.replace('href="http://www.w3.org', ""))


def test_check_page_shows_verdict_evidence_graph_and_origins(client: TestClient) -> None:
    html = client.get("/check", params={"claim": DAM}).text
    label = re.search(r'id="verdict" data-label="(\w+)"', html).group(1)
    assert catalogue("ar")[f"verdict_{label}"] in html
    assert (
        '<mark class="rationale">' in html and "<meter" in html and "<svg" in html and 'id="origins"' in html
    )
    assert 'href="/api/check?claim=' in html  # the JSON twin


def test_json_twins_are_linked_and_answer(client: TestClient) -> None:
    for url in ("/", "/articles/feeds/wire.jsonl%23mizan-dam-photos", "/search?q=سد", "/sources", "/checks"):
        twin = re.search(r'class="twin" href="([^"]+)"', client.get(url).text).group(1).replace("&amp;", "&")
        r = client.get(twin)
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/json"), (url, twin)
    assert (
        client.get("/api/articles/feeds/wire.jsonl%23mizan-dam-photos").json()["article_id"]
        == "feeds/wire.jsonl#mizan-dam-photos"
    )


def test_one_catalogue_per_language_with_the_same_keys() -> None:
    languages = interface_languages()
    assert languages[0] == "ar" and "en" in languages
    own = {code: set(catalogue(code)) for code in languages}
    assert own["ar"] == own["en"]
    assert catalogue("ar")["direction"] == "rtl" and catalogue("en")["direction"] == "ltr"
    used: set[str] = set()
    for template in (resources.files("rawi.web") / "templates").iterdir():
        used |= set(re.findall(r"""\bt\(["'](\w+)["']\s*[,)]""", template.read_text(encoding="utf-8")))
    # keys made from data: every label the pipeline can give has its text
    for family, labels in {
        "verdict_": ("supported", "refuted", "disputed", "unverified"),
        "stance_": ("agree", "disagree", "discuss", "unrelated"),
        "polarity_": ("asserts", "reports", "denies"),
        "export_": ("json", "markdown", "html", "claimreview"),
        "graph_": ("title", "articles", "sources", "shared_text", "reuse"),
    }.items():
        used |= {family + label for label in labels}
    assert len(used) > 50 and used <= own["en"], used - own["en"]


def test_templates_hold_no_interface_literal() -> None:
    """Text between tags is an expression or a catalogue lookup, never a word typed in the template."""
    for template in (resources.files("rawi.web") / "templates").iterdir():
        text = re.sub(r"{[{%#].*?[}%#]}", "", template.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"<[^>]*>", "\n", text)
        words = [w for w in re.findall(r"[A-Za-z\u0600-\u06ff]{2,}", text) if w != "HTTP"]
        assert not words, (template.name, words[:5])


def test_writing_forms_need_sign_in_and_csrf(client: TestClient) -> None:
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/upload").text).group(1)
    assert client.post("/checks", data={"claim": DAM, "csrf": csrf}).status_code == 401  # not signed in
    csrf = signed_in(client)
    assert client.post("/checks", data={"claim": DAM}).status_code == 403  # no CSRF field
    assert client.post("/checks", data={"claim": DAM, "csrf": "forged"}).status_code == 403
    r = client.post("/checks", data={"claim": DAM, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/checks/")
    saved = client.get(r.headers["location"]).text
    assert 'id="verdict"' in saved and "/export/claimreview" in saved
    export = client.get(r.headers["location"] + "/export/markdown")
    assert export.status_code == 200 and export.text.startswith("# Claim check")
    rerun = client.post(r.headers["location"] + "/rerun", data={"csrf": csrf}, follow_redirects=False)
    assert rerun.status_code == 303 and rerun.headers["location"] != r.headers["location"]
    assert DAM in client.get("/checks").text


def test_wrong_token_does_not_sign_in(client: TestClient) -> None:
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    r = client.post("/login", data={"token": "guess", "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 401 and "rawi_token" not in r.headers.get("set-cookie", "")


def test_upload_form_ingests_and_lists_problems(client: TestClient) -> None:
    csrf = signed_in(client)
    text = "تراجع أسعار الذهب في أسواق عمّان\n\nتراجعت أسعار الذهب في أسواق العاصمة الأردنية عمّان اليوم الاثنين.\n"
    r = client.post(
        "/upload",
        data={"csrf": csrf},
        files=[
            ("files", ("gold.txt", text.encode(), "text/plain")),
            ("files", ("bad.csv", b"\x00\x01", "text/csv")),
        ],
    )
    assert r.status_code == 200 and 'id="upload-report"' in r.text
    assert "gold.txt" in r.text and "bad.csv" in r.text and 'class="problems"' in r.text


def test_upload_limits(wb) -> None:
    small = TestClient(create_app(wb, token=TOKEN, warm=False, max_upload_files=2, max_upload_bytes=1000))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    many = [("files", (f"f{i}.txt", b"news text here", "text/plain")) for i in range(3)]
    r = small.post("/api/ingest", files=many, headers=auth)
    assert r.status_code == 413 and r.json()["code"] == "E702"
    big = [("files", ("big.txt", b"x" * 200_000, "text/plain"))]
    assert small.post("/api/ingest", files=big, headers=auth).status_code == 413


def test_loopback_is_told_apart() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")


def test_serve_refuses_a_public_address_without_a_token(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "RAWI_TOKEN"}
    env["PYTHONPATH"] = str(ROOT / "src")
    r = subprocess.run(
        [sys.executable, "-m", "rawi", "serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 2 and "without a token" in r.stderr
    assert not (tmp_path / "x.db").exists()
