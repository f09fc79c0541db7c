"""Applying what HQ sends to the campus store (no Qt).

Each pulled page is applied in ONE transaction together with the cursor that follows it, so a crash (kill -9, power
cut) between pages resumes exactly there. Records are written with Core executemany (an initial sync brings hundreds
of thousands of rows) and each received change goes to history with origin "remote", never to the change log.

Local edits not yet pushed stay on top: when a pulled record has pending changes for some fields, those fields keep
their local values until HQ has merged the push (the next pull then brings the merged state). Foreign keys are not
enforced while a page is applied: a page may bring a record before the one it refers to (in a later page).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from enum import Enum as PyEnum
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, delete, insert, select, update

from gn_core.hlc import ClockDriftError, HybridClock, Stamp
from gn_core.protocol import ConflictNotice, PulledRecord
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns, wire
from gn_desktop.store.engine import writer
from gn_desktop.store.types import StringList, UTCDateTime, utcnow
from gn_desktop.sync.errors import ClockWrong, clock_message

CHUNK = 500


@contextlib.contextmanager
def sync_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE) with foreign keys off and secure_delete on, committed on success."""
    conn = writer(engine).connect()
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("PRAGMA secure_delete=ON")
    try:
        with conn.begin():
            yield conn
    finally:
        with contextlib.suppress(Exception):
            raw.execute("PRAGMA foreign_keys=ON")
        conn.close()


def table_of(model: type[m.Synced]) -> sa.Table:
    return cast(sa.Table, model.__table__)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- value conversion --------------------------------------------------------------------------------------


def _converter(column: Any) -> Callable[[Any], Any]:
    typ = column.type
    if isinstance(typ, sa.Enum) and typ.enum_class is not None and issubclass(typ.enum_class, PyEnum):
        cls = typ.enum_class
        return lambda v: None if v is None else cls(v)
    if isinstance(typ, UTCDateTime):
        return lambda v: None if v is None else (v if isinstance(v, datetime) else datetime.fromisoformat(v))
    if isinstance(typ, sa.Date):
        return lambda v: None if v is None else (v if isinstance(v, date) else date.fromisoformat(v))
    if isinstance(typ, StringList):
        return lambda v: [] if v is None else list(v)
    if isinstance(typ, sa.Boolean):
        return lambda v: None if v is None else bool(v)
    return lambda v: v


_CONVERTERS: dict[type[m.Synced], dict[str, Callable[[Any], Any]]] = {}


def converters(model: type[m.Synced]) -> dict[str, Callable[[Any], Any]]:
    conv = _CONVERTERS.get(model)
    if conv is None:
        table = model.__table__
        conv = _CONVERTERS[model] = {c: _converter(table.c[c]) for c in data_columns(model)}
    return conv


# --- erasure -----------------------------------------------------------------------------------------------


def erase_person(conn: Connection, person_id: str, *, keep_pending: bool = True) -> int:
    """Delete every local trace of a person: their records, history, change log, conflicts, kiosk data, index
    entries (by the FTS triggers). Leaves erased tombstones (opaque ids only). Returns the number of records."""
    ids: list[tuple[str, str]] = []
    for model in m.SYNCED_MODELS:
        attr = model.__person_attr__
        if attr is None:
            continue
        table = table_of(model)
        col = table.c[attr]
        found = list(conn.execute(select(table.c.id).where(col == person_id)).scalars())
        if found:
            conn.execute(delete(table).where(col == person_id))
            ids.extend((model.__tablename__, i) for i in found)
    prereg_ids = [i for e, i in ids if e == "pre_registration"]
    record_ids = [i for _e, i in ids] + [person_id]
    for chunk in _chunks(record_ids):
        conn.execute(delete(m.HistoryEntry).where(m.HistoryEntry.record_id.in_(chunk)))
        conn.execute(delete(m.ChangeLog).where(m.ChangeLog.record_id.in_(chunk)))
        conn.execute(delete(m.SyncConflict).where(m.SyncConflict.record_id.in_(chunk)))
        conn.execute(delete(m.SyncRejection).where(m.SyncRejection.record_id.in_(chunk)))
        conn.execute(delete(m.SyncSent).where(m.SyncSent.record_id.in_(chunk)))
    for local in (m.HistoryEntry, m.ChangeLog, m.SyncConflict, m.SyncRejection, m.SyncSent):
        conn.execute(delete(local).where(local.person_id == person_id))
    for chunk in _chunks(prereg_ids):
        conn.execute(delete(m.IntakeDraft).where(m.IntakeDraft.pre_registration_id.in_(chunk)))
    if not keep_pending:
        conn.execute(delete(m.PendingErasure).where(m.PendingErasure.person_id == person_id))
    stamp_rows = [{"entity": e, "record_id": i} for e, i in ids] or [{"entity": "person", "record_id": person_id}]
    for row in stamp_rows:
        conn.execute(
            delete(m.Tombstone).where(m.Tombstone.entity == row["entity"], m.Tombstone.record_id == row["record_id"])
        )
    conn.execute(
        insert(m.Tombstone),
        [{**r, "hlc": "", "erased": True, "deleted_at": utcnow()} for r in stamp_rows],
    )
    return len(ids)


