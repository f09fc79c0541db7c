"""The store's fast write path for what HQ sends: pulled records written as stored values, their history, erasure's
deletes, set-aside records and the sync state. gn_desktop.sync decides what to write; this module writes it.

Pulled values arrive as JSON (ISO dates, vocabulary values, sorted lists): they are turned into the values SQLite
stores by the codec (`codec.py`, which also validates them as the ORM's types would), compared with the stored row in
that same form, and written with plain executemany — no ORM object, no per-value SQLAlchemy type processing. A record
an initial sync pulls is 60 µs of Python instead of 150. Rows of a table with a trigger (person: the search index)
go through a temporary table and one INSERT ... SELECT, so the trigger indexes a page at once (row by row, FTS5
flushes its pending terms at every statement: about 40 % more time for people). Pulled records never enter the
change log; their history entries have origin "remote".

Threading: functions take the caller's connection (one write transaction, `sync_transaction`).
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import compress
from operator import ne
from pathlib import Path
from typing import Any, NamedTuple, cast

import orjson
import sqlalchemy as sa
from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from gn_core.domain.identity import Identity
from gn_core.fields import ENTITY_FIELDS, Kind
from gn_core.protocol import CheckInIndex
from gn_core.sync_rules import AUDIT_ENTITY, ENTITIES
from gn_desktop.store import backup, cipher, codec
from gn_desktop.store import models as m
from gn_desktop.store.changes import data_columns
from gn_desktop.store.codec import codec_for, wire
from gn_desktop.store.engine import writer
from gn_desktop.store.types import utcnow

CHUNK = 500

#: page cache of a connection applying a snapshot, in KiB (SQLite's default is 2 MiB): the indexes being filled
#: stay in memory between pages
BULK_CACHE_KIB = 65_536
#: WAL size (pages) at which a snapshot's commits checkpoint (default 1,000: about every page of records); bigger
#: means an index page changed by many pages is copied into the database file once instead of at every commit
BULK_CHECKPOINT_PAGES = 16_384


@contextlib.contextmanager
def sync_transaction(engine: Engine, *, bulk: bool = False) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE) with foreign keys off (a page may bring a record before the one it
    refers to) and secure_delete on, committed on success. `bulk`: while applying a snapshot, a bigger page cache,
    temporary tables in memory and rarer checkpoints."""
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


def raw_connection(conn: Connection) -> Any:
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


@contextlib.contextmanager
def savepoint(conn: Connection, name: str) -> Iterator[None]:
    """A savepoint: rolled back to (and released) if the block raises, released otherwise."""
    raw = raw_connection(conn)
    raw.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        raw.execute(f"ROLLBACK TO {name}")
        raw.execute(f"RELEASE {name}")
        raise
    raw.execute(f"RELEASE {name}")


def table_of(model: type[m.Base]) -> sa.Table:
    return cast(sa.Table, model.__table__)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def stamp(value: datetime | None = None) -> str:
    """A timestamp as the store keeps it."""
    return codec.timestamp_to_stored(value or utcnow())


# --- what cannot be stored ----------------------------------------------------------------------------------------

#: what a pulled record that cannot be stored raises while it is converted or written (anything else, a full disk
#: say, is not about the record)
UNSTORABLE: tuple[type[Exception], ...] = (
    ValueError,
    TypeError,
    AttributeError,
    OverflowError,
    KeyError,
    cipher.DBAPI.IntegrityError,
    cipher.DBAPI.InterfaceError,
    cipher.DBAPI.ProgrammingError,
    cipher.DBAPI.DataError,
    sa.exc.IntegrityError,
    sa.exc.InterfaceError,
    sa.exc.ProgrammingError,
    sa.exc.DataError,
)
UNKNOWN_ENTITY = "Type d'enregistrement inconnu de cette version de l'application : mettez-la à jour."


def unstorable_reason(exc: BaseException) -> str:
    """Why a record could not be stored, in French, without any value of it (it may be personal data)."""
    if isinstance(exc, cipher.DBAPI.IntegrityError | sa.exc.IntegrityError):
        message = str(exc.orig if isinstance(exc, sa.exc.IntegrityError) else exc)
        column = message.rsplit(".", 1)[-1] if "." in message else ""
        where = f" ({column})" if column else ""
        if "UNIQUE" in message:
            return f"Valeur déjà utilisée par un autre enregistrement de ce poste{where}."
        if "NOT NULL" in message:
            return f"Champ obligatoire manquant{where}."
        return "Contrainte de la base du poste non respectée."
    if isinstance(exc, ValueError | KeyError):
        return "Valeur inconnue de cette version de l'application (liste, date ou format) : mettez-la à jour."
    return "Valeur d'un type que ce poste ne peut pas enregistrer."


