"""The server-rendered pages (Jinja2, autoescaped): Arabic-first, right to left, English one click
away. Each page has its JSON twin under ``/api`` (linked from the page)."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, pass_context
from markupsafe import Markup

from rawi.errors import ClaimError, NotFoundError, RawiError
from rawi.pipeline import CheckOptions
from rawi.report import render
from rawi.report.common import for_display
from rawi.report.svg import provenance_svg
from rawi.result import CheckResult
from rawi.store.saved_checks import SavedChecks
from rawi.text import detect_language
from rawi.web import i18n, security, views
from rawi.web.api import MAX_CLAIM, MEDIA, ExportFormat
from rawi.web.app import state

router = APIRouter(include_in_schema=False)


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("rawi.web", "templates"),
        autoescape=True,  # every page: article text, titles, outlets and URLs are hostile
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # numbers and metadata dates in the digits the user chose (the translator ``t`` of the page)
    env.filters["pct"] = pass_context(lambda ctx, x: ctx["t"].pct(x))
    env.filters["num"] = pass_context(lambda ctx, x: ctx["t"].num(x))
    env.filters["dir"] = lambda text: "rtl" if text and detect_language(str(text)).code == "ar" else "ltr"
    return env


def _translator(request: Request) -> i18n.Translator:
    return i18n.choose(
        request.query_params.get("lang"),
        request.cookies.get(i18n.LANG_COOKIE),
        request.query_params.get("digits"),
        request.cookies.get(i18n.DIGITS_COOKIE),
    )


def _switch_url(request: Request, **params: str) -> str:
    """This page with ``params`` changed (the language or digits switch)."""
    query = {**request.query_params, **params}
    return f"{request.url.path}?{urlencode(query)}"


def page(
    request: Request, template: str, *, twin: str | None = None, status: int = 200, **ctx: Any
) -> HTMLResponse:
    t = _translator(request)
    html = (
        _env()
        .get_template(template)
        .render(
            t=t,
            lang=t.code,
            direction=t.direction,
            switch_url=_switch_url(request, lang=t.other),
            digits_url=_switch_url(request, digits=t.other_digits),
            twin=twin,
            csrf=security.csrf_token(request),
            signed_in=security.signed_in(request, state(request).token),
            path=request.url.path,
            **ctx,
        )
    )
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in i18n.interface_languages():
        response.set_cookie(i18n.LANG_COOKIE, t.code, samesite="lax")
    if request.query_params.get("digits") in i18n.NUMBERING_ZERO:
        response.set_cookie(i18n.DIGITS_COOKIE, t.digits, samesite="lax")
    return response


def error_page(request: Request, error: RawiError) -> HTMLResponse:
    return page(request, "error.html", status=error.status, error=error)


def _twin(path: str, **params: Any) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept, doseq=True)}" if kept else path


def _graph_labels(t: i18n.Translator) -> dict[str, str]:
    """The provenance graph's words in the interface language."""
    keys = ("title", "articles", "sources", "shared_text", "reuse")
    labels = {key: t(f"graph_{key}") for key in keys}
    labels.update({p: t(f"polarity_{p}") for p in ("asserts", "reports", "denies")})
    return labels


def _check_context(request: Request, result: CheckResult) -> dict[str, Any]:
    shown = for_display(result)  # display names where the contract holds registry keys
    t = _translator(request)
    return {
        "result": result,
        "shown": shown,
        "texts": views.evidence_texts(state(request).wb, result),
        # rawi.report.svg escapes every name and label it draws
        "svg": Markup(provenance_svg(shown, _graph_labels(t), t.pct)),
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return page(request, "home.html", twin="/api/stats", overview=views.overview(state(request).wb))


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request, claim: Annotated[str, Query(max_length=MAX_CLAIM)] = "") -> HTMLResponse:
    t = _translator(request)
    if not claim.strip():
        return page(request, "check.html", claim="", result=None)
    try:
        result = state(request).wb.check_result(claim, CheckOptions(explanation_language=t.code))
    except ClaimError as e:
        return page(request, "check.html", claim=claim, result=None, error=e, status=e.status)
    twin = _twin("/api/check", claim=claim, explanation_language=t.code)
    return page(request, "check.html", twin=twin, claim=claim, **_check_context(request, result))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    view = views.article_view(state(request).wb, article_id)
    return page(request, "article.html", twin="/api/articles/" + quote(article_id, safe="/"), a=view)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    error = None
    if q.strip():
        try:
            hits = state(request).wb.search(q, limit=20)
        except ClaimError as e:
            error = e
    return page(
        request, "search.html", twin=_twin("/api/search", q=q) if q else None, q=q, hits=hits, error=error
    )


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    return page(request, "sources.html", twin="/api/sources", sources=views.sources_view(state(request).wb))


