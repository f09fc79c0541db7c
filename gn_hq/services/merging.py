"""Merging two files of one person at HQ: the merged file becomes a redirect to the survivor, everywhere.

One writer transaction, written in the order a campus must apply it (the feed is in sequence order):
1. the survivor takes the values chosen from the merged file (identity, contact, ownership…);
2. every record of the merged file (pathway, notes, appointments, referrals, consents, disability decision,
   registrations, startups, check-ins, pre-registrations) moves to the survivor — a person has one disability
   decision: when both have one, the more recent decision stays and the other is deleted;
3. the campuses that followed the merged file follow the survivor (a share; the new owner by transfer), and the
   survivor's records go out again in their feeds;
4. last, the merged file gets `merged_into` (an HQ field): a PC receiving it moves what it still holds of the merged
   file to the survivor and deletes it (gn_desktop.sync.apply). `person_redirect` keeps the link for changes still
   naming the merged file (`redirect_changes`): an offline PC's edit lands on the survivor through the usual merge.

A merge cannot be undone; erasing either file erases both (services/erasure.py). A conflict waiting for an
advisor on the merged file must be decided first (it would otherwise be decided on a redirect).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, insert, select, update

from gn_core import fields as value_rules
from gn_core.merge import Incoming, merge
from gn_core.protocol import Change, FieldChange
from gn_core.sync_rules import (
    FRONT_DESK,
    HQ_FIELDS,
    MERGED_INTO_FIELD,
    NOT_PULLED,
    OWNING_CAMPUS_FIELD,
    PERSON_LINK,
)
from gn_hq.db.models import conflict_table as conflict_t
from gn_hq.db.models import person_access_table as access_t
from gn_hq.db.models import person_redirect_table as redirect_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import authoring, duplicates, records, sharing
from gn_hq.services.context import HQ_DEVICE_ID, Hq, WriteTx
from gn_hq.services.errors import Conflicting, Invalid, NotFound

#: the person fields a merge may take from the merged file (HQ's own fields aside)
MERGEABLE_FIELDS: frozenset[str] = frozenset(value_rules.ENTITY_FIELDS["person"]) - HQ_FIELDS["person"]
#: entities whose records follow their person in a merge, and the field naming the person
_LINKED: dict[str, str] = {
    **{e: f for e, f in PERSON_LINK.items() if f != "id" and e not in NOT_PULLED},
    **FRONT_DESK,
}
#: one record per person
_ONE_PER_PERSON = "rqth_decision"


@dataclass(frozen=True, slots=True)
class MergeResult:
    survivor_id: str
    merged_id: str
    fields_taken: tuple[str, ...]
    records_moved: int
    campus_ids: tuple[str, ...]


def merge_people(hq: Hq, survivor_id: str, merged_id: str, *, take: Iterable[str] = (), decided_by: str) -> MergeResult:
    """Merge `merged_id` into `survivor_id`, the survivor taking the merged file's value of each field in `take`
    (`campus_id` among them: the merged file's campus owns the survivor). Irreversible."""
    if survivor_id == merged_id:
        raise Invalid("Une personne ne peut pas être fusionnée avec elle-même : donnez deux identifiants différents.")
    wanted = tuple(dict.fromkeys(take))
    unknown = [f for f in wanted if f not in MERGEABLE_FIELDS]
    if unknown:
        raise Invalid(
            f"Champ inconnu pour une fusion : {unknown[0]}. Champs possibles : {', '.join(sorted(MERGEABLE_FIELDS))}."
        )
    with hq.write() as tx:
        conn = tx.conn
        survivor, merged = (_live_person(conn, pid) for pid in (survivor_id, merged_id))
        _no_open_conflict(conn, merged_id)
        values = {f: merged.get(f) for f in wanted if merged.get(f) != survivor.get(f)}
        if values:
            authoring.write_as_hq(hq, tx, "person", survivor_id, values)
        moved = _move_records(hq, tx, survivor_id, merged_id)
        campuses = _follow(tx, survivor_id, merged_id, values.get(OWNING_CAMPUS_FIELD))
        authoring.write_as_hq(hq, tx, "person", merged_id, {MERGED_INTO_FIELD: survivor_id})
        now = utcnow()
        conn.execute(update(redirect_t).where(redirect_t.c.survivor_id == merged_id).values(survivor_id=survivor_id))
        conn.execute(
            insert(redirect_t).values(
                person_id=merged_id, survivor_id=survivor_id, merged_at=now, decided_by=decided_by[:200]
            )
        )
        # the survivor's new keys (fields taken from the merged file) reach duplicate detection through the feed,
        # as any write of a person does
        duplicates.record_merge(conn, survivor_id, merged_id, decided_by=decided_by, now=now)
    return MergeResult(survivor_id, merged_id, tuple(values), moved, campuses)


def _live_person(conn: Connection, person_id: str) -> dict[str, Any]:
    stored = records.load(conn, [("person", person_id)]).get(("person", person_id))
    if stored is None:
        raise NotFound(f"Personne inconnue au siège : {person_id}. Vérifiez l'identifiant.", code="unknown_person")
    state = stored.state
    if state.erased or state.deleted:
        raise Conflicting(f"La personne {person_id} a été effacée : elle ne peut pas être fusionnée.", code="erased")
    if state.data.get(MERGED_INTO_FIELD):
        raise Conflicting(
            f"La personne {person_id} a déjà été fusionnée dans {state.data[MERGED_INTO_FIELD]} : une fusion ne se "
            "défait pas ; fusionnez avec ce dossier-là.",
            code="already_merged",
        )
    if state.data.get("anonymised_on"):
        raise Conflicting(f"Le dossier {person_id} a été anonymisé : il ne peut pas être fusionné.", code="anonymised")
    return dict(state.data)


def _no_open_conflict(conn: Connection, person_id: str) -> None:
    """A conflict waiting for an advisor on the merged file would be decided on a redirect: decide it first."""
    waiting = conn.execute(
        select(conflict_t.c.id).where(conflict_t.c.person_id == person_id, conflict_t.c.status == "open").limit(1)
    ).first()
    if waiting is not None:
        raise Conflicting(
            f"Le dossier {person_id} a un conflit qui attend la décision d'un conseiller : faites-la régler (boîte "
            "des conflits de son campus) avant de le fusionner.",
            code="open_conflict",
        )


def _move_records(hq: Hq, tx: WriteTx, survivor_id: str, merged_id: str) -> int:
    """Every live record of the merged file now names the survivor; returns how many moved."""
    conn = tx.conn
    rows = conn.execute(
        select(record_t.c.entity, record_t.c.record_id, record_t.c.person_id)
        .where(
            record_t.c.person_id.in_([survivor_id, merged_id]),
            record_t.c.entity.in_(sorted(_LINKED)),
            record_t.c.deleted.is_(False),
            record_t.c.erased.is_(False),
        )
        .order_by(record_t.c.server_seq)
    ).all()
    keys = [(r.entity, r.record_id) for r in rows if r.person_id == merged_id]
    decisions = [(r.entity, r.record_id) for r in rows if r.entity == _ONE_PER_PERSON]
    if len(decisions) > 1:
        keys = _keep_latest_decision(hq, tx, decisions, keys)
    for entity, record_id in keys:
        authoring.write_as_hq(hq, tx, entity, record_id, {_LINKED[entity]: survivor_id})
    return len(keys)


def _keep_latest_decision(
    hq: Hq, tx: WriteTx, decisions: Sequence[tuple[str, str]], keys: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Both files hold a disability decision: the most recent one stays (the survivor's on a tie), the other is
    deleted first (a PC holds one per person)."""
    stored = records.load(tx.conn, decisions)
    ranked = sorted(
        decisions,
        key=lambda k: (str(stored[k].state.data.get("decided_on") or ""), k not in keys),
        reverse=True,
    )
    for key in ranked[1:]:
        state = stored[key].state
        change = Incoming(
            op="delete",
            fields={name: (value, None) for name, value in state.data.items()},
            base_version=state.version,
            stamp=str(hq.clock.now()),
            device_id=HQ_DEVICE_ID,
        )
        result = merge(state, change)
        row = records.columns_of(key[0], key[1], result.state, tx.next_seq(), utcnow())
        records.write(tx.conn, [], [row])
    return [k for k in keys if k not in ranked[1:]]


def _follow(tx: WriteTx, survivor_id: str, merged_id: str, new_owner: Any) -> tuple[str, ...]:
    """The campuses that followed either file follow the survivor (shared; the new owner by transfer); the
    survivor's records go out again so the newcomers receive them. Returns the campuses following the survivor."""
    conn = tx.conn
    access: dict[str, set[str]] = {survivor_id: set(), merged_id: set()}
    for person_id, campus_id in conn.execute(
        select(access_t.c.person_id, access_t.c.campus_id).where(access_t.c.person_id.in_(list(access)))
    ):
        access[person_id].add(campus_id)
    grants = [(survivor_id, c, "shared") for c in sorted(access[merged_id] - access[survivor_id])]
    if isinstance(new_owner, str) and new_owner not in access[survivor_id]:
        grants = [g for g in grants if g[1] != new_owner] + [(survivor_id, new_owner, "transfer")]
    if grants:
        records.grant(conn, grants, utcnow())
        sharing.rebump(tx, survivor_id)
    return tuple(sorted(access[survivor_id] | {g[1] for g in grants}))


# --- changes still naming a merged file ---------------------------------------------------------------------------


def redirects(conn: Connection, person_ids: Iterable[str]) -> dict[str, str]:
    """merged file -> survivor, for those of `person_ids` that were merged."""
    ids = sorted(set(person_ids))
    out: dict[str, str] = {}
    stmt = _redirects_statement(conn.dialect.name == "postgresql")
    for chunk in records.chunks(conn, ids):
        out.update((a, b) for a, b in conn.execute(stmt, {"ids": records.ids_value(conn, chunk)}).all())
    return out


@functools.cache
def _redirects_statement(postgres: bool) -> Select[Any]:  # run by every push: built once
    return select(redirect_t.c.person_id, redirect_t.c.survivor_id).where(
        records.ids_bound(postgres, redirect_t.c.person_id)
    )


def redirect_changes(conn: Connection, changes: list[Change]) -> list[Change]:
    """Pushed changes naming a merged file, rewritten to name the survivor: an edit of the merged person becomes an
    edit of the survivor (merged field by field as usual: applied where the survivor still holds the value the PC
    saw, a conflict where it does not), a record linked to the merged person is linked to the survivor. One query
    when nothing was ever merged."""
    named: set[str] = set()
    for c in changes:
        if c.entity == "person":
            named.add(c.record_id)
        elif (link := _LINKED.get(c.entity)) and link in c.fields:
            named.update(v for v in (c.fields[link].get("old"), c.fields[link].get("new")) if isinstance(v, str))
    found = redirects(conn, named) if named else {}
    if not found:
        return changes
    survivors = records.load(conn, [("person", s) for s in set(found.values())])
    out = []
    for c in changes:
        if c.entity == "person" and c.record_id in found:
            survivor = found[c.record_id]
            stored = survivors.get(("person", survivor))
            data = stored.state.data if stored else {}
            # the PC saw the merged file's version, not the survivor's: the change counts as having seen the
            # survivor only where every value it replaces is the survivor's current one
            saw = stored is not None and all(data.get(k) == f.get("old") for k, f in c.fields.items())
            out.append(
                c.model_copy(
                    update={
                        "record_id": survivor,
                        "op": "update" if c.op == "insert" else c.op,
                        "base_version": stored.state.version if saw and stored else 0,
                    }
                )
            )
            continue
        link = _LINKED.get(c.entity)
        if link and link in c.fields and (c.fields[link].get("new") in found or c.fields[link].get("old") in found):
            value: FieldChange = {
                "old": _to(found, c.fields[link].get("old")),
                "new": _to(found, c.fields[link].get("new")),
            }
            out.append(c.model_copy(update={"fields": {**c.fields, link: value}}))
            continue
        out.append(c)
    return out


def _to(found: dict[str, str], value: Any) -> Any:
    return found.get(value, value) if isinstance(value, str) else value


def merge_group(conn: Connection, person_id: str) -> list[str]:
    """The files that are one person with `person_id`: the survivor first, then every file merged into it."""
    survivor = redirects(conn, [person_id]).get(person_id, person_id)
    merged = conn.execute(
        select(redirect_t.c.person_id).where(redirect_t.c.survivor_id == survivor).order_by(redirect_t.c.person_id)
    ).scalars()
    return [survivor, *merged]
