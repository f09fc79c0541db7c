"""Change capture: the one place where writes to synced records become change-log and history entries.

A `before_flush` hook on every store session stamps each inserted, updated or deleted `Synced` record (timestamps,
version, who changed it) and adds, in the same flush and so the same transaction, one `ChangeLog` entry (to push to
HQ) and one `HistoryEntry` (kept for the person's file). A rolled-back transaction therefore leaves no entry.
`bulk_insert` is the same capture for large inserts (demo data, imports), done in a few SQL statements.

Sessions must carry a `CaptureContext` in `session.info["capture"]`; the unit of work sets it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, attributes

from gn_core import fields as value_rules
from gn_core.domain.errors import FieldError, InvalidInput, PermissionDenied
from gn_core.hlc import HybridClock, Stamp
from gn_core.ids import new_id
from gn_core.retention import ANONYMISED_REFUSAL
from gn_core.sync_rules import (
    ACCOUNT_ENTITY,
    ENTITIES,
    REFUSAL_DETAIL,
    ROLE_WRITES,
    DeviceRole,
    Refusal,
    write_refusal,
)
from gn_desktop.store import cipher, codec
from gn_desktop.store.codec import codec_for, wire
from gn_desktop.store.models import BOOKKEEPING, ChangeLog, HistoryEntry, Person, Synced, Tombstone
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
    #: False while applying changes received from HQ, or writing HQ's reference data known in advance (the campuses,
    #: demo accounts and catalogue): they go to history (origin "remote") but not to the change log
    capture: bool = True
    #: True only inside an erasure, which may delete append-only records
    erasing: bool = False
    #: filled with (entity, record_id) of every record changed in the current transaction, for views to refresh
    touched: set[tuple[str, str]] = field(default_factory=set)
    #: what HQ enrolled this installation as: the rules of what it may write depend on it
    role: DeviceRole = DeviceRole.CAMPUS_PC


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


def check_write(
    ctx: CaptureContext,
    entity: str,
    record_id: str,
    op: str,
    fields: dict[str, dict[str, Any]],
    current: dict[str, Any] | None = None,
) -> None:
    """The checks HQ will run on this change, run before it is queued, so that the PC never queues a change HQ would
    refuse: every new value storable (gn_core.fields; InvalidInput naming the field) and the change one this PC may
    make (gn_core.sync_rules; PermissionDenied). `current`: the record's wire values after an update (the unchanged
    fields matter to the rules: the campus a session belongs to). Records received from HQ are not checked."""
    if not ctx.capture or entity not in ENTITIES:
        return  # received from HQ, HQ's reference data known in advance, or local-only (kiosk records)
    new = {name: f.get("new") for name, f in fields.items()} if op != "delete" else {}
    if op != "delete":
        found = value_rules.problems(entity, new, complete=op == "insert")
        if found:
            raise InvalidInput([FieldError(p.field, p.message) for p in found])
    own_password = entity == ACCOUNT_ENTITY and ctx.role is DeviceRole.CAMPUS_PC  # judged by write_refusal below
    if entity not in ROLE_WRITES[ctx.role] and not own_password:
        raise PermissionDenied(REFUSAL_DETAIL[Refusal.READ_ONLY])
    if ctx.campus_id is None:
        return  # a PC with no campus yet: the campus rules wait for its enrolment
    stored = None if op == "insert" else {**(current or {}), **{name: f.get("old") for name, f in fields.items()}}
    if entity == "person" and stored is not None and stored.get("anonymised_on") is not None:
        raise PermissionDenied(ANONYMISED_REFUSAL)
    refusal = write_refusal(
        ctx.role,
        ctx.campus_id,
        entity,
        record_id,
        op,
        stored=stored,
        new=new,
        follows=_yes,  # the PC holds only the people its campus follows
        campus_exists=_yes,  # the store's foreign key checks the campus
        author=ctx.user_id,
        device_id=ctx.device_id,
    )
    if refusal is not None:
        raise PermissionDenied(REFUSAL_DETAIL[refusal])


def _yes(_value: str) -> bool:
    return True


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
    kept = type(obj).__history__
    if kept:
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
    if not kept:
        return
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
        _capture_insert(session, ctx, obj, now)
    for obj in synced_dirty:
        if session.is_modified(obj, include_collections=False):
            _capture_update(session, ctx, obj, now)
    for obj in synced_deleted:
        _capture_delete(session, ctx, obj)


def _refuse_anonymised(session: Session, ctx: CaptureContext, obj: Synced) -> None:
    """A record of a file HQ anonymised is not written any more on this PC (HQ would refuse it: gn_core.retention);
    the person's own record is judged by `check_write`. Records received from HQ and erasures pass."""
    if not ctx.capture or ctx.erasing or type(obj).__person_attr__ in (None, "id"):
        return
    person_id = _person_id(obj)
    if person_id is None:
        return
    with session.no_autoflush:
        anonymised = session.scalar(select(Person.anonymised_on).where(Person.id == person_id))
    if anonymised is not None:
        raise PermissionDenied(ANONYMISED_REFUSAL)


