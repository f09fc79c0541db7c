"""How the store writes each kind of value: the one definition of the three forms a value takes.

- the **Python** value services and views handle (`date`, aware `datetime`, vocabulary enum members, lists);
- the **stored** value SQLite holds (ISO text for dates and timestamps, the vocabulary value, 1/0, sorted JSON text);
- the **wire** value the sync protocol and the change log carry (ISO text, vocabulary values, sorted lists, JSON
  booleans) — the form `gn_core.fields` checks.

`codec_for(column)` gives a column's `Codec`. The store's own column types (`types.StringList`, `types.UTCDateTime`)
are written with it; SQLAlchemy's built-in `Date`, `Enum` and `Boolean` store exactly what it says (a hypothesis round
trip per column type checks that the ORM, the bulk path and the sync path agree: tests/unit/test_codec.py). The bulk
insert path (`changes.bulk_insert`), change capture's SQL (`changes._json_value_sql`) and the sync path
(`replica`, pulled records written as stored values) use nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import orjson
import sqlalchemy as sa

# --- the forms, one function each ------------------------------------------------------------------------------


def wire(value: Any) -> Any:
    """A Python value as the wire carries it: dates and datetimes as ISO text, enums by value, lists sorted."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(wire(v) for v in set(value))
    return value


def timestamp_to_stored(value: datetime) -> str:
    """An aware datetime as stored: UTC ISO 8601 with milliseconds ('2025-03-01T09:30:00.000+00:00')."""
    if value.tzinfo is None:
        raise ValueError("timestamps are stored from aware datetimes only")
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def timestamp_from_stored(value: str) -> datetime:
    return datetime.fromisoformat(value)


def timestamp_wire_to_stored(value: Any) -> str:
    if isinstance(value, datetime):
        return timestamp_to_stored(value)
    if type(value) is not str:
        raise TypeError("an ISO 8601 timestamp was expected")
    return timestamp_to_stored(datetime.fromisoformat(value))


def date_to_stored(value: date) -> str:
    return value.isoformat()


def date_from_stored(value: str) -> date:
    return date.fromisoformat(value)


def date_wire_to_stored(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if type(value) is not str:
        raise TypeError("an ISO date was expected")
    return date.fromisoformat(value).isoformat()


def string_list_to_stored(value: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """A set of codes as stored: sorted, without duplicates, as compact JSON (two campuses choosing the same set store
    the same text, which field-level merge compares)."""
    return json.dumps(sorted(set(value)), ensure_ascii=False, separators=(",", ":"))


def string_list_from_stored(value: str) -> list[str]:
    return list(json.loads(value))


def string_list_wire_to_stored(value: Any) -> str:
    if not value:
        return "[]"
    if type(value) is not list or not all(type(x) is str for x in value):
        raise TypeError("a list of codes was expected")
    return orjson.dumps(sorted(set(value))).decode()  # the same text as string_list_to_stored


def string_list_stored_to_wire(value: str | None) -> list[str]:
    return [] if value is None else list(json.loads(value))


def flag_wire_to_stored(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not bool:
        raise TypeError("true or false was expected")
    return 1 if value else 0


def flag_stored_to_wire(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def text_wire_to_stored(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("text was expected")
    return value


def integer_wire_to_stored(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("an integer was expected")
    return value


# --- per column -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Codec:
    """The three forms of one column's values. A None converter means "unchanged"; none of them is called on None
    (a null is null in every form) except `wire_to_stored` of string lists (null means the empty list)."""

    kind: str
    #: Python value -> stored value (what the ORM binds)
    to_stored: Callable[[Any], Any] | None
    #: stored value -> Python value (what the ORM reads)
    from_stored: Callable[[Any], Any] | None
    #: wire value -> stored value, validating as the ORM's types would (ValueError, TypeError); the sync path
    wire_to_stored: Callable[[Any], Any]
    #: stored value -> wire value (history entries written from stored values)
    stored_to_wire: Callable[[Any], Any] | None
    #: vocabulary values, for an inline membership test on the hot path (enums only)
    vocabulary: frozenset[str] | None = None

    def stored_to_wire_sql(self, quoted: str) -> str:
        """SQL giving this column's stored value as the wire carries it (change capture written by SQLite)."""
        if self.kind == "string_list":
            return f"json({quoted})"
        if self.kind == "flag":
            return f"CASE WHEN {quoted} IS NULL THEN NULL WHEN {quoted} THEN json('true') ELSE json('false') END"
        return quoted  # text, numbers, ISO dates, ISO UTC timestamps and vocabulary values are stored as wired


def _enum_codec(cls: type[Enum]) -> Codec:
    values = frozenset(str(member.value) for member in cls)

    def to_stored(v: Any) -> str:
        return str(v.value if isinstance(v, cls) else cls(v).value)

    def wire_to_stored(v: Any) -> Any:
        if v is None or (v.__class__ is str and v in values):
            return v
        return cls(v).value  # raises ValueError (TypeError for a list), as the ORM would

    return Codec("enum", to_stored, cls, wire_to_stored, None, values)


_CACHE: dict[Any, Codec] = {}


def codec_for(column: sa.Column[Any] | Any) -> Codec:
    """The codec of a store column (by its type)."""
    from gn_desktop.store.types import StringList, UTCDateTime  # the store's types are built on this module

    typ = column.type
    key = (type(typ), getattr(typ, "enum_class", None))
    found = _CACHE.get(key)
    if found is not None:
        return found
    if isinstance(typ, sa.Enum) and typ.enum_class is not None and issubclass(typ.enum_class, Enum):
        codec = _enum_codec(typ.enum_class)
    elif isinstance(typ, UTCDateTime):
        codec = Codec("timestamp", timestamp_to_stored, timestamp_from_stored, timestamp_wire_to_stored, None)
    elif isinstance(typ, sa.Date):
        codec = Codec("date", date_to_stored, date_from_stored, date_wire_to_stored, None)
    elif isinstance(typ, StringList):
        codec = Codec(
            "string_list",
            string_list_to_stored,
            string_list_from_stored,
            string_list_wire_to_stored,
            string_list_stored_to_wire,
        )
    elif isinstance(typ, sa.Boolean):
        codec = Codec("flag", lambda v: 1 if v else 0, bool, flag_wire_to_stored, flag_stored_to_wire)
    elif isinstance(typ, sa.String | sa.Text):
        codec = Codec("text", None, None, text_wire_to_stored, None)
    elif isinstance(typ, sa.Integer):
        codec = Codec("integer", None, None, integer_wire_to_stored, None)
    else:
        raise TypeError(f"no codec for {column} of type {typ!r}")
    _CACHE[key] = codec
    return codec