@router.get("/checks", response_class=HTMLResponse)
def checks_page(request: Request) -> HTMLResponse:
    return page(
        request, "checks.html", twin="/api/checks", checks=SavedChecks(state(request).wb.corpus).list()
    )


@router.get("/checks/{check_id}", response_class=HTMLResponse)
def saved_check_page(request: Request, check_id: int) -> HTMLResponse:
    saved = SavedChecks(state(request).wb.corpus).get(check_id) if 0 < check_id < 2**53 else None
    if saved is None:
        raise NotFoundError(f"No saved check number {check_id}.")
    result = CheckResult.from_json(saved.result)
    return page(
        request,
        "check.html",
        twin=f"/api/checks/{check_id}",
        claim=saved.claim,
        saved=saved,
        **_check_context(request, result),
    )


@router.get("/checks/{check_id}/export/{format}")
def export_page(request: Request, check_id: int, format: ExportFormat) -> Response:
    saved = SavedChecks(state(request).wb.corpus).get(check_id) if 0 < check_id < 2**53 else None
    if saved is None:
        raise NotFoundError(f"No saved check number {check_id}.")
    body = render(CheckResult.from_json(saved.result), format)
    ext = {"json": "json", "claimreview": "jsonld", "markdown": "md", "html": "html", "text": "txt"}[format]
    headers = {"Content-Disposition": f'attachment; filename="rawi-check-{check_id}.{ext}"'}
    return Response(body, media_type=MEDIA[format], headers=headers)


@router.post("/checks")
def save_check_form(
    request: Request,
    claim: Annotated[str, Form(min_length=1, max_length=MAX_CLAIM)],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    web = state(request)
    security.require_writer(request, web.token, csrf)
    result = web.wb.check_result(claim)
    saved = SavedChecks(web.wb.corpus).add(claim.strip(), {}, result.to_json())
    return RedirectResponse(f"/checks/{saved.id}", status_code=303)


@router.post("/checks/{check_id}/rerun")
def rerun_form(request: Request, check_id: int, csrf: Annotated[str, Form()] = "") -> Response:
    web = state(request)
    security.require_writer(request, web.token, csrf)
    checks = SavedChecks(web.wb.corpus)
    saved = checks.get(check_id) if 0 < check_id < 2**53 else None
    if saved is None:
        raise NotFoundError(f"No saved check number {check_id}.")
    result = web.wb.check_result(saved.claim, CheckOptions(**saved.options))
    again = checks.add(saved.claim, saved.options, result.to_json())
    return RedirectResponse(f"/checks/{again.id}", status_code=303)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    web = state(request)
    return page(request, "upload.html", report=None, max_files=web.max_upload_files, max_mb=web.max_upload_mb)


@router.post("/upload", response_class=HTMLResponse)
def upload_form(
    request: Request, files: Annotated[list[UploadFile], Form()], csrf: Annotated[str, Form()] = ""
) -> HTMLResponse:
    web = state(request)
    security.require_writer(request, web.token, csrf)
    report = web.ingest(files)
    return page(
        request, "upload.html", report=report, max_files=web.max_upload_files, max_mb=web.max_upload_mb
    )


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return page(request, "login.html", failed=False)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, token: Annotated[str, Form(max_length=500)], csrf: Annotated[str, Form()] = ""
) -> Response:
    security.check_csrf(request, csrf)
    web = state(request)
    if not security.same(token, web.token):
        return page(request, "login.html", failed=True, status=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(security.TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    security.check_csrf(request, csrf)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(security.TOKEN_COOKIE)
    return response
