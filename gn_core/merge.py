"""Field-level merge: how one captured change is folded into a record's current state. Pure functions, no I/O.

HQ applies every pushed change with `merge`; the campus client can use the same rules to rebase its own pending
edits. The rules, and why they converge, are written up in docs/sync-protocol.md ("Merge rules"). In short:

- every field remembers its last *writer*: the record version at which it was written, the writer's clock stamp
  (clamped to HQ's receive time, so a clock far ahead cannot win forever), device and user;
- a change *has seen* a field's current value when the field was last written at or before the change's base
  version, or by the same device with the value the change started from; such a change simply applies;
- otherwise the field was changed concurrently elsewhere: equal values agree; a protected field keeps HQ's value
  and an open conflict waits for an advisor; any other field goes to the greater (stamp, device id) — the same
  winner whatever order the changes arrive in — and the loser is reported in a conflict to both campuses;
- a delete against a concurrent update is a conflict and the record stays; an update reaching a deleted record
  brings it back, with a conflict; every update leaves a trace (a new version, even when it loses or only
  agrees) so that a delete is judged the same whatever the arrival order; an erased record refuses everything.

Convergence needs campuses to observe the stamps they pull (HybridClock.observe), so that a change made after
seeing a value stamps later than it; the tests check it over arbitrary interleavings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from gn_core.hlc import Stamp

Op = Literal["insert", "update", "delete"]
ConflictKind = Literal["field", "delete"]
Side = Literal["hq", "campus"]
Status = Literal["applied", "noop", "conflict", "rejected"]


@dataclass(frozen=True, slots=True)
class Writer:
    """Who last wrote a field: at which record version, with which (clamped) clock stamp, from which device."""

    version: int
    stamp: str
    device_id: str
    user_id: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The total order concurrent writes are decided by: stamp, then device id."""
        return (self.stamp, self.device_id)


@dataclass(frozen=True, slots=True)
class RecordState:
    """A record as HQ holds it. `data` misses no field it knows of; a missing field reads as None."""

    data: Mapping[str, Any] = field(default_factory=dict)
    #: each field's last writer, for the fields not last written by `base_writer`
    writers: Mapping[str, Writer] = field(default_factory=dict)
    #: the writer of every field `writers` does not list: whoever created the record (one entry instead of one per
    #: field keeps an inserted record's metadata tiny)
    base_writer: Writer | None = None
    version: int = 0
    deleted: bool = False
    erased: bool = False
    deleted_by: Writer | None = None
    #: fields with an open conflict waiting for an advisor: no change applies to them until it is resolved
    held: frozenset[str] = frozenset()
    #: every device whose update reached the record: the record version it made and its device sequence. A delete
    #: made without seeing one of them is a conflict; a change at or below a device's sequence was merged already.
    touched_by: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return self.version > 0

    def writer_of(self, name: str) -> Writer | None:
        return self.writers.get(name, self.base_writer)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One change to merge. `stamp` is already the effective stamp (see `effective_stamp`)."""

    op: Op
    fields: Mapping[str, tuple[Any, Any]]  # field -> (old, new)
    base_version: int
    stamp: str
    device_id: str
    user_id: str | None = None
    erasure: bool = False
    #: the change's device sequence (strictly increasing per device); 0 when unknown
    seq: int = 0


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two concurrent writes of one field (kind "field"), or a delete against an update (kind "delete").

    `hq_*` is what HQ held when the change arrived, `campus_*` what the change brought; `winner` says which value the
    record now has. `held` conflicts wait for an advisor; the others are reported for information.
    """

    kind: ConflictKind
    field: str | None
    base: Any
    hq_value: Any
    hq_writer: Writer | None
    campus_value: Any
    campus_writer: Writer
    winner: Side
    held: bool


@dataclass(frozen=True, slots=True)
class MergeResult:
    state: RecordState
    status: Status
    #: True when the record's state changed (its version went up by one)
    changed: bool
    conflicts: tuple[Conflict, ...] = ()
    #: why a change was refused: "erased" or "append_only"
    reason: str | None = None