# --- how one model's pulled records are written -------------------------------------------------------------------


def _compile_stored(table: sa.Table, cols: list[str]) -> Callable[[dict[str, Any] | None], list[Any]]:
    """`data` -> the stored values of `cols`, as one generated function (a list display reading each field, the
    common case inline): about twice as fast as a loop over converters, and a snapshot converts 400,000 records."""
    names: dict[str, Any] = {"EMPTY": {}}
    parts = []
    specs = ENTITY_FIELDS.get(table.name, {})
    for i, c in enumerate(cols):
        found = codec_for(table.c[c])
        spec = specs.get(c)
        if spec is not None and spec.may_be_absent:  # added later: an older record leaves it out
            names[f"D{i}"] = False if spec.kind is Kind.BOOL else []
            get = f"d.get({c!r}, D{i})"
        else:
            get = f"d.get({c!r})"
        names[f"F{i}"] = found.wire_to_stored
        if found.vocabulary is not None:
            names[f"V{i}"] = found.vocabulary
            parts.append(f"(v if (v := {get}) is None or (v.__class__ is str and v in V{i}) else F{i}(v))")
        elif found.kind in ("text", "integer"):
            # inline: the common case (the right type) costs one comparison
            names[f"T{i}"] = str if found.kind == "text" else int
            parts.append(f"(v if (v := {get}) is None or v.__class__ is T{i} else F{i}(v))")
        elif found.kind == "string_list":
            parts.append(f"F{i}({get})")
        else:
            parts.append(f"(None if (v := {get}) is None else F{i}(v))")
    source = f"def stored_values(d):\n    d = d or EMPTY\n    return [{', '.join(parts)}]\n"
    exec(source, names)  # the source is built from column names only
    return cast(Callable[[dict[str, Any] | None], list[Any]], names["stored_values"])


#: bookkeeping columns of an inserted record, after the derived ones: created_at, updated_at, version, sync_version
#: and the writer of the last local edit (none: it came from HQ)
_INSERT_STAMPS = tuple(c for c in m.BOOKKEEPING_COLUMNS if c != "id")


