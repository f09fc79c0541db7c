"""Errors a caller can act on, with a stable code and a French title; the HTTP layer turns them into problem+json."""

from __future__ import annotations

from typing import Any


class HqError(Exception):
    """An error the client (or the administrator) can act on. `status` is the HTTP status the API answers with."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        title: str,
        *,
        detail: str | None = None,
        code: str | None = None,
        status: int | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(title)
        self.title = title
        self.detail = detail
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.errors = errors


class InvalidChange(HqError):
    """A change in a pushed batch is malformed or not this device's: the whole batch is refused."""

    status = 422
    code = "invalid_change"


class Invalid(HqError):
    """A request well formed but refused for its content (the French title names the field and the fix)."""

    status = 422
    code = "invalid"


class NotFound(HqError):
    status = 404
    code = "not_found"


class Forbidden(HqError):
    status = 403
    code = "forbidden"


class Unauthorized(HqError):
    """Unknown, revoked or missing credential. Says nothing more."""

    status = 401
    code = "unauthorized"

    def __init__(self, scheme: str = "Bearer") -> None:
        super().__init__("Appareil ou identifiants non reconnus : authentification requise.")
        self.scheme = scheme


class Conflicting(HqError):
    status = 409
    code = "conflict"