def effective_stamp(hlc: str, now_ms: int) -> str:
    """The stamp a change competes with: its own, but never later than the moment HQ received it."""
    if len(hlc) > 13 and hlc[13] == "-" and hlc[:13] <= f"{now_ms:013d}":
        return hlc  # the common case, decided on the text: 13 wall-clock digits compare as numbers do
    stamp = Stamp.parse(hlc)
    if stamp.wall_ms <= now_ms:
        return hlc
    return str(Stamp(now_ms, stamp.counter, stamp.node))


def successor_stamp(stamp: str, previous: Writer | None) -> str:
    """The stamp of a write that has seen `previous`: strictly above it even if the writer's clock is behind."""
    if previous is None or stamp > previous.stamp:
        return stamp
    prev = Stamp.parse(previous.stamp)
    return str(Stamp(prev.wall_ms, prev.counter + 1, Stamp.parse(stamp).node))


def merge(
    state: RecordState | None,
    change: Incoming,
    *,
    protected: frozenset[str] = frozenset(),
    append_only: bool = False,
) -> MergeResult:
    """Fold `change` into `state` (None: HQ has never seen the record). Never mutates its arguments."""
    state = state or RecordState()
    if state.erased:
        return MergeResult(state, "rejected", False, reason="erased")
    writer = Writer(state.version + 1, change.stamp, change.device_id, change.user_id)
    mark = state.touched_by.get(change.device_id)
    if mark is not None and 0 < change.seq <= mark[1]:
        return MergeResult(state, "noop", False)  # this device's change, or a later one, was merged already
    if change.op == "delete":
        return _merge_delete(state, change, writer, append_only)
    if append_only and change.op == "update":
        return MergeResult(state, "rejected", False, reason="append_only")
    if not state.exists:
        data = {name: new for name, (_old, new) in change.fields.items()}
        return MergeResult(created(data, writer, change.seq), "applied", True)

    fold = _Fold(dict(state.data), dict(state.writers), set(state.held))
    for name, (old, new) in change.fields.items():
        _merge_field(fold, state.base_writer, change, writer, protected, name, old, new)
    data, writers, held, conflicts, effect = fold.data, fold.writers, fold.held, fold.conflicts, fold.effect

    if not effect:
        return MergeResult(state, "noop", False)
    if state.deleted:
        # The record was deleted while this campus was editing it: bring it back and let an advisor decide.
        campus_value = {name: new for name, (_old, new) in sorted(change.fields.items())}
        conflicts.insert(
            0, Conflict("delete", None, None, None, state.deleted_by, campus_value, writer, "campus", True)
        )
    new_state = RecordState(
        data=data,
        writers=writers,
        base_writer=state.base_writer,
        version=writer.version,
        held=frozenset(held),
        touched_by={**state.touched_by, change.device_id: (writer.version, change.seq)},
    )
    return MergeResult(new_state, "conflict" if conflicts else "applied", True, tuple(conflicts))


def created(data: Mapping[str, Any], writer: Writer, seq: int) -> RecordState:
    """A record HQ has never seen, as a change creates it: every field is simply what the change says, all by one
    writer (`merge` of a change into no state; HQ's push calls it directly for the inserts of a batch)."""
    return RecordState(
        data=data, base_writer=writer, version=writer.version, touched_by={writer.device_id: (writer.version, seq)}
    )


@dataclass(slots=True)
class _Fold:
    """The record being merged: its data, field writers and held fields, the conflicts found, and whether the change
    has any effect (an update leaves a trace — a new version — whenever it is not simply redundant, even when it
    loses or only agrees, so that a delete made without seeing it is recognised as concurrent whatever the arrival
    order)."""

    data: dict[str, Any]
    writers: dict[str, Writer]
    held: set[str]
    conflicts: list[Conflict] = field(default_factory=list)
    effect: bool = False