def _capture_insert(session: Session, ctx: CaptureContext, obj: Synced, now: datetime) -> None:
    _apply_python_defaults(obj)
    if obj.id is None:
        obj.id = new_id()
    if ctx.capture:
        obj.created_at = now
        obj.version = 1
    _stamp_writer(obj, ctx, now)
    obj.refresh_derived()
    fields = {k: {"old": None, "new": wire(getattr(obj, k))} for k in _columns(type(obj))}
    check_write(ctx, type(obj).__tablename__, obj.id, "insert", fields)
    _refuse_anonymised(session, ctx, obj)
    _entries(session, ctx, obj, "insert", fields, base_version=0)


def _changed_fields(obj: Synced) -> dict[str, dict[str, Any]]:
    """The data fields an update changes, with their old and new wire values (setting the same value is no change)."""
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
    return fields


def _capture_update(session: Session, ctx: CaptureContext, obj: Synced, now: datetime) -> None:
    obj.refresh_derived()
    fields = _changed_fields(obj)
    if not fields:
        return
    if type(obj).__append_only__ and ctx.capture:
        raise AppendOnlyViolation(f"{type(obj).__tablename__} records cannot be edited")
    if ctx.capture:
        current = {k: wire(getattr(obj, k)) for k in _columns(type(obj))}
        check_write(ctx, type(obj).__tablename__, obj.id, "update", fields, current)
        _refuse_anonymised(session, ctx, obj)
    base_version = obj.sync_version
    if ctx.capture:
        obj.version = (obj.version or 0) + 1
    _stamp_writer(obj, ctx, now)
    _entries(session, ctx, obj, "update", fields, base_version=base_version)


def _capture_delete(session: Session, ctx: CaptureContext, obj: Synced) -> None:
    if type(obj).__append_only__ and ctx.capture and not ctx.erasing:
        raise AppendOnlyViolation(f"{type(obj).__tablename__} records cannot be deleted")
    fields = {k: {"old": wire(getattr(obj, k)), "new": None} for k in _columns(type(obj))}
    if not ctx.erasing:
        check_write(ctx, type(obj).__tablename__, obj.id, "delete", fields)
    _entries(session, ctx, obj, "delete", fields, base_version=obj.sync_version)