class Plan:
    """How pulled records of one model are written, worked out once per model."""

    def __init__(self, model: type[m.Synced]) -> None:
        table = table_of(model)
        self.model = model
        self.entity = model.__tablename__
        self.cols = data_columns(model)
        self.positions = range(len(self.cols))
        self.stored_values = _compile_stored(table, self.cols)
        codecs = [codec_for(table.c[c]) for c in self.cols]
        self.wired = [(i, f) for i, k in enumerate(codecs) if (f := k.stored_to_wire) is not None]
        self.wired_at = dict(self.wired)
        self.derived = sorted(model.__derived_fields__)
        self.derived_inputs = [
            (self.cols.index(c), c, codecs[self.cols.index(c)].from_stored) for c in model.__derived_inputs__
        ]
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
        #: where a stored row (`EntityWriter.existing`) holds the data columns, and then the derived ones
        self.data_at = slice(3, 3 + len(self.cols))
        self.derived_at = slice(3 + len(self.cols), None)
        # one JSON array of rows, fetched in one step: row by row, each step hands the GIL over to the pull thread,
        # busy decoding the next page, and waits to get it back (every stored value is text, an integer or null:
        # the codec has no other kind, so JSON gives back exactly what the row would)
        self.select_sql = (
            f"SELECT json_group_array(json_array(id, sync_version, updated_at, "
            f"{', '.join(map(q, [*self.cols, *self.derived]))})) FROM {name} "
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
        inputs = {c: (v if (v := stored[i]) is None or conv is None else conv(v)) for i, c, conv in self.derived_inputs}
        out = self.model.derived_values(inputs)
        return [out[c] for c in self.derived]


_PLANS: dict[type[m.Synced], Plan] = {}


def plan_for(model: type[m.Synced]) -> Plan:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = Plan(model)
    return plan


def prepare_records(records: Sequence[dict[str, Any]], own: Container[tuple[str, str]] = ()) -> None:
    """Convert pulled records to stored values ahead of writing them (`EntityWriter` would do it otherwise): the pull
    thread runs this for the next page while the current one is being written (SQLite releases the GIL). A record
    that cannot be converted is left as it is (converted again when written, and set aside then).

    `own`: (entity, id) of records this PC has just pushed: HQ's merged state of them usually holds the values stored
    here, so their derived values (a person's search words) are left to the writer, which computes them only if an
    input of theirs changed (another PC's edit merged meanwhile)."""
    for rec in records:
        if rec["deleted"] or rec["erased"]:
            continue
        model = m.MODEL_BY_ENTITY.get(rec["entity"])
        if model is None:
            continue
        plan = plan_for(model)
        try:
            rec["_stored"] = values = plan.stored_values(rec.get("data"))
            if plan.derived and (rec["entity"], rec["id"]) not in own:
                rec["_derived"] = plan.derived_values(values)
        except UNSTORABLE:
            rec.pop("_stored", None)


# --- writing pulled records ---------------------------------------------------------------------------------------


_HISTORY_SQL = (
    "INSERT INTO history (entity, record_id, person_id, op, fields, user_id, device_id, campus_id, hlc, at, origin) "
    "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 'remote')"
)


def _history(entity: str, rec: dict[str, Any], op: str, fields: dict[str, Any], at: str) -> tuple[Any, ...]:
    person = rec.get("person_id") or (rec["id"] if entity == "person" else None)
    return (entity, rec["id"], person, op, orjson.dumps(fields).decode(), rec.get("hlc") or "", at)


def write_history(conn: Connection, history: Sequence[tuple[Any, ...]]) -> None:
    if history:
        raw_connection(conn).executemany(_HISTORY_SQL, history)


class EntityWriter:
    """Writes pulled records of one entity, in the caller's transaction: `existing` rows looked up in one query;
    `insert`, `update`, `delete` queue the writes; `flush` writes them (one executemany per statement shape) and
    returns their history entries (written by the caller with `write_history`)."""

    def __init__(self, conn: Connection, plan: Plan, stamp: str, *, insert_history: bool) -> None:
        self.conn = conn
        self.raw = raw_connection(conn)
        self.plan = plan
        self.stamp = stamp
        self.insert_history = insert_history
        self.history: list[tuple[Any, ...]] = []
        self._inserts: list[tuple[Any, ...]] = []
        self._revived: list[str] = []
        self._updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)

    def existing(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """The stored rows of `ids`: (id, sync_version, updated_at, *data columns, *derived columns, as stored; see
        `Plan.data_at`, `Plan.derived_at`)."""
        ((rows,),) = self.raw.execute(self.plan.select_sql, (orjson.dumps(ids),))
        return {row[0]: tuple(row) for row in orjson.loads(rows)}

    def stored(self, rec: dict[str, Any]) -> tuple[list[Any], list[Any] | None]:
        """A pulled record's stored values (and derived ones, when prepared ahead): raises what `UNSTORABLE` lists."""
        values = rec.pop("_stored", None)
        derived = rec.pop("_derived", None)
        if values is None:
            values = self.plan.stored_values(rec.get("data"))
        return values, derived

    def insert(self, rec: dict[str, Any], values: list[Any], derived: list[Any] | None) -> None:
        plan = self.plan
        if derived is None:
            derived = plan.derived_values(values)
        version = rec["version"]
        self._inserts.append((rec["id"], *values, *derived, self.stamp, self.stamp, version, version, None, None, None))
        self._revived.append(rec["id"])
        if self.insert_history:
            new = plan.wire_values(values)
            fields = {c: {"old": None, "new": new[i]} for i, c in enumerate(plan.cols)}
            self.history.append(_history(plan.entity, rec, "insert", fields, self.stamp))

    def update(self, rec: dict[str, Any], old: tuple[Any, ...], values: list[Any], derived: list[Any] | None) -> None:
        """Write the columns whose stored value differs from `old` (and the new version)."""
        plan = self.plan
        stored_old = old[plan.data_at]
        version = rec["version"]
        if len(values) != len(stored_old):  # both are the plan's columns: a mismatch is a bug, never data
            raise ValueError(f"{plan.entity}: {len(values)} values for {len(stored_old)} stored columns")
        # the common pull-back of this PC's own pushed edits holds the values stored here: one comparison; otherwise
        # the positions that differ, compared in C
        same = stored_old == tuple(values)
        changed = [] if same else list(compress(plan.positions, map(ne, stored_old, values)))
        if not changed and old[1] == version:
            return
        cols = plan.cols
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
            self.history.append(_history(plan.entity, rec, "update", fields, self.stamp))
            if any(i in plan.derived_positions for i in changed):
                # only the derived columns whose value changes: an unchanged search text leaves the person's search
                # index entry alone (its trigger fires on any write of the column), an unchanged name key its index
                new_derived = derived if derived is not None else plan.derived_values(values)
                for c, new, before in zip(plan.derived, new_derived, old[plan.derived_at], strict=True):
                    if new != before:
                        names += (c,)
                        params.append(new)
            names += ("updated_at",)
            params.append(self.stamp)
        self._updates[names].append((*params, version, version, rec["id"]))

    def delete(self, rec: dict[str, Any], old: tuple[Any, ...]) -> None:
        plan = self.plan
        before = plan.wire_values(old[plan.data_at])
        fields = {c: {"old": before[i], "new": None} for i, c in enumerate(plan.cols)}
        self.history.append(_history(plan.entity, rec, "delete", fields, stamp()))
        delete_record(self.conn, plan.entity, rec["id"], rec.get("hlc") or "", erased=False)

    def flush(self) -> list[tuple[Any, ...]]:
        raw, plan = self.raw, self.plan
        if self._inserts:
            _write_staged(raw, plan, self._inserts)
            if raw.execute("SELECT EXISTS (SELECT 1 FROM tombstone WHERE entity = ?)", (plan.entity,)).fetchone()[0]:
                raw.execute(
                    "DELETE FROM tombstone WHERE entity = ? AND record_id IN (SELECT value FROM json_each(?))",
                    (plan.entity, orjson.dumps(self._revived)),
                )
        for names, rows in self._updates.items():
            _update_staged(raw, plan, (*names, "version", "sync_version"), rows)
        return self.history


def _write_staged(raw: Any, plan: Plan, rows: list[tuple[Any, ...]]) -> None:
    found = raw.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (plan.entity,))
    if found.fetchone() is None:  # no trigger to batch: straight in
        raw.executemany(plan.direct_sql, rows)
        return
    raw.execute(plan.stage_sql)
    raw.executemany(plan.stage_insert_sql, rows)
    raw.execute(plan.insert_sql)
    raw.execute(plan.unstage_sql)


