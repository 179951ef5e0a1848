"""The RawiError family: every error a user can see has a stable code they can search for."""

from __future__ import annotations


class RawiError(Exception):
    """Base class. ``code`` is stable (e.g. "E201"); ``status`` is the HTTP status for the web API."""

    code = "E000"
    status = 400

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def to_json(self) -> dict[str, object]:
        return {"ok": False, "error": self.message, "code": self.code, "status": self.status}

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(RawiError):
    """A file, record or field the user gave cannot be read."""

    code = "E100"


class ClaimError(RawiError):
    """The claim is empty or has no searchable words."""

    code = "E200"


class StoreError(RawiError):
    """The corpus database cannot be opened or has an unknown schema."""

    code = "E300"
    status = 500


class ModelError(RawiError):
    """A model is missing, unfitted or its file is not one rawi can read."""

    code = "E400"
    status = 500


class DatasetError(RawiError):
    """An evaluation or training dataset is missing or not in the expected layout."""

    code = "E500"


class UsageError(RawiError):
    """A command-line option that cannot be used: an unknown --format, --out into a missing folder."""

    code = "E600"


class AccessError(RawiError):
    """A writing request of the web API without the server's token (or with a wrong one)."""

    code = "E700"
    status = 401


class NotFoundError(RawiError):
    """A web API request names an article, saved check or page that does not exist."""

    code = "E701"
    status = 404


class RequestError(RawiError):
    """A web request the server refuses: too large, too many files, a form without its CSRF token."""

    code = "E702"

    def __init__(self, message: str, *, code: str | None = None, status: int = 400) -> None:
        super().__init__(message, code=code)
        self.status = status
