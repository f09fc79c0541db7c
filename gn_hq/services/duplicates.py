"""Likely duplicates across campuses: found at HQ after each push, queued for review, dismissed for good.

The pushes do no duplicate detection at all: the detector captures the changes from the feed. Every write of a
person takes a new `server_seq` (the gap-free feed the pulls read); the detector keeps a cursor (`person_match_cursor`)
and each round (`absorb`) reads the person records written after it, in sequence order, brings their comparison keys
into `person_match` (gn_core.domain.likeness: folded sorted name, birth date, phone, e-mail; no row for a person no
longer comparable), queues in `person_match_pending` those whose keys changed (an edit of the pathway step queues
nobody) and moves the cursor, in one transaction (computed from a read before it; on PostgreSQL it takes a lock of its
own, not HQ's write lock, so the pushes never wait for it): a round that fails resumes from the cursor. The
comparison of the queued people (`detect_pending`) follows. `gn-hq serve`'s detector process
(`run_detector_process`) reads the keys as soon as a push committed and compares once the pushes pause (a burst of
them, a campus's first upload, is not slowed by comparisons), and whatever reads the pairs (or looks people up at
intake) catches up first, so a reviewer never sees a list older than the last push. An erasure, an anonymisation or
a merge drops the person's row at once, in its own transaction (`forget`, `record_merge`); the detector never brings
it back (it reads the erased, anonymised or merged record, which it does not compare).

A person is compared with the people of every campus that share one of those keys (blocking: a person is scored
against a few dozen others, not 500,000). Pairs scoring at least `likeness.THRESHOLD` are queued in `duplicate_pair`;
a pair judged "different people" keeps its row and is never proposed again, whatever edits follow.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update

from gn_core.domain.likeness import NAME_FLOOR, Likeness, MatchKeys, likeness, name_similarity
from gn_core.protocol import DuplicatePairView, DuplicateSide, DuplicatesResponse
from gn_core.sync_rules import OWNING_CAMPUS_FIELD
from gn_hq.db.engine import MATCH_LOCK_KEY
from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import person_match_cursor_table as cursor_t
from gn_hq.db.models import person_match_pending_table as pending_t
from gn_hq.db.models import person_match_table as match_t
from gn_hq.db.models import person_redirect_table as redirect_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.models import server_meta_table as meta_t
from gn_hq.db.types import utcnow
from gn_hq.services import records
from gn_hq.services.context import Hq
from gn_hq.services.errors import Invalid, NotFound

log = logging.getLogger(__name__)

OPEN, DIFFERENT, MERGED = "open", "different", "merged"
#: how much lower than the server's the detector process's scheduling priority is (os.nice)
DETECTOR_NICENESS = 10
#: the served detector compares the people it queued once no push has committed for this long — a burst of pushes
#: (a campus's first upload) has the processors to itself, and its people are compared together after it —
COMPARE_LULL_S = 1.0
#: and at the latest this long after the first push it has not compared yet, however busy HQ stays
COMPARE_WITHIN_S = 30.0
_BLOCKS = ("name_key", "birth_date", "phone", "email")
#: A key shared by more people than this blocks nobody: a phone or an e-mail that many files give is a switchboard's
#: or a social worker's, not a person's, and comparing each of them with all the others is quadratic (10,000 files
#: giving one number made a push take minutes). Birth dates and names are shared widely by right: their bound only
#: stops a pathological key (a placeholder date typed for thousands) from doing the same.
BLOCK_LIMITS = {"name_key": 2000, "birth_date": 2000, "phone": 25, "email": 25}


# --- keeping the keys ---------------------------------------------------------------------------------------------


#: person records read from the feed per round of `absorb`
ABSORB_BATCH = 2000
# MATCH_LOCK_KEY (gn_hq.db.engine), over what the detector writes (`person_match`, its queue and cursor), is taken by
# the detector's rounds and by whatever else writes there (an erasure, a merge, the queueing of pairs), those after
# HQ's write lock: the detector's writes never hold the write lock, so the pushes never wait for them.


def _lock_match(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MATCH_LOCK_KEY})")


@contextlib.contextmanager
def _match_writer(hq: Hq) -> Iterator[Connection]:
    """The detector's writer transaction: on PostgreSQL, under the match lock only (outside the writers' serial
    section); SQLite has one writer at a time whatever the lock, so it takes HQ's."""
    if hq.postgres:
        with hq.engine.begin() as conn:
            _lock_match(conn)
            yield conn
    else:
        with hq.write() as tx:
            yield tx.conn


