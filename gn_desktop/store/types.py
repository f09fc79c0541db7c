"""Reusable column types: JSON-encoded string lists and UTC timestamps."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class StringList(TypeDecorator[list[str]]):
    """A sorted, de-duplicated list of strings stored as compact JSON text (e.g. barriers, job families).

    Sorted so that two campuses choosing the same set store the same value, which field-level merge compares.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(sorted(set(value)), ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: Any, dialect: Dialect) -> list[str] | None:
        if value is None:
            return None
        return list(json.loads(value))


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime stored as ISO 8601 text with milliseconds ('2025-03-01T09:30:00.000+00:00').

    Text sorts chronologically and reads the same on SQLite and PostgreSQL exports; naive values are refused.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).isoformat(timespec="milliseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


def utcnow() -> datetime:
    return datetime.now(UTC)
