"""The record store: `RecordState`s (gn_core.merge) read from and written to the generic `record` table in bulk.

`field_meta` keeps each field's last writer compactly: a list of distinct writers, the index of the record's creator
(who still holds every field not listed) and, per field written since, an index into the list
(`{"w": [[version, stamp, device_id, user_id], …], "b": 0, "f": {field: index}, "d": index-of-deleter}`), and the
devices whose updates reached the record (`"t": {device_id: [version, device_seq]}`). Loading
and writing are set-based: one query loads every record a batch touches,
one executemany (PostgreSQL: one COPY into a temporary table and two statements) writes them back.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Integer, Select, Table, Text, any_, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import sqlite

from gn_core.merge import RecordState, Writer
from gn_core.sync_rules import (
    ACCOUNT_ENTITY,
    AUDIT_ENTITY,
    FRONT_DESK,
    NATURAL_KEYS,
    OWNING_CAMPUS_FIELD,
    person_id_of,
)
from gn_hq.db.models import appointment_slot_table as slot_t
from gn_hq.db.models import conflict_table as conflict_t
from gn_hq.db.models import person_access_table as access_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services.errors import HqError

Key = tuple[str, str]  # (entity, record_id)

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_loads = orjson.loads
_CHUNK = 900


class NotJson(HqError):
    status = 422
    code = "invalid_value"

    def __init__(self) -> None:
        super().__init__("Valeur refusée : seules les valeurs JSON finies sont acceptées (pas de NaN ni d'infini).")


def dumps(value: Any) -> str:
    """Compact JSON text as stored and sent; refuses NaN and infinities (they are not JSON)."""
    try:
        return _dumps(value)
    except ValueError as exc:
        raise NotJson() from exc


def encode_data(data: Mapping[str, Any]) -> str:
    """A record's data as stored: its non-null fields, compact JSON.

    orjson writes it several times faster than the json module, but writes NaN and infinities as null where JSON
    has no such numbers: output holding a null (never a field's value here) goes through `dumps`, which refuses them
    (and writes the rare legitimate null inside a list the same way)."""
    kept = {k: v for k, v in data.items() if v is not None}
    try:
        out = orjson.dumps(kept)
    except (orjson.JSONEncodeError, TypeError):  # a whole number beyond 64 bits, a type JSON has not
        return dumps(kept)
    return out.decode() if b"null" not in out else dumps(kept)


def encode_meta(state: RecordState) -> str:
    if not state.writers and state.deleted_by is None and state.base_writer is not None:
        w = state.base_writer  # the common case: a record as its creator wrote it
        return orjson.dumps(
            {"b": 0, "f": {}, "w": [[w.version, w.stamp, w.device_id, w.user_id]], "t": state.touched_by}
        ).decode()
    writers: list[Writer] = []
    index: dict[int, int] = {}  # by identity: a merge shares one Writer object among the fields it wrote

    def slot(w: Writer) -> int:
        i = index.get(id(w))
        if i is None:
            i = index[id(w)] = len(writers)
            writers.append(w)
        return i

    meta: dict[str, Any] = {}
    if state.base_writer is not None:
        meta["b"] = slot(state.base_writer)
    meta["f"] = {name: slot(w) for name, w in state.writers.items()}
    if state.deleted_by is not None:
        meta["d"] = slot(state.deleted_by)
    meta["w"] = [[w.version, w.stamp, w.device_id, w.user_id] for w in writers]
    meta["t"] = state.touched_by
    return orjson.dumps(meta).decode()


def decode_state(data: str, meta: str, version: int, deleted: bool, erased: bool) -> RecordState:
    m = _loads(meta)
    writers = [Writer(w[0], w[1], w[2], w[3]) for w in m.get("w", ())]
    b = m.get("b")
    d = m.get("d")
    return RecordState(
        data=_loads(data),
        writers={name: writers[i] for name, i in m.get("f", {}).items()},
        base_writer=writers[b] if b is not None else None,
        version=version,
        deleted=deleted,
        erased=erased,
        deleted_by=writers[d] if d is not None else None,
        touched_by={device: (mark[0], mark[1]) for device, mark in m.get("t", {}).items()},
    )


@dataclass(slots=True)
class Stored:
    """A record as loaded: its row, and its state (gn_core.merge) decoded when first asked for — a push that patches
    the record in place (`patch`) never decodes it."""

    entity: str
    record_id: str
    seq: int
    #: an open conflict is about this record (its held fields are then loaded: conflicts.held_fields)
    has_open_conflict: bool
    data_text: str
    meta_text: str
    version: int
    deleted: bool
    erased: bool
    #: the greatest stamp among the record's writers (`latest_stamp`)
    hlc: str | None = None
    person_id: str | None = None
    campus_id: str | None = None
    _state: RecordState | None = None

    @property
    def state(self) -> RecordState:
        if self._state is None:
            self._state = decode_state(self.data_text, self.meta_text, self.version, self.deleted, self.erased)
        return self._state


def id_in(conn: Connection, column: Any, ids: list[str]) -> Any:
    """`column IN ids`. On PostgreSQL the ids travel as one comma-joined text parameter split by the server (ids
    match gn_core.protocol.ID_PATTERN, so they hold no comma): the statement stays small and cached, and the driver
    does not escape thousands of array elements one by one."""
    if conn.dialect.name == "postgresql":
        return _any_of_joined(column, bindparam(None, ",".join(ids), type_=Text))
    return column.in_(ids)


def _any_of_joined(column: Any, joined: Any) -> Any:
    """`column = ANY(string_to_array(joined, ','))`: PostgreSQL's reading of comma-joined ids."""
    return column == any_(func.string_to_array(joined, ","))


def ids_bound(postgres: bool, column: Any, name: str = "ids") -> Any:
    """`column IN :name` with the ids bound at execution (`ids_value`): for a statement built once and run for every
    push — building one, and its cache key, costs about 0.2 ms a time, a tenth of a small push."""
    if postgres:
        return _any_of_joined(column, bindparam(name, type_=Text))
    return column.in_(bindparam(name, expanding=True))


def ids_value(conn: Connection, ids: list[str]) -> str | list[str]:
    """The value `ids_bound`'s parameter takes (PostgreSQL: comma-joined, as in `id_in`)."""
    return ",".join(ids) if conn.dialect.name == "postgresql" else ids


def chunks(conn: Connection, ids: list[str]) -> list[list[str]]:
    """`ids` in slices SQLite's parameter limit accepts (PostgreSQL takes them whole)."""
    size = 100_000 if conn.dialect.name == "postgresql" else _CHUNK
    return [ids[start : start + size] for start in range(0, len(ids), size)] if ids else []


@functools.cache
def _load_statement(postgres: bool) -> Select[Any]:
    return select(
        record_t.c.entity,
        record_t.c.record_id,
        record_t.c.server_seq,
        select(conflict_t.c.id)
        .where(conflict_t.c.record_id == record_t.c.record_id, conflict_t.c.status == "open")
        .exists()
        .label("has_open_conflict"),
        record_t.c.data,
        record_t.c.field_meta,
        record_t.c.version,
        record_t.c.deleted,
        record_t.c.erased,
        record_t.c.hlc,
        record_t.c.person_id,
        record_t.c.campus_id,
    ).where(ids_bound(postgres, record_t.c.record_id))


def load(conn: Connection, keys: Iterable[Key]) -> dict[Key, Stored]:
    """Every record among `keys` that HQ holds, in one query per ~900 keys."""
    keys = list(dict.fromkeys(keys))
    found: dict[Key, Stored] = {}
    wanted = set(keys)
    ids = sorted({record_id for _entity, record_id in keys})
    stmt = _load_statement(conn.dialect.name == "postgresql")
    for chunk in chunks(conn, ids):
        # rows as plain tuples, in Stored's field order: a push loads thousands, and named access costs more
        for row in conn.execute(stmt, {"ids": ids_value(conn, chunk)}):
            key = (row[0], row[1])
            if key in wanted:
                found[key] = Stored(*row)
    return found


def columns_of(
    entity: str,
    record_id: str,
    state: RecordState,
    seq: int,
    now: datetime,
    *,
    erased_person: str | None = None,
    owner_campus: str | None = None,
) -> dict[str, Any]:
    """The row to write for a state: JSON text plus the columns extracted for scoping, indicators and uniqueness.

    An erased record has no data left to find its person in: `erased_person` keeps its tombstone routed to the
    campuses that had the person. `owner_campus` is the campus following a linked record's person when it is
    written: a campus that gains access never loses it, so the pull can skip the access lookup for those rows.
    """
    return row_of(
        entity,
        record_id,
        state.data,
        "{}" if state.erased else encode_data(state.data),
        "{}" if state.erased else encode_meta(state),
        version=state.version,
        hlc=latest_stamp(state),
        seq=seq,
        now=now,
        deleted=state.deleted,
        erased=state.erased,
        erased_person=erased_person,
        owner_campus=owner_campus,
    )


def row_of(
    entity: str,
    record_id: str,
    data: Mapping[str, Any],
    data_text: str,
    meta_text: str,
    *,
    version: int,
    hlc: str | None,
    seq: int,
    now: datetime,
    deleted: bool = False,
    erased: bool = False,
    erased_person: str | None = None,
    owner_campus: str | None = None,
) -> dict[str, Any]:
    """The row of a record whose data and metadata are already encoded (`columns_of` says what the columns are)."""
    live = not deleted
    row: dict[str, Any] = {
        "entity": entity,
        "record_id": record_id,
        "person_id": erased_person if erased else person_id_of(entity, record_id, data),
        "data": data_text,
        "field_meta": meta_text,
        "version": version,
        "hlc": hlc,
        "server_seq": seq,
        "deleted": deleted,
        "erased": erased,
        "updated_at": now,
        "campus_id": owner_campus if live else None,
        "pathway_step": None,
        "situation": None,
        "gender": None,
        "birth_date": None,
        "natural_key": None,
    }
    if entity == "person" and live:
        row["campus_id"] = _text(data.get(OWNING_CAMPUS_FIELD), 64)
        row["pathway_step"] = _text(data.get("pathway_step"), 40)
        row["situation"] = _text(data.get("situation"), 40)
        row["gender"] = _text(data.get("gender"), 20)
        row["birth_date"] = _text(data.get("birth_date"), 10)
    if (entity == ACCOUNT_ENTITY or entity in FRONT_DESK) and not erased:
        # an account, a visit or a pre-registration reaches only the PCs of its campus (deleted too, so that they
        # drop it); a visitor recognised as a person is erased with them
        row["campus_id"] = _text(data.get("campus_id"), 64)
        if entity in FRONT_DESK:
            row["person_id"] = _text(data.get(FRONT_DESK[entity]), 64)
    if entity == AUDIT_ENTITY and live:
        # for `gn-hq audit list --person/--campus`; no device receives audit events (gn_core.sync_rules.NOT_PULLED)
        row["person_id"] = _text(data.get("person_id"), 64)
        row["campus_id"] = _text(data.get("campus_id"), 64)
    key_field = NATURAL_KEYS.get(entity)
    if key_field is not None and live:
        row["natural_key"] = natural_key(data.get(key_field))
    return row


@dataclass(slots=True)
class Patched:
    """A stored record with a change that saw all of it applied in place (`patch`)."""

    data: dict[str, Any]
    data_text: str
    meta_text: str
    version: int
    hlc: str


def decode_data(text: str) -> dict[str, Any]:
    """Stored JSON (a record's data or metadata) as Python values."""
    value: dict[str, Any] = _loads(text)
    return value


def patch(meta: dict[str, Any], data: dict[str, Any], changed: Mapping[str, Any], writer: Writer, seq: int) -> Patched:
    """`merge` of an update that has seen every field of the record — made at or after its current version, stamped
    after every writer of it, the record live and without an open conflict — and changes `changed` (field -> new
    value, each differing from `data`). `data` and `meta` are the record's decoded data and metadata, updated here:
    the fields take their new values and `writer`, the record its next version, the device its mark. Done on the
    stored JSON without building the record's state: a push's two-field edit of a known record costs a fraction of
    a merge. gn_core.merge stays the rule; tests/hq/test_patch.py checks that both give the same record."""
    for name, value in changed.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    writers: list[Any] = meta.get("w", [])
    writers.append([writer.version, writer.stamp, writer.device_id, writer.user_id])
    fields: dict[str, int] = meta.get("f", {})
    for name in changed:
        fields[name] = len(writers) - 1
    used = set(fields.values())
    used.update(meta[k] for k in ("b", "d") if meta.get(k) is not None)
    if len(used) < len(writers):  # writers no field names any more are dropped, as encode_meta does
        keep = sorted(used)
        index = {old: new for new, old in enumerate(keep)}
        writers = [writers[i] for i in keep]
        fields = {name: index[i] for name, i in fields.items()}
        for k in ("b", "d"):
            if meta.get(k) is not None:
                meta[k] = index[meta[k]]
    meta["w"], meta["f"] = writers, fields
    meta["t"] = {**meta.get("t", {}), writer.device_id: [writer.version, seq]}
    return Patched(data, encode_data(data), orjson.dumps(meta).decode(), writer.version, writer.stamp[:100])


def latest_stamp(state: RecordState) -> str | None:
    """The greatest stamp among a record's writers (None for a tombstone without any)."""
    stamps = [w.stamp for w in state.writers.values()]
    for w in (state.base_writer, state.deleted_by):
        if w is not None:
            stamps.append(w.stamp)
    return max(stamps)[:100] if stamps else None


def _text(value: Any, size: int) -> str | None:
    return value[:size] if isinstance(value, str) else None


def natural_key(value: Any) -> str | None:
    """How a unique key (campus code, user name) is compared: trimmed, case-folded."""
    return value.strip().casefold()[:200] if isinstance(value, str) and value.strip() else None


def write(
    conn: Connection,
    new_rows: Iterable[dict[str, Any]],
    changed_rows: Iterable[dict[str, Any]],
    *,
    count: int | None = None,
) -> None:
    """Insert `new_rows` and overwrite `changed_rows` (rows as made by `columns_of`). They may be generators, given
    with their `count`: on PostgreSQL a large batch's rows are then made while the server stores the ones before
    (COPY streams), so that encoding them and storing them overlap."""
    if count is None:
        new_rows, changed_rows = list(new_rows), list(changed_rows)
        count = len(new_rows) + len(changed_rows)
    if conn.dialect.name == "postgresql" and count >= 64:
        appointments: list[dict[str, Any]] = []
        _write_pg_copy(conn, _noting(new_rows, appointments), _noting(changed_rows, appointments))
        if appointments:
            _write_slots(conn, appointments)
        return
    new_rows, changed_rows = list(new_rows), list(changed_rows)
    appointments = [r for rows in (new_rows, changed_rows) for r in rows if r["entity"] == "appointment"]
    if appointments:
        _write_slots(conn, appointments)
    if new_rows:
        conn.execute(insert(record_t), new_rows)
    if changed_rows:
        stmt = update(record_t).where(
            record_t.c.entity == bindparam("k_entity"), record_t.c.record_id == bindparam("k_record_id")
        )
        conn.execute(
            stmt, [{**row, "k_entity": row["entity"], "k_record_id": row["record_id"]} for row in changed_rows]
        )


def _nonempty(rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]] | None:
    """`rows`, or None when there are none (a generator is looked into without losing its first row)."""
    it = iter(rows)
    first = next(it, None)
    return None if first is None else itertools.chain((first,), it)


