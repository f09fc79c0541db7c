"""Change capture: the one place where writes to synced records become change-log and history entries.

A `before_flush` hook on every store session stamps each inserted, updated or deleted `Synced` record (timestamps,
version, who changed it) and adds, in the same flush and so the same transaction, one `ChangeLog` entry (to push to
HQ) and one `HistoryEntry` (kept for the person's file). A rolled-back transaction therefore leaves no entry.
`bulk_insert` is the same capture for large inserts (demo data, imports) done with executemany.

Sessions must carry a `CaptureContext` in `session.info["capture"]`; the unit of work sets it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, attributes

from gn_core.hlc import HybridClock
from gn_core.ids import new_id
from gn_desktop.store.models import BOOKKEEPING, ChangeLog, HistoryEntry, Synced, Tombstone
from gn_desktop.store.types import utcnow


class AppendOnlyViolation(Exception):
    """A bug: code tried to edit or delete an append-only record (notes, pathway events) outside erasure."""


class MissingCaptureContext(Exception):
    """A bug: synced records were written through a session that no unit of work set up."""


@dataclass(slots=True)
class CaptureContext:
    """Who is writing, from which device and campus, and with which clock."""

    device_id: str
    campus_id: str | None
    user_id: str | None
    clock: HybridClock
    #: False while applying changes received from HQ: they go to history (origin "remote") but not to the change log
    capture: bool = True
    #: True only inside an erasure, which may delete append-only records
    erasing: bool = False
    #: filled with (entity, record_id) of every record changed in the current transaction, for views to refresh
    touched: set[tuple[str, str]] = field(default_factory=set)


def wire(value: Any) -> Any:
    """A column value as JSON: dates and datetimes as ISO text, enums by value, lists as sorted lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(wire(v) for v in set(value))
    return value


def data_columns(model: type[Synced]) -> list[str]:
    """The synced data fields of a model: all columns but bookkeeping and derived ones."""
    return [
        attr.key
        for attr in inspect(model).column_attrs
        if attr.key not in BOOKKEEPING and attr.key not in model.__derived_fields__
    ]


_COLUMNS_CACHE: dict[type[Synced], list[str]] = {}


def _columns(model: type[Synced]) -> list[str]:
    cols = _COLUMNS_CACHE.get(model)
    if cols is None:
        cols = _COLUMNS_CACHE[model] = data_columns(model)
    return cols


def _person_id(obj: Synced) -> str | None:
    attr = type(obj).__person_attr__
    return getattr(obj, attr) if attr else None


def _apply_python_defaults(obj: Synced) -> None:
    """Column defaults are normally applied at INSERT; capture needs the values now, so apply them here."""
    for column_attr in inspect(type(obj)).column_attrs:
        key = column_attr.key
        if getattr(obj, key) is not None:
            continue
        default = column_attr.columns[0].default
        if default is None:
            continue
        if default.is_scalar:
            setattr(obj, key, default.arg)
        elif default.is_callable:
            fn: Any = default.arg
            try:
                setattr(obj, key, fn(None))
            except TypeError:
                setattr(obj, key, fn())


def _entries(
    session: Session,
    ctx: CaptureContext,
    obj: Synced,
    op: str,
    fields: dict[str, dict[str, Any]],
    base_version: int,
) -> None:
    stamp = str(ctx.clock.now())
    entity = type(obj).__tablename__
    person_id = _person_id(obj)
    ctx.touched.add((entity, obj.id))
    if ctx.capture:
        session.add(
            ChangeLog(
                entity=entity,
                record_id=obj.id,
                person_id=person_id,
                op=op,
                fields=fields,
                base_version=base_version,
                hlc=stamp,
                user_id=ctx.user_id,
                campus_id=ctx.campus_id,
            )
        )
    session.add(
        HistoryEntry(
            entity=entity,
            record_id=obj.id,
            person_id=person_id,
            op=op,
            fields=fields,
            user_id=ctx.user_id if ctx.capture else obj.updated_by_user_id,
            device_id=ctx.device_id if ctx.capture else obj.updated_by_device_id,
            campus_id=ctx.campus_id if ctx.capture else obj.updated_by_campus_id,
            hlc=stamp,
            origin="local" if ctx.capture else "remote",
        )
    )
    if op == "delete":
        session.merge(Tombstone(entity=entity, record_id=obj.id, hlc=stamp, erased=ctx.erasing))


