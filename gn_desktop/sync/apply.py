"""Applying what HQ sends to the campus store (no Qt).

Each pulled page is applied in ONE transaction together with the cursor that follows it, so a crash (kill -9, power
cut) between pages resumes exactly there. Records are written as stored values with plain SQL, a page per statement
(an initial sync brings hundreds of thousands of rows: see "Pulled records" below). Each received update or delete
goes to history with origin "remote" (as does a record new to this campus, except during a snapshot), never to the
change log.

Local edits not yet pushed stay on top: when a pulled record has pending changes for some fields, those fields keep
their local values until HQ has merged the push (the next pull then brings the merged state). Foreign keys are not
enforced while a page is applied: a page may bring a record before the one it refers to (in a later page).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from enum import Enum as PyEnum
from typing import Any, cast

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection, Engine, delete, insert, select, text

from gn_core.hlc import ClockDriftError, HybridClock, Stamp
from gn_core.protocol import ConflictNotice, PulledRecord
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns
from gn_desktop.store.engine import writer
from gn_desktop.store.types import StringList, UTCDateTime, utcnow
from gn_desktop.sync.errors import ClockWrong, clock_message

CHUNK = 500


#: page cache of a connection applying a snapshot, in KiB (SQLite's default is 2 MiB): the indexes being filled
#: stay in memory between pages
BULK_CACHE_KIB = 65_536
#: WAL size (pages) at which a snapshot's commits checkpoint (default 1,000: about every page of records); bigger
#: means an index page changed by many pages is copied into the database file once instead of at every commit
BULK_CHECKPOINT_PAGES = 16_384


@contextlib.contextmanager
def sync_transaction(engine: Engine, *, bulk: bool = False) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE) with foreign keys off and secure_delete on, committed on success.
    `bulk`: while applying a snapshot, a bigger page cache, temporary tables in memory and rarer checkpoints."""
    conn = writer(engine).connect()
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("PRAGMA secure_delete=ON")
    if bulk:
        raw.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        raw.execute("PRAGMA temp_store=MEMORY")
        raw.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
    try:
        with conn.begin():
            yield conn
    finally:
        with contextlib.suppress(Exception):
            raw.execute("PRAGMA foreign_keys=ON")
            if bulk:
                raw.execute("PRAGMA cache_size=-2000")
                raw.execute("PRAGMA temp_store=DEFAULT")
                raw.execute("PRAGMA wal_autocheckpoint=1000")
        conn.close()


def table_of(model: type[m.Synced]) -> sa.Table:
    return cast(sa.Table, model.__table__)


def table_of_local(model: type[m.Base]) -> sa.Table:
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
        conn.execute(delete(m.SyncSetAside).where(m.SyncSetAside.record_id.in_(chunk)))
    for local in (m.HistoryEntry, m.ChangeLog, m.SyncConflict, m.SyncRejection, m.SyncSent, m.SyncSetAside):
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


