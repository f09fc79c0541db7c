"""The sync wire schemas: the one contract between a campus and HQ.

A campus sends `Change`s (one per insert, update or delete of a synced record, in device-sequence order); HQ merges
them field by field using each change's old values as the base. The HQ issue extends this module with the push/pull
envelopes; the shapes below are what the campus store already records.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1

Op = Literal["insert", "update", "delete"]


class FieldChange(BaseModel):
    """One field's value before and after the change (JSON-ready: dates as ISO strings, enums as values)."""

    model_config = ConfigDict(frozen=True)

    old: Any = None
    new: Any = None


class Change(BaseModel):
    """One captured mutation of a synced record."""

    model_config = ConfigDict(frozen=True)

    device_seq: int = Field(ge=1, description="strictly increasing per device; the idempotency key with device_id")
    device_id: str
    campus_id: str | None
    user_id: str | None
    entity: str = Field(description="table name of the synced record, e.g. 'person'")
    record_id: str
    op: Op
    fields: dict[str, FieldChange]
    base_version: int = Field(ge=0, description="the record's HQ version this change was made against (0 = new)")
    hlc: str = Field(description="hybrid logical clock stamp; breaks ties only")
