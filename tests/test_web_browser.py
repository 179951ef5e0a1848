"""The workbench in a real browser: Debian's chromium, headless, driven through its chromedriver
(never a downloaded browser). One browser and one server for the module, on a copy of the example
corpus plus articles carrying XSS payloads in their text, titles, outlets and URLs.

Screenshots of every page are kept as test artefacts in a temporary folder (printed at the end;
set RAWI_SCREENSHOTS to keep them in a folder of your choosing).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from _web import DAM, TOKEN, example_workbench
from rawi.web import create_app
from rawi.web.i18n import catalogue

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
# Each payload would set window.__xss (or open an alert) if the page ran it.
PAYLOADS = {
    "title": "<script>window.__xss='title'</script>سد الفرات <img src=x onerror=\"window.__xss='title-img'\">",
    "text": "أعلنت السلطات إغلاق سد الفرات للصيانة. <img src=x onerror=\"window.__xss='text'\"> "
    '"><svg onload="window.__xss=\'svg\'"></svg> <iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe> '
    "<a href=\"javascript:window.__xss='link'\">اضغط</a> وقالت وكالة سانا إن السد سليم.",
    "outlet": "<img src=x onerror=\"window.__xss='outlet'\">",
    "url": "javascript:window.__xss='url'",
}
XSS_CLAIM = "أعلنت السلطات إغلاق سد الفرات للصيانة"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("RAWI_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nscreenshots: {folder}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    import uvicorn

    root = tmp_path_factory.mktemp("web-browser")
    hostile = root / "hostile"
    hostile.mkdir()
    record = {
        "id": "xss-1",
        "title": PAYLOADS["title"],
        "text": PAYLOADS["text"],
        "outlet": PAYLOADS["outlet"],
        "url": PAYLOADS["url"],
    }
    (hostile / "hostile.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    wb = example_workbench(root)
    assert wb.ingest([hostile]).ok
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(wb, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    wb.close()


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium must never fetch a driver or a browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,900")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def wait_for(browser, css: str, timeout: float = 60):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def assert_inert(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.common.exceptions import NoAlertPresentException

    assert browser.execute_script("return window.__xss === undefined ? null : window.__xss") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018


def test_submit_a_claim_read_the_verdict_open_an_article(server: str, browser, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    browser.save_screenshot(str(shots / "home-ar.png"))
    box = browser.find_element(By.ID, "claim")
    box.send_keys(DAM)
    box.find_element(By.XPATH, "./ancestor::form").submit()
    label = wait_for(browser, "#verdict-label").text
    verdicts = {
        catalogue("ar")[f"verdict_{k}"]: k for k in ("supported", "refuted", "disputed", "unverified")
    }
    assert label in verdicts
    assert browser.find_element(By.ID, "verdict").get_attribute("data-label") == verdicts[label]
    assert browser.find_elements(By.CSS_SELECTOR, "#evidence article.evidence") and browser.find_elements(
        By.CSS_SELECTOR, "#provenance svg"
    )
    browser.save_screenshot(str(shots / "check-ar.png"))
    first = browser.find_element(By.CSS_SELECTOR, "#evidence article.evidence a.title")
    title = first.text
    first.click()
    wait_for(browser, "#article-text")
    assert browser.find_element(By.CSS_SELECTOR, "#article h1").text == title
    browser.save_screenshot(str(shots / "article-ar.png"))
    assert_inert(browser)


def test_switch_language(server: str, browser, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/check?claim=" + urllib.parse.quote(DAM))
    browser.find_element(By.ID, "switch-lang").click()
    wait_for(browser, 'html[lang="en"]')
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    assert catalogue("en")["check_title"] in browser.page_source
    assert "independent origin" in browser.find_element(By.ID, "explanation").text  # explained in English
    browser.save_screenshot(str(shots / "check-en.png"))
    browser.find_element(By.ID, "switch-lang").click()
    wait_for(browser, 'html[lang="ar"]')


ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


def test_switch_digits(server: str, browser, shots: Path) -> None:
    """Arabic-Indic digits one click away, kept on the next page; the quoted article text keeps its own."""
    from selenium.webdriver.common.by import By

    browser.get(server + "/check?claim=" + urllib.parse.quote(DAM))
    western = browser.find_element(By.ID, "confidence").text
    quoted = [
        m.get_attribute("textContent") for m in browser.find_elements(By.CSS_SELECTOR, "mark.rationale")
    ]
    assert western.endswith("%") and any(c.isdigit() and c.isascii() for c in "".join(quoted))
    browser.find_element(By.ID, "switch-digits").click()
    wait_for(browser, '#switch-digits[data-digits="latn"]')
    shown = browser.find_element(By.ID, "confidence").text
    assert shown == western.translate(str.maketrans("0123456789%", ARABIC_INDIC + "\u066a"))
    after = [m.get_attribute("textContent") for m in browser.find_elements(By.CSS_SELECTOR, "mark.rationale")]
    assert after == quoted  # article text untouched
    browser.save_screenshot(str(shots / "check-ar-digits.png"))
    browser.get(server + "/")  # remembered (cookie) on the next page
    counts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".stat .num")][:3]
    assert counts and all(c and set(c) <= set(ARABIC_INDIC) for c in counts), counts
    browser.find_element(By.ID, "switch-digits").click()
    wait_for(browser, '#switch-digits[data-digits="arab"]')
    assert all(e.text.isascii() for e in browser.find_elements(By.CSS_SELECTOR, ".stat .num")[:3])


def test_upload_a_file(server: str, browser, shots: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/login")
    browser.find_element(By.ID, "token").send_keys(TOKEN)
    browser.find_element(By.ID, "login-form").submit()
    wait_for(browser, "form[action='/logout']")
    news = tmp_path / "port-reopens.txt"
    news.write_text(
        "إعادة فتح ميناء اللاذقية\n\nأعادت السلطات فتح ميناء اللاذقية أمام السفن التجارية صباح اليوم.\n",
        encoding="utf-8",
    )
    browser.get(server + "/upload")
    browser.find_element(By.ID, "files").send_keys(str(news))
    browser.find_element(By.ID, "upload-submit").click()
    report = wait_for(browser, "#upload-report")
    assert "port-reopens.txt" in report.text
    assert browser.find_elements(By.CSS_SELECTOR, "#upload-report a[href='/articles/port-reopens.txt']")
    browser.save_screenshot(str(shots / "upload-ar.png"))


def test_xss_payloads_never_run(server: str, browser, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    # the control: the same payload, in a page that does not escape it, does run
    browser.get("data:text/html;charset=utf-8," + urllib.parse.quote("<p>" + PAYLOADS["outlet"] + "</p>"))
    deadline = time.monotonic() + 10
    while browser.execute_script("return window.__xss || null") is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert browser.execute_script("return window.__xss") == "outlet"

    pages = {
        "article": "/articles/" + urllib.parse.quote("hostile.jsonl#xss-1"),
        "check": "/check?claim=" + urllib.parse.quote(XSS_CLAIM),
        "search": "/search?q=" + urllib.parse.quote("سد الفرات"),
        "home": "/",
        "sources": "/sources",
    }
    for name, path in pages.items():
        browser.get(server + path)
        wait_for(browser, "footer")
        time.sleep(0.3)  # an onerror handler fires after the image fails to load
        assert_inert(browser)
        assert not browser.find_elements(
            By.CSS_SELECTOR, "a[href^='javascript'], iframe, main img, main script"
        )
        browser.save_screenshot(str(shots / f"xss-{name}.png"))
    # the payloads did reach the pages, as text
    browser.get(server + pages["article"])
    text = browser.find_element(By.ID, "article-text").text
    assert "<img src=x onerror=" in text and "<svg onload=" in text
    assert "<script>" in browser.find_element(By.CSS_SELECTOR, "#article h1").text
    browser.get(server + pages["check"])
    shown = browser.find_element(By.ID, "main").get_attribute("textContent")
    assert "<script>window.__xss='title'</script>" in shown  # the hostile article's title, as text


def test_readable_at_phone_width(server: str, browser, shots: Path) -> None:
    # a phone's viewport (headless windows have a minimum width, so the device metrics are set)
    metrics = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        for name, path in (("home", "/"), ("check", "/check?claim=" + urllib.parse.quote(DAM))):
            browser.get(server + path)
            wait_for(browser, "footer")
            assert browser.execute_script("return window.innerWidth") == 390
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 1, f"{name} is {overflow}px wider than a phone"
            browser.save_screenshot(str(shots / f"{name}-phone.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_screenshots_were_kept(shots: Path) -> None:
    kept = sorted(p.name for p in shots.glob("*.png"))
    assert {"home-ar.png", "check-ar.png", "article-ar.png", "check-en.png", "upload-ar.png"} <= set(kept)
    assert shutil.disk_usage(shots).free > 0