def _merge_field(
    fold: _Fold,
    base_writer: Writer | None,
    change: Incoming,
    writer: Writer,
    protected: frozenset[str],
    name: str,
    old: Any,
    new: Any,
) -> None:
    """Fold one field of an update into the record (see `merge`)."""
    current = fold.data.get(name)
    last = fold.writers.get(name, base_writer)
    if name in fold.held:
        if current != new:
            fold.conflicts.append(Conflict("field", name, old, current, last, new, writer, "hq", True))
        fold.effect = True
        return
    seen = (
        last is None or last.version <= change.base_version or (last.device_id == change.device_id and current == old)
    )
    if seen:
        if current != new:
            fold.data[name] = new
            stamp = successor_stamp(change.stamp, last)
            fold.writers[name] = writer if stamp == writer.stamp else replace(writer, stamp=stamp)
            fold.effect = True
        return
    assert last is not None  # a field nobody wrote has always been seen
    fold.effect = True
    if current == new:
        # Both sides agree; the greater writer becomes the field's writer so later decisions don't depend on which
        # of the two arrived first.
        if writer.key > last.key:
            fold.writers[name] = writer
    elif name in protected:
        fold.conflicts.append(Conflict("field", name, old, current, last, new, writer, "hq", True))
        fold.held.add(name)
    elif writer.key > last.key:
        fold.data[name] = new
        fold.writers[name] = writer
        fold.conflicts.append(Conflict("field", name, old, current, last, new, writer, "campus", False))
    else:
        fold.conflicts.append(Conflict("field", name, old, current, last, new, writer, "hq", False))


def _merge_delete(state: RecordState, change: Incoming, writer: Writer, append_only: bool) -> MergeResult:
    if change.erasure:
        return MergeResult(erase(state), "applied", True)
    if append_only:
        return MergeResult(state, "rejected", False, reason="append_only")
    if not state.exists or state.deleted:
        return MergeResult(state, "noop", False)
    unseen = {
        device: version
        for device, (version, _stamp) in state.touched_by.items()
        if version > change.base_version and device != change.device_id
    }
    if unseen:
        changed_fields = sorted(
            name
            for name, w in state.writers.items()
            if w.version > change.base_version and w.device_id != change.device_id
        )
        latest = max(
            (w for w in [*state.writers.values(), state.base_writer] if w is not None and w.device_id in unseen),
            key=lambda w: (w.version, w.key),
            default=None,
        )
        hq_value = {name: state.data.get(name) for name in changed_fields}
        conflict = Conflict("delete", None, None, hq_value, latest, None, writer, "hq", True)
        return MergeResult(state, "conflict", False, (conflict,))
    # A delete does not mark the record as touched: deletes need not see each other.
    return MergeResult(replace(state, version=writer.version, deleted=True, deleted_by=writer), "applied", True)


def erase(state: RecordState | None) -> RecordState:
    """What is left of a record after a GDPR erasure: a tombstone with no data that refuses every later change."""
    version = state.version + 1 if state else 1
    return RecordState(version=version, deleted=True, erased=True)


def resolve_field(
    state: RecordState, name: str, value: Any, stamp: str, device_id: str, user_id: str | None
) -> RecordState:
    """An advisor's decision on a conflicting field: `value` becomes the field's value and the field is released."""
    writer = Writer(state.version + 1, successor_stamp(stamp, state.writer_of(name)), device_id, user_id)
    return replace(
        state,
        data={**state.data, name: value},
        writers={**state.writers, name: writer},
        version=writer.version,
        held=state.held - {name},
    )


def resolve_delete(state: RecordState, delete: bool, stamp: str, device_id: str, user_id: str | None) -> RecordState:
    """An advisor's decision on a delete-against-update conflict: delete the record now, or keep it."""
    if not delete or state.deleted or state.erased:
        return state
    writer = Writer(state.version + 1, stamp, device_id, user_id)
    return replace(state, version=writer.version, deleted=True, deleted_by=writer)