def _noting(rows: Iterable[dict[str, Any]], appointments: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """`rows`, keeping aside the appointments among them (their slots are written after)."""
    for row in rows:
        if row["entity"] == "appointment":
            appointments.append(row)
        yield row


def _write_slots(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Keep `appointment_slot` (where and when each live appointment is) in step with appointment rows."""
    ids = [r["record_id"] for r in rows]
    for chunk in chunks(conn, ids):
        conn.execute(delete(slot_t).where(id_in(conn, slot_t.c.appointment_id, chunk)))
    slots = []
    for r in rows:
        if r["deleted"] or r["erased"]:
            continue
        data = _loads(r["data"])
        try:
            starts = datetime.fromisoformat(data["starts_at"]).astimezone(UTC).isoformat(timespec="milliseconds")
        except (KeyError, TypeError, ValueError):
            continue
        if isinstance(data.get("campus_id"), str):
            slots.append({"appointment_id": r["record_id"], "campus_id": data["campus_id"], "starts_at": starts})
    if slots:
        conn.execute(insert(slot_t), slots)


_COPY_COLUMNS = (
    "entity",
    "record_id",
    "person_id",
    "data",
    "field_meta",
    "version",
    "hlc",
    "server_seq",
    "deleted",
    "erased",
    "updated_at",
    "campus_id",
    "pathway_step",
    "situation",
    "gender",
    "birth_date",
    "natural_key",
)


_UPDATED_AT = _COPY_COLUMNS.index("updated_at")


def _write_pg_copy(
    conn: Connection, new_rows: Iterable[dict[str, Any]], changed_rows: Iterable[dict[str, Any]]
) -> None:
    """PostgreSQL bulk path: new rows are COPied straight into `record` (the writer holds the lock and has just seen
    that none of them exists); changed rows are COPied into a temporary table, then applied by one UPDATE. Rows are
    made while the server stores the ones before (COPY streams).

    The sequence numbers of changed rows move forward, so the unique index on server_seq is updated by a single
    statement whose new values are all above the old ones: no transient duplicates.
    """
    dbapi = conn.connection.driver_connection
    assert dbapi is not None
    cols = ", ".join(_COPY_COLUMNS)
    stamps: dict[int, str] = {}  # a batch's rows share one `updated_at`: format it once

    def copy_rows(copy: Any, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            values = [row[c] for c in _COPY_COLUMNS]
            at = row["updated_at"]
            text = stamps.get(id(at))
            if text is None:
                text = stamps[id(at)] = at.isoformat(timespec="milliseconds")
            values[_UPDATED_AT] = text
            copy.write_row(values)

    with dbapi.cursor() as cur:
        if (rows := _nonempty(new_rows)) is not None:
            with cur.copy(f"COPY record ({cols}) FROM STDIN") as copy:
                copy_rows(copy, rows)
        if (rows := _nonempty(changed_rows)) is not None:
            cur.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS record_changed (LIKE record INCLUDING DEFAULTS) "
                "ON COMMIT DELETE ROWS"
            )
            cur.execute("TRUNCATE record_changed")  # a transaction may write several times (a push, then an erasure)
            with cur.copy(f"COPY record_changed ({cols}) FROM STDIN") as copy:
                copy_rows(copy, rows)
            sets = ", ".join(f"{c} = i.{c}" for c in _COPY_COLUMNS[2:])
            cur.execute(
                f"UPDATE record AS r SET {sets} FROM record_changed AS i "
                "WHERE r.entity = i.entity AND r.record_id = i.record_id"
            )


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]], *, upsert_key: str | None = None) -> None:
    """Insert `rows` (dicts of text and integer columns) in one statement on PostgreSQL — the rows travel as one JSON
    array that the server unpacks (`json_to_recordset`): one parameter that orjson encodes at once, where array
    parameters are dumped element by element and an executemany makes a round trip per row — or an executemany
    on SQLite. `upsert_key`: a row whose key exists replaces the other columns instead."""
    if not rows:
        return
    names = list(rows[0])
    if conn.dialect.name != "postgresql":
        stmt = sqlite.insert(table)
        if upsert_key is not None:
            stmt = stmt.on_conflict_do_update(
                index_elements=[upsert_key], set_={n: stmt.excluded[n] for n in names if n != upsert_key}
            )
        conn.execute(stmt, rows)
        return
    columns = ", ".join(f"{n} {'bigint' if isinstance(table.c[n].type, Integer) else 'text'}" for n in names)
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) "
        f"SELECT {', '.join(names)} FROM json_to_recordset(%(rows)s::json) AS r({columns})"
    )
    if upsert_key is not None:
        updates = ", ".join(f"{n} = EXCLUDED.{n}" for n in names if n != upsert_key)
        sql += f" ON CONFLICT ({upsert_key}) DO UPDATE SET {updates}"
    conn.exec_driver_sql(sql, {"rows": orjson.dumps(rows).decode()})


def grant(conn: Connection, grants: Iterable[tuple[str, str, str]], now: datetime) -> None:
    """Give campuses access to people: (person_id, campus_id, reason); existing grants are left as they are."""
    rows = [
        {"person_id": p, "campus_id": c, "reason": r, "granted_at": now} for p, c, r in dict.fromkeys(grants) if p and c
    ]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        # One statement per reason whatever the number of grants: the ids travel as two comma-joined texts.
        for reason in sorted({str(r["reason"]) for r in rows}):
            some = [r for r in rows if r["reason"] == reason]
            conn.exec_driver_sql(
                "INSERT INTO person_access (person_id, campus_id, reason, granted_at) "
                "SELECT p, c, %(r)s, %(t)s FROM unnest(string_to_array(%(p)s, ','), string_to_array(%(c)s, ',')) "
                "AS u(p, c) ON CONFLICT DO NOTHING",
                {
                    "p": ",".join(str(r["person_id"]) for r in some),
                    "c": ",".join(str(r["campus_id"]) for r in some),
                    "r": reason,
                    "t": now.isoformat(timespec="milliseconds"),
                },
            )
        return
    conn.execute(sqlite.insert(access_t).on_conflict_do_nothing(), rows)


def campuses_with_access(conn: Connection, person_ids: Iterable[str], campus_id: str) -> set[str]:
    """Which of `person_ids` the campus may see and change.

    The grants are looked up by person (a person has one or two), and the campus is picked out here: asked for one
    campus and many people at once, PostgreSQL's planner read all the campus's grants whenever its statistics were
    older than the campus's last upload (a 250-person edit of a 100,000-person campus then read 100,000 rows)."""
    ids = list(dict.fromkeys(person_ids))
    found: set[str] = set()
    stmt = _access_statement(conn.dialect.name == "postgresql")
    for chunk in chunks(conn, ids):
        found.update(p for p, campus in conn.execute(stmt, {"ids": ids_value(conn, chunk)}) if campus == campus_id)
    return found


@functools.cache
def _access_statement(postgres: bool) -> Select[Any]:
    return select(access_t.c.person_id, access_t.c.campus_id).where(ids_bound(postgres, access_t.c.person_id))
