"""What keeps the workbench safe to open in a browser: the writer's token, CSRF on forms, the
Content-Security-Policy, and the limits on what a request may carry.

- Writing (ingest, saved checks) needs the server's token: ``Authorization: Bearer <token>`` for
  scripts, or the ``rawi_token`` cookie a browser gets from the sign-in form. A cookie-signed
  request must also carry the CSRF token (form field ``csrf`` or header ``X-CSRF-Token``) equal to
  the ``rawi_csrf`` cookie: another site can make a browser send cookies, never read them.
- Pages load only this server's stylesheet and script (no inline script, no CDN, no font).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets

from starlette.requests import Request

from rawi.errors import AccessError, RequestError

TOKEN_COOKIE = "rawi_token"
CSRF_COOKIE = "rawi_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def signed_in(request: Request, token: str) -> bool:
    """Whether the browser holds the token cookie (what pages show; writing checks more)."""
    return same(request.cookies.get(TOKEN_COOKIE), token)


def require_writer(request: Request, token: str, form_csrf: str | None = None) -> None:
    """Allow a writing request, or raise :class:`AccessError` / :class:`RequestError` (CSRF)."""
    if same(bearer(request), token):
        return
    if not signed_in(request, token):
        raise AccessError(
            "This action changes the corpus and needs the server's token: send "
            "'Authorization: Bearer <token>', or sign in on the page /login."
        )
    check_csrf(request, form_csrf)


def check_csrf(request: Request, form_csrf: str | None = None) -> None:
    sent = form_csrf if form_csrf is not None else request.headers.get(CSRF_HEADER)
    if not same(sent, request.cookies.get(CSRF_COOKIE)):
        raise RequestError(
            "The form's CSRF token is missing or stale: reload the page and try again.", status=403
        )


def csrf_token(request: Request) -> str:
    """The browser's CSRF token (a new one when it has none; the response sets the cookie)."""
    existing = request.cookies.get(CSRF_COOKIE)
    if existing and len(existing) >= 20:
        return existing
    token = getattr(request.state, "new_csrf", None)
    if token is None:
        token = request.state.new_csrf = secrets.token_urlsafe(24)
    return token
