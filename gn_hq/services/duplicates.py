"""Likely duplicates across campuses: found at HQ after each push, queued for review, dismissed for good.

Every push that creates or changes people keeps their comparison keys in `person_match` (gn_core.domain.likeness:
folded sorted name, birth date, phone, e-mail) and, when the keys changed, queues the person in
`person_match_pending`, in the push's transaction. The comparison itself runs after the push, outside the writers'
serial section (`detect_pending`): `gn-hq serve`'s detector process (`run_detector_process`) does it as soon as a
push committed, and whatever reads the pairs catches up first, so a reviewer never sees a list older than the last
push. A person is compared with the people of every campus that share one of those keys (blocking: a person is
scored against a few dozen others, not 500,000). Pairs scoring at least `likeness.THRESHOLD` are queued in
`duplicate_pair`; a pair judged "different people" keeps its row and is never proposed again, whatever edits follow.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update

from gn_core.domain.likeness import NAME_FLOOR, Likeness, MatchKeys, likeness, name_similarity
from gn_core.merge import RecordState
from gn_core.protocol import DuplicatePairView, DuplicateSide, DuplicatesResponse
from gn_core.sync_rules import OWNING_CAMPUS_FIELD
from gn_hq.db.models import duplicate_pair_table as pair_t
from gn_hq.db.models import person_match_pending_table as pending_t
from gn_hq.db.models import person_match_table as match_t
from gn_hq.db.models import person_redirect_table as redirect_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import records
from gn_hq.services.context import Hq
from gn_hq.services.errors import Invalid, NotFound

log = logging.getLogger(__name__)

OPEN, DIFFERENT, MERGED = "open", "different", "merged"
_BLOCKS = ("name_key", "birth_date", "phone", "email")
#: A key shared by more people than this blocks nobody: a phone or an e-mail that many files give is a switchboard's
#: or a social worker's, not a person's, and comparing each of them with all the others is quadratic (10,000 files
#: giving one number made a push take minutes). Birth dates and names are shared widely by right: their bound only
#: stops a pathological key (a placeholder date typed for thousands) from doing the same.
BLOCK_LIMITS = {"name_key": 2000, "birth_date": 2000, "phone": 25, "email": 25}


# --- keeping the keys ---------------------------------------------------------------------------------------------


#: the fields of a person that duplicate detection reads (its keys, the owning campus, whether the file is comparable):
#: a change touching none of them (a pathway step, a last contact) leaves the person's comparison as it was
MATCH_FIELDS = frozenset(
    {"first_name", "last_name", "birth_date", "phone", "email", OWNING_CAMPUS_FIELD, "anonymised_on", "merged_into"}
)


def concerns_matching(before: RecordState | None, after: RecordState | None, fields: Iterable[str]) -> bool:
    """Whether a person's change (its new state and the fields it wrote) may change how they are compared."""
    if before is None or after is None or before.deleted != after.deleted or before.erased != after.erased:
        return True
    return not MATCH_FIELDS.isdisjoint(fields)


def _matchable(state: RecordState | None) -> bool:
    """A live person whose identity is there to compare (not deleted, erased, anonymised or merged away)."""
    if state is None or state.deleted or state.erased:
        return False
    data = state.data
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


def observe(conn: Connection, people: Mapping[str, RecordState | None], seq: int) -> None:
    """People a write created or changed: their keys kept (or dropped, when they are no longer comparable), then
    those whose keys changed queued to be compared with everyone else (an edit of the pathway step or the last
    contact queues nobody). `seq`: the writer's sequence number, telling this change from a later one. Runs in the
    writer's transaction (`detect_pending` compares the queued people)."""
    wanted = {pid: r for pid, s in people.items() if _matchable(s) and s is not None and (r := _row(pid, s.data))}
    ids = sorted(people)
    stored: dict[str, dict[str, Any]] = {}
    for chunk in records.chunks(conn, ids):
        stmt = select(match_t).where(records.id_in(conn, match_t.c.person_id, chunk))
        stored.update((r.person_id, dict(r._mapping)) for r in conn.execute(stmt).all())
    changed = sorted(pid for pid in ids if stored.get(pid) != wanted.get(pid))
    if not changed:
        return
    for chunk in records.chunks(conn, changed):
        conn.execute(delete(match_t).where(records.id_in(conn, match_t.c.person_id, chunk)))
    records.insert_rows(conn, match_t, [wanted[pid] for pid in changed if pid in wanted])
    compared = [pid for pid in changed if pid in wanted and _keys_of(stored.get(pid)) != _keys_of(wanted[pid])]
    records.insert_rows(
        conn, pending_t, [{"person_id": pid, "queued_seq": seq} for pid in compared], upsert_key="person_id"
    )


