"""Push: a device's batch of changes applied at HQ — whole or not at all, exactly once.

Idempotence: the device's last applied `device_seq` is stored in the same transaction as the changes; a change at
or below it is a duplicate, reported and left alone, so a batch re-sent after a lost answer changes nothing.

The batch is applied set-based: every record it touches is loaded in one query, merged in memory change by change
(gn_core.merge), then written back with one bulk statement per table. A malformed change refuses the whole batch
(422, nothing applied). A well-formed change HQ will not apply — on an erased person, to an append-only record, on
a person the campus does not follow, or taking a unique key already used — is acknowledged and reported in
`rejected`, so one bad change never blocks the device's queue behind it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Select, bindparam, select, update

from gn_core import fields as value_rules
from gn_core.merge import (
    Conflict,
    Incoming,
    MergeResult,
    RecordState,
    Writer,
    created,
    effective_stamp,
    erase,
    merge,
)
from gn_core.protocol import Change, PushResponse, RecordVersion, Rejection
from gn_core.retention import ANONYMISED_REFUSAL
from gn_core.sync_rules import (
    ACCOUNT_ENTITY,
    APPEND_ONLY,
    ENTITIES,
    HQ_FIELDS,
    NATURAL_KEYS,
    OWNING_CAMPUS_FIELD,
    PERSON_LINK,
    REFUSAL_DETAIL,
    AccountInfo,
    protected_fields,
    write_refusal,
)
from gn_hq.db.models import device_table as device_t
from gn_hq.db.models import erasure_table as erasure_t
from gn_hq.db.models import record_table as record_t
from gn_hq.db.types import utcnow
from gn_hq.services import authoring, conflicts, erasure, merging, records, sharing
from gn_hq.services.context import Hq, WriteTx
from gn_hq.services.devices import AuthDevice, live_campus_ids
from gn_hq.services.errors import InvalidChange, Unauthorized
from gn_hq.services.records import Key

_REJECTION_DETAIL = {
    "erased": "Cette personne a été effacée (RGPD) : la modification est refusée ; effacez-la aussi sur ce poste.",
    "append_only": "Les notes et les étapes de parcours ne se modifient pas : ajoutez-en une nouvelle.",
    "forbidden": "Cette personne n'est pas suivie par votre campus : demandez au campus qui la suit de la partager.",
    "duplicate_key": "Cet identifiant est déjà utilisé par un autre enregistrement au siège.",
    "incomplete": "Le siège ne connaît pas cet enregistrement et la modification ne le décrit pas en entier : "
    "il n'est pas créé.",
}
PUSHED_ERASURE_REASON = "Effacement (RGPD) fait sur un campus et transmis au siège"


def validate(device: AuthDevice, changes: list[Change]) -> None:
    """Refuse the whole batch (422) if any change is malformed or not this device's; lists every bad change.

    Malformed includes a value no campus could store (gn_core.fields: types, vocabularies, dates, ids, lengths,
    control characters): checked here, before anything is merged, so that such a value never reaches a feed."""
    errors: list[dict[str, Any]] = []
    previous = 0
    for change in changes:
        problems: list[tuple[str, str]] = []
        if change.device_id != device.id:
            problems.append(("device_mismatch", "la modification vient d'un autre appareil que celui authentifié"))
        if change.device_seq <= previous:
            problems.append(("sequence_order", "les numéros de séquence doivent croître strictement dans le lot"))
        previous = max(previous, change.device_seq)
        if change.entity not in ENTITIES:
            problems.append(("unknown_entity", "type d'enregistrement inconnu"))
        else:
            problems.extend(_value_problems(change))
        for code, detail in problems:
            errors.append(
                {"device_seq": change.device_seq, "record_id": change.record_id, "code": code, "detail": detail}
            )
            if len(errors) >= 200:
                break
    if errors:
        raise InvalidChange(
            "Lot de modifications refusé : au moins une modification est invalide ; rien n'a été appliqué.",
            detail=errors[0]["detail"],
            errors=errors,
        )


def _value_problems(change: Change) -> list[tuple[str, str]]:
    """The values of a change that no campus could store (its new values, and the old ones it says it saw).

    Every field of every change goes through here: the common case (every value good) is checked inline, and only
    a change with a problem takes `_describe_problems` for the messages."""
    checks = value_rules.checks_of(change.entity)
    deleting = change.op == "delete"
    try:
        for name, values in change.fields.items():
            required, check = checks[name]  # KeyError: an unknown field
            new = values.get("new")  # AttributeError: not an {old, new} object
            if new is None:
                if required and not deleting:
                    return _describe_problems(change)
            elif check(new) is not None:
                return _describe_problems(change)
            old = values.get("old")
            if old is not None and check(old) is not None:
                return _describe_problems(change)
    except (KeyError, AttributeError):
        return _describe_problems(change)
    if change.op == "insert" and not value_rules.carries_required(change.entity, change.fields):
        return _describe_problems(change)
    return []


def _describe_problems(change: Change) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    entity = change.entity
    new: dict[str, Any] = {}
    for name, values in change.fields.items():
        if not isinstance(values, dict):
            found.append(("invalid_field", f"champ {name[:64]} : {{old, new}} attendu"))
            continue
        value = values.get("new")
        if change.op != "delete":
            new[name] = value
        for side, v in (("new", value), ("old", values.get("old"))):
            if (side == "old" or change.op == "delete") and v is None:
                continue
            p = value_rules.problem(entity, name, v)
            if p is not None:
                code = "invalid_field" if p.code == "unknown_field" else "invalid_value"
                found.append((code, p.message if side == "new" else f"{p.message} (ancienne valeur)"))
                break
    if change.op == "insert":
        found.extend(("invalid_value", p.message) for p in value_rules.problems(entity, new, complete=True, fields=()))
    return found


def push(hq: Hq, device: AuthDevice, changes: list[Change], protocol_version: int) -> PushResponse:
    """Apply `changes` (already validated by `validate`) for `device`, in one writer transaction."""
    validate(device, changes)
    with hq.write() as tx:
        row = tx.conn.execute(_DEVICE_MARK, {"device_id": device.id}).first()
        if row is None or row.revoked_at is not None:
            raise Unauthorized()
        last = int(row.last_device_seq)
        fresh = [c for c in changes if c.device_seq > last]
        duplicates = [c.device_seq for c in changes if c.device_seq <= last]
        if fresh:
            batch = _Batch(hq, tx, device)
            batch.apply(merging.redirect_changes(tx.conn, fresh))  # a merged file's changes land on its survivor
            last = fresh[-1].device_seq
            tx.conn.execute(
                _DEVICE_SEEN,
                {"device_id": device.id, "seq": last, "seen_at": utcnow(), "protocol": protocol_version},
            )
            versions = batch.versions()
            conflict_notices = [conflicts.notice(r) for r in batch.conflict_rows]
            rejected = batch.rejected
        else:
            versions = _versions(tx.conn, [(c.entity, c.record_id) for c in changes])
            conflict_notices, rejected = [], []
    return PushResponse(
        epoch=tx.epoch,
        server_time_ms=tx.now_ms,
        last_device_seq=last,
        applied=len(fresh),
        duplicates=duplicates,
        rejected=rejected,
        conflicts=conflict_notices,
        records=versions,
    )


# the statements every push runs, built once (building one costs about 0.2 ms a time: records.ids_bound)
_DEVICE_MARK = select(device_t.c.last_device_seq, device_t.c.revoked_at).where(device_t.c.id == bindparam("device_id"))
_DEVICE_SEEN = (
    update(device_t)
    .where(device_t.c.id == bindparam("device_id"))
    .values(last_device_seq=bindparam("seq"), last_seen_at=bindparam("seen_at"), protocol_version=bindparam("protocol"))
)


@functools.cache
def _people_statements(postgres: bool) -> tuple[Select[Any], Select[Any]]:
    """The people a batch names but does not change (known? erased? owning campus?), and the anonymised ones."""
    return (
        select(record_t.c.record_id, record_t.c.erased, record_t.c.campus_id).where(
            records.ids_bound(postgres, record_t.c.record_id), record_t.c.entity == "person"
        ),
        select(erasure_t.c.person_id).where(
            erasure_t.c.kind == erasure.ANONYMISE, records.ids_bound(postgres, erasure_t.c.person_id)
        ),
    )


#: per entity whose updates `_Batch._patch` may apply in place, the fields such an update must leave alone: the
#: person a record belongs to, the campus following a person, HQ's own fields — what a change of them brings
#: (transfers, grants, links) stays with the merge. Append-only records are never updated.
_NOT_IN_PLACE: Mapping[str, frozenset[str]] = {
    entity: frozenset({link, OWNING_CAMPUS_FIELD} if link == "id" else {link}) | HQ_FIELDS.get(entity, frozenset())
    for entity, link in PERSON_LINK.items()
    if entity not in APPEND_ONLY
}


def _patchable(changes: list[Change]) -> set[Key]:
    """The records the batch changes once, by an update `_Batch._patch` may apply in place (`_NOT_IN_PLACE`)."""
    seen: set[Key] = set()
    twice: set[Key] = set()
    out: set[Key] = set()
    for c in changes:
        key = (c.entity, c.record_id)
        if key in seen:
            twice.add(key)
        seen.add(key)
        kept = _NOT_IN_PLACE.get(c.entity)
        if kept is not None and c.op == "update" and not c.erasure and kept.isdisjoint(c.fields):
            out.add(key)
    return out - twice


def _versions(conn: Connection, keys: list[Key]) -> list[RecordVersion]:
    wanted = set(keys)
    out: list[RecordVersion] = []
    for ids in records.chunks(conn, sorted({record_id for _entity, record_id in wanted})):
        stmt = select(
            record_t.c.entity, record_t.c.record_id, record_t.c.version, record_t.c.deleted, record_t.c.erased
        ).where(records.id_in(conn, record_t.c.record_id, ids))
        out.extend(
            RecordVersion(entity=r.entity, id=r.record_id, version=r.version, deleted=r.deleted, erased=r.erased)
            for r in conn.execute(stmt)
            if (r.entity, r.record_id) in wanted
        )
    return out


@dataclass(slots=True)
class _Batch:
    """The in-memory working set of one push."""

    hq: Hq
    tx: WriteTx
    device: AuthDevice
    states: dict[Key, RecordState | None] = field(default_factory=dict)
    existing: set[Key] = field(default_factory=set)
    dirty: dict[Key, None] = field(default_factory=dict)
    person_of: dict[Key, str | None] = field(default_factory=dict)
    known_persons: set[str] = field(default_factory=set)
    person_campus: dict[str, str | None] = field(default_factory=dict)
    erased_persons: set[str] = field(default_factory=set)
    anonymised_persons: set[str] = field(default_factory=set)
    access: set[str] = field(default_factory=set)
    taken: dict[tuple[str, str], str] = field(default_factory=dict)
    grants: list[tuple[str, str, str]] = field(default_factory=list)
    rebump: set[str] = field(default_factory=set)
    erasures: list[tuple[str, str | None]] = field(default_factory=list)
    found_conflicts: list[tuple[Conflict, Key, str | None, str]] = field(default_factory=list)
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    campuses: set[str] | None = None
    accounts: dict[str, AccountInfo | None] = field(default_factory=dict)
    #: records an update of the batch may patch in place (`_patch`): loaded, not decoded
    raw: dict[Key, records.Stored] = field(default_factory=dict)
    #: the records patched in place
    patched: dict[Key, records.Patched] = field(default_factory=dict)

    # --- loading ---------------------------------------------------------------------------------------------------

    def _load(self, changes: list[Change]) -> None:
        conn = self.tx.conn
        keys = [(c.entity, c.record_id) for c in changes]
        stored = records.load(conn, keys)
        held = conflicts.held_fields(conn, [key for key, s in stored.items() if s.has_open_conflict])
        in_place = _patchable(changes)
        erasing = {c.record_id for c in changes if c.erasure and c.entity == "person"}
        for key, s in stored.items():
            self.existing.add(key)
            if key in in_place and not (s.has_open_conflict or s.deleted or s.erased or s.person_id in erasing):
                self.raw[key] = s
            else:
                self.states[key] = replace(s.state, held=frozenset(held[key])) if key in held else s.state
        person_ids = {pid for c in changes for pid in self._persons(c) if pid is not None}
        if person_ids:
            self._load_people(person_ids)
        wanted: dict[str, set[str]] = {}
        for c in changes:
            key_field = NATURAL_KEYS.get(c.entity)
            if key_field and key_field in c.fields and (nk := records.natural_key(c.fields[key_field].get("new"))):
                wanted.setdefault(c.entity, set()).add(nk)
        for entity, values in wanted.items():
            stmt = select(record_t.c.natural_key, record_t.c.record_id).where(
                record_t.c.entity == entity, record_t.c.natural_key.in_(sorted(values)), record_t.c.deleted.is_(False)
            )
            for r in conn.execute(stmt):
                self.taken[(entity, r.natural_key)] = r.record_id

    def _load_people(self, person_ids: set[str]) -> None:
        """The people the batch is about: known to HQ? erased? anonymised? followed by this campus? Those the batch
        itself changes were loaded with its records; the others are looked up; then two probes of the access and
        erasure tables."""
        conn = self.tx.conn
        others = []
        for pid in person_ids:
            state = self.states.get(("person", pid))
            if state is None and (raw := self.raw.get(("person", pid))) is not None:
                self.known_persons.add(pid)  # live, the owning campus in its column
                self.person_campus[pid] = raw.campus_id
                continue
            if state is None:
                others.append(pid)
                continue
            self.known_persons.add(pid)
            if state.erased:
                self.erased_persons.add(pid)
            owner = state.data.get(OWNING_CAMPUS_FIELD)
            self.person_campus[pid] = owner if isinstance(owner, str) and not state.deleted else None
        known, anonymised = _people_statements(conn.dialect.name == "postgresql")
        for ids in records.chunks(conn, sorted(others)):
            for r in conn.execute(known, {"ids": records.ids_value(conn, ids)}):
                self.known_persons.add(r.record_id)
                self.person_campus[r.record_id] = r.campus_id
                if r.erased:
                    self.erased_persons.add(r.record_id)
        for ids in records.chunks(conn, sorted(self.known_persons - self.erased_persons)):
            self.access.update(records.campuses_with_access(conn, ids, self.device.campus_id))
            self.anonymised_persons.update(conn.scalars(anonymised, {"ids": records.ids_value(conn, ids)}))

    def _persons(self, change: Change) -> tuple[str | None, str | None]:
        """The person the record belongs to before the change (as HQ holds it) and after it."""
        link = PERSON_LINK.get(change.entity)
        if link is None:
            return None, None
        if link == "id":
            return change.record_id, change.record_id
        key = (change.entity, change.record_id)
        state = self.states.get(key)
        if state is None and (raw := self.raw.get(key)) is not None:
            value: Any = raw.person_id
        else:
            value = state.data.get(link) if state is not None and state.exists else None
        before = value if isinstance(value, str) else None
        if change.op != "delete" and link in change.fields:
            value = change.fields[link].get("new")
            return before, value if isinstance(value, str) else None
        return before, before

    def _follows(self, person_id: str) -> bool:
        """Whether the device's campus follows the person (a person HQ has never seen may be created by it)."""
        return person_id in self.access or person_id not in self.known_persons

    def _account(self, account_id: str) -> AccountInfo | None:
        """An account's campus and role as HQ holds it (None: no such live account), for the audit trail's rule."""
        if account_id not in self.accounts:
            stored = records.load(self.tx.conn, [(ACCOUNT_ENTITY, account_id)]).get((ACCOUNT_ENTITY, account_id))
            data = stored.state.data if stored is not None and not stored.state.deleted else None
            self.accounts[account_id] = (data.get("campus_id"), str(data.get("role"))) if data else None
        return self.accounts[account_id]

    def _campus_exists(self, campus_id: str) -> bool:
        if self.campuses is None:
            self.campuses = live_campus_ids(self.tx.conn)
        return campus_id in self.campuses

    # --- merging ---------------------------------------------------------------------------------------------------

    def apply(self, changes: list[Change]) -> None:
        self._load(changes)
        now_ms = self.tx.now_ms
        for change in changes:
            key = (change.entity, change.record_id)
            before, pid = self._persons(change)
            raw = self.raw.pop(key, None)
            if raw is not None:
                if self._patch(change, key, raw, before, pid, now_ms):
                    continue
                self.states[key] = raw.state  # merged field by field after all
            state = self.states.get(key)
            if change.op == "insert" and state is None and not change.erasure:
                # the bulk of a first upload: a record HQ has never seen, created as the change says (what `merge`
                # does with no state, without building its field pairs)
                new = {name: f.get("new") for name, f in change.fields.items()}
                refusal = self._refusal(change, None, before, pid, new)
                if refusal is not None:
                    self._reject(change, *refusal)
                    continue
                writer = Writer(1, effective_stamp(change.hlc, now_ms), change.device_id, change.user_id)
                result = MergeResult(created(new, writer, change.device_seq), "applied", True)
            else:
                pairs = {name: (f.get("old"), f.get("new")) for name, f in change.fields.items()}
                new = {name: n for name, (_o, n) in pairs.items()} if change.op != "delete" else {}
                stored = state.data if state is not None and state.exists and not state.erased else None
                refusal = self._refusal(change, stored, before, pid, new)
                if refusal is not None:
                    self._reject(change, *refusal)
                    continue
                incoming = Incoming(
                    op=change.op,
                    fields=pairs,
                    base_version=change.base_version,
                    stamp=effective_stamp(change.hlc, now_ms),
                    device_id=change.device_id,
                    user_id=change.user_id,
                    erasure=change.erasure,
                    seq=change.device_seq,
                )
                result = merge(
                    state,
                    incoming,
                    protected=protected_fields(change.entity),
                    append_only=change.entity in APPEND_ONLY,
                )
            if result.status == "rejected":
                self._reject(change, result.reason or "erased")
                continue
            self.states[key] = result.state
            if result.changed:
                self.dirty[key] = None
                self.person_of[key] = pid
                self._track_key(change.entity, change.record_id, state, result.state)
            for conflict in result.conflicts:
                self.found_conflicts.append((conflict, key, pid, change.hlc))
            if change.entity == "person" and result.changed:
                self._person_changed(change.record_id, state, result.state)
            if change.erasure and change.entity == "person" and pid is not None:
                self._erase_in_memory(pid, change.user_id)
        self._write()

    def _patch(
        self, change: Change, key: Key, stored: records.Stored, before: str | None, pid: str | None, now_ms: int
    ) -> bool:
        """The common update — one change of a live record that has seen all of it: made at or after its current
        version, stamped after every writer of it — applied to the stored JSON in place (records.patch: what
        `merge` would do, without building the record's state), or refused. False: not that case, merge it."""
        stamp = effective_stamp(change.hlc, now_ms)
        if stored.version > change.base_version or (stored.hlc is not None and stamp <= stored.hlc):
            return False
        data: dict[str, Any] = records.decode_data(stored.data_text)
        new = {name: f.get("new") for name, f in change.fields.items()}
        refusal = self._refusal(change, data, before, pid, new)
        if refusal is not None:
            self._reject(change, *refusal)
            return True
        meta = records.decode_data(stored.meta_text)
        mark = meta.get("t", {}).get(change.device_id)
        changed = {name: value for name, value in new.items() if data.get(name) != value}
        if not changed or (mark is not None and 0 < change.device_seq <= mark[1]):
            return False  # changes nothing, or merged already: merge says what that leaves
        writer = Writer(stored.version + 1, stamp, change.device_id, change.user_id)
        self.patched[key] = records.patch(meta, data, changed, writer, change.device_seq)
        self.dirty[key] = None
        self.person_of[key] = pid
        return True

    def _refusal(
        self,
        change: Change,
        stored: Mapping[str, Any] | None,
        before: str | None,
        after: str | None,
        new: Mapping[str, Any],
    ) -> tuple[str, str] | None:
        """Why HQ will not apply this well-formed change (code, French detail), or None. `stored`: the record's data
        at HQ (None when HQ holds no live record); `new`: the values it writes (none for a delete)."""
        if (before is not None and before in self.erased_persons) or (
            after is not None and after in self.erased_persons
        ):
            return "erased", _REJECTION_DETAIL["erased"]
        if not change.erasure and {before, after} & self.anonymised_persons:
            return "forbidden", ANONYMISED_REFUSAL  # an anonymised file changes no more (an erasure excepted)
        refusal = write_refusal(
            self.device.role,
            self.device.campus_id,
            change.entity,
            change.record_id,
            change.op,
            stored=stored,
            new=new,
            follows=self._follows,
            campus_exists=self._campus_exists,
            author=change.user_id,
            device_id=self.device.id,
            account_of=self._account,
        )
        if refusal is not None:
            return "forbidden", REFUSAL_DETAIL[refusal]
        if (
            stored is None
            and change.op == "update"
            and value_rules.problems(change.entity, new, complete=True, fields=())
        ):
            return "incomplete", _REJECTION_DETAIL["incomplete"]
        key_field = NATURAL_KEYS.get(change.entity)
        if key_field and change.op != "delete" and key_field in change.fields:
            nk = records.natural_key(change.fields[key_field].get("new"))
            holder = self.taken.get((change.entity, nk)) if nk else None
            if holder is not None and holder != change.record_id:
                return "duplicate_key", _REJECTION_DETAIL["duplicate_key"]
        return None

    def _reject(self, change: Change, code: str, detail: str | None = None) -> None:
        self.rejected.append(
            Rejection(
                device_seq=change.device_seq,
                entity=change.entity,
                record_id=change.record_id,
                code=code,  # type: ignore[arg-type]  # one of the Literal codes, by construction
                detail=detail or _REJECTION_DETAIL.get(code, code),
            )
        )

    def _track_key(self, entity: str, record_id: str, before: RecordState | None, after: RecordState) -> None:
        key_field = NATURAL_KEYS.get(entity)
        if key_field is None:
            return
        old = records.natural_key(before.data.get(key_field)) if before and not before.deleted else None
        new = records.natural_key(after.data.get(key_field)) if not after.deleted else None
        if old and self.taken.get((entity, old)) == record_id:
            del self.taken[(entity, old)]
        if new:
            self.taken[(entity, new)] = record_id

    def _person_changed(self, person_id: str, before: RecordState | None, after: RecordState) -> None:
        """New people are followed by the campus that enrolled them; a new owning campus means a transfer."""
        if after.deleted:
            return
        owner = after.data.get(OWNING_CAMPUS_FIELD)
        if isinstance(owner, str):
            self.person_campus[person_id] = owner
        if person_id not in self.known_persons:
            self.known_persons.add(person_id)
            self.access.add(person_id)
            self.grants.append((person_id, self.device.campus_id, "owner"))
            if isinstance(owner, str):
                self.grants.append((person_id, owner, "owner"))
            return
        previous = before.data.get(OWNING_CAMPUS_FIELD) if before else None
        if isinstance(owner, str) and owner != previous:
            self.grants.append((person_id, owner, "transfer"))
            self.rebump.add(person_id)

    def _erase_in_memory(self, person_id: str, user_id: str | None) -> None:
        self.erased_persons.add(person_id)
        self.erasures.append((person_id, user_id))
        for key, pid in list(self.person_of.items()):
            state = self.states.get(key)
            if pid == person_id and state is not None and not state.erased:
                self.states[key] = erase(state)
                self.dirty[key] = None

    # --- writing ---------------------------------------------------------------------------------------------------

    def _write(self) -> None:
        tx, conn = self.tx, self.tx.conn
        now = utcnow()

        def rows(keys: list[Key]) -> Iterator[dict[str, Any]]:  # made as they are written (records.write)
            for key in keys:
                pid = self.person_of.get(key)
                owner = self.person_campus.get(pid) if pid is not None and key[0] != "person" else None
                if (p := self.patched.get(key)) is not None:
                    yield records.row_of(
                        key[0], key[1], p.data, p.data_text, p.meta_text, version=p.version, hlc=p.hlc,
                        seq=tx.next_seq(), now=now, owner_campus=owner,
                    )  # fmt: skip
                    continue
                state = self.states[key]
                assert state is not None
                yield records.columns_of(
                    key[0], key[1], state, tx.next_seq(), now, erased_person=pid, owner_campus=owner
                )

        new_keys = [key for key in self.dirty if key not in self.existing]
        changed_keys = [key for key in self.dirty if key in self.existing]
        records.write(conn, rows(new_keys), rows(changed_keys), count=len(self.dirty))
        if self.found_conflicts:
            hq_campus = conflicts.hq_campuses(conn, [c for c, *_ in self.found_conflicts])
            for conflict, key, pid, hlc in self.found_conflicts:
                hq_device = conflict.hq_writer.device_id if conflict.hq_writer else ""
                self.conflict_rows.append(
                    conflicts.row_for(
                        conflict,
                        entity=key[0],
                        record_id=key[1],
                        person_id=pid,
                        campus_id=self.device.campus_id,
                        campus_hlc=hlc,
                        hq_campus_id=hq_campus.get(hq_device),
                        seq=tx.next_seq(),
                        now=now,
                    )
                )
            conflicts.insert_rows(conn, self.conflict_rows)
        records.grant(conn, self.grants, now)
        for person_id in sorted(self.rebump):
            sharing.rebump(tx, person_id)
        for person_id, user_id in self.erasures:
            erasure.erase_person(tx, person_id, PUSHED_ERASURE_REASON, device_id=self.device.id, user_id=user_id)
        self._arrivals()

    def _arrivals(self) -> None:
        """A check-in (a new visit naming an appointment of the device's campus) marks the appointment arrived —
        arrival beats "planned", never "done", "missed" or "cancelled" — and the visit gets the appointment's person
        and advisor, which a kiosk does not know. Written by HQ, so every PC of the campus receives both."""
        visits = [
            (key, state)
            for key in self.dirty
            if key[0] == "visit"
            and key not in self.existing
            and (state := self.states[key]) is not None
            and isinstance(state.data.get("appointment_id"), str)
        ]
        if not visits:
            return
        for (_entity, visit_id), state in visits:
            appointment_id = state.data["appointment_id"]
            stored = records.load(self.tx.conn, [("appointment", appointment_id)]).get(("appointment", appointment_id))
            if stored is None or stored.state.deleted or stored.state.erased:
                continue
            appointment = stored.state.data
            if appointment.get("campus_id") != self.device.campus_id:
                continue
            if appointment.get("status") == "planned":
                authoring.write_as_hq(self.hq, self.tx, "appointment", appointment_id, {"status": "arrived"})
            links = {"person_id": appointment.get("person_id"), "advisor_id": appointment.get("advisor_id")}
            missing = {k: v for k, v in links.items() if v is not None and state.data.get(k) is None}
            if missing:
                authoring.write_as_hq(self.hq, self.tx, "visit", visit_id, missing)

    def versions(self) -> list[RecordVersion]:
        out = [RecordVersion(entity=e, id=i, version=p.version) for (e, i), p in self.patched.items()]
        for (entity, record_id), state in self.states.items():
            if state is None or not state.exists:
                continue
            # (validating these few plain values is quicker than model_construct's Python path)
            out.append(
                RecordVersion(
                    entity=entity, id=record_id, version=state.version, deleted=state.deleted, erased=state.erased
                )
            )
        return out