def _matchable(data: Mapping[str, Any]) -> bool:
    """A live person (neither deleted nor erased) whose identity is there to compare: not anonymised or merged away."""
    return not data.get("anonymised_on") and not data.get("merged_into")


def _row(person_id: str, data: Mapping[str, Any]) -> dict[str, Any] | None:
    keys = MatchKeys.of(data)
    if not keys.name:
        return None
    owner = data.get(OWNING_CAMPUS_FIELD)
    return {
        "person_id": person_id,
        "campus_id": owner if isinstance(owner, str) else None,
        "name_key": keys.name[:400],
        "birth_date": keys.birth_date[:10] if keys.birth_date else None,
        "phone": keys.phone[:20] if keys.phone else None,
        "email": keys.email[:254] if keys.email else None,
    }


def _keys_of(row: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    return None if row is None else tuple(row[k] for k in _BLOCKS)


def _cursor(conn: Connection) -> int:
    return int(conn.scalar(select(cursor_t.c.last_seq).where(cursor_t.c.id == 1)) or 0)


@dataclass(frozen=True, slots=True)
class _Absorbed:
    """What one round of `absorb` read, ready to write: the cursor it started from and the one it moves to, the people
    whose `person_match` row differs (id -> the sequence their record was read at), their new rows (none: no longer
    comparable) and those of them to compare again."""

    cursor: int
    to: int
    changed: dict[str, int]
    rows: dict[str, dict[str, Any]]
    queued: frozenset[str]
    read: int


def _read_feed(hq: Hq, limit: int) -> _Absorbed | None:
    """The person records written after the cursor (at most `limit`, in sequence order) and what they change in
    `person_match`, read without the lock. None when the feed holds nothing after the cursor."""
    with hq.read() as conn:
        cursor = _cursor(conn)
        # Everything up to `top` has committed (writers commit in sequence order): the cursor may move past the
        # records of other entities up to there, so that each round does not read them again.
        top = int(conn.scalar(select(meta_t.c.last_seq).where(meta_t.c.id == 1)) or 0)
        if top <= cursor:
            return None
        people = conn.execute(
            select(record_t.c.record_id, record_t.c.server_seq, record_t.c.data, record_t.c.deleted, record_t.c.erased)
            .where(record_t.c.entity == "person", record_t.c.server_seq > cursor, record_t.c.server_seq <= top)
            .order_by(record_t.c.server_seq)
            .limit(limit)
        ).all()
        to = int(people[-1].server_seq) if len(people) == limit else top
        seqs = {r.record_id: int(r.server_seq) for r in people}
        wanted: dict[str, dict[str, Any]] = {}
        for r in people:
            if r.deleted or r.erased:
                continue
            data = records.decode_data(r.data or "{}")
            if _matchable(data) and (row := _row(r.record_id, data)) is not None:
                wanted[r.record_id] = row
        stored: dict[str, dict[str, Any]] = {}
        for chunk in records.chunks(conn, sorted(seqs)):
            stmt = select(match_t).where(records.id_in(conn, match_t.c.person_id, chunk))
            stored.update((r.person_id, dict(r._mapping)) for r in conn.execute(stmt).all())
    changed = {pid: seq for pid, seq in seqs.items() if stored.get(pid) != wanted.get(pid)}
    # only a change of the keys is compared again: an edit of the pathway step or the last contact queues nobody
    queued = frozenset(pid for pid in changed if pid in wanted and _keys_of(stored.get(pid)) != _keys_of(wanted[pid]))
    rows = {pid: wanted[pid] for pid in changed if pid in wanted}
    return _Absorbed(cursor, to, changed, rows, queued, len(people))


def _write_absorbed(hq: Hq, absorbed: _Absorbed) -> None:
    """Bring `person_match` up to date and queue the people to compare, moving the cursor in the same short
    transaction (`_match_writer`): a round that fails or is killed leaves the cursor where it was, and the next one
    reads it all again. A person written again since the read (erased, merged, edited) is left to the next round,
    which reads their new record: their row here could be stale. An erasure or a merge drops the person's row under
    the match lock too, after writing their record: either it committed before this check, which then sees the new
    record, or it drops the row after this transaction — an erased person never comes back."""
    with _match_writer(hq) as conn:
        if _cursor(conn) != absorbed.cursor:
            return  # another detector did this round
        ids = sorted(absorbed.changed)
        now: dict[str, int] = {}
        for chunk in records.chunks(conn, ids):
            stmt = select(record_t.c.record_id, record_t.c.server_seq).where(
                record_t.c.entity == "person", records.id_in(conn, record_t.c.record_id, chunk)
            )
            now.update((pid, int(seq)) for pid, seq in conn.execute(stmt).all())
        ids = [pid for pid in ids if now.get(pid) == absorbed.changed[pid]]
        for chunk in records.chunks(conn, ids):
            conn.execute(delete(match_t).where(records.id_in(conn, match_t.c.person_id, chunk)))
        records.insert_rows(conn, match_t, [absorbed.rows[pid] for pid in ids if pid in absorbed.rows])
        records.insert_rows(
            conn,
            pending_t,
            [{"person_id": pid, "queued_seq": absorbed.changed[pid]} for pid in ids if pid in absorbed.queued],
            upsert_key="person_id",
        )
        moved = conn.execute(update(cursor_t).where(cursor_t.c.id == 1).values(last_seq=absorbed.to))
        if moved.rowcount == 0:
            conn.execute(insert(cursor_t).values(id=1, last_seq=absorbed.to))


def absorb(hq: Hq, limit: int = ABSORB_BATCH) -> int:
    """One round of change capture: the person records the feed holds after the detector's cursor (at most `limit`)
    brought into `person_match` (their keys; no row for a person no longer comparable), those whose keys changed
    queued for comparison, the cursor moved. Returns how many person records were read (0: caught up)."""
    absorbed = _read_feed(hq, limit)
    if absorbed is None:
        return 0
    _write_absorbed(hq, absorbed)
    return absorbed.read


def record_merge(conn: Connection, survivor_id: str, merged_id: str, *, decided_by: str, now: datetime) -> None:
    """After a merge: the merged file is compared no more, its other pairs go, the pair itself is kept as merged."""
    a, b = _ordered(survivor_id, merged_id)
    _lock_match(conn)
    conn.execute(delete(match_t).where(match_t.c.person_id == merged_id))
    conn.execute(delete(pending_t).where(pending_t.c.person_id == merged_id))
    conn.execute(
        delete(pair_t).where(
            or_(pair_t.c.person_a == merged_id, pair_t.c.person_b == merged_id),
            pair_t.c.status == OPEN,
            ~((pair_t.c.person_a == a) & (pair_t.c.person_b == b)),
        )
    )
    values = {"status": MERGED, "decided_at": now, "decided_by": decided_by[:200]}
    if conn.execute(select(pair_t.c.status).where(pair_t.c.person_a == a, pair_t.c.person_b == b)).first():
        conn.execute(update(pair_t).where(pair_t.c.person_a == a, pair_t.c.person_b == b).values(**values))
    else:
        conn.execute(insert(pair_t).values(person_a=a, person_b=b, score=0, reasons="", found_at=now, **values))


def not_merged(person_id: Any) -> Any:
    """SQL condition: the person (column or value) is not a file merged into another (a redirect). Whatever counts
    people (indicators) loads them with it, so a merged person counts once."""
    return ~select(redirect_t.c.person_id).where(redirect_t.c.person_id == person_id).exists()


def forget(conn: Connection, person_id: str) -> None:
    """An erased or anonymised person: nothing left to compare, and no pair left naming them. Their record must be
    written first, in the same transaction (the detector, seeing it unchanged, could write their keys back)."""
    _lock_match(conn)
    conn.execute(delete(match_t).where(match_t.c.person_id == person_id))
    conn.execute(delete(pending_t).where(pending_t.c.person_id == person_id))
    conn.execute(delete(pair_t).where(or_(pair_t.c.person_a == person_id, pair_t.c.person_b == person_id)))


# --- detection ----------------------------------------------------------------------------------------------------


def _keys(row: Any) -> MatchKeys:
    return MatchKeys(row.name_key, row.birth_date, row.phone, row.email)


def _rows(conn: Connection, ids: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for chunk in records.chunks(conn, sorted(set(ids))):
        stmt = select(match_t).where(records.id_in(conn, match_t.c.person_id, chunk))
        out.update((r.person_id, r) for r in conn.execute(stmt).all())
    return out


def _candidates(conn: Connection, mine: Mapping[str, Any]) -> tuple[dict[str, str], dict[tuple[str, str], list[str]]]:
    """The name key of everyone sharing a blocking key with one of `mine` (one indexed query per key kind and
    chunk; the birth date's, by far the largest block, reads its covering index only), and the blocks: (key kind,
    value) -> person ids. A key shared by more than `BLOCK_LIMITS` people is left out (it is not discriminating)."""
    names: dict[str, str] = {}
    blocks: dict[tuple[str, str], list[str]] = {}
    for kind in _BLOCKS:
        column = match_t.c[kind]
        values = sorted({v for row in mine.values() if (v := getattr(row, kind))})
        for chunk in records.chunks(conn, values):
            crowded = (
                select(column)
                .where(records.id_in(conn, column, chunk))
                .group_by(column)
                .having(func.count() > BLOCK_LIMITS[kind])
            )
            too_many = set(conn.scalars(crowded))
            if too_many:
                chunk = [v for v in chunk if v not in too_many]
                if not chunk:
                    continue
            stmt = select(match_t.c.person_id, match_t.c.name_key, column).where(records.id_in(conn, column, chunk))
            for person_id, name, value in conn.execute(stmt).all():
                names[person_id] = name
                blocks.setdefault((kind, value), []).append(person_id)
    return names, blocks


def _near(row: Any, blocks: Mapping[tuple[str, str], list[str]]) -> set[str]:
    """Everyone sharing a blocking key with `row`."""
    near: set[str] = set()
    for kind in _BLOCKS:
        value = getattr(row, kind)
        if value:
            near.update(blocks.get((kind, value), ()))
    return near


@dataclass(frozen=True, slots=True)
class _Probe:
    """Keys typed at intake, shaped like a `person_match` row."""

    name_key: str
    birth_date: str | None
    phone: str | None
    email: str | None


def likely(conn: Connection, keys: MatchKeys) -> dict[str, tuple[Likeness, str | None]]:
    """The people of `person_match` whom `keys` (typed at intake, not stored) likely describe, by the blocking and
    the scoring of `detect`: person id -> (likeness, the campus following them)."""
    if not keys.name:
        return {}
    probe = _Probe(keys.name[:400], keys.birth_date, keys.phone, (keys.email or "")[:254] or None)
    names, blocks = _candidates(conn, {"": probe})
    close = {
        pid: sim for pid in _near(probe, blocks) if (sim := name_similarity(probe.name_key, names[pid])) >= NAME_FLOOR
    }
    rows = _rows(conn, close)
    out: dict[str, tuple[Likeness, str | None]] = {}
    for pid, sim in close.items():
        row = rows.get(pid)
        if row is not None and (found := likeness(_keys(probe), _keys(row), sim)) is not None:
            out[pid] = (found, row.campus_id)
    return out


def detect(conn: Connection, person_ids: Iterable[str], now: datetime | None = None) -> int:
    """Compare these people (already in `person_match`) with everyone; queue the likely pairs. Returns how many pairs
    were newly proposed (a pair already queued gets its new score; one judged different or merged is left alone)."""
    return _queue(conn, _score(conn, person_ids), now or utcnow())


def detect_pending(hq: Hq, limit: int = 2000) -> tuple[int, int]:
    """Compare up to `limit` queued people with everyone: scored from a read transaction, then the likely pairs
    queued in a short writer transaction that keeps only what still holds (`_queue_scored`). Returns (people
    compared, pairs newly proposed); (0, 0) when nobody waits. Safe to run from several threads or processes."""
    scoring = _score_pending(hq, limit)
    if not scoring.seen:
        return 0, 0
    return _queue_scored(hq, scoring)


@dataclass(frozen=True, slots=True)
class _Scoring:
    """The queued people read (id -> the sequence they were queued at), the detector's cursor then (the keys read
    for a person whose record was not written after it are those of their current record), and the likely pairs."""

    cursor: int
    seen: dict[str, int]
    scored: dict[tuple[str, str], Likeness]


def _score_pending(hq: Hq, limit: int) -> _Scoring:
    """The queued people and their likely pairs, read without the lock."""
    with hq.read() as conn:
        cursor = _cursor(conn)
        seen = dict(
            conn.execute(
                select(pending_t.c.person_id, pending_t.c.queued_seq).order_by(pending_t.c.queued_seq).limit(limit)
            ).all()
        )
        return _Scoring(cursor, seen, _score(conn, seen) if seen else {})


def _queue_scored(hq: Hq, scoring: _Scoring) -> tuple[int, int]:
    """Queue the pairs scored, keeping only what still holds: a person queued anew or written again since the
    cursor the scoring started from (their keys may have changed, the detector has not read them yet) has no pair
    queued now, and whoever was scored with them stays queued, compared again once the detector has read the
    change; a person merged or erased in between is dropped."""
    seen, scored = scoring.seen, scoring.scored
    with hq.write() as tx:
        conn = tx.conn
        _lock_match(conn)  # the detector's rounds (which do not take the write lock) queue people meanwhile
        ids = sorted(seen)
        current: dict[str, int] = {}
        for chunk in records.chunks(conn, ids):
            stmt = select(pending_t.c.person_id, pending_t.c.queued_seq).where(
                records.id_in(conn, pending_t.c.person_id, chunk)
            )
            current.update(conn.execute(stmt).all())
        members = sorted({pid for pair in scored for pid in pair} | set(ids))
        moved: set[str] = set()
        if tx.last_seq > scoring.cursor:  # some record was written after the cursor: maybe one of these people
            for chunk in records.chunks(conn, members):
                stmt = select(record_t.c.record_id).where(
                    record_t.c.entity == "person",
                    records.id_in(conn, record_t.c.record_id, chunk),
                    record_t.c.server_seq > scoring.cursor,
                )
                moved.update(conn.scalars(stmt))
        changed = {pid for pid in ids if current.get(pid) != seen[pid]} | moved
        waiting = {pid for pair in scored if set(pair) & changed for pid in pair}
        done = set(ids) - changed - waiting
        alive: set[str] = set()
        for chunk in records.chunks(conn, sorted({pid for pair in scored for pid in pair})):
            alive.update(
                conn.scalars(select(match_t.c.person_id).where(records.id_in(conn, match_t.c.person_id, chunk)))
            )
        kept = {
            (a, b): found
            for (a, b), found in scored.items()
            if (a in done or b in done) and not {a, b} & changed and a in alive and b in alive
        }
        proposed = _queue(conn, kept, utcnow())
        # `current` was read under the match lock: nobody has queued any of `done` again since
        for chunk in records.chunks(conn, sorted(done)):
            conn.execute(delete(pending_t).where(records.id_in(conn, pending_t.c.person_id, chunk)))
    return len(done), proposed


def catch_up(hq: Hq, *, rounds: int | None = None) -> int:
    """Read the feed up to its end and compare everyone queued (at most `rounds` rounds of each); returns the pairs
    newly proposed."""
    proposed = 0
    done = 0
    while rounds is None or done < rounds:
        read = absorb(hq)
        compared, found = detect_pending(hq)
        proposed += found
        done += 1
        if not read and not compared:
            break
    return proposed


def absorb_all(hq: Hq, *, rounds: int | None = None) -> None:
    """Bring `person_match` up to the end of the feed (at most `rounds` rounds), comparing nobody."""
    done = 0
    while (rounds is None or done < rounds) and absorb(hq):
        done += 1


def run_detector_process(
    database_url: str,
    parent_pid: int,
    stop: Any,
    log_config: dict[str, Any] | None = None,
    *,
    lull_s: float = COMPARE_LULL_S,
) -> None:
    """The detector of a served HQ, in a process of its own so that comparing people never shares an interpreter
    with the requests: reads the feed (`absorb`) after each commit (PostgreSQL: the feed's notification; SQLite: a
    look every second) and compares whoever it queued once no push has committed for `lull_s` seconds (at the latest
    `COMPARE_WITHIN_S` after the first; on SQLite, at each look). Ends when `stop` (a multiprocessing event)
    is set or on SIGTERM, closing its connections (on SQLite, the last one to close folds the WAL into the database
    file), and with its parent (`gn-hq serve`), even one killed outright."""
    import logging.config
    import signal

    from gn_hq.db.engine import make_engine
    from gn_hq.services.feed import CHANNEL

    signal.signal(signal.SIGTERM, lambda _signo, _frame: stop.set())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group: the server stops this process
    # Background work: comparing people (hundreds of microseconds each, half of it PostgreSQL's, which no niceness
    # lowers) yields the processor to the requests and waits for a lull, so that a burst of pushes is not slowed by
    # it; it catches up when they are done, and whoever lists the pairs catches up first anyway.
    with contextlib.suppress(OSError):
        os.nice(DETECTOR_NICENESS)
    if log_config is not None:
        logging.config.dictConfig(log_config)
    engine = make_engine(database_url, pool_size=2, max_overflow=0)
    hq = Hq(engine)  # no data dir: this process never judges the epoch (the server's workers do)
    listener = None
    try:
        if hq.postgres:
            import psycopg

            conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            listener = psycopg.connect(conninfo, autocommit=True)
            listener.execute(f"LISTEN {CHANNEL}")
        due: float | None = time.monotonic()  # since when people may wait to be compared (at start: any)
        quiet = True
        while not stop.is_set() and os.getppid() == parent_pid:
            try:
                absorb_all(hq)  # the keys at once: an intake lookup finds the people pushed a moment ago
                if due is not None and (quiet or time.monotonic() - due >= COMPARE_WITHIN_S):
                    catch_up(hq)
                    due = None
            except Exception:
                log.exception("duplicate detection failed; it resumes from its cursor and queue at the next try")
                stop.wait(5)
            if listener is None:  # SQLite has no notifications: a look every second, comparing each time
                stop.wait(1.0)
                due, quiet = time.monotonic(), True
                continue
            quiet = not any(
                True for _note in listener.notifies(timeout=lull_s if due is not None else 1.0, stop_after=1)
            )
            if not quiet and due is None:
                due = time.monotonic()
    finally:
        if listener is not None:
            listener.close()
        hq.dispose()


def _score(conn: Connection, person_ids: Iterable[str]) -> dict[tuple[str, str], Likeness]:
    """The likely pairs among these people (in `person_match`) and everyone sharing a blocking key with them."""
    mine = _rows(conn, person_ids)
    if not mine:
        return {}
    names, blocks = _candidates(conn, mine)
    close: dict[tuple[str, str], float] = {}
    for pid, row in mine.items():
        for other in _near(row, blocks) - {pid}:
            pair = (pid, other) if pid < other else (other, pid)
            if pair not in close and (sim := name_similarity(row.name_key, names[other])) >= NAME_FLOOR:
                close[pair] = sim  # most people sharing a birth date have names too far apart to be one person
    full = _rows(conn, {pid for pair in close for pid in pair if pid not in mine})
    full.update(mine)
    pairs: dict[tuple[str, str], Likeness] = {}
    for (a, b), sim in close.items():
        if (found := likeness(_keys(full[a]), _keys(full[b]), sim)) is not None:
            pairs[(a, b)] = found
    return pairs


def _queue(conn: Connection, pairs: Mapping[tuple[str, str], Likeness], now: datetime) -> int:
    if not pairs:
        return 0
    known: dict[tuple[str, str], Any] = {}
    firsts = sorted({a for a, _b in pairs})
    for chunk in records.chunks(conn, firsts):
        for row in conn.execute(select(pair_t).where(records.id_in(conn, pair_t.c.person_a, chunk))):
            if (row.person_a, row.person_b) in pairs:
                known[(row.person_a, row.person_b)] = row
    new = [
        {
            "person_a": a,
            "person_b": b,
            "score": found.score,
            "reasons": ",".join(found.reasons),
            "status": OPEN,
            "found_at": now,
            "decided_at": None,
            "decided_by": None,
        }
        for (a, b), found in pairs.items()
        if (a, b) not in known
    ]
    if new:
        conn.execute(insert(pair_t), new)
    rescored = [
        {"k_a": a, "k_b": b, "score": found.score, "reasons": reasons}
        for (a, b), row in known.items()
        if row.status == OPEN
        and (row.score, row.reasons) != ((found := pairs[(a, b)]).score, reasons := ",".join(found.reasons))
    ]
    if rescored:
        conn.execute(
            update(pair_t).where(pair_t.c.person_a == bindparam("k_a"), pair_t.c.person_b == bindparam("k_b")),
            rescored,
        )
    return len(new)


def scan(hq: Hq) -> int:
    """Compare every person HQ holds with everyone (after an upgrade, or a change of the scoring rule); returns how
    many pairs were newly proposed. One writer transaction, once `person_match` has read the whole feed."""
    absorb_all(hq)
    with hq.write() as tx:
        _lock_match(tx.conn)
        ids = list(tx.conn.execute(select(match_t.c.person_id)).scalars())
        tx.conn.execute(delete(pending_t))
        return detect(tx.conn, ids)


# --- review -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Side:
    """One file of a pair, with only what deciding needs."""

    person_id: str
    first_name: str
    last_name: str
    birth_date: str | None
    campus_id: str | None
    campus: str
    pathway_step: str | None
    last_contact_on: str | None


@dataclass(frozen=True, slots=True)
class Pair:
    a: Side
    b: Side
    score: int
    reasons: tuple[str, ...]
    status: str
    found_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "a": _side_json(self.a),
            "b": _side_json(self.b),
            "score": self.score,
            "reasons": list(self.reasons),
            "status": self.status,
            "found_at": self.found_at.isoformat(),
        }


def _side_json(side: Side) -> dict[str, Any]:
    return {
        "person_id": side.person_id,
        "first_name": side.first_name,
        "last_name": side.last_name,
        "birth_date": side.birth_date,
        "campus_id": side.campus_id,
        "campus": side.campus,
        "pathway_step": side.pathway_step,
        "last_contact_on": side.last_contact_on,
    }


def _campus_names(conn: Connection) -> dict[str, str]:
    rows = conn.execute(
        select(record_t.c.record_id, record_t.c.data).where(
            record_t.c.entity == "campus", record_t.c.deleted.is_(False)
        )
    )
    return {r.record_id: str(json.loads(r.data).get("name") or r.record_id) for r in rows}


def _side(person_id: str, data: Mapping[str, Any], campuses: Mapping[str, str]) -> Side:
    campus_id = data.get(OWNING_CAMPUS_FIELD)
    campus_id = campus_id if isinstance(campus_id, str) else None
    return Side(
        person_id=person_id,
        first_name=str(data.get("first_name") or ""),
        last_name=str(data.get("last_name") or ""),
        birth_date=data.get("birth_date"),
        campus_id=campus_id,
        campus=campuses.get(campus_id, "") if campus_id else "",
        pathway_step=data.get("pathway_step"),
        last_contact_on=data.get("last_contact_on"),
    )


def pairs(hq: Hq, *, campus_id: str | None = None, status: str = OPEN) -> list[Pair]:
    """The pairs with this status, best first; with `campus_id`, only those where either person belongs to that
    campus (what its managers see). People pushed but not compared yet are compared first: a reviewer sees every pair
    the pushes so far make (or, should the comparison fail, the pairs already found)."""
    try:
        catch_up(hq, rounds=50)
    except Exception:
        log.exception("duplicate detection failed: listing the pairs already found")
    with hq.read() as conn:
        rows = conn.execute(
            select(pair_t).where(pair_t.c.status == status).order_by(pair_t.c.score.desc(), pair_t.c.found_at)
        ).all()
        people = records.load(conn, [("person", pid) for r in rows for pid in (r.person_a, r.person_b)])
        campuses = _campus_names(conn)
    out: list[Pair] = []
    for r in rows:
        a, b = people.get(("person", r.person_a)), people.get(("person", r.person_b))
        if a is None or b is None:
            continue
        pair = Pair(
            _side(r.person_a, a.state.data, campuses),
            _side(r.person_b, b.state.data, campuses),
            r.score,
            tuple(x for x in r.reasons.split(",") if x),
            r.status,
            r.found_at,
        )
        if campus_id is None or campus_id in (pair.a.campus_id, pair.b.campus_id):
            out.append(pair)
    return out


def for_campus(hq: Hq, campus_id: str) -> DuplicatesResponse:
    """What a campus's PCs show their managers: the open pairs where either person belongs to the campus."""
    found = pairs(hq, campus_id=campus_id)
    with hq.read() as conn:
        epoch, _ = hq.read_meta(conn)
    return DuplicatesResponse(
        epoch=epoch,
        pairs=[
            DuplicatePairView(
                a=DuplicateSide(**_side_json(p.a)),
                b=DuplicateSide(**_side_json(p.b)),
                score=p.score,
                reasons=list(p.reasons),
                found_at=p.found_at.isoformat(),
            )
            for p in found
        ],
    )


def _ordered(a: str, b: str) -> tuple[str, str]:
    if a == b:
        raise Invalid("Une personne ne peut pas être son propre doublon : donnez deux identifiants différents.")
    return (a, b) if a < b else (b, a)


def dismiss(hq: Hq, first: str, second: str, *, decided_by: str) -> None:
    """Judge a pair "different people": it is never proposed again. A pair never proposed is recorded too."""
    a, b = _ordered(first, second)
    with hq.write() as tx:
        people = records.load(tx.conn, [("person", a), ("person", b)])
        missing = [pid for pid in (a, b) if ("person", pid) not in people]
        if missing:
            raise NotFound(f"Personne inconnue au siège : {missing[0]}. Vérifiez l'identifiant.")
        row = tx.conn.execute(select(pair_t).where(pair_t.c.person_a == a, pair_t.c.person_b == b)).first()
        now = utcnow()
        if row is None:
            tx.conn.execute(
                insert(pair_t).values(
                    person_a=a,
                    person_b=b,
                    score=0,
                    reasons="",
                    status=DIFFERENT,
                    found_at=now,
                    decided_at=now,
                    decided_by=decided_by,
                )
            )
        elif row.status == MERGED:
            raise Invalid("Ces deux dossiers ont déjà été fusionnés : une fusion ne se défait pas.")
        else:
            tx.conn.execute(
                update(pair_t)
                .where(pair_t.c.person_a == a, pair_t.c.person_b == b)
                .values(status=DIFFERENT, decided_at=now, decided_by=decided_by)
            )