def forget_other_accounts(conn: Connection, campus_id: str) -> int:
    """Accounts of other campuses lose their password hash and are deactivated here: no one signs in on this PC with
    them. HQ sends a PC only its campus's accounts; these came before it did, or belong to someone who moved. They
    are kept (people and appointments name their advisor), never queued for HQ. Returns how many were changed."""
    done = conn.execute(
        text(
            "UPDATE app_user SET password_hash = '', active = 0 "
            "WHERE (campus_id IS NULL OR campus_id != :campus) AND (password_hash != '' OR active)"
        ),
        {"campus": campus_id},
    )
    return int(done.rowcount or 0)


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
    are open or new information.

    What this campus did with a conflict survives a newer notice of it: a decision not sent yet stays while HQ still
    has the conflict open (another campus joining it re-sends the notice), and an automatic conflict an advisor has
    checked here stays checked."""
    count = 0
    for notice in notices:
        table = m.SyncConflict.__table__
        local = conn.execute(
            select(table.c.status, table.c.pending_choice, table.c.pending_value).where(table.c.id == notice.id)
        ).first()
        conn.execute(delete(m.SyncConflict).where(m.SyncConflict.id == notice.id))
        if notice.status == "erased":
            continue
        status: str = notice.status
        pending_choice = pending_value = None
        if local is not None:
            if notice.status == "open" and local.pending_choice is not None:
                pending_choice, pending_value = local.pending_choice, local.pending_value
            if notice.status == "auto" and local.status == "seen":
                status = "seen"
        conn.execute(
            insert(m.SyncConflict).values(
                id=notice.id,
                seq=notice.seq,
                entity=notice.entity,
                record_id=notice.record_id,
                person_id=notice.person_id,
                kind=notice.kind,
                field=notice.field,
                status=status,
                notice=notice.model_dump(mode="json"),
                pending_choice=pending_choice,
                pending_value=pending_value,
                received_at=utcnow(),
            )
        )
        count += 1
    return count


# --- pulled records -----------------------------------------------------------------------------------------
#
# Pulled values arrive as JSON (ISO dates, enum values, sorted lists): they are turned into the values SQLite stores
# (`_to_stored`, which also validates them as the ORM types would) and written with plain executemany, compared
# with the stored row in that same form, and turned back into JSON for history with `_to_wire` — no ORM object, no
# per-value SQLAlchemy type processing. A record an initial sync pulls is 60 µs of Python instead of 150.


def _to_stored(column: Any) -> Callable[[Any], Any] | None:
    """Wire value -> the value SQLite stores for `column`, validated like the column type does; None: unchanged."""
    typ = column.type
    if isinstance(typ, sa.Enum) and typ.enum_class is not None and issubclass(typ.enum_class, PyEnum):
        cls = typ.enum_class
        valid = frozenset(member.value for member in cls)

        def enum_value(v: Any) -> Any:
            if v is None or v in valid:
                return v
            return cls(v).value  # raises ValueError, as the ORM would

        return enum_value
    if isinstance(typ, UTCDateTime):
        return lambda v: (
            None
            if v is None
            else (v if isinstance(v, datetime) else datetime.fromisoformat(v))
            .astimezone(UTC)
            .isoformat(timespec="milliseconds")
        )
    if isinstance(typ, sa.Date):
        return lambda v: None if v is None else (v if isinstance(v, date) else date.fromisoformat(v)).isoformat()
    if isinstance(typ, StringList):
        return _string_list
    if isinstance(typ, sa.Boolean):
        return _boolean
    if isinstance(typ, sa.String | sa.Text):
        return _text
    if isinstance(typ, sa.Integer):
        return _integer
    raise TypeError(f"no sync conversion for {column} of type {typ!r}")


# Values of the wrong type raise TypeError (the record is set aside) instead of being stored as they came: SQLite
# would keep text in an integer column, or fail the whole page on a list.


def _string_list(v: Any) -> str:
    if not v:
        return "[]"
    if type(v) is not list or not all(type(x) is str for x in v):
        raise TypeError("a list of codes was expected")
    return orjson.dumps(sorted(set(v))).decode()  # as StringList stores it


def _boolean(v: Any) -> int | None:
    if v is None:
        return None
    if type(v) is not bool:
        raise TypeError("true or false was expected")
    return 1 if v else 0


def _text(v: Any) -> str:
    if type(v) is not str:
        raise TypeError("text was expected")
    return v


def _integer(v: Any) -> int:
    if type(v) is not int:
        raise TypeError("an integer was expected")
    return v


def _to_wire(column: Any) -> Callable[[Any], Any] | None:
    """Stored value -> wire value (what `changes.wire` gives for the ORM value); None: unchanged."""
    typ = column.type
    if isinstance(typ, StringList):
        return lambda v: [] if v is None else json.loads(v)
    if isinstance(typ, sa.Boolean):
        return lambda v: None if v is None else bool(v)
    return None


def _compile_stored(table: sa.Table, cols: list[str]) -> Callable[[dict[str, Any] | None], list[Any]]:
    """`data` -> the stored values of `cols`, as one generated function (a list display reading each field, the
    enum check inline): about twice as fast as a loop over converters, and a snapshot converts 400,000 records."""
    names: dict[str, Any] = {"EMPTY": {}}
    parts = []
    for i, c in enumerate(cols):
        column = table.c[c]
        convert = _to_stored(column)
        get = f"d.get({c!r})"
        typ = column.type
        if convert is None:
            parts.append(get)
        elif isinstance(typ, sa.Enum) and typ.enum_class is not None and issubclass(typ.enum_class, PyEnum):
            names[f"V{i}"], names[f"F{i}"] = frozenset(member.value for member in typ.enum_class), convert
            parts.append(f"(v if (v := {get}) is None or (v.__class__ is str and v in V{i}) else F{i}(v))")
        elif convert is _text or convert is _integer:
            # inline: the common case (the right type) costs one comparison
            names[f"F{i}"], names[f"T{i}"] = convert, str if convert is _text else int
            parts.append(f"(v if (v := {get}) is None or v.__class__ is T{i} else F{i}(v))")
        else:
            names[f"F{i}"] = convert
            parts.append(f"F{i}({get})")
    source = f"def stored_values(d):\n    d = d or EMPTY\n    return [{', '.join(parts)}]\n"
    exec(source, names)  # the source is built from column names only
    return cast(Callable[[dict[str, Any] | None], list[Any]], names["stored_values"])


class _Plan:
    """How pulled records of one model are written, worked out once per model."""

    def __init__(self, model: type[m.Synced]) -> None:
        table = table_of(model)
        self.model = model
        self.entity = model.__tablename__
        self.cols = list(converters(model))
        self.stored_values = _compile_stored(table, self.cols)
        self.wired = [(i, f) for i, c in enumerate(self.cols) if (f := _to_wire(table.c[c])) is not None]
        self.wired_at = dict(self.wired)
        self.derived = sorted(model.__derived_fields__)
        conv = converters(model)
        self.derived_inputs = [(self.cols.index(c), c, conv[c]) for c in model.__derived_inputs__]
        self.derived_positions = frozenset(i for i, c in enumerate(self.cols) if c in model.__derived_inputs__)
        q = '"{}"'.format
        name = q(table.name)
        insert_cols = ", ".join(map(q, ["id", *self.cols, *self.derived, *_INSERT_STAMPS]))
        stage = q(f"sync_stage_{table.name}")
        self.stage_sql = f"CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT {insert_cols} FROM {name} WHERE 0"
        self.stage_insert_sql = (
            f"INSERT INTO temp.{stage} ({insert_cols}) VALUES ({', '.join('?' for _ in insert_cols.split(', '))})"
        )
        self.insert_sql = f"INSERT INTO {name} ({insert_cols}) SELECT {insert_cols} FROM temp.{stage} ORDER BY rowid"
        self.unstage_sql = f"DELETE FROM temp.{stage}"
        self.direct_sql = self.stage_insert_sql.replace(f"INSERT INTO temp.{stage}", f"INSERT INTO {name}", 1)
        self.select_sql = (
            f"SELECT id, sync_version, updated_at, {', '.join(map(q, self.cols))} FROM {name} "
            "WHERE id IN (SELECT value FROM json_each(?))"
        )
        self.name = name

    def wire_values(self, stored: Sequence[Any]) -> list[Any]:
        values = list(stored)
        for i, f in self.wired:
            values[i] = f(values[i])
        return values

    def derived_values(self, stored: Sequence[Any]) -> list[Any]:
        if not self.derived:
            return []
        inputs = {c: conv(stored[i]) for i, c, conv in self.derived_inputs}
        out = self.model.derived_values(inputs)
        return [out[c] for c in self.derived]


#: bookkeeping columns of an inserted record, after the derived ones: created_at, updated_at, version, sync_version
#: and the writer of the last local edit (none: it came from HQ)
_INSERT_STAMPS = tuple(c for c in m.BOOKKEEPING_COLUMNS if c != "id")
_PLANS: dict[type[m.Synced], _Plan] = {}


def _plan(model: type[m.Synced]) -> _Plan:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = _Plan(model)
    return plan


def _as_dict(rec: PulledRecord | dict[str, Any]) -> dict[str, Any]:
    return rec if isinstance(rec, dict) else rec.__dict__


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def prepare_records(records: Sequence[dict[str, Any]]) -> None:
    """Convert pulled records to stored values ahead of `apply_records` (which would do it otherwise): the pull
    thread runs this for the next page while the current one is being written (SQLite releases the GIL)."""
    for rec in records:
        if rec["deleted"] or rec["erased"]:
            continue
        model = m.MODEL_BY_ENTITY.get(rec["entity"])
        if model is None:
            continue
        plan = _plan(model)
        try:
            rec["_stored"] = values = plan.stored_values(rec.get("data"))
            if plan.derived:
                rec["_derived"] = plan.derived_values(values)
        except UNSTORABLE:
            rec.pop("_stored", None)  # apply_records converts it again, and sets it aside


def apply_records(
    conn: Connection,
    records: Sequence[PulledRecord] | Sequence[dict[str, Any]],
    *,
    insert_history: bool = True,
) -> tuple[int, list[str]]:
    """Write pulled records (models or plain dicts of the same shape); returns (records applied, ids of people
    erased). `insert_history=False` (the initial sync) writes no history entry for records new to this campus:
    they tell nobody who changed what, and the record holds the same values; updates and deletes always do.

    A record this PC cannot store (a value it does not know, a rule it does not have: an older app, or a record
    written at HQ before a rule existed) is set aside (`set_aside`) with its reason, and the rest goes on: one
    record never stops a campus's sync. The records of one entity are written together; if that fails, one by one,
    each in its own savepoint, to find the ones that cannot be stored."""
    recs_all = [_as_dict(r) for r in records]
    erased_people: list[str] = []
    live: list[dict[str, Any]] = []
    unknown: list[dict[str, Any]] = []
    for rec in recs_all:
        if rec["erased"]:
            pid = rec.get("person_id")
            if rec["entity"] == "person":
                erased_people.append(rec["id"])
            elif pid and pid not in erased_people:
                erased_people.append(pid)
            else:
                _delete_one(conn, rec, erased=True)
        elif rec["entity"] in m.MODEL_BY_ENTITY:
            live.append(rec)
        else:
            unknown.append(rec)
    for pid in erased_people:
        erase_person(conn, pid, keep_pending=False)
    raw = conn.connection.driver_connection
    assert raw is not None
    has_pending = raw.execute("SELECT EXISTS (SELECT 1 FROM change_log)").fetchone()[0]
    pending = pending_fields(conn, [(r["entity"], r["id"]) for r in live]) if has_pending else {}
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in live:
        by_entity[rec["entity"]].append(rec)
    stamp = _stamp(utcnow())
    history: list[tuple[Any, ...]] = []
    aside: list[tuple[dict[str, Any], str]] = [(rec, UNKNOWN_ENTITY) for rec in unknown]
    stored: list[dict[str, Any]] = []
    for entity, recs in by_entity.items():
        plan = _plan(m.MODEL_BY_ENTITY[entity])
        raw.execute("SAVEPOINT sync_entity")
        try:
            history.extend(_apply_entity(conn, raw, plan, recs, pending, stamp, insert_history))
        except UNSTORABLE:
            raw.execute("ROLLBACK TO sync_entity")
            for rec in recs:
                raw.execute("SAVEPOINT sync_record")
                try:
                    history.extend(_apply_entity(conn, raw, plan, [rec], pending, stamp, insert_history))
                except UNSTORABLE as exc:
                    raw.execute("ROLLBACK TO sync_record")
                    aside.append((rec, unstorable_reason(exc)))
                else:
                    stored.append(rec)
                raw.execute("RELEASE sync_record")
        else:
            stored.extend(recs)
        raw.execute("RELEASE sync_entity")
    if history:
        raw.executemany(_HISTORY_SQL, history)
    if aside:
        set_aside(conn, aside)
    if stored:
        _forget_set_aside(raw, stored)
    return len(recs_all), erased_people


#: what a pulled record that cannot be stored raises while it is converted or written (anything else, a full disk
#: say, is not about the record: it stops the pull as before)
UNSTORABLE: tuple[type[Exception], ...] = (
    ValueError,
    TypeError,
    AttributeError,
    OverflowError,
    KeyError,
    sqlite3.IntegrityError,
    sqlite3.InterfaceError,
    sqlite3.ProgrammingError,
    sqlite3.DataError,
    sa.exc.IntegrityError,
    sa.exc.InterfaceError,
    sa.exc.ProgrammingError,
    sa.exc.DataError,
)
UNKNOWN_ENTITY = "Type d'enregistrement inconnu de cette version de l'application : mettez-la à jour."


def unstorable_reason(exc: BaseException) -> str:
    """Why a record could not be stored, in French, without any value of it (it may be personal data)."""
    if isinstance(exc, sqlite3.IntegrityError | sa.exc.IntegrityError):
        text = str(exc.orig if isinstance(exc, sa.exc.IntegrityError) else exc)
        if "UNIQUE" in text:
            column = text.rsplit(".", 1)[-1] if "." in text else ""
            return f"Valeur déjà utilisée par un autre enregistrement de ce poste{f' ({column})' if column else ''}."
        if "NOT NULL" in text:
            column = text.rsplit(".", 1)[-1] if "." in text else ""
            return f"Champ obligatoire manquant{f' ({column})' if column else ''}."
        return "Contrainte de la base du poste non respectée."
    if isinstance(exc, ValueError | KeyError):
        return "Valeur inconnue de cette version de l'application (liste, date ou format) : mettez-la à jour."
    return "Valeur d'un type que ce poste ne peut pas enregistrer."


def set_aside(conn: Connection, items: Sequence[tuple[dict[str, Any], str]]) -> None:
    """Keep pulled records this PC could not store, with why: shown on the Synchronisation page, reported to HQ,
    tried again at each pull (an update of the app may know them). A newer version replaces an older one."""
    rows = [
        {
            "entity": str(rec["entity"])[:40],
            "record_id": str(rec["id"])[:64],
            "person_id": rec.get("person_id"),
            "version": int(rec.get("version") or 0),
            "seq": int(rec.get("seq") or 0),
            "hlc": rec.get("hlc"),
            "data": orjson.dumps(rec.get("data")).decode(),
            "reason": reason,
            "set_aside_at": utcnow(),
        }
        for rec, reason in items
    ]
    conn.execute(insert(m.SyncSetAside).prefix_with("OR REPLACE"), rows)


def _forget_set_aside(raw: Any, recs: Sequence[dict[str, Any]]) -> None:
    """Records stored now are no longer set aside (a newer version of them could be stored)."""
    if raw.execute("SELECT EXISTS (SELECT 1 FROM sync_set_aside)").fetchone()[0]:
        raw.executemany(
            "DELETE FROM sync_set_aside WHERE entity = ? AND record_id = ?", [(r["entity"], r["id"]) for r in recs]
        )


def retry_set_aside(conn: Connection) -> int:
    """Try again to store the records set aside (this version of the app may know them now); returns how many are
    still set aside. One whose local copy is already newer is dropped."""
    t = table_of_local(m.SyncSetAside)
    rows = conn.execute(select(t.c.entity, t.c.record_id, t.c.version, t.c.seq, t.c.hlc, t.c.person_id, t.c.data)).all()
    if not rows:
        return 0
    again: list[dict[str, Any]] = []
    for row in rows:
        model = m.MODEL_BY_ENTITY.get(row.entity)
        if model is not None:
            table = table_of(model)
            local = conn.execute(select(table.c.sync_version).where(table.c.id == row.record_id)).scalar()
            if local is not None and local >= row.version:
                conn.execute(
                    delete(m.SyncSetAside).where(
                        m.SyncSetAside.entity == row.entity, m.SyncSetAside.record_id == row.record_id
                    )
                )
                continue
        again.append(
            {
                "entity": row.entity,
                "id": row.record_id,
                "version": row.version,
                "seq": row.seq,
                "hlc": row.hlc,
                "person_id": row.person_id,
                "deleted": False,
                "erased": False,
                "data": orjson.loads(row.data),
            }
        )
    if again:
        apply_records(conn, again)
    return int(conn.execute(select(sa.func.count()).select_from(m.SyncSetAside)).scalar() or 0)


def _apply_entity(
    conn: Connection,
    raw: Any,
    plan: _Plan,
    recs: Sequence[dict[str, Any]],
    pending: dict[tuple[str, str], set[str] | None],
    stamp: str,
    insert_history: bool,
) -> list[tuple[Any, ...]]:
    """Write the pulled records of one entity; returns their history entries (written by the caller)."""
    entity = plan.entity
    cols = plan.cols
    history: list[tuple[Any, ...]] = []
    existing: dict[str, tuple[Any, ...]] = {}
    ids = [r["id"] for r in recs]
    for row in raw.execute(plan.select_sql, (orjson.dumps(ids),)):
        existing[row[0]] = row
    inserts: list[tuple[Any, ...]] = []
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    revived: list[str] = []
    for rec in recs:
        rid = rec["id"]
        local_fields = pending.get((entity, rid), set()) if pending else set()
        if local_fields is None:
            continue  # deleted here, not yet pushed: the push decides
        old = existing.get(rid)
        if rec["deleted"]:
            if local_fields:
                continue  # edited here meanwhile: HQ brings it back when the edit arrives
            if old is not None:
                _delete_one(conn, rec, erased=False, old=old, plan=plan, history=history)
            continue
        values = rec.pop("_stored", None)
        derived = rec.pop("_derived", None)
        if values is None:
            values = plan.stored_values(rec.get("data"))
        version = rec["version"]
        if old is None:
            if derived is None:
                derived = plan.derived_values(values)
            inserts.append((rid, *values, *derived, stamp, stamp, version, version, None, None, None))
            revived.append(rid)
            if insert_history:
                new = plan.wire_values(values)
                fields = {c: {"old": None, "new": new[i]} for i, c in enumerate(cols)}
                history.append(_history(entity, rec, "insert", fields, stamp))
            continue
        stored_old = old[3:]
        if local_fields:
            for i, c in enumerate(cols):
                if c in local_fields:
                    values[i] = stored_old[i]
            derived = None  # computed from values some of which stay local
        changed = [i for i, (a, b) in enumerate(zip(stored_old, values, strict=True)) if a != b]
        if not changed and old[1] == version:
            continue
        names = tuple(cols[i] for i in changed)
        params = [values[i] for i in changed]
        if changed:
            wired = plan.wired_at
            fields = {
                cols[i]: (
                    {"old": wired[i](stored_old[i]), "new": wired[i](values[i])}
                    if i in wired
                    else {"old": stored_old[i], "new": values[i]}
                )
                for i in changed
            }
            history.append(_history(entity, rec, "update", fields, stamp))
            if any(i in plan.derived_positions for i in changed):
                names += tuple(plan.derived)
                params += derived if derived is not None else plan.derived_values(values)
            names += ("updated_at",)
            params.append(stamp)
        updates[names].append((*params, version, version, rid))
    if inserts:
        _write_staged(raw, plan, inserts)
        if raw.execute("SELECT EXISTS (SELECT 1 FROM tombstone WHERE entity = ?)", (entity,)).fetchone()[0]:
            raw.execute(
                "DELETE FROM tombstone WHERE entity = ? AND record_id IN (SELECT value FROM json_each(?))",
                (entity, orjson.dumps(revived)),
            )
    for names, rows in updates.items():
        _update_staged(raw, plan, (*names, "version", "sync_version"), rows)
    return history


# Rows of a table with a trigger (person: the search index) are written through a temporary table: one executemany
# into it, then one INSERT ... SELECT (or UPDATE) into the model's table. A single statement lets the trigger add
# every person of the page to the FTS5 index at once; row by row, FTS5 flushes its pending terms at every statement
# (about 40 % more time for people). Other tables take the executemany directly.


def _write_staged(raw: Any, plan: _Plan, rows: list[tuple[Any, ...]]) -> None:
    found = raw.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (plan.entity,))
    if found.fetchone() is None:  # no trigger to batch: straight in
        raw.executemany(plan.direct_sql, rows)
        return
    raw.execute(plan.stage_sql)
    raw.executemany(plan.stage_insert_sql, rows)
    raw.execute(plan.insert_sql)
    raw.execute(plan.unstage_sql)


def _update_staged(raw: Any, plan: _Plan, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """`rows`: the values of `names`, then the id."""
    slots = [f"v{i}" for i in range(len(names))]
    raw.execute("DROP TABLE IF EXISTS temp.sync_update")
    raw.execute(f"CREATE TEMP TABLE sync_update ({', '.join(slots)}, id TEXT PRIMARY KEY)")
    raw.executemany(f"INSERT INTO temp.sync_update VALUES ({', '.join('?' for _ in rows[0])})", rows)
    raw.execute(
        f"UPDATE {plan.name} SET ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in names)}) = "
        f"(SELECT {', '.join(slots)} FROM temp.sync_update AS s WHERE s.id = {plan.name}.id) "
        "WHERE id IN (SELECT id FROM temp.sync_update)"
    )
    raw.execute("DROP TABLE temp.sync_update")


_HISTORY_SQL = (
    "INSERT INTO history (entity, record_id, person_id, op, fields, user_id, device_id, campus_id, hlc, at, origin) "
    "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 'remote')"
)


def _history(entity: str, rec: dict[str, Any], op: str, fields: dict[str, Any], at: str) -> tuple[Any, ...]:
    person = rec.get("person_id") or (rec["id"] if entity == "person" else None)
    return (entity, rec["id"], person, op, orjson.dumps(fields).decode(), rec.get("hlc") or "", at)


def _delete_one(
    conn: Connection,
    rec: dict[str, Any],
    *,
    erased: bool,
    old: tuple[Any, ...] | None = None,
    plan: _Plan | None = None,
    history: list[tuple[Any, ...]] | None = None,
) -> None:
    entity, rid = rec["entity"], rec["id"]
    model = m.MODEL_BY_ENTITY.get(entity)
    if model is not None:
        table = table_of(model)
        conn.execute(delete(table).where(table.c.id == rid))
        if erased:
            conn.execute(delete(m.HistoryEntry).where(m.HistoryEntry.record_id == rid))
            conn.execute(delete(m.ChangeLog).where(m.ChangeLog.record_id == rid))
        elif old is not None and plan is not None and history is not None:
            before = plan.wire_values(old[3:])
            fields = {c: {"old": before[i], "new": None} for i, c in enumerate(plan.cols)}
            history.append(_history(entity, rec, "delete", fields, _stamp(utcnow())))
    conn.execute(delete(m.Tombstone).where(m.Tombstone.entity == entity, m.Tombstone.record_id == rid))
    conn.execute(
        insert(m.Tombstone).values(
            entity=entity, record_id=rid, hlc=rec.get("hlc") or "", erased=erased, deleted_at=utcnow()
        )
    )


def erase_locally(engine: Engine, person_id: str) -> int:
    """Erase a person from this campus now (the request to HQ stays queued), then compact the file."""
    with sync_transaction(engine) as conn:
        count = erase_person(conn, person_id, keep_pending=True)
    compact(engine)
    return count