def _keys_of(row: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    return None if row is None else tuple(row[k] for k in _BLOCKS)


def record_merge(conn: Connection, survivor_id: str, merged_id: str, *, decided_by: str, now: datetime) -> None:
    """After a merge: the merged file is compared no more, its other pairs go, the pair itself is kept as merged."""
    a, b = _ordered(survivor_id, merged_id)
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
    """An erased or anonymised person: nothing left to compare, and no pair left naming them."""
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
    seen, scored = _score_pending(hq, limit)
    if not seen:
        return 0, 0
    return _queue_scored(hq, seen, scored)


def _score_pending(hq: Hq, limit: int) -> tuple[dict[str, int], dict[tuple[str, str], Likeness]]:
    """The queued people (id -> the sequence they were queued at) and their likely pairs, read without the lock."""
    with hq.read() as conn:
        seen = dict(
            conn.execute(
                select(pending_t.c.person_id, pending_t.c.queued_seq).order_by(pending_t.c.queued_seq).limit(limit)
            ).all()
        )
        return seen, (_score(conn, seen) if seen else {})


def _queue_scored(hq: Hq, seen: Mapping[str, int], scored: Mapping[tuple[str, str], Likeness]) -> tuple[int, int]:
    """Queue the pairs scored from `seen`, keeping only what still holds: a person changed again since (queued anew)
    stays queued and their pairs wait for their next comparison; a person merged or erased in between is dropped."""
    with hq.write() as tx:
        conn = tx.conn
        ids = sorted(seen)
        current: dict[str, int] = {}
        for chunk in records.chunks(conn, ids):
            stmt = select(pending_t.c.person_id, pending_t.c.queued_seq).where(
                records.id_in(conn, pending_t.c.person_id, chunk)
            )
            current.update(conn.execute(stmt).all())
        done = {pid for pid in ids if current.get(pid) == seen[pid]}
        members = sorted({pid for pair in scored for pid in pair})
        alive: set[str] = set()
        for chunk in records.chunks(conn, members):
            alive.update(
                conn.scalars(select(match_t.c.person_id).where(records.id_in(conn, match_t.c.person_id, chunk)))
            )
        changed = set(ids) - done
        kept = {
            (a, b): found
            for (a, b), found in scored.items()
            if (a in done or b in done) and not {a, b} & changed and a in alive and b in alive
        }
        proposed = _queue(conn, kept, utcnow())
        # `current` was read in this writer transaction: no other writer has queued any of `done` again since
        for chunk in records.chunks(conn, sorted(done)):
            conn.execute(delete(pending_t).where(records.id_in(conn, pending_t.c.person_id, chunk)))
    return len(done), proposed


def catch_up(hq: Hq, *, rounds: int | None = None) -> int:
    """Compare everyone still queued (at most `rounds` batches); returns the pairs newly proposed."""
    proposed = 0
    done = 0
    while rounds is None or done < rounds:
        compared, found = detect_pending(hq)
        proposed += found
        done += 1
        if not compared:
            break
    return proposed


def run_detector_process(
    database_url: str, parent_pid: int, stop: Any, log_config: dict[str, Any] | None = None
) -> None:
    """The detector of a served HQ, in a process of its own so that comparing people never shares an interpreter
    with the requests: compares whatever is queued, then waits for the next commit (PostgreSQL: the feed's
    notification; SQLite: a look every second). Ends when `stop` (a multiprocessing event) is set or on SIGTERM,
    closing its connections (on SQLite, the last one to close folds the WAL into the database file), and with its
    parent (`gn-hq serve`), even one killed outright."""
    import logging.config
    import signal

    from gn_hq.db.engine import make_engine
    from gn_hq.services.feed import CHANNEL

    signal.signal(signal.SIGTERM, lambda _signo, _frame: stop.set())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group: the server stops this process
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
        while not stop.is_set() and os.getppid() == parent_pid:
            try:
                catch_up(hq)
            except Exception:
                log.exception("duplicate detection failed; the people stay queued and are compared at the next try")
                stop.wait(5)
            if listener is not None:
                for _note in listener.notifies(timeout=1.0, stop_after=1):
                    pass
            else:
                stop.wait(1.0)
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
    many pairs were newly proposed. One writer transaction."""
    with hq.write() as tx:
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
