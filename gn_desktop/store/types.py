"""Reusable column types: JSON-encoded string lists and UTC timestamps, written with the store's codec
(`codec.py`: the one definition of what the store keeps for a value)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from gn_desktop.store import codec


class StringList(TypeDecorator[list[str]]):
    """A sorted, de-duplicated list of strings stored as compact JSON text (e.g. barriers, job families).

    Sorted so that two campuses choosing the same set store the same value, which field-level merge compares.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str | None:
        return None if value is None else codec.string_list_to_stored(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> list[str] | None:
        return None if value is None else codec.string_list_from_stored(value)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime stored as ISO 8601 text with milliseconds ('2025-03-01T09:30:00.000+00:00').

    Text sorts chronologically and reads the same on SQLite and PostgreSQL exports; naive values are refused.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else codec.timestamp_to_stored(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else codec.timestamp_from_stored(value)


def utcnow() -> datetime:
    return datetime.now(UTC)