def compact(engine: Engine) -> None:
    """After an erasure: merge the search index, rebuild the file and empty the WAL so no freed page keeps a name."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("INSERT INTO person_fts(person_fts) VALUES('optimize')")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# --- pages -------------------------------------------------------------------------------------------------


def pending_fields(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str] | None]:
    """Fields with local changes not yet acknowledged by HQ, per record; None means a pending delete."""
    by_id: dict[str, set[str]] = defaultdict(set)
    for entity, rid in keys:
        by_id[rid].add(entity)
    out: dict[tuple[str, str], set[str] | None] = {}
    ids = list(by_id)
    for chunk in _chunks(ids):
        rows = conn.execute(
            select(m.ChangeLog.entity, m.ChangeLog.record_id, m.ChangeLog.op, m.ChangeLog.fields)
            .where(m.ChangeLog.record_id.in_(chunk))
            .order_by(m.ChangeLog.seq)
        )
        for entity, rid, op, fields in rows:
            if entity not in by_id.get(rid, ()):
                continue
            key = (entity, rid)
            if op == "delete":
                out[key] = None
            elif out.get(key, set()) is not None:
                current = out.setdefault(key, set())
                assert current is not None
                current.update(fields)
    return out


def observe(clock: HybridClock, stamps: Iterable[str | None], server_time_ms: int) -> None:
    top = max((s for s in stamps if s), default=None)
    if top is None:
        return
    try:
        clock.observe(Stamp.parse(top))
    except ClockDriftError as exc:
        local_ms = clock._wall()  # the same wall the clock compares with
        raise ClockWrong(clock_message((server_time_ms - local_ms) // 1000)) from exc


def upsert_conflicts(conn: Connection, notices: Sequence[ConflictNotice]) -> int:
    """Store received conflicts (a newer notice replaces an older one); erased ones are forgotten. Returns how many
    are open or new information."""
    count = 0
    for notice in notices:
        conn.execute(delete(m.SyncConflict).where(m.SyncConflict.id == notice.id))
        if notice.status == "erased":
            continue
        conn.execute(
            insert(m.SyncConflict).values(
                id=notice.id,
                seq=notice.seq,
                entity=notice.entity,
                record_id=notice.record_id,
                person_id=notice.person_id,
                kind=notice.kind,
                field=notice.field,
                status=notice.status,
                notice=notice.model_dump(mode="json"),
                received_at=utcnow(),
            )
        )
        count += 1
    return count


def apply_records(conn: Connection, records: Sequence[PulledRecord]) -> tuple[int, list[str]]:
    """Write pulled records; returns (records applied, ids of people erased)."""
    erased_people: list[str] = []
    live: list[PulledRecord] = []
    for rec in records:
        if rec.erased:
            if rec.entity == "person":
                erased_people.append(rec.id)
            elif rec.person_id and rec.person_id not in erased_people:
                erased_people.append(rec.person_id)
            else:
                _delete_one(conn, rec, erased=True)
        elif rec.entity in m.MODEL_BY_ENTITY:
            live.append(rec)
    for pid in erased_people:
        erase_person(conn, pid, keep_pending=False)
    keys = [(r.entity, r.id) for r in live]
    pending = pending_fields(conn, keys)
    by_entity: dict[str, list[PulledRecord]] = defaultdict(list)
    for rec in live:
        by_entity[rec.entity].append(rec)
    now = utcnow()
    history: list[dict[str, Any]] = []
    for entity, recs in by_entity.items():
        model = m.MODEL_BY_ENTITY[entity]
        table = table_of(model)
        conv = converters(model)
        cols = list(conv)
        existing: dict[str, dict[str, Any]] = {}
        for chunk in _chunks([r.id for r in recs]):
            for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                existing[row["id"]] = dict(row)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        revived: list[str] = []
        for rec in recs:
            key = (entity, rec.id)
            local_fields = pending.get(key, set()) if key in pending else set()
            if local_fields is None:
                continue  # deleted here, not yet pushed: the push decides
            old = existing.get(rec.id)
            if rec.deleted:
                if local_fields:
                    continue  # edited here meanwhile: HQ brings it back when the edit arrives
                if old is not None:
                    _delete_one(conn, rec, erased=False, old=old, model=model, history=history)
                continue
            data = rec.data or {}
            values = {c: conv[c](data.get(c)) for c in cols}
            if old is not None:
                for f in local_fields:
                    if f in values:
                        values[f] = old[f]
            if model.__derived_fields__:
                values.update(model.derived_values(values))
            values["version"] = rec.version
            values["sync_version"] = rec.version
            if old is None:
                values.update(
                    id=rec.id,
                    created_at=now,
                    updated_at=now,
                    updated_by_user_id=None,
                    updated_by_device_id=None,
                    updated_by_campus_id=None,
                )
                inserts.append(values)
                revived.append(rec.id)
                fields = {c: {"old": None, "new": wire(values[c])} for c in cols}
                history.append(_history(entity, rec, "insert", fields, now))
            else:
                fields = {}
                for c in cols:
                    before, after = wire(old[c]), wire(values[c])
                    if before != after:
                        fields[c] = {"old": before, "new": after}
                if not fields and old["sync_version"] == rec.version:
                    continue
                values["_id"] = rec.id
                values["updated_at"] = now if fields else old["updated_at"]
                updates.append(values)
                if fields:
                    history.append(_history(entity, rec, "update", fields, now))
        if inserts:
            conn.execute(insert(table).execution_options(render_nulls=True), inserts)
            for chunk in _chunks(revived):
                conn.execute(delete(m.Tombstone).where(m.Tombstone.entity == entity, m.Tombstone.record_id.in_(chunk)))
        if updates:
            names = [c for c in updates[0] if c != "_id"]
            stmt = update(table).where(table.c.id == sa.bindparam("_id")).values({c: sa.bindparam(c) for c in names})
            conn.execute(stmt, updates)
    if history:
        conn.execute(insert(m.HistoryEntry), history)
    return len(records), erased_people


def _history(entity: str, rec: PulledRecord, op: str, fields: dict[str, Any], now: datetime) -> dict[str, Any]:
    person = rec.person_id if rec.person_id else (rec.id if entity == "person" else None)
    return dict(
        entity=entity,
        record_id=rec.id,
        person_id=person,
        op=op,
        fields=fields,
        user_id=None,
        device_id=None,
        campus_id=None,
        hlc=rec.hlc or "",
        at=now,
        origin="remote",
    )


def _delete_one(
    conn: Connection,
    rec: PulledRecord,
    *,
    erased: bool,
    old: dict[str, Any] | None = None,
    model: type[m.Synced] | None = None,
    history: list[dict[str, Any]] | None = None,
) -> None:
    model = model or m.MODEL_BY_ENTITY.get(rec.entity)
    if model is not None:
        table = table_of(model)
        conn.execute(delete(table).where(table.c.id == rec.id))
        if erased:
            conn.execute(delete(m.HistoryEntry).where(m.HistoryEntry.record_id == rec.id))
            conn.execute(delete(m.ChangeLog).where(m.ChangeLog.record_id == rec.id))
        elif old is not None and history is not None:
            fields = {c: {"old": wire(old[c]), "new": None} for c in converters(model)}
            history.append(_history(rec.entity, rec, "delete", fields, utcnow()))
    conn.execute(delete(m.Tombstone).where(m.Tombstone.entity == rec.entity, m.Tombstone.record_id == rec.id))
    conn.execute(
        insert(m.Tombstone).values(
            entity=rec.entity, record_id=rec.id, hlc=rec.hlc or "", erased=erased, deleted_at=utcnow()
        )
    )


def erase_locally(engine: Engine, person_id: str) -> int:
    """Erase a person from this campus now (the request to HQ stays queued), then compact the file."""
    with sync_transaction(engine) as conn:
        count = erase_person(conn, person_id, keep_pending=True)
    compact(engine)
    return count
