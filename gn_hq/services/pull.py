"""Pull: what changed for a campus after its cursor, as compact pages of current record states and conflicts.

The feed is state-based: a record appears once, at the sequence number of its latest write, with its whole current
data — not once per change — so pages stay small and an initial sync is just a pull from cursor 0. `until` is fixed
by the first page (HQ's last sequence then) and sent back with every page, so a snapshot interrupted at any page
resumes where it stopped; records written meanwhile have moved above `until` and come with the next pull.

Pages are bounded in rows and bytes (at least one item is always sent, so a pull always progresses). The page is
assembled as text around the stored JSON — by the database, for each record — without decoding and re-encoding it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, and_, case, cast, literal, or_, select

from gn_core.sync_rules import ACCOUNT_ENTITY, FRONT_DESK, KIOSK_PULLS, NOT_PULLED, DeviceRole
from gn_hq.db.models import conflict_table as conflict_t
from gn_hq.db.models import person_access_table as access_t
from gn_hq.db.models import record_table as record_t
from gn_hq.services import conflicts
from gn_hq.services.context import Hq
from gn_hq.services.devices import AuthDevice

#: entities whose records reach only the PCs of their campus (`record.campus_id`): accounts and the front desk
_CAMPUS_ONLY = sorted({ACCOUNT_ENTITY, *FRONT_DESK})
_NOT_PULLED = sorted(NOT_PULLED)
_ROW_OVERHEAD = 160  # bytes of a record's envelope besides its data
#: longest a pull may be held while nothing is new (`wait`; woken by services/feed.py)
MAX_WAIT_S = 30.0


def last_seq(hq: Hq) -> int:
    """HQ's last sequence number (what a long poll compares the campus's cursor with)."""
    with hq.read() as conn:
        return hq.read_meta(conn)[1]


def pull_page(
    hq: Hq,
    device: AuthDevice,
    cursor: int,
    until: int | None,
    limit: int | None,
    max_bytes: int | None,
) -> bytes:
    """One page of the campus's feed as JSON bytes (the shape of `gn_core.protocol.PullPage`)."""
    settings = hq.settings
    limit = min(limit or settings.pull_default_limit, settings.pull_max_limit)
    budget = min(max_bytes or settings.pull_max_bytes, settings.pull_max_bytes)
    campus = device.campus_id
    with hq.read() as conn:
        epoch, last_seq = hq.read_meta(conn)
        until = last_seq if until is None else min(until, last_seq)
        record_rows: Sequence[Any] = ()
        conflict_rows: Sequence[Any] = ()
        if cursor < until:
            if hq.postgres:
                # The feed walks the server_seq index in order and stops at the page size. Right after a bulk load
                # the planner's statistics lag (it believed a 400,000-row range held 900 rows) and it chose to
                # fetch the whole range and sort it on disk, 1 s per page; the plan is pinned for this transaction.
                conn.exec_driver_sql("SET LOCAL enable_sort = off")
                conn.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
            # A correlated probe of person_access's primary key per row (LIMIT 1 keeps PostgreSQL from hashing the
            # whole campus's access list for every page, which costs more on a campus following many people).
            followed = (
                select(literal(1))
                .where(access_t.c.person_id == record_t.c.person_id, access_t.c.campus_id == campus)
                .limit(1)
                .scalar_subquery()
            )
            if device.role is DeviceRole.KIOSK:
                # a kiosk holds nobody's file: the catalogue it shows, nothing else
                visible = and_(record_t.c.person_id.is_(None), record_t.c.entity.in_(sorted(KIOSK_PULLS)))
            else:
                visible = and_(
                    or_(
                        # shared data (not accounts nor front-desk records: those go to the PCs of their campus only)
                        and_(record_t.c.person_id.is_(None), record_t.c.entity.not_in(_CAMPUS_ONLY)),
                        # the campus's own accounts and front desk; a record of a person the campus followed when
                        # the record was written
                        record_t.c.campus_id == campus,
                        and_(followed.is_not(None), record_t.c.entity.not_in(_CAMPUS_ONLY)),
                    ),
                    # the audit trail stays at HQ
                    record_t.c.entity.not_in(_NOT_PULLED),
                )
            record_rows = conn.execute(
                select(record_t.c.server_seq, _RECORD_JSON.label("json"))
                .where(record_t.c.server_seq > cursor, record_t.c.server_seq <= until, visible)
                .order_by(record_t.c.server_seq)
                .limit(limit + 1)
            ).all()
            conflict_rows = (
                ()
                if device.role is DeviceRole.KIOSK
                else conn.execute(
                    select(conflict_t)
                    .where(
                        and_(conflict_t.c.server_seq > cursor, conflict_t.c.server_seq <= until),
                        or_(conflict_t.c.hq_campus_id == campus, conflict_t.c.campus_campus_id == campus),
                    )
                    .order_by(conflict_t.c.server_seq)
                    .limit(limit + 1)
                ).all()
            )

    parts: list[str] = []
    notices: list[str] = []
    size = 0
    count = 0
    next_cursor = cursor
    more = False
    i = j = 0
    while i < len(record_rows) or j < len(conflict_rows):
        if count >= limit or (count > 0 and size >= budget):
            more = True
            break
        take_record = j >= len(conflict_rows) or (
            i < len(record_rows) and record_rows[i].server_seq < conflict_rows[j].server_seq
        )
        if take_record:
            r = record_rows[i]
            i += 1
            text = r.json
            parts.append(text)
            next_cursor = r.server_seq
        else:
            c = conflict_rows[j]
            j += 1
            text = conflicts.notice(c).model_dump_json()
            notices.append(text)
            next_cursor = c.server_seq
        size += len(text)
        count += 1
    if not more:
        next_cursor = max(cursor, until)
    head = json.dumps(
        {
            "epoch": epoch,
            "server_time_ms": hq.now_ms(),
            "cursor": next_cursor,
            "until": until,
            "more": more,
            "last_device_seq": device.last_device_seq,
        },
        separators=(",", ":"),
    )
    body = f'{head[:-1]},"records":[{",".join(parts)}],"conflicts":[{",".join(notices)}]}}'
    return body.encode("utf-8")


def _quoted(column: Any) -> Any:
    """A nullable text column as a JSON string or null. Its values match gn_core.protocol.ID_PATTERN or HLC_PATTERN
    (checked when written), so they need no escaping."""
    return case((column.is_(None), literal("null")), else_=literal('"') + column + literal('"'))


def _flag(column: Any) -> Any:
    return case((column, literal("true")), else_=literal("false"))


# Each record's JSON is assembled by the database around the stored data text: no per-row work in Python.
_RECORD_JSON = (
    literal('{"entity":"')
    + record_t.c.entity
    + literal('","id":"')
    + record_t.c.record_id
    + literal('","version":')
    + cast(record_t.c.version, String)
    + literal(',"seq":')
    + cast(record_t.c.server_seq, String)
    + literal(',"hlc":')
    + _quoted(record_t.c.hlc)
    + literal(',"person_id":')
    + _quoted(record_t.c.person_id)
    + literal(',"deleted":')
    + _flag(record_t.c.deleted)
    + literal(',"erased":')
    + _flag(record_t.c.erased)
    + literal(',"data":')
    + case((or_(record_t.c.deleted, record_t.c.erased), literal("null")), else_=record_t.c.data)
    + literal("}")
)
