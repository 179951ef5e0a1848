"""The REST API: the JSON twin of every page, and the writing endpoints (token required)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from rawi.errors import NotFoundError
from rawi.pipeline import CheckOptions
from rawi.report import FORMATS, render, render_json
from rawi.result import CheckResult
from rawi.store.saved_checks import SavedChecks
from rawi.web import security, views
from rawi.web.app import state

router = APIRouter(prefix="/api", tags=["api"])

MAX_CLAIM = 2000
CheckId = Annotated[int, Path(ge=1, le=2**53, description="A saved check's number.")]
ExportFormat = Literal["json", "markdown", "html", "claimreview", "text"]
MEDIA = {
    "json": "application/json",
    "claimreview": "application/ld+json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
CONTRACT = {
    200: {
        "description": "The check result: the JSON of `rawi check --format json` "
        "(contracts/check-result.schema.json).",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


class CheckRequest(BaseModel):
    claim: str = Field(min_length=1, max_length=MAX_CLAIM, description="The claim, in Arabic or English.")
    top_k: int | None = Field(None, ge=1, le=500, description="Articles retrieved and given a stance.")
    max_rationale: int | None = Field(None, ge=0, le=10, description="Rationale sentences per article.")
    explanation_language: Literal["ar", "en"] | None = Field(
        None, description="Language of the verdict's explanation (default: the claim's)."
    )

    def options(self) -> CheckOptions:
        return CheckOptions(self.top_k, self.max_rationale, self.explanation_language)

    def options_json(self) -> dict[str, Any]:
        return self.model_dump(exclude={"claim"}, exclude_none=True)


def contract_response(result: CheckResult) -> Response:
    """Exactly the bytes `rawi check --format json` prints."""
    return Response(render_json(result.to_json()), media_type="application/json")


def run_check(request: Request, body: CheckRequest) -> CheckResult:
    return state(request).wb.check_result(body.claim, body.options())


@router.get("/check", responses=CONTRACT, response_class=Response)
def check_get(
    request: Request,
    claim: Annotated[str, Query(min_length=1, max_length=MAX_CLAIM)],
    top_k: Annotated[int | None, Query(ge=1, le=500)] = None,
    explanation_language: Annotated[Literal["ar", "en"] | None, Query()] = None,
) -> Response:
    """Check a claim against the corpus."""
    return contract_response(
        run_check(request, CheckRequest(claim=claim, top_k=top_k, explanation_language=explanation_language))
    )


@router.post("/check", responses=CONTRACT, response_class=Response)
def check_post(request: Request, body: CheckRequest) -> Response:
    """Check a claim with options (nothing is stored; `POST /api/checks` saves)."""
    return contract_response(run_check(request, body))


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[dict[str, Any]]:
    """Articles ranked for the words of ``q``, with their best sentences."""
    return state(request).wb.search(q, limit=limit)


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """An article in full, its attributions and denials, and the articles it shares text with."""
    return views.article_view(state(request).wb, article_id)


@router.get("/provenance")
def provenance(
    request: Request, id: Annotated[list[str], Query(min_length=1, max_length=20)]
) -> dict[str, Any]:
    """Attributions and text reuse of the given articles (unknown ids under ``missing``)."""
    return state(request).wb.provenance(id)


@router.get("/stats")
def stats(request: Request) -> dict[str, Any]:
    """The corpus overview: counts, languages, outlets, dates, the latest articles."""
    return views.overview(state(request).wb)


@router.get("/sources")
def sources(request: Request) -> dict[str, Any]:
    """Outlets of the corpus with their latest articles, then the registry's other sources."""
    return views.sources_view(state(request).wb)


@router.get("/checks")
def saved_checks(request: Request) -> list[dict[str, Any]]:
    """Saved checks, newest first (time, claim, options, verdict)."""
    return [c.summary() for c in SavedChecks(state(request).wb.corpus).list()]


def _saved(request: Request, check_id: int):  # type: ignore[no-untyped-def]
    found = SavedChecks(state(request).wb.corpus).get(check_id)
    if found is None:
        raise NotFoundError(f"No saved check number {check_id}.")
    return found


@router.get("/checks/{check_id}")
def saved_check(request: Request, check_id: CheckId) -> dict[str, Any]:
    """One saved check with its full result."""
    return _saved(request, check_id).to_json()


@router.get("/checks/{check_id}/export", response_class=Response)
def export_check(request: Request, check_id: CheckId, format: ExportFormat = "json") -> Response:
    """A saved check as JSON, Markdown, HTML, ClaimReview or text (the `rawi check` renderers)."""
    assert format in FORMATS
    saved = _saved(request, check_id)
    return Response(render(CheckResult.from_json(saved.result), format), media_type=MEDIA[format])


@router.post("/checks", status_code=201)
def save_check(request: Request, body: CheckRequest) -> dict[str, Any]:
    """Check a claim and keep the result (needs the token)."""
    security.require_writer(request, state(request).token)
    result = run_check(request, body).to_json()
    return SavedChecks(state(request).wb.corpus).add(body.claim, body.options_json(), result).to_json()


@router.post("/checks/{check_id}/rerun", status_code=201)
def rerun_check(request: Request, check_id: CheckId) -> dict[str, Any]:
    """Check a saved claim again on the corpus as it is now, kept as a new saved check."""
    security.require_writer(request, state(request).token)
    saved = _saved(request, check_id)
    body = CheckRequest(claim=saved.claim, **saved.options)
    result = run_check(request, body).to_json()
    return SavedChecks(state(request).wb.corpus).add(body.claim, body.options_json(), result).to_json()


@router.delete("/checks/{check_id}")
def delete_check(request: Request, check_id: CheckId) -> dict[str, Any]:
    """Delete a saved check (needs the token)."""
    security.require_writer(request, state(request).token)
    if not SavedChecks(state(request).wb.corpus).delete(check_id):
        raise NotFoundError(f"No saved check number {check_id}.")
    return {"ok": True, "deleted": check_id}


@router.post("/ingest")
def ingest(
    request: Request, files: Annotated[list[UploadFile], File(description="txt, md, html, json, jsonl, csv")]
) -> JSONResponse:
    """Add uploaded files to the corpus with the readers of `rawi ingest` (needs the token).
    Each file that cannot be used is listed under ``problems``; what was stored stays."""
    web = state(request)
    security.require_writer(request, web.token)
    report = web.ingest(files)
    return JSONResponse({"ok": not report["problems"], **report})


__all__ = ["router"]
