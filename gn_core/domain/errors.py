"""Errors a person can act on, as opposed to bugs.

`KnownError` and its subclasses carry a French message meant to be shown as-is (naming the field and the fix).
Anything else escaping a service is a bug and is reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass


class KnownError(Exception):
    """An error the user can act on; `message` is French, complete and safe to display.

    `keeps_writes`: the refusal itself was recorded (a count of failed attempts, to slow guessing down) and the unit of
    work is committed even so; otherwise a refused write leaves nothing."""

    keeps_writes = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str  # the input field's name, e.g. "phone"
    message: str  # French, names the field and the fix


class InvalidInput(KnownError):
    """One or more fields are invalid; every error is listed, not just the first."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(" ; ".join(err.message for err in self.errors))

    def for_field(self, field: str) -> list[str]:
        return [err.message for err in self.errors if err.field == field]


class NotFound(KnownError):
    pass


class PathwayMoveRefused(KnownError):
    """An illegal pathway move; the message says why and what to do instead."""


class PermissionDenied(KnownError):
    pass