def install(session_class: type[Session] | Session) -> None:
    """Register change capture on a session class or session (idempotent)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)


@dataclass(frozen=True, slots=True)
class StagedRows:
    """Rows made ready for `bulk_insert` by `stage_rows`, possibly on another thread than the one that writes."""

    model: type[Synced]
    ids: list[str]  # in order
    #: the staged columns' values as the database stores them, `plan.rows_per_insert` rows flattened per tuple
    batches: list[tuple[Any, ...]]
    tail: tuple[Any, ...]  # the rows left over, flattened
    plan: _BulkPlan


def stage_rows(
    model: type[Synced], rows: Sequence[dict[str, Any]], dialect: Dialect, *, check: CaptureContext | None = None
) -> StagedRows:
    """The Python half of `bulk_insert`, which needs no database: fills defaults, ids and derived columns and
    converts each value as SQLAlchemy would bind it. A writer thread given the result then spends its time in
    SQLite (which releases the GIL) while the thread that made the rows goes on with the next ones.

    `check`: run `check_write` on each row for that capture context (rows from outside: imports); rows the
    program drew itself (demo data) need not be."""
    plan = _bulk_plan(model, dialect)
    entity = model.__tablename__
    data_cols = _columns(model)
    derived = model.__derived_fields__
    columns = plan.staged
    flat: list[Any] = []
    ids: list[str] = []
    for row in rows:
        record = {**plan.defaults, **row}
        for key, fn in plan.callables:
            if record.get(key) is None:
                record[key] = _call_default(fn)
        if record.get("id") is None:
            record["id"] = new_id()
        if derived and not derived <= row.keys():
            record.update(model.derived_values(record))
        if check is not None:
            fields = {c: {"old": None, "new": wire(record.get(c))} for c in data_cols}
            check_write(check, entity, record["id"], "insert", fields)
        ids.append(record["id"])
        get = record.get
        flat.extend([v if (v := get(c)) is None or p is None else p(v) for c, p in columns])
    width = len(columns) * plan.rows_per_insert
    cut = len(flat) - len(flat) % width
    batches = [tuple(flat[i : i + width]) for i in range(0, cut, width)]
    return StagedRows(model, ids, batches, tuple(flat[cut:]), plan)


def bulk_insert(session: Session, model: type[Synced], rows: Sequence[dict[str, Any]] | StagedRows) -> list[str]:
    """Insert many new records, capturing each one exactly as the flush hook would (demo data, imports).

    `rows` are dicts of data columns (Python values); missing defaults are filled; each is checked as the flush hook
    checks a record (`check_write`) unless they are `stage_rows`' result. A row may carry its derived
    columns already computed with `model.derived_values` (e.g. on another thread); otherwise they are computed here.
    `rows` may also be `stage_rows`' result for `model`. Returns the new ids, in order.

    Built for volume: the rows go into a temporary staging table with one executemany, reach the model's table in
    one INSERT ... SELECT (a single statement, so an FTS5 index kept by a trigger is not flushed at every row), then
    SQLite itself writes their change-log and history entries from the rows just written (json_object over the
    stored values), so no per-row JSON or ORM object is built in Python. The entries carry the same fields and
    values as the flush hook's (as compact JSON) and consecutive clock stamps reserved in one go.
    """
    ctx: CaptureContext | None = session.info.get("capture")
    if ctx is None:
        raise MissingCaptureContext("bulk_insert needs a UnitOfWork session")
    if not rows:
        return []
    session.flush()  # records still pending in the session (e.g. the campus these rows point to) go in first
    conn = session.connection()
    if isinstance(rows, StagedRows):
        if rows.model is not model or rows.plan.dialect != conn.dialect.name:
            raise ValueError(
                f"rows staged for {rows.model.__tablename__} ({rows.plan.dialect}) cannot go into "
                f"{model.__tablename__} ({conn.dialect.name})"
            )
        staged = rows
    else:
        staged = stage_rows(model, rows, conn.dialect, check=ctx if ctx.capture else None)
    plan = staged.plan
    now = utcnow()
    params = {
        "entity": model.__tablename__,
        "now": plan.stamp_now(now) if plan.stamp_now else now,
        "user_id": ctx.user_id,
        "device_id": ctx.device_id,
        "campus_id": ctx.campus_id,
        "after": conn.exec_driver_sql(plan.last_rowid_sql).scalar() or 0,
        "after_seq": conn.exec_driver_sql(_LAST_SEQ_SQL).scalar() or 0,
    }
    conn.exec_driver_sql(plan.stage_create_sql)
    if staged.batches:
        conn.exec_driver_sql(plan.stage_insert_sql(plan.rows_per_insert), staged.batches)
    if staged.tail:
        conn.exec_driver_sql(plan.stage_insert_sql(len(staged.tail) // len(plan.staged)), staged.tail)
    conn.exec_driver_sql(plan.insert_sql, params)
    conn.exec_driver_sql(plan.stage_drop_sql)
    first = _reserve_stamps(ctx.clock, len(staged.ids))
    params.update(wall=first.wall_ms, counter=first.counter, node=first.node)
    if ctx.capture:
        conn.exec_driver_sql(plan.change_log_sql, params)
        conn.exec_driver_sql(_HISTORY_FROM_LOG_SQL, params)
    else:
        conn.exec_driver_sql(plan.history_sql, params)
    ctx.touched.update((model.__tablename__, record_id) for record_id in staged.ids)
    return staged.ids


#: full-text indexes kept by an insert trigger on the table they index (migration 0002): (index, trigger)
_SEARCH_INDEXES = (("person_fts", "person_fts_ai"),)


@contextlib.contextmanager
def search_index_deferred(session: Session) -> Iterator[None]:
    """For a bulk load: rows inserted inside are not added to the full-text index one by one; on leaving, the index
    is rebuilt once from its table (FTS5 'rebuild': the same entries as the trigger would have made) and the insert
    trigger is back exactly as it was (its stored SQL). All in the session's transaction: if the block raises, roll
    the transaction back (a unit of work left without commit does), which also brings the trigger back."""
    conn = session.connection()
    saved: list[tuple[str, str]] = []
    for index, trigger in _SEARCH_INDEXES:
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
        ).scalar()
        if sql:
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
            saved.append((index, sql))
    yield
    for index, sql in saved:
        conn.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        conn.exec_driver_sql(sql)


def _reserve_stamps(clock: HybridClock, n: int) -> Stamp:
    """Reserve `n` consecutive clock stamps and return the first (now()); the others follow it, the counter carrying
    into the milliseconds past 99999. The clock then moves past the last, so later stamps sort after them all."""
    first = clock.now()
    index = first.counter + n - 1
    if index % 100_000 == 99_999:  # leave the clock room for one more counter in that millisecond
        index += 1
    if n > 1:
        clock.observe(Stamp(first.wall_ms + index // 100_000, index % 100_000, first.node))
    return first


@dataclass(frozen=True, slots=True)
class _BulkPlan:
    """How `bulk_insert` writes one model, worked out once: SQL statements, staged columns and their converters."""

    dialect: str
    staged: tuple[tuple[str, Any], ...]  # (column, converter or None): id, data and derived columns
    rows_per_insert: int  # rows a staging INSERT takes at once (a few GIL hand-overs per chunk, not one per row)
    defaults: dict[str, Any]
    callables: tuple[tuple[str, Any], ...]
    stamp_now: Any  # the codec's stored form of the timestamp columns
    last_rowid_sql: str
    stage_create_sql: str
    stage_values: str  # INSERT ... VALUES, to which go as many "(?, ...)" as rows
    insert_sql: str
    stage_drop_sql: str
    change_log_sql: str
    history_sql: str

    def stage_insert_sql(self, rows: int) -> str:
        one = f"({', '.join('?' for _ in self.staged)})"
        return self.stage_values + ", ".join(one for _ in range(rows))


_BULK_PLANS: dict[tuple[type[Synced], str], _BulkPlan] = {}
#: rows per staging INSERT at most; fewer if SQLite takes fewer bound values per statement (999 before 3.32)
_MAX_ROWS_PER_INSERT = 500


def _max_binds() -> int:
    """SQLite's limit on bound values per statement, as built into the store's SQLite (SQLCipher)."""
    with contextlib.closing(cipher.DBAPI.connect(":memory:")) as conn:
        rows = conn.execute(
            "SELECT compile_options FROM pragma_compile_options WHERE compile_options LIKE 'MAX_VARIABLE_NUMBER=%'"
        ).fetchall()
    if rows:
        return int(str(rows[0][0]).split("=", 1)[1])
    return 32766 if cipher.DBAPI.sqlite_version_info >= (3, 32, 0) else 999


class _Memo(dict[Any, Any]):
    """A bind processor's results by value (values of these columns are hashable and few)."""

    def __init__(self, convert: Any) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        result = self[value] = self.convert(value)
        return result