def _stamp_writer(obj: Synced, ctx: CaptureContext, now: datetime) -> None:
    if not ctx.capture:
        return  # a record received from HQ keeps the stamps of whoever changed it there
    obj.updated_at = now
    obj.updated_by_user_id = ctx.user_id
    obj.updated_by_device_id = ctx.device_id
    obj.updated_by_campus_id = ctx.campus_id


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    ctx: CaptureContext | None = session.info.get("capture")
    synced_new = [o for o in session.new if isinstance(o, Synced)]
    synced_dirty = [o for o in session.dirty if isinstance(o, Synced)]
    synced_deleted = [o for o in session.deleted if isinstance(o, Synced)]
    if not (synced_new or synced_dirty or synced_deleted):
        return
    if ctx is None:
        raise MissingCaptureContext("synced records must be written through a UnitOfWork")
    now = utcnow()

    for obj in synced_new:
        _apply_python_defaults(obj)
        if obj.id is None:
            obj.id = new_id()
        if ctx.capture:
            obj.created_at = now
            obj.version = 1
        _stamp_writer(obj, ctx, now)
        obj.refresh_derived()
        fields = {k: {"old": None, "new": wire(getattr(obj, k))} for k in _columns(type(obj))}
        _entries(session, ctx, obj, "insert", fields, base_version=0)

    for obj in synced_dirty:
        if not session.is_modified(obj, include_collections=False):
            continue
        obj.refresh_derived()
        state = inspect(obj)
        fields = {}
        for key in _columns(type(obj)):
            hist = attributes.get_history(obj, key) if key in state.attrs else None
            if hist is None or not hist.has_changes():
                continue
            old = wire(hist.deleted[0]) if hist.deleted else None
            new = wire(hist.added[0]) if hist.added else None
            if old != new:
                fields[key] = {"old": old, "new": new}
        if not fields:
            continue
        if type(obj).__append_only__ and ctx.capture:
            raise AppendOnlyViolation(f"{type(obj).__tablename__} records cannot be edited")
        base_version = obj.sync_version
        if ctx.capture:
            obj.version = (obj.version or 0) + 1
        _stamp_writer(obj, ctx, now)
        _entries(session, ctx, obj, "update", fields, base_version=base_version)

    for obj in synced_deleted:
        if type(obj).__append_only__ and ctx.capture and not ctx.erasing:
            raise AppendOnlyViolation(f"{type(obj).__tablename__} records cannot be deleted")
        fields = {k: {"old": wire(getattr(obj, k)), "new": None} for k in _columns(type(obj))}
        _entries(session, ctx, obj, "delete", fields, base_version=obj.sync_version)


def install(session_class: type[Session] | Session) -> None:
    """Register change capture on a session class or session (idempotent)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)


def bulk_insert(session: Session, model: type[Synced], rows: Sequence[dict[str, Any]]) -> list[str]:
    """Insert many new records with executemany, capturing each one exactly as the flush hook would.

    `rows` are dicts of data columns (Python values); missing defaults are filled. Returns the new ids.
    """
    ctx: CaptureContext | None = session.info.get("capture")
    if ctx is None:
        raise MissingCaptureContext("bulk_insert needs a UnitOfWork session")
    if not rows:
        return []
    now = utcnow()
    mapper = inspect(model)
    cols = _columns(model)
    defaults: dict[str, Any] = {}
    callables: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        default = attr.columns[0].default
        if default is None:
            continue
        if default.is_scalar:
            defaults[attr.key] = default.arg
        elif default.is_callable and attr.key not in BOOKKEEPING:
            callables[attr.key] = default.arg
    entity = model.__tablename__
    person_attr = model.__person_attr__
    records: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    for row in rows:
        record = {**defaults, **row}
        for key, fn in callables.items():
            if record.get(key) is None:
                record[key] = _call_default(fn)
        record.setdefault("id", new_id())
        if record.get("id") is None:
            record["id"] = new_id()
        record.update(
            created_at=now,
            updated_at=now,
            version=1,
            sync_version=0,
            updated_by_user_id=ctx.user_id,
            updated_by_device_id=ctx.device_id,
            updated_by_campus_id=ctx.campus_id,
        )
        if model.__derived_fields__:
            record.update(model.derived_values(record))
        records.append(record)
        fields = {k: {"old": None, "new": wire(record.get(k))} for k in cols}
        stamp = str(ctx.clock.now())
        person_id = record.get(person_attr) if person_attr else None
        ctx.touched.add((entity, record["id"]))
        if ctx.capture:
            logs.append(
                dict(
                    entity=entity,
                    record_id=record["id"],
                    person_id=person_id,
                    op="insert",
                    fields=fields,
                    base_version=0,
                    hlc=stamp,
                    user_id=ctx.user_id,
                    campus_id=ctx.campus_id,
                    created_at=now,
                )
            )
        history.append(
            dict(
                entity=entity,
                record_id=record["id"],
                person_id=person_id,
                op="insert",
                fields=fields,
                user_id=ctx.user_id,
                device_id=ctx.device_id,
                campus_id=ctx.campus_id,
                hlc=stamp,
                at=now,
                origin="local",
            )
        )
    # render_nulls keeps one INSERT statement for all rows, so executemany batches them instead of splitting on
    # whichever columns happen to be empty.
    session.execute(insert(model).execution_options(render_nulls=True), records)
    if logs:
        session.execute(insert(ChangeLog), logs)
    session.execute(insert(HistoryEntry), history)
    return [r["id"] for r in records]


def _call_default(fn: Any) -> Any:
    try:
        return fn(None)
    except TypeError:
        return fn()


def changed_records(session: Session) -> Iterable[tuple[str, str]]:
    ctx: CaptureContext | None = session.info.get("capture")
    return set(ctx.touched) if ctx else set()
