"""Applying what HQ sends to the campus store: the decisions (no Qt); `gn_desktop.store.replica` does the writing.

Each pulled page is applied in ONE transaction together with the cursor that follows it, so a crash (kill -9, power
cut) between pages resumes exactly there. Each received update or delete goes to history with origin "remote" (as
does a record new to this campus, except during a snapshot), never to the change log.

What is decided here:
- local edits not yet pushed stay on top: when a pulled record has pending changes for some fields, those fields
  keep their local values until HQ has merged the push (the next pull then brings the merged state); a record
  deleted here and not yet pushed is left alone (the push decides); a pulled delete of a record edited here waits;
- erased records take everything of their person with them;
- a person file HQ merged into another (`merged_into`) is never stored: what this PC holds of it moves to the
  survivor and it is deleted (HQ sends the redirect after the survivor and its records);
- one record never stops a pull: a record this PC cannot store is set aside with its reason (tried again at each
  pull, reported to HQ) and the rest goes on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from gn_core.hlc import ClockDriftError, HybridClock, Stamp
from gn_core.protocol import ConflictNotice, PulledRecord
from gn_core.sync_rules import MERGED_INTO_FIELD
from gn_desktop.store import models as m
from gn_desktop.store import replica
from gn_desktop.store.replica import (
    UNKNOWN_ENTITY,
    UNSTORABLE,
    compact,
    erase_person,
    forget_other_accounts,
    prepare_records,
    set_aside,
    sync_transaction,
    unstorable_reason,
)
from gn_desktop.store.types import utcnow
from gn_desktop.sync.errors import ClockWrong, clock_message

__all__ = [
    "apply_records",
    "compact",
    "forget_other_accounts",
    "observe",
    "pending_fields",
    "prepare_records",
    "retry_set_aside",
    "set_aside",
    "sync_transaction",
    "unstorable_reason",
    "upsert_conflicts",
]


def _chunks(items: Sequence[Any], size: int = replica.CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


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


def _as_dict(rec: PulledRecord | dict[str, Any]) -> dict[str, Any]:
    return rec if isinstance(rec, dict) else rec.__dict__


def apply_records(
    conn: Connection,
    records: Sequence[PulledRecord] | Sequence[dict[str, Any]],
    *,
    insert_history: bool = True,
) -> tuple[int, list[str]]:
    """Write pulled records (models or plain dicts of the same shape); returns (records applied, ids erased or
    anonymised: the people erased, the records erased on their own — a kiosk pre-registration that described an erased
    person —, and the people anonymised; the caller compacts the file). `insert_history=False` (the initial sync)
    writes no history entry for records new to this campus: they tell nobody who changed what, and the record holds
    the same values; updates and deletes always do.

    A record this PC cannot store (a value it does not know, a rule it does not have: an older app, or a record
    written at HQ before a rule existed) is set aside with its reason, and the rest goes on. The records of one
    entity are written together; if that fails, one by one, each in its own savepoint."""
    recs_all = [_as_dict(r) for r in records]
    erased_people: list[str] = []
    erased_alone: list[str] = []
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
                replica.delete_record(conn, rec["entity"], rec["id"], rec.get("hlc") or "", erased=True)
                erased_alone.append(rec["id"])
        elif rec["entity"] in m.MODEL_BY_ENTITY:
            live.append(rec)
        else:
            unknown.append(rec)
    for pid in erased_people:
        erase_person(conn, pid, keep_pending=False)
    live, waiting = _redirect_merged(conn, live)
    # an anonymised file (gn_core.retention): the changes not sent yet are dropped (HQ refuses them) so that HQ's
    # state applies whole; HQ sends the person before their records, so this comes first for them all
    newly_anonymised = [
        r["id"] for r in live if r["entity"] == "person" and (r.get("data") or {}).get("anonymised_on") is not None
    ]
    if newly_anonymised:
        replica.drop_pending_changes(conn, newly_anonymised)
    has_pending = conn.execute(select(m.ChangeLog.seq).limit(1)).first() is not None
    pending = pending_fields(conn, [(r["entity"], r["id"]) for r in live]) if has_pending else {}
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in live:
        by_entity[rec["entity"]].append(rec)
    stamp = replica.stamp()
    history: list[tuple[Any, ...]] = []
    aside: list[tuple[dict[str, Any], str]] = [(rec, UNKNOWN_ENTITY) for rec in unknown] + waiting
    stored: list[tuple[str, str]] = []
    for entity, recs in by_entity.items():
        plan = replica.plan_for(m.MODEL_BY_ENTITY[entity])
        try:
            with replica.savepoint(conn, "sync_entity"):
                history.extend(_apply_entity(conn, plan, recs, pending, stamp, insert_history))
            stored.extend((entity, r["id"]) for r in recs)
        except UNSTORABLE:
            for rec in recs:
                try:
                    with replica.savepoint(conn, "sync_record"):
                        history.extend(_apply_entity(conn, plan, [rec], pending, stamp, insert_history))
                    stored.append((entity, rec["id"]))
                except UNSTORABLE as exc:
                    aside.append((rec, unstorable_reason(exc)))
    replica.write_history(conn, history)
    if aside:
        set_aside(conn, aside)
    replica.forget_set_aside(conn, stored)
    # no old value of an anonymised file survives here: not in its history, nor anywhere else on this PC
    linked = {r["person_id"] for r in live if r.get("person_id")} | {r["id"] for r in live if r["entity"] == "person"}
    anonymised = replica.anonymised_people(conn, linked) if linked and _may_hold_anonymised(live) else []
    for pid in anonymised:
        replica.anonymise_traces(conn, pid)
    return len(recs_all), erased_people + erased_alone + anonymised


#: why a redirect waits: the survivor has not reached this PC yet
SURVIVOR_MISSING = (
    "Dossier fusionné au siège dans un autre que ce poste n'a pas encore reçu : réessayé au prochain envoi."
)


def _redirect_merged(
    conn: Connection, live: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], str]]]:
    """Apply the redirects among pulled people (files HQ merged into another); returns the other records, and the
    redirects that must wait for their survivor (set aside, retried at each pull)."""
    rest: list[dict[str, Any]] = []
    waiting: list[tuple[dict[str, Any], str]] = []
    for rec in live:
        survivor = (rec.get("data") or {}).get(MERGED_INTO_FIELD) if rec["entity"] == "person" else None
        if not survivor:
            rest.append(rec)
        elif not replica.redirect_person(conn, rec["id"], survivor):
            waiting.append((rec, SURVIVOR_MISSING))
        else:
            replica.forget_set_aside(conn, [("person", rec["id"])])
    return rest, waiting


def _may_hold_anonymised(records: Sequence[dict[str, Any]]) -> bool:
    """Whether a page may touch an anonymised file: only updates from HQ do (a snapshot's inserts bring records that
    hold no old value), so the common page of new records costs no lookup."""
    return any(r.get("version", 1) > 1 for r in records)


def _apply_entity(
    conn: Connection,
    plan: replica.Plan,
    recs: Sequence[dict[str, Any]],
    pending: dict[tuple[str, str], set[str] | None],
    stamp: str,
    insert_history: bool,
) -> list[tuple[Any, ...]]:
    """Decide, record by record, what to write of one entity's pulled records; returns their history entries."""
    writer = replica.EntityWriter(conn, plan, stamp, insert_history=insert_history)
    existing = writer.existing([r["id"] for r in recs])
    for rec in recs:
        local_fields = pending.get((plan.entity, rec["id"]), set()) if pending else set()
        if local_fields is None:
            continue  # deleted here, not yet pushed: the push decides
        old = existing.get(rec["id"])
        if rec["deleted"]:
            if not local_fields and old is not None:
                writer.delete(rec, old)  # (edited here meanwhile: HQ brings it back when the edit arrives)
            continue
        values, derived = writer.stored(rec)
        if old is None:
            writer.insert(rec, values, derived)
            continue
        if local_fields:
            stored_old = old[plan.data_at]
            for i, c in enumerate(plan.cols):
                if c in local_fields:
                    values[i] = stored_old[i]
            derived = None  # computed from values some of which stay local
        writer.update(rec, old, values, derived)
    return writer.flush()


def retry_set_aside(conn: Connection) -> int:
    """Try again to store the records set aside (this version of the app may know them now); returns how many are
    still set aside. One whose local copy is already as new is dropped."""
    again: list[dict[str, Any]] = []
    for record, local_version in replica.set_aside_records(conn):
        if local_version is not None and local_version >= record["version"]:
            replica.forget_set_aside(conn, [(record["entity"], record["id"])])
        else:
            again.append(record)
    if again:
        apply_records(conn, again)
    return replica.set_aside_count(conn)
