"""Every endpoint of the REST API through the ASGI test client, on the example corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from _web import DAM, EXAMPLES, ROOT, TOKEN, example_workbench
from rawi.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def wb(tmp_path_factory: pytest.TempPathFactory):
    workbench = example_workbench(tmp_path_factory.mktemp("web-api"))
    yield workbench
    workbench.close()


@pytest.fixture(scope="module")
def client(wb) -> TestClient:
    return TestClient(create_app(wb, token=TOKEN))


def test_check_get_is_byte_for_byte_the_cli_json(client: TestClient, wb, check_schema: dict) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cli = subprocess.run(
        [sys.executable, "-m", "rawi", "check", DAM, "--db", wb.db, "--format", "json", "--encoder", "none"],
        capture_output=True,
        env=env,
        check=True,
    ).stdout
    response = client.get("/api/check", params={"claim": DAM})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.content == cli
    jsonschema.validate(response.json(), check_schema)


def test_check_post_takes_options(client: TestClient) -> None:
    r = client.post("/api/check", json={"claim": DAM, "top_k": 3, "explanation_language": "en"})
    assert r.status_code == 200
    data = r.json()
    assert len(data["evidence"]) <= 3 and "independent origin" in data["verdict"]["explanation"]


@pytest.mark.parametrize(
    ("request_args", "status", "code"),
    [
        (("get", "/api/check", {"params": {"claim": "!!"}}), 400, "E200"),
        (("get", "/api/check", {}), 422, "E600"),
        (("post", "/api/check", {"json": {"claim": DAM, "top_k": 0}}), 422, "E600"),
        (("get", "/api/articles/no/such.txt", {}), 404, "E701"),
        (("get", "/api/checks/99999", {}), 404, "E701"),
        (("get", "/api/nowhere", {}), 404, "E701"),
    ],
)
def test_errors_have_one_shape(client: TestClient, request_args: tuple, status: int, code: str) -> None:
    method, url, kwargs = request_args
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["code"] == code and body["status"] == status and body["error"]


def test_search_article_and_provenance(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "سد وادي الرمل"}).json()
    assert hits and all({"article_id", "title", "score", "sentences"} <= set(h) for h in hits)
    article_id = hits[0]["article_id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["article_id"] == article_id and article["text"]
    assert "".join(s["text"] for s in article["segments"]) == article["text"]  # marks cut, never lose, text
    prov = client.get("/api/provenance", params={"id": [article_id, "missing.txt"]}).json()
    assert prov["missing"] == ["missing.txt"] and prov["articles"][0]["article_id"] == article_id


def test_article_marks_denials_and_shared_text(client: TestClient) -> None:
    article = client.get("/api/articles/ar/dam-denial-sana.txt").json()
    kinds = {k for s in article["segments"] for k in s["kinds"]}
    assert {"denies", "attribution", "reuse"} <= kinds
    # the agency's denial was copied by two other outlets: both listed, and the shared text marked
    assert {r["article_id"] for r in article["reuse"]} == {
        "ar/dam-denial-alofoq.txt",
        "ar/dam-denial-cp1256.txt",
    }


def test_stats_and_sources(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 37 and stats["recent"]
    sources = client.get("/api/sources").json()
    assert sources["registry"] and all(o["articles"] >= 1 for o in sources["outlets"])


def test_saved_checks_need_the_token_and_round_trip(client: TestClient) -> None:
    assert client.post("/api/checks", json={"claim": DAM}).status_code == 401
    assert (
        client.post("/api/checks", json={"claim": DAM}, headers={"Authorization": "Bearer wrong"}).status_code
        == 401
    )
    saved = client.post("/api/checks", json={"claim": DAM, "top_k": 5}, headers=AUTH)
    assert saved.status_code == 201
    n = saved.json()["id"]
    listed = client.get("/api/checks").json()
    assert listed[0]["id"] == n and listed[0]["claim"] == DAM and listed[0]["options"] == {"top_k": 5}
    full = client.get(f"/api/checks/{n}").json()
    assert full["result"]["claim"]["text"] == DAM and len(full["result"]["evidence"]) <= 5
    for fmt, marker in (
        ("json", '"verdict"'),
        ("markdown", "# Claim check"),
        ("html", "<html"),
        ("claimreview", "ClaimReview"),
    ):
        exported = client.get(f"/api/checks/{n}/export", params={"format": fmt})
        assert exported.status_code == 200 and marker in exported.text, fmt
    assert json.loads(client.get(f"/api/checks/{n}/export").text) == full["result"]
    again = client.post(f"/api/checks/{n}/rerun", headers=AUTH).json()
    assert again["id"] > n and again["options"] == {"top_k": 5}
    assert client.delete(f"/api/checks/{n}").status_code == 401
    assert client.delete(f"/api/checks/{n}", headers=AUTH).json() == {"ok": True, "deleted": n}
    assert client.get(f"/api/checks/{n}").status_code == 404


def test_ingest_upload_lists_problems_and_keeps_what_is_stored(client: TestClient, tmp_path: Path) -> None:
    good = "عاجل: افتتاح جسر جديد في مدينة الرستن\n\nافتتحت محافظة حمص اليوم جسراً جديداً فوق نهر العاصي في مدينة الرستن.\n"
    files = [
        ("files", ("../../etc/جسر الرستن.txt", good.encode(), "text/plain")),
        ("files", ("broken.json", b"{not json", "application/json")),
    ]
    assert client.post("/api/ingest", files=files).status_code == 401
    r = client.post("/api/ingest", files=files, headers=AUTH)
    assert r.status_code == 200
    report = r.json()
    assert report["added"] == 1 and report["added_ids"] == ["جسر_الرستن.txt"]  # the base name only
    assert [p["source"] for p in report["problems"]] == ["broken.json"] and report["ok"] is False
    assert not (tmp_path / "etc").exists()
    assert client.get("/api/stats").json()["articles"] == 38  # the 37 examples are all still there
    hits = client.get("/api/search", params={"q": "جسر الرستن"}).json()
    assert hits[0]["article_id"] == "جسر_الرستن.txt"


def test_openapi_lists_the_api(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert {
        "/api/check",
        "/api/search",
        "/api/articles/{article_id}",
        "/api/provenance",
        "/api/checks",
        "/api/stats",
        "/api/ingest",
        "/api/sources",
    } <= set(doc["paths"])
    assert not any(p.startswith("/check") or p == "/" for p in doc["paths"])  # pages are not API


def test_examples_folder_is_what_the_fixture_reads() -> None:
    assert (EXAMPLES / "ar").is_dir()