_LAST_SEQ_SQL = "SELECT coalesce(max(seq), 0) FROM change_log"
#: values of the bookkeeping columns, the same for every row of a bulk insert
_BULK_STAMPS = {
    "created_at": ":now",
    "updated_at": ":now",
    "version": "1",
    "sync_version": "0",
    "updated_by_user_id": ":user_id",
    "updated_by_device_id": ":device_id",
    "updated_by_campus_id": ":campus_id",
}
#: the clock stamp of the n-th new row (rowids of one INSERT ... SELECT are consecutive), formatted as `Stamp`
_N = "(:counter + rowid - :after - 1)"
_STAMP_SQL = f"printf('%013d-%05d-%s', :wall + {_N} / 100000, {_N} % 100000, :node)"
_HISTORY_FROM_LOG_SQL = (
    "INSERT INTO history (entity, record_id, person_id, op, fields, user_id, device_id, campus_id, hlc, at, origin) "
    "SELECT entity, record_id, person_id, op, fields, user_id, :device_id, campus_id, hlc, created_at, 'local' "
    "FROM change_log WHERE seq > :after_seq ORDER BY seq"
)


def _bulk_plan(model: type[Synced], dialect: Dialect) -> _BulkPlan:
    key = (model, dialect.name)
    plan = _BULK_PLANS.get(key)
    if plan is not None:
        return plan
    table = model.__table__
    q = dialect.identifier_preparer
    cols = _columns(model)
    staged = ["id", *cols, *sorted(model.__derived_fields__)]
    defaults: dict[str, Any] = {}
    callables: list[tuple[str, Any]] = []
    for attr in inspect(model).column_attrs:
        default = attr.columns[0].default
        if default is None:
            continue
        if default.is_scalar:
            defaults[attr.key] = default.arg
        elif default.is_callable and attr.key not in BOOKKEEPING:
            callables.append((attr.key, default.arg))

    def converter(column: str) -> Any:
        """The codec's Python -> stored conversion, remembering its results for the few values of vocabularies,
        flags and dates."""
        found = codec_for(table.c[column])
        if found.to_stored is None or found.kind not in ("enum", "flag", "date"):
            return found.to_stored
        return _Memo(found.to_stored).__getitem__

    name = q.format_table(table)
    stage = q.quote(f"bulk_{model.__tablename__}")
    staged_list = ", ".join(q.quote(c) for c in staged)
    fields = "json_object({})".format(
        ", ".join(
            f"'{c}', json_object('old', NULL, 'new', {codec_for(table.c[c]).stored_to_wire_sql(q.quote(c))})"
            for c in cols
        )
    )
    person = q.quote(model.__person_attr__) if model.__person_attr__ else "NULL"
    new_rows = f"FROM {name} WHERE rowid > :after ORDER BY rowid"
    plan = _BULK_PLANS[key] = _BulkPlan(
        dialect=dialect.name,
        staged=tuple((c, converter(c)) for c in staged),
        rows_per_insert=max(1, min(_MAX_ROWS_PER_INSERT, _max_binds() // len(staged))),
        defaults=defaults,
        callables=tuple(callables),
        stamp_now=codec.timestamp_to_stored,
        last_rowid_sql=f"SELECT coalesce(max(rowid), 0) FROM {name}",
        stage_create_sql=f"CREATE TEMP TABLE IF NOT EXISTS {stage} AS SELECT {staged_list} FROM {name} WHERE 0",
        stage_values=f"INSERT INTO temp.{stage} ({staged_list}) VALUES ",
        insert_sql=(
            f"INSERT INTO {name} ({staged_list}, {', '.join(q.quote(c) for c in _BULK_STAMPS)}) "
            f"SELECT {staged_list}, {', '.join(_BULK_STAMPS.values())} FROM temp.{stage} ORDER BY rowid"
        ),
        stage_drop_sql=f"DROP TABLE IF EXISTS temp.{stage}",
        change_log_sql=(
            "INSERT INTO change_log (entity, record_id, person_id, op, fields, base_version, hlc, user_id, campus_id, "
            f"created_at) SELECT :entity, id, {person}, 'insert', {fields}, 0, {_STAMP_SQL}, :user_id, :campus_id, "
            f":now {new_rows}"
        ),
        history_sql=(
            "INSERT INTO history (entity, record_id, person_id, op, fields, user_id, device_id, campus_id, hlc, at, "
            f"origin) SELECT :entity, id, {person}, 'insert', {fields}, :user_id, :device_id, :campus_id, "
            f"{_STAMP_SQL}, :now, 'local' {new_rows}"
        ),
    )
    return plan


def _call_default(fn: Any) -> Any:
    try:
        return fn(None)
    except TypeError:
        return fn()
