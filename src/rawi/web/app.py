"""The web workbench: one FastAPI app over one :class:`rawi.core.Rawi`, models loaded once.

``create_app(wb, token=...)`` serves the REST API under ``/api`` (and ``/openapi.json``) and the
server-rendered pages beside it. Every error has one shape, :meth:`RawiError.to_json`, on the API
and an error page in the pages. Every response carries the security headers of
:mod:`rawi.web.security`.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request

from rawi import __version__
from rawi.core import Rawi
from rawi.errors import NotFoundError, RawiError, RequestError, UsageError
from rawi.web import security

log = logging.getLogger("rawi.web")

MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the whole upload (one request)


@dataclass
class WebState:
    wb: Rawi
    token: str
    max_upload_files: int = MAX_UPLOAD_FILES
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def max_upload_mb(self) -> int:
        return self.max_upload_bytes // (1024 * 1024)

    def ingest(self, files: list[UploadFile]) -> dict[str, Any]:
        """Uploaded files into the corpus, one upload at a time (see rawi.web.uploads)."""
        from rawi.web.uploads import ingest_uploads

        with self.ingest_lock:
            return ingest_uploads(
                self.wb,
                [(f.filename, f.file) for f in files],
                max_files=self.max_upload_files,
                max_bytes=self.max_upload_bytes,
            )


def state(request: Request) -> WebState:
    return request.app.state.web


def _error_json(error: RawiError) -> JSONResponse:
    return JSONResponse(error.to_json(), status_code=error.status)


def _wants_page(request: Request) -> bool:
    return not (request.url.path.startswith("/api") or request.url.path == "/openapi.json")


def create_app(
    wb: Rawi,
    *,
    token: str,
    max_upload_files: int = MAX_UPLOAD_FILES,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    warm: bool = True,
) -> FastAPI:
    """The app over ``wb``; ``token`` is what writing requests must present (never empty)."""
    if not token:
        raise UsageError("The web workbench needs a token for its writing endpoints.")
    if warm:
        wb.warm()  # the models load here, once, not on the first request
    app = FastAPI(
        title="rawi",
        version=__version__,
        description="Check claims against an Arabic and English news corpus: evidence, stance, "
        "provenance and a verdict. `GET /api/check?claim=…` returns the JSON of `rawi check --format json`.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.web = WebState(wb, token, max_upload_files, max_upload_bytes)

    from rawi.web.api import router as api_router
    from rawi.web.pages import error_page
    from rawi.web.pages import router as pages_router

    @app.middleware("http")
    async def guard(request: Request, call_next):  # type: ignore[no-untyped-def]
        if request.method in ("POST", "PUT", "PATCH", "DELETE"):
            length = request.headers.get("content-length")
            limit = app.state.web.max_upload_bytes + 64 * 1024  # the form's own fields and boundaries
            if length is None and request.headers.get("transfer-encoding"):
                error = RequestError("A request body needs a Content-Length.", status=411)
                return _render_error(request, error)
            if length is not None and (not length.isdigit() or int(length) > limit):
                error = RequestError(
                    f"The request is larger than this server accepts ({limit // (1024 * 1024)} MB).",
                    status=413,
                )
                return _render_error(request, error)
        response: Response = await call_next(request)
        for name, value in security.HEADERS.items():
            response.headers.setdefault(name, value)
        new_csrf = getattr(request.state, "new_csrf", None)
        if new_csrf:
            response.set_cookie(security.CSRF_COOKIE, new_csrf, httponly=True, samesite="strict")
        return response

    def _render_error(request: Request, error: RawiError) -> Response:
        if _wants_page(request):
            return error_page(request, error)
        return _error_json(error)

    @app.exception_handler(RawiError)
    async def rawi_error(request: Request, error: RawiError) -> Response:
        return _render_error(request, error)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body')}: {e.get('msg', '')}"
            for e in error.errors()
        )
        usage = UsageError(f"Invalid request: {problems}")
        usage.status = 422
        return _render_error(request, usage)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if error.status_code == 404:
            return _render_error(request, NotFoundError(f"Nothing at {request.url.path}."))
        return _render_error(request, RequestError(str(error.detail), status=error.status_code))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, error: ValueError) -> Response:
        usage = UsageError(str(error))
        usage.status = 422
        return _render_error(request, usage)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        internal = RawiError(f"Internal error ({type(error).__name__}); the server log has the details.")
        internal.code, internal.status = "E900", 500
        return _render_error(request, internal)

    static = Path(str(resources.files("rawi.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    return app