def _update_staged(raw: Any, plan: Plan, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
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


def delete_record(conn: Connection, entity: str, record_id: str, hlc: str, *, erased: bool) -> None:
    """Delete a record here and leave its tombstone (an erased one takes its history and change log with it)."""
    model = m.MODEL_BY_ENTITY.get(entity)
    if model is not None:
        table = table_of(model)
        conn.execute(delete(table).where(table.c.id == record_id))
        if erased:
            conn.execute(delete(m.HistoryEntry).where(m.HistoryEntry.record_id == record_id))
            conn.execute(delete(m.ChangeLog).where(m.ChangeLog.record_id == record_id))
    conn.execute(delete(m.Tombstone).where(m.Tombstone.entity == entity, m.Tombstone.record_id == record_id))
    conn.execute(
        insert(m.Tombstone).values(entity=entity, record_id=record_id, hlc=hlc, erased=erased, deleted_at=utcnow())
    )


# --- erasure ------------------------------------------------------------------------------------------------------


def _erase_with_startups(conn: Connection, startup_ids: list[str], ids: list[tuple[str, str]]) -> None:
    """A startup erased with its lead founder takes its other founders' links and its support actions along."""
    for model in (m.StartupFounder, m.StartupAction):
        table = table_of(model)
        for chunk in _chunks(startup_ids):
            found = list(conn.execute(select(table.c.id).where(table.c.startup_id.in_(chunk))).scalars())
            if found:
                conn.execute(delete(table).where(table.c.id.in_(found)))
                ids.extend((model.__tablename__, i) for i in found)


def erase_person(conn: Connection, person_id: str, *, keep_pending: bool = True) -> int:
    """Delete every local trace of a person: their records, history, change log, conflicts, kiosk data, records set
    aside, index entries (by the FTS triggers). Leaves erased tombstones (opaque ids only). Returns the number of
    records."""
    identity = _identity_of(conn, person_id)
    ids: list[tuple[str, str]] = _front_desk_describing(conn, identity) if identity else []
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
    _erase_with_startups(conn, [i for e, i in ids if e == "startup"], ids)
    prereg_ids = [i for e, i in ids if e == "pre_registration"]
    record_ids = [i for _e, i in ids] + [person_id]
    local_tables = (m.HistoryEntry, m.ChangeLog, m.SyncConflict, m.SyncRejection, m.SyncSent, m.SyncSetAside)
    for chunk in _chunks(record_ids):
        for local in local_tables:
            conn.execute(delete(local).where(local.record_id.in_(chunk)))
    for local in local_tables:
        conn.execute(delete(local).where(local.person_id == person_id))
    for chunk in _chunks(prereg_ids):
        conn.execute(delete(m.IntakeDraft).where(m.IntakeDraft.pre_registration_id.in_(chunk)))
    if identity:
        _delete_drafts_describing(conn, identity)
    conn.execute(delete(m.PendingShare).where(m.PendingShare.person_id == person_id))
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


#: tables whose `person_id` stays when a file is merged into another: the audit trail says whose file was read, as
#: it was then; an erasure request not yet sent is HQ's to redirect (it erases both files)
_KEEP_PERSON_ID = frozenset({"audit_event", "pending_erasure", "person"})


def redirect_person(conn: Connection, merged_id: str, survivor_id: str) -> bool:
    """A file HQ merged into another (a duplicate): whatever this PC still holds of it — records, history, pending
    changes' bookkeeping, conflicts — now belongs to the survivor, and the merged file is deleted (search no longer
    finds it). HQ already moved its records before sending the redirect; this catches what was written here since.
    Returns False when this PC holds the merged file but not yet the survivor (the redirect waits, set aside)."""
    person = table_of(m.Person)
    held = set(conn.execute(select(person.c.id).where(person.c.id.in_([merged_id, survivor_id]))).scalars())
    if merged_id not in held:
        return True
    if survivor_id not in held:
        return False
    rqth = table_of(m.RqthDecision)
    if conn.execute(select(rqth.c.id).where(rqth.c.person_id == survivor_id)).first() is not None:
        conn.execute(delete(rqth).where(rqth.c.person_id == merged_id))  # one per person: HQ kept the latest
    for table in m.Base.metadata.sorted_tables:
        if "person_id" in table.c and table.name not in _KEEP_PERSON_ID:
            conn.execute(update(table).where(table.c.person_id == merged_id).values(person_id=survivor_id))
    conn.execute(delete(person).where(person.c.id == merged_id))
    return True


def _identity_of(conn: Connection, person_id: str) -> Identity | None:
    person = conn.execute(select(m.Person.__table__).where(m.Person.id == person_id)).mappings().first()
    return Identity.of(dict(person)) if person is not None else None


def _front_desk_describing(conn: Connection, identity: Identity) -> list[tuple[str, str]]:
    """Kiosk pre-registrations never linked to the person's file that hold their name, phone or e-mail, and the
    check-ins made with them: erased with the person (deleted here by the caller)."""
    table = table_of(m.PreRegistration)
    found = [
        row.id
        for row in conn.execute(select(table).where(table.c.person_id.is_(None))).mappings()
        if identity.describes(Identity.of(dict(row)))
    ]
    if not found:
        return []
    ids = [("pre_registration", i) for i in found]
    visits = table_of(m.Visit)
    for chunk in _chunks(found):
        visit_ids = list(conn.execute(select(visits.c.id).where(visits.c.pre_registration_id.in_(chunk))).scalars())
        if visit_ids:
            conn.execute(delete(visits).where(visits.c.id.in_(visit_ids)))
            ids.extend(("visit", i) for i in visit_ids)
        conn.execute(delete(table).where(table.c.id.in_(chunk)))
    return ids


def _delete_drafts_describing(conn: Connection, identity: Identity) -> None:
    """Intake drafts of the person (typed before their file existed, or abandoned when it was found)."""
    drafts = [d.id for d in conn.execute(select(m.IntakeDraft.id, m.IntakeDraft.data)) if _draft_describes(d, identity)]
    for chunk in _chunks(drafts):
        conn.execute(delete(m.IntakeDraft).where(m.IntakeDraft.id.in_(chunk)))


def _draft_describes(draft: Any, identity: Identity) -> bool:
    data = draft.data if isinstance(draft.data, dict) else {}
    return identity.describes(Identity.of(data))


def anonymised_people(conn: Connection, person_ids: Iterable[str]) -> list[str]:
    """Which of `person_ids` this PC holds as anonymised (gn_core.retention: HQ set their `anonymised_on`)."""
    ids = sorted(set(person_ids))
    if not ids:
        return []
    rows = raw_connection(conn).execute(
        "SELECT id FROM person WHERE anonymised_on IS NOT NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (orjson.dumps(ids),),
    )
    return [i for (i,) in rows]


def drop_pending_changes(conn: Connection, person_ids: Sequence[str]) -> None:
    """Forget the changes to these people's records not sent yet (an anonymised file: HQ refuses them, and their old
    values would keep what anonymising removed); the pulled state then applies whole."""
    for chunk in _chunks(person_ids):
        conn.execute(delete(m.ChangeLog).where(m.ChangeLog.person_id.in_(chunk)))


def anonymise_traces(conn: Connection, person_id: str) -> None:
    """What anonymising a file leaves to do once HQ's anonymised records are stored: every local trace of the old
    values goes — history entries (the person's file history), changes not sent, conflicts, refusals, records set
    aside, intake drafts of their pre-registrations. The records themselves stay, anonymised (compact the file
    afterwards, as after an erasure, so no freed page keeps a name)."""
    ids: list[str] = [person_id]
    prereg_ids: list[str] = []
    for model in m.SYNCED_MODELS:
        attr = model.__person_attr__
        if attr is None or attr == "id":
            continue
        table = table_of(model)
        found = list(conn.execute(select(table.c.id).where(table.c[attr] == person_id)).scalars())
        ids.extend(found)
        if model is m.PreRegistration:
            prereg_ids.extend(found)
    local_tables = (m.HistoryEntry, m.ChangeLog, m.SyncConflict, m.SyncRejection, m.SyncSetAside)
    for chunk in _chunks(ids):
        for local in local_tables:
            conn.execute(delete(local).where(local.record_id.in_(chunk)))
    for local in local_tables:
        conn.execute(delete(local).where(local.person_id == person_id))
    for chunk in _chunks(prereg_ids):
        conn.execute(delete(m.IntakeDraft).where(m.IntakeDraft.pre_registration_id.in_(chunk)))


def forget_audit_events(conn: Connection, ids: Sequence[str]) -> None:
    """Remove audit events HQ now holds: the trail is read at HQ, a PC keeps none of it (a stolen PC does not tell
    who read whose file)."""
    for chunk in _chunks(ids):
        conn.execute(delete(m.AuditEvent).where(m.AuditEvent.id.in_(chunk)))


def move_audit_events(conn: Connection, device_id: str) -> None:
    """After a new device identity (re-enrolment): the audit events not sent yet name this installation's new device
    id, which is the one HQ will accept them from (gn_core.sync_rules: an event names the device that sends it)."""
    conn.execute(update(m.AuditEvent).values(device_id=device_id))
    conn.execute(
        update(m.ChangeLog)
        .where(m.ChangeLog.entity == m.AuditEvent.__tablename__, m.ChangeLog.op == "insert")
        .values(fields=sa.func.json_set(m.ChangeLog.fields, "$.device_id.new", device_id))
    )


def compact_file(engine: Engine) -> None:
    """Rebuild the file and empty the WAL, so that no freed page keeps what was deleted (secure_delete covers the
    pages still in use)."""
    with engine.connect() as conn:
        raw = raw_connection(conn)
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def compact(engine: Engine, erased: Iterable[str] = ()) -> None:
    """After an erasure: merge the search index, rebuild the file and empty the WAL so no freed page keeps a name;
    then rewrite the migration backups beside the file without the `erased` people."""
    with engine.connect() as conn:
        raw = raw_connection(conn)
        raw.execute("INSERT INTO person_fts(person_fts) VALUES('optimize')")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if engine.url.database:
        backup.scrub(Path(engine.url.database), erased)


# --- accounts -----------------------------------------------------------------------------------------------------


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


# --- records set aside --------------------------------------------------------------------------------------------


def set_aside(conn: Connection, items: Sequence[tuple[dict[str, Any], str]]) -> None:
    """Keep pulled records this PC could not store, with why (a newer version replaces an older one)."""
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


def forget_set_aside(conn: Connection, keys: Sequence[tuple[str, str]]) -> None:
    """Records stored now are no longer set aside."""
    raw = raw_connection(conn)
    if keys and raw.execute("SELECT EXISTS (SELECT 1 FROM sync_set_aside)").fetchone()[0]:
        raw.executemany("DELETE FROM sync_set_aside WHERE entity = ? AND record_id = ?", keys)


def set_aside_records(conn: Connection) -> list[tuple[dict[str, Any], int | None]]:
    """Every record set aside, as a pulled record, with the version of this PC's copy of it (None: none here)."""
    t = table_of(m.SyncSetAside)
    rows = conn.execute(select(t.c.entity, t.c.record_id, t.c.version, t.c.seq, t.c.hlc, t.c.person_id, t.c.data))
    out: list[tuple[dict[str, Any], int | None]] = []
    for entity, record_id, version, seq, hlc, person_id, data in rows.all():
        model = m.MODEL_BY_ENTITY.get(entity)
        local = None
        if model is not None:
            table = table_of(model)
            local = conn.execute(select(table.c.sync_version).where(table.c.id == record_id)).scalar()
        record = {
            "entity": entity,
            "id": record_id,
            "version": version,
            "seq": seq,
            "hlc": hlc,
            "person_id": person_id,
            "deleted": False,
            "erased": False,
            "data": orjson.loads(data),
        }
        out.append((record, local))
    return out


def set_aside_count(conn: Connection) -> int:
    return int(conn.execute(select(sa.func.count()).select_from(m.SyncSetAside)).scalar() or 0)


# --- sync state and the change log --------------------------------------------------------------------------------


def read_state(conn: Connection) -> dict[str, Any]:
    """This installation's sync state row (created on first use), as a dict."""
    table = table_of(m.SyncState)
    row = conn.execute(select(table).where(table.c.id == 1)).mappings().first()
    if row is None:
        conn.execute(insert(m.SyncState).values(id=1, cursor=0, last_acked_seq=0, needs_reenrol=False))
        row = conn.execute(select(table).where(table.c.id == 1)).mappings().first()
    assert row is not None
    return dict(row)


def write_state(conn: Connection, **values: Any) -> None:
    """Update this installation's sync state row."""
    read_state(conn)
    conn.execute(update(m.SyncState).where(m.SyncState.id == 1).values(**values))


class Outgoing(NamedTuple):
    """A change-log entry as the push reads it (the `m.ChangeLog` columns, without an ORM object: a push reads up to
    MAX_PUSH_CHANGES of them)."""

    seq: int
    entity: str
    record_id: str
    person_id: str | None
    op: str
    fields: dict[str, Any]
    base_version: int
    hlc: str
    user_id: str | None
    campus_id: str | None


def _json_value(text: str | bytes | None) -> Any:
    """A JSON column's value as SQLAlchemy's JSON type reads it (orjson; the standard library for what it alone
    reads: NaN, Infinity)."""
    if text is None:
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def outgoing_changes(conn: Connection, limit: int, *, after: int = 0) -> list[Outgoing]:
    """The first `limit` entries of the change log after sequence `after`, oldest first."""
    rows = raw_connection(conn).execute(
        "SELECT seq, entity, record_id, person_id, op, fields, base_version, hlc, user_id, campus_id "
        "FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?",
        (after, limit),
    )
    return [Outgoing(s, e, r, p, o, _json_value(f), b, h, u, c) for s, e, r, p, o, f, b, h, u, c in rows]


def acknowledge_sent(conn: Connection, acked: Sequence[Outgoing], top: int) -> None:
    """Forget the change-log entries up to `top` that HQ acknowledged (`acked`), remember what was sent (`SyncSent`,
    for a re-send after an HQ restore), and drop the audit events HQ now holds."""
    raw = raw_connection(conn)
    raw.execute("DELETE FROM change_log WHERE seq <= ?", (top,))
    sent = [
        (r.seq, r.entity, r.record_id, r.person_id) for r in acked if r.entity in ENTITIES and r.entity != AUDIT_ENTITY
    ]
    if sent:
        raw.executemany(
            "INSERT OR REPLACE INTO sync_sent (seq, entity, record_id, person_id) VALUES (?, ?, ?, ?)", sent
        )
    # the audit trail is HQ's to keep: this PC keeps none of the events HQ now holds
    forget_audit_events(conn, [r.record_id for r in acked if r.entity == AUDIT_ENTITY])


def last_assigned_seq(conn: Connection) -> int:
    """The highest change-log sequence this database ever assigned (AUTOINCREMENT's, even if acknowledged)."""
    seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")).scalar()
    return int(seq or 0)


def requeue_current_state(
    conn: Connection, keys: Sequence[tuple[str, str]], hlc: Callable[[], str], campus_id: str | None
) -> int:
    """Queue again, as new changes, the current state of records HQ lost (restored from an older backup): an insert
    with every field of a record this PC holds, a delete for one it deleted (not erased). Returns how many."""
    entries: list[dict[str, Any]] = []
    for entity, rid in keys:
        model = m.MODEL_BY_ENTITY.get(entity)
        if model is None:
            continue
        table = table_of(model)
        row = conn.execute(select(table).where(table.c.id == rid)).mappings().first()
        base = dict(entity=entity, record_id=rid, hlc=hlc(), user_id=None, campus_id=campus_id, created_at=utcnow())
        if row is None:
            tomb = conn.execute(
                select(m.Tombstone.erased).where(m.Tombstone.entity == entity, m.Tombstone.record_id == rid)
            ).first()
            if tomb is not None and not tomb[0]:
                entries.append({**base, "person_id": None, "op": "delete", "fields": {}, "base_version": 0})
            continue
        attr = model.__person_attr__
        fields = {c: {"old": None, "new": wire(row[c])} for c in data_columns(model)}
        entries.append(
            {**base, "person_id": row[attr] if attr else None, "op": "insert", "fields": fields, "base_version": 0}
        )
    if entries:
        conn.execute(insert(m.ChangeLog), entries)
    return len(entries)


# --- a kiosk device -----------------------------------------------------------------------------------------------


def replace_checkin_index(conn: Connection, index: CheckInIndex) -> None:
    """Put HQ's check-in index in place of the kiosk's (keeping the ticket of check-ins already made today), and the
    campus's key beside it."""
    t = table_of(m.CheckInEntry)
    tickets = dict(conn.execute(select(t.c.appointment_id, t.c.ticket).where(t.c.ticket.is_not(None))).all())
    conn.execute(delete(t))
    rows = [
        {
            "appointment_id": e.appointment_id,
            "code_hash": e.code_hash,
            "name_hash": e.name_hash,
            "first_name": e.first_name,
            "starts_at": datetime.fromisoformat(e.starts_at),
            "ticket": tickets.get(e.appointment_id),
        }
        for e in index.entries
    ]
    if rows:
        conn.execute(insert(m.CheckInEntry), rows)
    conn.execute(insert(m.LocalSetting).prefix_with("OR REPLACE").values(key=CHECKIN_KEY_SETTING, value=index.key))


#: the local setting holding the campus's check-in key (gn_core.checkin), on a kiosk device
CHECKIN_KEY_SETTING = "kiosk.checkin_key"


def purge_sent_front_desk(conn: Connection) -> int:
    """Delete the visits and pre-registrations HQ holds now (no change of theirs is waiting), with their history: a
    kiosk keeps nobody's data. Returns how many records went."""
    waiting = {r for (r,) in conn.execute(select(m.ChangeLog.record_id))}
    gone = 0
    for model in (m.Visit, m.PreRegistration):
        table = table_of(model)
        ids = [i for (i,) in conn.execute(select(table.c.id)) if i not in waiting]
        for chunk in _chunks(ids):
            conn.execute(delete(table).where(table.c.id.in_(chunk)))
            conn.execute(delete(m.HistoryEntry).where(m.HistoryEntry.record_id.in_(chunk)))
            conn.execute(delete(m.SyncSent).where(m.SyncSent.record_id.in_(chunk)))
        gone += len(ids)
    return gone
